/**
 * --coverage on real backends (docs/coverage.md): a few builds of setuptools
 * and hatchling record lines of their own packages; a function no build calls
 * is listed as never entered; where tracing is impossible (a backend that
 * installs its own tracer: test/fixtures/backends/tb_traced.py) the run says
 * so once and goes on; the coverage subcommand merges reports and rejects
 * what is not one.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CoverageReport } from '../../src/coverage/coverage.js';
import { FAKE_BACKENDS } from '../helpers.js';
import { HATCHLING, SETUPTOOLS, readJson, tempDir, twinbuild } from './cli.js';

describe('--coverage', () => {
  it('records the lines of both backends that a few builds execute', { timeout: 600_000 }, async () => {
    const dir = await tempDir();
    const file = join(dir, 'cov.json');
    const r = await twinbuild(['fuzz', '--a', SETUPTOOLS, '--b', HATCHLING, '--runs', '3', '--seed', '7', '--corpus', join(dir, 'corpus'), '--no-progress', '--coverage', file]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/backend coverage of setuptools 80\.9\.0 \(sys\.(settrace|monitoring), \d+ traced calls\)/);
    expect(r.stdout).toMatch(/^ {2}build path +\d+ \/ \d+/m);
    const report = await readJson<CoverageReport>(file);
    expect(report.format).toBe('twinbuild-coverage');
    const st = report.backends.find((b) => b.family === 'setuptools')!;
    const hl = report.backends.find((b) => b.family === 'hatchling')!;
    expect(st.unavailable).toBeUndefined();
    const meta = st.files.find((f) => f.path === 'setuptools/build_meta.py')!;
    expect(meta.reached).toBeGreaterThan(50);
    expect(meta.reached).toBeLessThan(meta.executable);
    // The body of build_sdist ran (every project has an sdist) ...
    expect(meta.functionsNeverEntered.map((f) => f.name)).not.toContain('_BuildMetaBackend.build_sdist');
    // ... while no generated project reaches the legacy backend's setup.py-only path
    // or setuptools' PEP 517 "setup.py is missing" fallback of _BuildMetaLegacyBackend.
    const legacy = meta.functionsNeverEntered.find((f) => f.name === '_BuildMetaLegacyBackend.run_setup')!;
    expect(legacy).toBeDefined();
    for (const l of legacy.body) expect(meta.neverReached).toContain(l);
    // Vendored copies are not the backend's code.
    expect(st.files.some((f) => f.path.includes('/_vendor/'))).toBe(false);
    expect(st.files.some((f) => f.path.startsWith('setuptools/_distutils/'))).toBe(true);
    // hatchling: its CLI is never run by a build; its wheel builder is.
    const wheel = hl.files.find((f) => f.path === 'hatchling/builders/wheel.py')!;
    expect(wheel.reached).toBeGreaterThan(100);
    const cli = hl.groups.find((g) => g.group === 'hatchling/cli')!;
    expect(cli.reached).toBe(0);
    expect(hl.buildPath!.reached).toBeGreaterThan(0);

    // The coverage subcommand reads it back (a report merged with itself is itself).
    const again = await twinbuild(['coverage', file, file, '--out', join(dir, 'merged.json')]);
    expect(again.exitCode, again.stderr).toBe(0);
    const merged = await readJson<CoverageReport>(join(dir, 'merged.json'));
    expect(merged.backends.map((b) => b.total)).toEqual(report.backends.map((b) => b.total));
  });

  it('replay --coverage: the legacy backend of a setup.py scenario runs run_setup, the PEP 517 one does not', { timeout: 600_000 }, async () => {
    const dir = await tempDir();
    const file = join(dir, 'replay.json');
    const scenario = fileURLToPath(new URL('../../corpus/scenarios/setup-py-plain.json', import.meta.url));
    const r = await twinbuild(['replay', scenario, '--coverage', file]);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    const report = await readJson<CoverageReport>(file);
    expect(report.backends).toHaveLength(2);
    const never = (legacy: boolean): string[] =>
      report.backends
        .find((b) => b.label.includes('__legacy__') === legacy)!
        .files.find((f) => f.path === 'setuptools/build_meta.py')!
        .functionsNeverEntered.map((f) => f.name);
    expect(never(true)).not.toContain('_BuildMetaLegacyBackend.run_setup');
    expect(never(false)).toContain('_BuildMetaLegacyBackend.run_setup');
  });

  it('says once that tracing is impossible and the run goes on without it', { timeout: 600_000 }, async () => {
    const dir = await tempDir();
    const file = join(dir, 'cov.json');
    const spec = `${SETUPTOOLS},backend=tb_traced,path=${FAKE_BACKENDS}`;
    const r = await twinbuild(['fuzz', '--a', spec, '--b', SETUPTOOLS, '--runs', '2', '--seed', '3', '--corpus', join(dir, 'corpus'), '--no-progress', '--coverage', file]);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/no findings: 2 runs/);
    const notes = r.stderr.split('\n').filter((l) => l.includes('no backend coverage'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/another trace function is installed|tool id \d+ \(coverage\) is taken by 'tb_traced'/);
    const report = await readJson<CoverageReport>(file);
    const traced = report.backends.find((b) => b.label.includes('tb_traced') || b.unavailable !== undefined)!;
    expect(traced.unavailable).toBeDefined();
    expect(traced.files).toEqual([]);
    expect(r.stdout).toContain('not measured');
    // The other side is measured as usual.
    expect(report.backends.some((b) => b.unavailable === undefined && b.total.reached > 0)).toBe(true);
  });

  it('rejects what is not a coverage report, and a bad coverage.py data file', { timeout: 300_000 }, async () => {
    const dir = await tempDir();
    const bogus = join(dir, 'bogus.json');
    await writeFile(bogus, '{"tool": "twinbuild"}');
    const r = await twinbuild(['coverage', bogus]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('is not a twinbuild coverage report');
    // A report is fine, the other run's data file is not one: said, exit 2 (read by coverage.py itself).
    const empty = join(dir, 'empty.json');
    await writeFile(empty, JSON.stringify({ format: 'twinbuild-coverage', formatVersion: 1, backends: [] }));
    const data = join(dir, '.coverage');
    await writeFile(data, 'not sqlite');
    const c = await twinbuild(['coverage', empty, '--compare', data]);
    expect(c.exitCode, c.stderr).toBe(2);
    expect(c.stderr).toMatch(/cannot read .*\.coverage with coverage==7\.10\.7: not a coverage\.py data file/);
  });
});
