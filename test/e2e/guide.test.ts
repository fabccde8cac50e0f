/**
 * `fuzz --guide coverage` on real backends (docs/coverage.md "Guided
 * search"): the search traces the builds without --coverage, pools the
 * projects that reached new backend lines and mutates them, and says so in
 * the report; where tracing is impossible (a backend that installs its own
 * tracer: test/fixtures/backends/tb_traced.py) it says so once and the run
 * goes on unguided.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/jsonReport.js';
import { FAKE_BACKENDS } from '../helpers.js';
import { HATCHLING, SETUPTOOLS, readJson, tempDir, twinbuild } from './cli.js';

describe('--guide coverage', () => {
  it.each([SETUPTOOLS, HATCHLING])('searches %s with a pool of projects that reached new lines and mutations of them', { timeout: 600_000 }, async (spec) => {
    const dir = await tempDir();
    const report = join(dir, 'report.json');
    const r = await twinbuild(['fuzz', '--a', spec, '--property', 'spec', '--runs', '12', '--seed', '4', '--corpus', join(dir, 'corpus'), '--no-progress', '--guide', 'coverage', '--report', report]);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/no findings: 12 runs, 12 projects/);
    const { guide } = await readJson<JsonReport>(report);
    expect(guide).toBeDefined();
    expect(guide!.active).toBe(true);
    expect(guide!.projects).toBe(12);
    expect(guide!.fresh + guide!.mutated).toBe(12);
    expect(guide!.mutated).toBeGreaterThan(0);
    // The first project reaches lines nothing reached before: the pool is never empty after it.
    expect(guide!.pool).toBeGreaterThan(0);
    expect(guide!.pool).toBeLessThanOrEqual(12);
    expect(r.stdout).toContain(`guided search: ${guide!.mutated} of 12 projects mutated from the pool`);
    expect(r.stdout).toContain(`${guide!.pool} pool entries`);
    // Traced for guidance only: no coverage report, no summary, no note.
    expect(r.stdout).not.toContain('backend coverage of');
    expect(r.stderr).not.toContain('no backend coverage');
    expect(existsSync(join(dir, 'corpus'))).toBe(false);
  });

  it('says once that tracing is impossible and the run goes on unguided', { timeout: 600_000 }, async () => {
    const dir = await tempDir();
    const report = join(dir, 'report.json');
    const spec = `${SETUPTOOLS},backend=tb_traced,path=${FAKE_BACKENDS}`;
    const r = await twinbuild(['fuzz', '--a', spec, '--property', 'spec', '--runs', '4', '--seed', '3', '--corpus', join(dir, 'corpus'), '--no-progress', '--guide', 'coverage', '--report', report]);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/no findings: 4 runs, 4 projects/);
    const notes = r.stderr.split('\n').filter((l) => l.includes('no backend coverage'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/another trace function is installed|tool id \d+ \(coverage\) is taken by 'tb_traced'/);
    expect(r.stderr.split('\n').filter((l) => l.includes('--guide coverage: no backend of this run can be traced; the search goes on unguided'))).toHaveLength(1);
    const { guide } = await readJson<JsonReport>(report);
    expect(guide).toEqual({ guide: 'coverage', active: false, projects: 4, fresh: 4, mutated: 0, fellBack: 0, pool: 0, mutations: { add: 0, remove: 0, alter: 0 } });
    expect(r.stdout).toContain('guided search: off (no backend could be traced): 4 fresh projects');
  });

  it('rejects another guide', async () => {
    const r = await twinbuild(['fuzz', '--a', SETUPTOOLS, '--guide', 'branches', '--runs', '1']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--guide must be coverage, got "branches"');
  });
});
