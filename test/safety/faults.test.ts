/**
 * Fault injection through the real CLI: a fake backend (tb_fake.py, wrapping
 * Debian's setuptools 66) injects one fault into the first build of a run,
 * and is compared with plain setuptools on the same interpreter. The first
 * project is a small one replayed from the corpus (see `seedCorpus`), then
 * generated projects follow; they build normally, which shows the run went
 * on. Each test asserts what was reported, that the exit code is 1 (a
 * finding, never 3), and that no temporary folder and no process is left.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReportFinding } from '../../src/report/jsonReport.js';
import {
  alive,
  expectNothingLeft,
  fakeSpec,
  fuzzArgs,
  killStrayClis,
  MiB,
  readReport,
  realSpec,
  recorded,
  runCli,
  sandbox,
  seedCorpus,
  startCli,
  treeSize,
  vmHwm,
  waitFor,
  walk,
  type CliRun,
  type Sandbox,
} from './harness.js';

const sandboxes: Sandbox[] = [];
afterAll(async () => {
  killStrayClis();
  await Promise.all(sandboxes.map((s) => s.cleanup()));
});

async function setup(): Promise<Sandbox> {
  const sb = await sandbox();
  sandboxes.push(sb);
  await seedCorpus(sb);
  return sb;
}

/** The generated projects after the faulty one. */
const RUNS = 1;

function expectFinished(r: CliRun, sb: Sandbox): void {
  expect(r.stderr).not.toContain('internal error');
  expect(r.exitCode, r.stderr).toBe(1);
  expect(expectNothingLeft(sb)).toEqual({ leftovers: [], processes: [] });
}

/** The differences of the only finding, by artifact. */
function only(findings: ReportFinding[]): Record<'wheel' | 'sdist', ReportFinding['differences']> {
  expect(findings).toHaveLength(1);
  const d = findings[0]!.differences;
  return { wheel: d.filter((x) => x.artifact === 'wheel'), sdist: d.filter((x) => x.artifact === 'sdist') };
}

describe.concurrent('faults in hooks', () => {
  it('a hanging hook is killed at TWINBUILD_TIMEOUT with its process group, reported as a timeout, and the run goes on', async () => {
    const sb = await setup();
    const r = await runCli(fuzzArgs(fakeSpec('fault_hang', sb), realSpec(sb), sb, RUNS), sb, { TWINBUILD_TIMEOUT: '2' });
    expectFinished(r, sb);
    const rep = await readReport(sb);
    const { wheel } = only(rep.findings);
    expect(wheel).toContainEqual(expect.objectContaining({ kind: 'build-failed', a: expect.stringMatching(/^timeout: hook build_wheel did not finish within 2s/) }));
    expect(rep.runs).toBe(RUNS);
    expect(rep.stats.projects).toBe(RUNS + 1);
    // The hook and the grandchild it forked are gone.
    const hang = recorded<{ pid: number; grandchild: number }>(sb, 'hang')!;
    expect(alive(hang.pid)).toBe(false);
    expect(alive(hang.grandchild)).toBe(false);
  });

  it('the time budget runs out while a hook hangs: the run still ends on time and leaves nothing behind', async () => {
    const sb = await sandbox();
    sandboxes.push(sb);
    // No corpus: the hang lands on a generated project, whose evaluation fast-check abandons at
    // --time; that evaluation (reproducible: two builds) then asks for a build after the run closed.
    const r = await runCli(['fuzz', '--a', fakeSpec('fault_hang', sb), '--property', 'reproducible', '--time', '10s', '--seed', '7', '--corpus', sb.corpus, '--report', sb.report, '--no-progress'], sb, { TWINBUILD_TIMEOUT: '600' });
    expect(r.stderr).not.toContain('internal error');
    expect([0, 1]).toContain(r.exitCode);
    expect(expectNothingLeft(sb)).toEqual({ leftovers: [], processes: [] });
    const hang = recorded<{ pid: number; grandchild: number }>(sb, 'hang');
    expect(hang, 'the hook was hanging when the time ran out').toBeDefined();
    expect([hang!.pid, hang!.grandchild].filter(alive)).toEqual([]);
    expect(r.ms).toBeLessThan(10_000 + 60_000); // not TWINBUILD_TIMEOUT
  });

  it('os._exit and SIGSEGV in hooks are build failures, and the run goes on', async () => {
    const sb = await setup();
    const r = await runCli(fuzzArgs(fakeSpec('fault_crash', sb), realSpec(sb), sb, RUNS), sb);
    expectFinished(r, sb);
    const rep = await readReport(sb);
    const { wheel, sdist } = only(rep.findings);
    expect(wheel).toContainEqual(expect.objectContaining({ kind: 'build-failed', a: 'crash: hook process exited with status 3 before returning a result' }));
    expect(sdist).toContainEqual(expect.objectContaining({ kind: 'build-failed', a: 'crash: hook process killed by signal 11' }));
    expect(rep.runs).toBe(RUNS);
    expect(rep.stats.rejected.a).toBe(1); // only the faulty project
  });

  it('a worker killed from outside mid-build is replaced; its hook goes with it; the run goes on', async () => {
    const sb = await setup();
    const cli = startCli(fuzzArgs(fakeSpec('fault_killed', sb), realSpec(sb), sb, RUNS), sb);
    const w = await waitFor('the hook to wait', () => recorded<{ pid: number; grandchild: number; worker: number }>(sb, 'waiting'));
    process.kill(w.worker, 'SIGKILL');
    const r = await cli.done;
    expectFinished(r, sb);
    const rep = await readReport(sb);
    const { wheel } = only(rep.findings);
    expect(wheel).toContainEqual(expect.objectContaining({ kind: 'build-failed', a: 'crash: hook worker process died' }));
    expect(rep.runs).toBe(RUNS);
    expect(rep.stats.rejected.a).toBe(1);
    expect([w.worker, w.pid, w.grandchild].filter(alive)).toEqual([]);
  });

  it('a hook printing without end: its output is capped in memory and on disk, and it is stopped at the timeout', async () => {
    const sb = await setup();
    const cli = startCli(fuzzArgs(fakeSpec('fault_print', sb), realSpec(sb), sb, 1), sb, { TWINBUILD_TIMEOUT: '3' });
    const p = await waitFor('the hook to print', () => recorded<{ pid: number; worker: number }>(sb, 'printing'));
    let workerPeak = 0;
    let diskPeak = 0;
    const sampler = setInterval(() => {
      workerPeak = Math.max(workerPeak, vmHwm(p.worker) ?? 0);
      diskPeak = Math.max(diskPeak, treeSize(sb.tmp));
    }, 50);
    const r = await cli.done;
    clearInterval(sampler);
    expectFinished(r, sb);
    const printed = recorded<{ bytes: number }>(sb, 'printed')?.bytes ?? 0;
    expect(printed).toBeGreaterThan(64 * MiB); // stdout and stderr together, in 3 s (640–700 MiB measured)
    expect(workerPeak).toBeLessThan(120 * MiB); // the worker keeps 64 KiB per stream
    expect(diskPeak).toBeLessThan(8 * MiB); // the project files and two capped logs, not the output
    expect(r.peakRss).toBeLessThan(400 * MiB);
    const rep = await readReport(sb);
    expect(only(rep.findings).wheel).toContainEqual(expect.objectContaining({ kind: 'build-failed', a: expect.stringMatching(/^timeout:/) }));
    console.log(`printer: ${Math.round(printed / MiB)} MiB printed; worker peak RSS ${Math.round(workerPeak / MiB)} MiB, CLI ${Math.round(r.peakRss / MiB)} MiB, temp folder at most ${Math.round(diskPeak / 1024)} KiB`);
  });

  it('a hook returning a name that does not exist, and one writing two artifacts, are bad results', async () => {
    const sb = await setup();
    const r = await runCli(fuzzArgs(fakeSpec('fault_results', sb), realSpec(sb), sb, RUNS), sb);
    expectFinished(r, sb);
    const rep = await readReport(sb);
    const { wheel, sdist } = only(rep.findings);
    expect(wheel).toContainEqual(expect.objectContaining({ kind: 'build-failed', a: expect.stringMatching(/^bad-result: build_wheel returned "nothing-here-tb_fault_demo-1\.0-py3-none-any\.whl", but the output folder holds/) }));
    expect(sdist).toContainEqual(expect.objectContaining({ kind: 'build-failed', a: expect.stringMatching(/^bad-result: build_sdist returned "[^"]+\.tar\.gz" but wrote 2 \.tar\.gz files/) }));
    expect(rep.runs).toBe(RUNS);
  });
});

describe.concurrent('hostile archives built by a backend', () => {
  it('absolute and .. members, symlinks, hard links, devices, fifos, duplicates, non-UTF-8 names: archive problems, nothing written outside', async () => {
    const sb = await setup();
    const r = await runCli(fuzzArgs(fakeSpec('fault_members', sb), realSpec(sb), sb, RUNS), sb);
    expectFinished(r, sb);
    const rep = await readReport(sb);
    const { wheel, sdist } = only(rep.findings);
    const problems = (d: typeof wheel): string[] => d.filter((x) => x.kind === 'archive-problem').flatMap((x) => (x.a ?? '').split(','));
    expect(problems(wheel).sort()).toEqual(['duplicate-member', 'member-escapes', 'non-utf8-name', 'symlink']);
    expect(problems(sdist).sort()).toEqual(['hardlink', 'member-escapes', 'special-member', 'symlink']);
    for (const d of [...wheel, ...sdist].filter((x) => x.kind === 'archive-problem')) expect(d.b).toBe('none');
    expect(rep.runs).toBe(RUNS);
    // No member was written anywhere: not next to the build folders, not at its absolute path.
    const escaped = (p: string) => basename(p).startsWith(`twinbuild-escape-${sb.token}`);
    expect(walk(sb.root).filter(escaped)).toEqual([]);
    for (const dir of ['/tmp', tmpdir(), sb.root, join(sb.root, '..')]) {
      for (const suffix of ['.py', '-abs.py', '-sdist.py', '-sdist-abs.py']) expect(existsSync(join(dir, `twinbuild-escape-${sb.token}${suffix}`))).toBe(false);
    }
  });

  it('a wheel that is not a zip and a truncated sdist: unreadable archives', async () => {
    const sb = await setup();
    const r = await runCli(fuzzArgs(fakeSpec('fault_broken', sb), realSpec(sb), sb, RUNS), sb);
    expectFinished(r, sb);
    const rep = await readReport(sb);
    const { wheel, sdist } = only(rep.findings);
    expect(wheel).toContainEqual(expect.objectContaining({ kind: 'archive-problem', a: expect.stringContaining('archive-unreadable'), b: 'none' }));
    expect(sdist).toContainEqual(expect.objectContaining({ kind: 'archive-problem', a: expect.stringContaining('archive-unreadable'), b: 'none' }));
  });

  it('a truncated wheel: an unreadable archive', async () => {
    const sb = await setup();
    const r = await runCli(fuzzArgs(fakeSpec('fault_truncated_wheel', sb), realSpec(sb), sb, 1), sb);
    expectFinished(r, sb);
    const { wheel } = only((await readReport(sb)).findings);
    expect(wheel).toContainEqual(expect.objectContaining({ kind: 'archive-problem', a: expect.stringContaining('archive-unreadable') }));
  });

  it('zip and tar.gz bombs of 1 GiB each: size caps, and the CLI stays small', async () => {
    const sb = await setup();
    const r = await runCli(fuzzArgs(fakeSpec('fault_bombs', sb), realSpec(sb), sb, 1), sb);
    expectFinished(r, sb);
    const { wheel, sdist } = only((await readReport(sb)).findings);
    expect(wheel).toContainEqual(expect.objectContaining({ kind: 'archive-problem', a: expect.stringContaining('size-cap'), b: 'none' }));
    expect(sdist).toContainEqual(expect.objectContaining({ kind: 'archive-problem', a: expect.stringContaining('size-cap'), b: 'none' }));
    expect(r.peakRss).toBeLessThan(400 * MiB);
    console.log(`bombs: CLI peak RSS ${Math.round(r.peakRss / MiB)} MiB`);
  });
});
