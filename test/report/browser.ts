/// <reference lib="dom" />
/**
 * A real headless browser for the HTML report tests: Debian's chromium
 * (apt-get install chromium; .ci/run installs it) driven by puppeteer-core.
 * `CHROMIUM` names another executable. Without one the tests skip with a
 * message, except in CI (CI=true), where a missing browser is a failure.
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'puppeteer-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env['CHROMIUM']) return env['CHROMIUM'];
  return CANDIDATES.find((c) => existsSync(c));
}

export async function launch(executablePath: string): Promise<Browser> {
  const { launch: start } = await import('puppeteer-core');
  // --no-sandbox: CI runs as root, where chromium's sandbox refuses to start.
  return start({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}

/** What a report page must show: each finding, and each of its diffs rendered by diff2html and visible. */
export interface PageExpectation {
  findings: { signature: string; diffs: number }[];
}

/**
 * Problems of the page as it stands (empty: fine). Checked in the browser:
 * every expected finding has its section, is displayed, and shows as many
 * rendered side-by-side diffs (diff2html tables with lines) as it has text
 * differences, each with a non-zero size on screen.
 */
export async function pageProblems(page: Page, want: PageExpectation): Promise<string[]> {
  return page.evaluate((w: PageExpectation) => {
    const problems: string[] = [];
    const visible = (el: Element): boolean => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    for (const f of w.findings) {
      const s = document.querySelector(`section.finding[data-signature="${f.signature}"]`);
      if (!s) {
        problems.push(`finding ${f.signature}: no section`);
        continue;
      }
      if (!visible(s)) problems.push(`finding ${f.signature}: not displayed`);
      const views = [...s.querySelectorAll('.diff-view')];
      const rendered = views.filter((v) => v.querySelector('.d2h-file-side-diff .d2h-diff-table tr td.d2h-code-side-linenumber') && visible(v));
      if (rendered.length !== f.diffs) problems.push(`finding ${f.signature}: ${rendered.length} visible rendered diff(s), expected ${f.diffs}`);
      for (const v of views) {
        const sides = v.querySelectorAll('.d2h-file-side-diff');
        if (sides.length !== 2) problems.push(`finding ${f.signature}: a diff with ${sides.length} side(s), not side by side`);
      }
    }
    return problems;
  }, want);
}
