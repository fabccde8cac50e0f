/**
 * Backends that fail every project the same way, through the real CLI
 * (tb_fake:always_hang and tb_fake:always_crash wrap Debian's setuptools;
 * only their build_wheel is broken), compared with plain setuptools:
 * - a hanging build_wheel costs a bounded number of timeouts (the failure,
 *   its confirmation, the minimal project, a step or two from there), not
 *   one per fast-check shrink candidate, and its finding is saved;
 * - under GNU `timeout` (which signals the process and then its process
 *   group: SIGTERM twice within milliseconds) the run saves its report and
 *   the finding, and exits 124 with no process left;
 * - a backend that crashes on every project is stopped by the health check
 *   after a few projects, with its one finding saved.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpusFile } from '../../src/corpus/store.js';
import { HEALTH_MIN_PROJECTS } from '../../src/fuzz/health.js';
import { alive, expectNothingLeft, fakeSpec, fuzzArgs, readReport, realSpec, runCli, sandboxesOfFile, type CliRun, type Sandbox } from './harness.js';

const setup = sandboxesOfFile();

/** The hooks that hung (each recorded itself and a forked grandchild). */
const hung = (sb: Sandbox): number[] =>
  readdirSync(sb.state)
    .filter((f) => f.startsWith('hanging-') && f.endsWith('.json'))
    .flatMap((f) => {
      const h = JSON.parse(readFileSync(join(sb.state, f), 'utf8')) as { pid: number; grandchild: number };
      return [h.pid, h.grandchild];
    });

/** The fields every model has: a minimal project has nothing else. */
const CORE_FIELDS = ['dependencies', 'description', 'layout', 'modules', 'name', 'packages', 'version'];

function expectNoInternalError(r: CliRun): void {
  expect(r.stderr).not.toContain('internal error');
  expect(r.stderr).not.toContain('again: ');
}

// One CLI at a time in this file: the first two tests are about time (60 s; 20 s), and a
// machine loaded by runs of this same file would measure the load, not the run.
describe('a backend whose build_wheel hangs on every project', () => {
  it('TWINBUILD_TIMEOUT=5, --runs 2: the timeout finding is saved, shrunk to the minimal project, in a bounded number of builds', async () => {
    const sb = await setup();
    const r = await runCli(fuzzArgs(fakeSpec('always_hang', sb), realSpec(sb), sb, 2), sb, { TWINBUILD_TIMEOUT: '5' }, 120_000);
    expectNoInternalError(r);
    expect(r.exitCode, r.stderr).toBe(1);
    const rep = await readReport(sb);
    expect(rep.outcome).toBe('failed');
    expect(rep.runs).toBe(2);
    expect(rep.findings).toHaveLength(1);
    const f = rep.findings[0]!;
    expect(f.differences).toContainEqual(
      expect.objectContaining({ artifact: 'wheel', kind: 'build-failed', a: expect.stringMatching(/^timeout: hook build_wheel did not finish within 5s/) }),
    );
    expect(f.shrinkComplete).toBe(true);
    // Saved: a valid corpus file holding the minimal project (one empty module or package, nothing optional).
    const entry = await loadCorpusFile(f.corpusFile!);
    expect(entry.signature).toBe(f.signature);
    expect(entry.shrinkComplete).toBeUndefined();
    expect(Object.keys(entry.model).sort()).toEqual(CORE_FIELDS);
    expect(entry.model.packages.length + entry.model.modules.length).toBe(1);
    expect(entry.model.dependencies).toEqual([]);
    expect([...entry.model.modules.map((m) => m.source), ...entry.model.packages.map((p) => p.init)]).toEqual(['']);
    // Each project evaluated costs a timeout: the first project, its confirmation, the minimal
    // project and at most a few steps from it, and the second project; not one per fast-check candidate.
    expect(rep.stats.projects).toBeLessThanOrEqual(7);
    console.log(`always_hang, TWINBUILD_TIMEOUT=5, --runs 2: ${Math.round(r.ms / 1000)} s, ${rep.stats.projects} projects evaluated, ${f.shrinks} shrink steps in ${Math.round(f.shrinkMs / 1000)} s`);
    expect(r.ms).toBeLessThan(60_000);
    expect(expectNothingLeft(sb)).toEqual({ leftovers: [], processes: [] });
    expect(hung(sb).length).toBeGreaterThan(0);
    expect(hung(sb).filter(alive)).toEqual([]);
  });

  it('the same run under `timeout 20`: SIGTERM twice counts once; report and corpus file saved; exit 124; no process left', async () => {
    const sb = await setup();
    const r = await runCli(fuzzArgs(fakeSpec('always_hang', sb), realSpec(sb), sb, 2), sb, { TWINBUILD_TIMEOUT: '5' }, 120_000, ['timeout', '20']);
    expectNoInternalError(r);
    expect(r.exitCode, r.stderr).toBe(124);
    // One request, one stop (GNU timeout signals the process, then its process group).
    expect(r.stderr.match(/twinbuild: SIGTERM: stopping the builds, saving the report and the corpus/g)).toHaveLength(1);
    const rep = await readReport(sb);
    JSON.parse(await readFile(sb.report, 'utf8'));
    expect(rep.outcome).toBe('interrupted');
    expect(rep.findings).toHaveLength(1);
    const f = rep.findings[0]!;
    expect(f.differences).toContainEqual(expect.objectContaining({ artifact: 'wheel', kind: 'build-failed', a: expect.stringMatching(/^timeout:/) }));
    const files = readdirSync(sb.corpus);
    expect(files).toEqual([`diff-${f.signature}.json`]);
    const entry = await loadCorpusFile(join(sb.corpus, files[0]!));
    expect(entry.signature).toBe(f.signature);
    expect(entry.shrinkComplete === false).toBe(!f.shrinkComplete);
    expect(r.stdout).toMatch(/interrupted by SIGTERM: 1 finding\(s\) saved/);
    console.log(`always_hang under timeout 20: exit ${r.exitCode} after ${Math.round(r.ms / 1000)} s, finding saved with shrinkComplete ${f.shrinkComplete}`);
    expect(expectNothingLeft(sb)).toEqual({ leftovers: [], processes: [] });
    expect(hung(sb).filter(alive)).toEqual([]);
  });
});

describe('the shrink budget (--shrink-time)', () => {
  it('spent at once: the finding is saved as it stands, marked not fully shrunk', async () => {
    const sb = await setup();
    await writeFile(join(sb.state, 'fail-wheel'), ''); // every wheel of A fails
    const r = await runCli(fuzzArgs(fakeSpec('controlled_fast', sb), fakeSpec('ok', sb), sb, 1, ['--shrink-time', '1ms']), sb);
    expectNoInternalError(r);
    expect(r.exitCode, r.stderr).toBe(1);
    const rep = await readReport(sb);
    expect(rep.findings).toHaveLength(1);
    expect(rep.findings[0]!.shrinkComplete).toBe(false);
    expect((await loadCorpusFile(rep.findings[0]!.corpusFile!)).shrinkComplete).toBe(false);
    expect(expectNothingLeft(sb)).toEqual({ leftovers: [], processes: [] });
  });

  it('a bad duration is a usage error naming the flag value', async () => {
    const sb = await setup();
    const r = await runCli(fuzzArgs(fakeSpec('ok', sb), fakeSpec('ok', sb), sb, 1, ['--shrink-time', '0s']), sb);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('invalid duration "0s"');
  });
});

describe('the health check', () => {
  it('a backend whose build_wheel crashes on every project: one finding saved, the search stops after a few projects', async () => {
    const sb = await setup();
    const r = await runCli(fuzzArgs(fakeSpec('always_crash', sb), realSpec(sb), sb, 40), sb, {}, 180_000);
    expectNoInternalError(r);
    expect(r.exitCode, r.stderr).toBe(1);
    expect(r.stderr).toContain(`health check: the first ${HEALTH_MIN_PROJECTS} generated projects all failed the same way`);
    const rep = await readReport(sb);
    expect(rep.outcome).toBe('failed');
    expect(rep.health).toEqual(expect.objectContaining({ code: 'every-project-fails', projects: HEALTH_MIN_PROJECTS, signature: rep.findings[0]?.signature }));
    expect(rep.findings).toHaveLength(1);
    expect(rep.findings[0]!.differences).toContainEqual(expect.objectContaining({ kind: 'build-failed', a: 'crash: hook process exited with status 3 before returning a result' }));
    expect(rep.runs).toBe(HEALTH_MIN_PROJECTS); // of the 40 asked for
    expect((await loadCorpusFile(rep.findings[0]!.corpusFile!)).signature).toBe(rep.findings[0]!.signature);
    expect(expectNothingLeft(sb)).toEqual({ leftovers: [], processes: [] });
  });
});
