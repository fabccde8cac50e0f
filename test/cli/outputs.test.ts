import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { describe, expect, it } from 'vitest';
import { backendsTable } from '../../src/cli/backendsCommand.js';
import { colourEnabled, paint } from '../../src/cli/colour.js';
import { reportsToStdout, writeReports } from '../../src/cli/reportOutputs.js';
import type { BackendInfo } from '../../src/backends/types.js';
import { formatFinding } from '../../src/report/human.js';
import { tempDir } from '../e2e/cli.js';
import { sampleReport } from '../report/sampleReport.js';

describe('colour', () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ TERM: 'dumb' }, true, false],
  ])('env %j, terminal %s: colour %s', (env, tty, want) => {
    expect(colourEnabled(env, tty)).toBe(want);
  });

  it('a finding\'s diff lines and header are coloured when on, plain when off', () => {
    const f = sampleReport().findings[2]!;
    const on = formatFinding(f, { paint: paint(true) });
    const off = formatFinding(f, { paint: paint(false) });
    expect(off).not.toMatch(/\x1b\[/);
    expect(on).toMatch(/\x1b\[31m-Metadata-Version/); // a removed line, red
    expect(on).toMatch(/\x1b\[32m\+Metadata-Version/); // an added line, green
    expect(on.replace(/\x1b\[\d+m/g, '')).toBe(off);
    expect(off).toBe(formatFinding(f));
  });
});

describe('report targets', () => {
  it('--report - writes the JSON to stdout and nothing else there; files elsewhere are written too', async () => {
    const dir = await tempDir();
    const out: string[] = [];
    const r = sampleReport();
    await writeReports(r, { report: '-', junit: join(dir, 'deep/r.xml'), html: join(dir, 'r.html'), sarif: join(dir, 'r.sarif') }, dir, (t) => out.push(t));
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0]!)).toEqual(r);
    expect(await readFile(join(dir, 'deep/r.xml'), 'utf8')).toContain('<testsuites>');
    expect(await readFile(join(dir, 'r.html'), 'utf8')).toContain('<!doctype html>');
    expect(JSON.parse(await readFile(join(dir, 'r.sarif'), 'utf8'))).toMatchObject({ version: '2.1.0' });
  });

  it('two reports to stdout is a usage error', () => {
    expect(reportsToStdout({ report: '-' })).toBe(true);
    expect(reportsToStdout({ report: 'x.json' })).toBe(false);
    expect(() => reportsToStdout({ report: '-', sarif: '-' })).toThrow(/only one report can be written to stdout/);
  });
});

describe('backends table', () => {
  const info = (family: BackendInfo['family'], version: string, spec: string, extra: Partial<BackendInfo> = {}): BackendInfo => ({
    family,
    distribution: family,
    version,
    python: `/very/long/path/to/an/interpreter/${'x'.repeat(80)}/bin/python3`,
    pythonVersion: '3.11.7',
    hook: { module: 'm' },
    optionalHooks: [],
    source: 'managed',
    spec,
    ...extra,
  });
  const found = [
    info('setuptools', '80.9.0', `setuptools,python=/very/long/path/${'y'.repeat(120)}/bin/python3`),
    info('pdm', '1.1.2', 'pdm==1.1.2'),
    info('hatchling', '1.27.0', 'hatchling==1.27.0', { hookError: 'ImportError: no module named hatchling.build\nTraceback ...' }),
  ];

  it('fits 100 columns, JSON nowhere in its cells, and names the backends no project can be written for', () => {
    const { table, notes } = backendsTable(found, 100);
    const lines = [table, ...notes].join('\n').split('\n');
    for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(100);
    expect(table).not.toMatch(/[{}[\]]/);
    expect(table.split('\n')[0]).toMatch(/^family\s+version\s+python\s+source\s+projects\s+spec$/);
    expect(table).toMatch(/^setuptools\s+80\.9\.0\s+3\.11\.7\s+managed\s+yes\s+setuptools,python.*…y+\/bin\/python3$/m);
    expect(table).toMatch(/^pdm\s+1\.1\.2\s+\S+\s+managed\s+no\s+pdm==1\.1\.2$/m);
    expect(notes.join('\n')).toMatch(/twinbuild cannot write projects for:\n  pdm 1\.1\.2 \(pdm==1\.1\.2\): pdm 1\.1\.2 is pdm-pep517/);
    expect(notes.join('\n')).toMatch(/unusable[\s\S]*hatchling 1\.27\.0 \(hatchling==1\.27\.0\): ImportError: no module named hatchling\.build$/);
  });
});

describe('explain --artifacts', () => {
  const corpusFile = fileURLToPath(new URL('../../corpus/findings/pdm-backend-empty-entry-points.json', import.meta.url));
  async function explain(args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    // main() points TMPDIR at its run folder and leaves it so (see openRunScope): put it back.
    const tmp = process.env['TMPDIR'];
    try {
      const code = await main(['explain', corpusFile, ...args], { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n'), env: {}, cwd: process.cwd() });
      return { code, out, err };
    } finally {
      if (tmp === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = tmp;
    }
  }

  it('a folder with no index is a usage error that says what to give', async () => {
    const r = await explain(['--artifacts', await tempDir()]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/has no artifact index \(index\.json\): give the folder a run's --keep-artifacts wrote/);
  });

  it('lists the artifacts the index holds for the counterexample (by corpus file), and says when there are none', async () => {
    const dir = await tempDir();
    const entry = { signature: 'x', property: 'diff', summary: 's', corpusFile, artifacts: [{ side: 'a', backend: 'pdm 2.1.0', artifact: 'wheel', file: 'x/a/a-0-py3-none-any.whl' }, { side: 'b', backend: 'pdm 2.5.0', artifact: 'sdist', error: 'boom' }] };
    await writeFile(join(dir, 'index.json'), JSON.stringify({ format: 'twinbuild-artifacts', formatVersion: 1, findings: [entry] }));
    const r = await explain(['--artifacts', dir]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`- A (pdm 2.1.0) wheel: \`${join(dir, 'x/a/a-0-py3-none-any.whl')}\``);
    expect(r.out).toContain('- B (pdm 2.5.0) sdist: build failed: boom');
    await writeFile(join(dir, 'index.json'), JSON.stringify({ format: 'twinbuild-artifacts', formatVersion: 1, findings: [] }));
    expect((await explain(['--artifacts', dir])).out).toContain('None kept in');
  });
});
