/// <reference lib="dom" />
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlReport } from '../../src/report/html.js';
import type { JsonReport } from '../../src/report/jsonReport.js';
import { tempDir } from '../e2e/cli.js';
import { chromiumPath, launch, pageProblems, type PageExpectation } from './browser.js';
import { SAMPLE_FINDINGS, sampleReport } from './sampleReport.js';

/** Where CI keeps the screenshots (git-ignored; docs/nightly.md uploads the folder). */
export const ARTIFACTS = fileURLToPath(new URL('../../artifacts/', import.meta.url));

const exe = chromiumPath();
const inCI = process.env['CI'] === 'true';
if (!exe && !inCI) console.warn('test/report/html.test.ts: no chromium found (apt-get install chromium, or set CHROMIUM): the browser tests are skipped');

function expectation(r: JsonReport): PageExpectation {
  return { findings: r.findings.map((f) => ({ signature: f.signature, diffs: f.differences.filter((d) => d.diff).length })) };
}

describe.skipIf(!exe && !inCI)('the HTML report in a real headless browser (chromium)', () => {
  let browser: Browser;
  let dir: string;
  const report = sampleReport();

  beforeAll(async () => {
    if (!exe) throw new Error('CI=true and no chromium: .ci/run installs it with apt-get install chromium');
    browser = await launch(exe);
    dir = await tempDir('twinbuild-html-');
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** Open `html` as a file; the page may load nothing from anywhere else. */
  async function open(html: string, name: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
    const file = join(dir, name);
    await writeFile(file, html);
    const page = await browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setRequestInterception(true);
    const url = pathToFileURL(file).href;
    page.on('request', (req) => {
      if (req.url() !== url) requests.push(req.url());
      void (req.url() === url ? req.continue() : req.abort());
    });
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(url, { waitUntil: 'load' });
    return { page, errors, requests };
  }

  it('loads with no console error and no request, and shows every finding with each of its diffs side by side', async () => {
    const { page, errors, requests } = await open(htmlReport(report), 'report.html');
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    const want = expectation(report);
    expect(want.findings.reduce((n, f) => n + f.diffs, 0)).toBeGreaterThan(3);
    expect(await pageProblems(page, want)).toEqual([]);
    // The summary names the backends and the run's counts; each finding its commands and project.
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain('pdm==2.1.0');
    expect(text).toMatch(/40 runs, 40 projects, 160 builds/);
    for (const f of report.findings) {
      expect(text).toContain(f.replay);
      expect(text).toContain(`twinbuild explain ${f.corpusFile}`);
      for (const path of Object.keys(f.project.files)) expect(text).toContain(path);
    }
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'html-report-desktop.png'), fullPage: true });
    await page.close();
  }, 60_000);

  it('the check fails on a page where a finding\'s diff is missing', async () => {
    // The same report, with the rendered diff of one difference of the last finding removed from the page.
    const html = htmlReport(report);
    const last = report.findings.at(-1)!;
    const at = html.indexOf(`data-signature="${last.signature}"`);
    const cut = html.indexOf('<div class="diff-view">', at);
    expect(cut).toBeGreaterThan(at);
    const end = html.indexOf('</div></div>', html.indexOf('</table>', cut)); // close enough: breaks the diff2html block
    const broken = html.slice(0, cut) + '<div class="broken">' + html.slice(end);
    const { page } = await open(broken, 'broken.html');
    const problems = await pageProblems(page, expectation(report));
    expect(problems.join('\n')).toMatch(new RegExp(`finding ${last.signature}: \\d+ visible rendered diff\\(s\\), expected ${last.differences.filter((d) => d.diff).length}`));
    // And a page without the finding at all.
    const { page: empty } = await open(htmlReport({ ...report, findings: report.findings.slice(0, -1) }), 'fewer.html');
    expect(await pageProblems(empty, expectation(report))).toEqual([`finding ${last.signature}: no section`]);
    await page.close();
    await empty.close();
  }, 60_000);

  it('filters by property and artifact hide and show findings', async () => {
    const { page, errors } = await open(htmlReport(report), 'filters.html');
    const shown = (): Promise<string[]> =>
      page.evaluate(() => [...document.querySelectorAll('section.finding')].filter((s) => (s as HTMLElement).offsetParent !== null).map((s) => (s as HTMLElement).dataset['signature']!));
    const all = report.findings.map((f) => f.signature);
    const [wheelOnly, sdistOnly, both] = SAMPLE_FINDINGS.map((_, i) => report.findings[i]!.signature);
    expect(await shown()).toEqual(all);
    await page.click('input[data-filter="artifact"][value="wheel"]');
    expect(await shown()).toEqual([sdistOnly, both]);
    // The finding on both artifacts now shows its sdist differences only.
    const wheelDiffs = await page.evaluate((sig) => [...document.querySelectorAll(`section[data-signature="${sig}"] .difference[data-artifact="wheel"]`)].filter((d) => (d as HTMLElement).offsetParent !== null).length, both);
    expect(wheelDiffs).toBe(0);
    await page.click('input[data-filter="artifact"][value="sdist"]');
    expect(await shown()).toEqual([]);
    expect(await page.$eval('#no-match', (e) => (e as HTMLElement).offsetParent !== null)).toBe(true);
    await page.click('input[data-filter="artifact"][value="wheel"]');
    expect(await shown()).toEqual([wheelOnly, both]);
    await page.click('input[data-filter="property"][value="diff"]');
    expect(await shown()).toEqual([]);
    await page.click('input[data-filter="property"][value="diff"]');
    await page.click('input[data-filter="artifact"][value="sdist"]');
    expect(await shown()).toEqual(all);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('is readable on a phone: no page-wide horizontal scrolling, the two sides of a diff stacked', async () => {
    const { page } = await open(htmlReport(report), 'phone.html');
    await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const m = await page.evaluate(() => {
      const sides = [...document.querySelectorAll('.d2h-file-side-diff')].slice(0, 2).map((e) => e.getBoundingClientRect());
      return { scroll: document.documentElement.scrollWidth, width: window.innerWidth, sides: sides.map((r) => ({ top: r.top, left: r.left, width: r.width })) };
    });
    expect(m.scroll).toBeLessThanOrEqual(m.width);
    expect(m.sides[1]!.top).toBeGreaterThan(m.sides[0]!.top); // B's side under A's
    expect(m.sides[0]!.width).toBeGreaterThan(300);
    expect(await pageProblems(page, expectation(report))).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'html-report-phone.png') });
    await page.close();
  }, 60_000);
});

describe('the HTML report as text', () => {
  it('is one self-contained page: the stylesheet inline, no external script, style or link', () => {
    const html = htmlReport(sampleReport());
    expect(html).toContain('<meta name="viewport"');
    expect(html).toContain('.d2h-file-side-diff'); // diff2html's CSS, inlined
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
  });

  it('escapes what the report holds (summary, file names, file contents)', () => {
    const r = sampleReport();
    r.findings[0]!.summary = '<script>alert(1)</script>';
    r.findings[0]!.project.files['<b>.py'] = '</pre><img src=x>';
    const html = htmlReport(r);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('links the kept artifacts relative to the page', () => {
    const r = sampleReport();
    r.findings[0]!.artifacts = [{ side: 'a', artifact: 'wheel', file: '/tmp/out/kept/abc/a/x-1-py3-none-any.whl' }];
    expect(htmlReport(r, { baseDir: '/tmp/out' })).toContain('href="kept/abc/a/x-1-py3-none-any.whl"');
  });
});
