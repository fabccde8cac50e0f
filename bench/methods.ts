/**
 * The four ways of building the same projects that the benchmark compares.
 * Each one builds, for every project in order, the sdist and then the wheel,
 * each from its own pristine copy of the project (as twinbuild does), and
 * returns the artifacts and the wall time of the whole loop. One "build" is
 * one hook call producing an artifact.
 *
 *   (a) twinbuild: BackendRunner with the warm-up project, as the CLI starts it
 *   (b) fresh: a new interpreter per hook call (the pyproject-hooks way)
 *   (c) pybuild: `python -m build --no-isolation --sdist --wheel` per project
 *   (d) inproc: one interpreter, backend imported once, hooks called in a loop
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import type { Backend } from '../src/backends/types.js';
import { scrubbedEnv } from '../src/build/hookWorker.js';
import { writeFileMap } from '../src/build/fileMapIO.js';
import { startRunner } from '../src/cli/backendSetup.js';
import type { FileMap } from '../src/render/fileMap.js';
import type { BenchEnv } from './benchEnv.js';
import { findWorkerPid, procCpuMs, procStatusKb, selfAndChildrenCpuMs } from './proc.js';
import { HOOK_ONCE, IN_PROCESS_LOOP } from './pyScripts.js';

export const METHODS = ['a', 'b', 'c', 'd'] as const;
export type Method = (typeof METHODS)[number];
export const METHOD_NAMES: Record<Method, string> = {
  a: 'twinbuild runner',
  b: 'fresh process per hook',
  c: 'python -m build --no-isolation',
  d: 'in-process loop (no isolation)',
};

export type Artifact = { ok: true; filename: string; bytes: Uint8Array } | { ok: false; error: string };
export interface ProjectArtifacts {
  sdist: Artifact;
  wheel: Artifact;
}

export interface MethodRun {
  method: Method;
  /** Wall time of the build loop (not counting one-off start-up), seconds. */
  seconds: number;
  builds: number;
  failures: number;
  artifacts: ProjectArtifacts[];
  /**
   * CPU time of the build loop over every process involved, ms: (a) Node +
   * the worker and its forked children; (b), (c) Node + the processes it
   * started; (d) the Python process. Less sensitive than wall time to other
   * load on the machine.
   */
  cpuMs?: number;
  /** (a): the loop's CPU time split into the Node process and the worker with its forked children, ms. */
  cpuSplit?: { nodeMs: number; nodeSysMs: number; workerMs: number };
  /** One-off start-up outside the loop, ms (a: worker start and warm-up; d: interpreter start and import). */
  startupMs?: number;
  /** (a): per build, Node wall ms and the worker's ms (fork + hook, measured in Python). */
  perBuild?: { wallMs: number; workerMs: number }[];
  /** (a): worker pid and its peak RSS (kB) at the end of the loop. */
  worker?: { pid: number | undefined; hwmKb: number | undefined; rssKb: number | undefined };
  /** (a): RSS of this Node process at the end of the loop, MiB. */
  nodeRssMiB?: number;
  /** (d): per hook ms inside the loop, and the bare fork+exit+wait probe (ms, 20 samples). */
  hookMs?: number[];
  forkMs?: number[];
  /** (d): writing the project copies beforehand with twinbuild's writeFileMap (not timed in the loop). */
  copies?: { count: number; files: number; ms: number };
}

export interface MethodContext {
  backend: Backend;
  projects: FileMap[];
  timeoutSec: number;
  /** Method (c)'s environment (with `build`). */
  benchEnv?: BenchEnv;
}

const KINDS = ['sdist', 'wheel'] as const;
const hookOf = (kind: 'sdist' | 'wheel'): string => (kind === 'sdist' ? 'build_sdist' : 'build_wheel');

function hookSpec(backend: Backend): string {
  return backend.hook.object ? `${backend.hook.module}:${backend.hook.object}` : backend.hook.module;
}

async function benchTemp(tag: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `twinbench-${tag}-`));
}

async function readArtifactFile(out: string, name: unknown): Promise<Artifact> {
  if (typeof name !== 'string') return { ok: false, error: `hook returned ${JSON.stringify(name)}` };
  try {
    return { ok: true, filename: name, bytes: new Uint8Array(await readFile(join(out, name))) };
  } catch (e) {
    return { ok: false, error: `cannot read ${name}: ${(e as Error).message}` };
  }
}

/** The exception line of a traceback in `text` (else its last line). */
function lastErrorLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const err = lines.filter((l) => /^[\w.]+(Error|Exception|Exit)\b.*:/.test(l)).at(-1);
  return (err ?? lines.at(-1) ?? '').slice(0, 500);
}

const failed = (p: ProjectArtifacts): number => (p.sdist.ok ? 0 : 1) + (p.wheel.ok ? 0 : 1);

/** (a) twinbuild's BackendRunner, started as the CLI starts it (warm-up included, outside the loop). */
export async function runTwinbuild(ctx: MethodContext): Promise<MethodRun> {
  const t0 = performance.now();
  const runner = await startRunner(ctx.backend);
  const startupMs = performance.now() - t0;
  const pid = findWorkerPid(ctx.backend.hook.module);
  try {
    const artifacts: ProjectArtifacts[] = [];
    const perBuild: { wallMs: number; workerMs: number }[] = [];
    const cpu0 = process.cpuUsage();
    const workerCpu0 = pid === undefined ? undefined : procCpuMs(pid);
    const start = performance.now();
    for (const files of ctx.projects) {
      const r = await runner.build(files, { timeoutSec: ctx.timeoutSec, inProcess: true }); // as a fuzz run searches (setuptools still forks)
      const conv = (x: typeof r.sdist): Artifact =>
        x.ok ? { ok: true, filename: x.filename, bytes: x.bytes } : { ok: false, error: `${x.error.kind}: ${x.error.message}` };
      artifacts.push({ sdist: conv(r.sdist), wheel: conv(r.wheel) });
      perBuild.push({ wallMs: r.ms, workerMs: r.sdist.outcome.ms + r.wheel.outcome.ms });
    }
    const seconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const workerCpu1 = pid === undefined ? undefined : procCpuMs(pid);
    const cpuSplit =
      workerCpu0 !== undefined && workerCpu1 !== undefined ? { nodeMs: (cpu.user + cpu.system) / 1000, nodeSysMs: cpu.system / 1000, workerMs: workerCpu1 - workerCpu0 } : undefined;
    const cpuMs = cpuSplit ? cpuSplit.nodeMs + cpuSplit.workerMs : undefined;
    const worker = pid === undefined ? { pid, hwmKb: undefined, rssKb: undefined } : { pid, hwmKb: procStatusKb(pid, 'VmHWM'), rssKb: procStatusKb(pid, 'VmRSS') };
    return {
      method: 'a',
      seconds,
      builds: 2 * ctx.projects.length,
      failures: artifacts.reduce((n, p) => n + failed(p), 0),
      artifacts,
      cpuMs,
      cpuSplit,
      nodeRssMiB: process.memoryUsage().rss / 2 ** 20,
      startupMs,
      perBuild,
      worker,
    };
  } finally {
    await runner.close();
  }
}

/** (b) a fresh interpreter per hook call, running a small hook script (like pyproject-hooks' _in_process). */
export async function runFresh(ctx: MethodContext): Promise<MethodRun> {
  const { backend } = ctx;
  const root = await benchTemp('fresh');
  try {
    const script = join(root, 'hook_once.py');
    await writeFile(script, HOOK_ONCE);
    const home = join(root, 'home');
    await mkdir(home);
    const env = scrubbedEnv(backend, home);
    const artifacts: ProjectArtifacts[] = [];
    const cpu0 = selfAndChildrenCpuMs();
    const start = performance.now();
    for (const [i, files] of ctx.projects.entries()) {
      const got: Partial<ProjectArtifacts> = {};
      for (const kind of KINDS) {
        const dir = join(root, `${i}-${kind}`);
        const project = join(dir, 'project');
        const out = join(dir, 'out');
        await mkdir(out, { recursive: true });
        await writeFileMap(project, files);
        const resultFile = join(dir, 'result.json');
        const proc = await execa(backend.python, ['-u', '-B', '-s', script, hookSpec(backend), hookOf(kind), out, resultFile, ...backend.importPaths], {
          cwd: project,
          env,
          extendEnv: false,
          reject: false,
          stdin: 'ignore',
          timeout: ctx.timeoutSec * 1000,
        });
        let result: { ok: boolean; value?: unknown; error?: string };
        try {
          result = JSON.parse(await readFile(resultFile, 'utf8')) as typeof result;
        } catch {
          result = { ok: false, error: `no result (exit ${proc.exitCode}): ${proc.stderr.slice(-500)}` };
        }
        got[kind] = result.ok ? await readArtifactFile(out, result.value) : { ok: false, error: result.error ?? 'unknown error' };
        await rm(dir, { recursive: true, force: true });
      }
      artifacts.push(got as ProjectArtifacts);
    }
    const seconds = (performance.now() - start) / 1000;
    const cpuMs = selfAndChildrenCpuMs() - cpu0;
    return { method: 'b', seconds, cpuMs, builds: 2 * ctx.projects.length, failures: artifacts.reduce((n, p) => n + failed(p), 0), artifacts };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** (c) `python -m build --no-isolation --sdist --wheel` per project, in the benchmark's own environment. */
export async function runPyBuild(ctx: MethodContext): Promise<MethodRun> {
  const { backend } = ctx;
  const benchEnv = ctx.benchEnv;
  if (!benchEnv) throw new Error('method (c) needs the benchmark environment');
  const root = await benchTemp('pybuild');
  try {
    const home = join(root, 'home');
    await mkdir(home);
    const env = scrubbedEnv({ ...backend, python: benchEnv.python, binPaths: [] }, home);
    const artifacts: ProjectArtifacts[] = [];
    const cpu0 = selfAndChildrenCpuMs();
    const start = performance.now();
    for (const [i, files] of ctx.projects.entries()) {
      const dir = join(root, String(i));
      const project = join(dir, 'project');
      const out = join(dir, 'out');
      await writeFileMap(project, files);
      const proc = await execa(benchEnv.python, ['-m', 'build', '--no-isolation', '--sdist', '--wheel', '--outdir', out, project], {
        cwd: dir,
        env,
        extendEnv: false,
        reject: false,
        stdin: 'ignore',
        all: true,
        timeout: ctx.timeoutSec * 2000,
      });
      let names: string[] = [];
      try {
        names = await readdir(out);
      } catch {
        /* nothing built */
      }
      const pick = async (suffix: string): Promise<Artifact> => {
        const name = names.find((n) => n.endsWith(suffix));
        return name ? readArtifactFile(out, name) : { ok: false, error: `python -m build exited ${proc.exitCode}: ${lastErrorLine(proc.all ?? '')}` };
      };
      artifacts.push({ sdist: await pick('.tar.gz'), wheel: await pick('.whl') });
      await rm(dir, { recursive: true, force: true });
    }
    const seconds = (performance.now() - start) / 1000;
    const cpuMs = selfAndChildrenCpuMs() - cpu0;
    return { method: 'c', seconds, cpuMs, builds: 2 * ctx.projects.length, failures: artifacts.reduce((n, p) => n + failed(p), 0), artifacts };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/**
 * (d) one interpreter imports the backend once and calls every hook in a
 * loop (chdir into each pre-written project copy), no isolation at all. The
 * time is the loop's, measured inside Python: writing the project copies and
 * starting the interpreter are not counted, so this is a strict upper bound.
 */
export async function runInProcess(ctx: MethodContext): Promise<MethodRun> {
  const { backend } = ctx;
  const root = await benchTemp('inproc');
  try {
    const script = join(root, 'in_process_loop.py');
    await writeFile(script, IN_PROCESS_LOOP);
    const home = join(root, 'home');
    await mkdir(home);
    const items: { hook: string; cwd: string; out: string }[] = [];
    const writeStart = performance.now();
    let fileCount = 0;
    for (const [i, files] of ctx.projects.entries()) {
      fileCount += 2 * Object.keys(files).length;
      for (const kind of KINDS) {
        const dir = join(root, `${i}-${kind}`);
        await mkdir(join(dir, 'out'), { recursive: true });
        await writeFileMap(join(dir, 'project'), files);
        items.push({ hook: hookOf(kind), cwd: join(dir, 'project'), out: join(dir, 'out') });
      }
    }
    const writeMs = performance.now() - writeStart;
    const manifest = join(root, 'manifest.json');
    await writeFile(manifest, JSON.stringify(items));
    const resultFile = join(root, 'result.json');
    const t0 = performance.now();
    const proc = await execa(
      backend.python,
      ['-u', '-B', '-s', script, hookSpec(backend), manifest, resultFile, join(root, 'log.txt'), ...backend.importPaths],
      { cwd: home, env: scrubbedEnv(backend, home), extendEnv: false, reject: false, stdin: 'ignore', timeout: ctx.timeoutSec * 1000 * items.length },
    );
    const wallMs = performance.now() - t0;
    let result: { importMs: number; loopMs: number; loopCpuMs: number; forkMs: number[]; results: { ok: boolean; value?: unknown; error?: string; ms: number }[] };
    try {
      result = JSON.parse(await readFile(resultFile, 'utf8')) as typeof result;
    } catch {
      const log = await readFile(join(root, 'log.txt'), 'utf8').catch(() => '');
      throw new Error(`in-process loop failed (exit ${proc.exitCode}): ${log.slice(-2000)}`);
    }
    const artifacts: ProjectArtifacts[] = [];
    for (let i = 0; i < ctx.projects.length; i++) {
      const got: Partial<ProjectArtifacts> = {};
      for (const [k, kind] of KINDS.entries()) {
        const r = result.results[2 * i + k]!;
        got[kind] = r.ok ? await readArtifactFile(items[2 * i + k]!.out, r.value) : { ok: false, error: r.error ?? 'unknown error' };
      }
      artifacts.push(got as ProjectArtifacts);
    }
    return {
      method: 'd',
      seconds: result.loopMs / 1000,
      cpuMs: result.loopCpuMs,
      builds: items.length,
      failures: artifacts.reduce((n, p) => n + failed(p), 0),
      artifacts,
      startupMs: wallMs - result.loopMs,
      hookMs: result.results.map((r) => r.ms),
      copies: { count: items.length, files: fileCount, ms: writeMs },
      forkMs: result.forkMs,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

export function runMethod(method: Method, ctx: MethodContext): Promise<MethodRun> {
  switch (method) {
    case 'a':
      return runTwinbuild(ctx);
    case 'b':
      return runFresh(ctx);
    case 'c':
      return runPyBuild(ctx);
    case 'd':
      return runInProcess(ctx);
  }
}
