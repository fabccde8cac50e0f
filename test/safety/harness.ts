/**
 * Harness for the fault-injection suite: each test gets a sandbox folder
 * (its own TMPDIR for the CLI, a state folder the fake backends of
 * test/fixtures/backends/tb_fake.py report into, a corpus folder), runs the
 * real CLI (`node bin/twinbuild.js`, built by `npm test`'s tsc step) and
 * looks at what is left afterwards: files, processes, memory.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { WARMUP_MODEL } from '../../src/cli/backendSetup.js';
import { CORPUS_FORMAT, CORPUS_FORMAT_VERSION, type CorpusFile } from '../../src/corpus/corpusFile.js';
import type { ProjectModel } from '../../src/model/projectModel.js';
import type { JsonReport } from '../../src/report/jsonReport.js';
import { BIN } from '../e2e/cli.js';
import { FAKE_BACKENDS } from '../helpers.js';
import { alive } from '../helpers.js';

export { alive };

export const PY = '/usr/bin/python3';
export const MiB = 1024 * 1024;

export interface Sandbox {
  root: string;
  /** TMPDIR of the CLI: twinbuild's run folder goes in here, and must be gone afterwards. */
  tmp: string;
  /** On the fake backend's import path: tb_fake_state.json, and what the fakes record. */
  state: string;
  corpus: string;
  report: string;
  token: string;
  cleanup(): Promise<void>;
}

/** A sandbox folder; `config` goes into tb_fake_state.json (the fakes read it). */
export async function sandbox(config: Record<string, unknown> = {}): Promise<Sandbox> {
  const root = await mkdtemp(join(tmpdir(), 'tbsafety-'));
  const token = root.slice(root.lastIndexOf('-') + 1);
  const sb: Sandbox = {
    root,
    tmp: join(root, 'tmp'),
    state: join(root, 'state'),
    corpus: join(root, 'corpus'),
    report: join(root, 'report.json'),
    token,
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
  await Promise.all([mkdir(sb.tmp), mkdir(sb.state)]);
  await writeFile(join(sb.state, 'tb_fake_state.json'), JSON.stringify({ token, ...config }));
  return sb;
}

/**
 * Sandboxes for one test file: the returned function makes one; after the
 * file, every CLI it left running is killed and every sandbox removed.
 */
export function sandboxesOfFile(): (config?: Record<string, unknown>) => Promise<Sandbox> {
  const made: Sandbox[] = [];
  afterAll(async () => {
    killStrayClis();
    await Promise.all(made.map((s) => s.cleanup()));
  });
  return async (config) => {
    const sb = await sandbox(config);
    made.push(sb);
    return sb;
  };
}

/** A fake backend of tb_fake.py over Debian's Python (setuptools 66), reporting into the sandbox. */
export function fakeSpec(object: string, sb: Sandbox): string {
  return `setuptools,backend=tb_fake:${object},path=${FAKE_BACKENDS},path=${sb.state},python=${PY}`;
}

/**
 * Plain setuptools on the same interpreter (the real backend the fakes are
 * compared with). The state folder on its path changes nothing for
 * setuptools, but names its worker processes, so the test can find them.
 */
export function realSpec(sb: Sandbox): string {
  return `setuptools,path=${sb.state},python=${PY}`;
}

export interface CliRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident memory of the CLI's Node process (VmHWM, sampled every 50 ms), bytes. */
  peakRss: number;
}

export interface RunningCli {
  pid: number;
  done: Promise<CliRun>;
  /** SIGKILL it if it still runs (for a test that failed half-way). */
  kill(): void;
}

const running = new Set<() => void>();

/** SIGKILL every CLI a test of this file started and that still runs (afterAll of a failed test). */
export function killStrayClis(): void {
  for (const kill of running) kill();
  running.clear();
}

/** Start the CLI with TMPDIR pointing into the sandbox (`wrapper`: a command that runs it, such as `['timeout', '20']`). */
export function startCli(args: string[], sb: Sandbox, env: Record<string, string> = {}, timeoutMs = 240_000, wrapper: string[] = []): RunningCli {
  const started = performance.now();
  const [command, ...before] = [...wrapper, 'node'];
  const child = spawn(command!, [...before, BIN, ...args], {
    cwd: sb.root,
    env: { ...process.env, CI: 'true', TMPDIR: sb.tmp, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, vmHwm(child.pid!) ?? 0);
  }, 50);
  const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const kill = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  running.add(kill);
  const done = new Promise<CliRun>((resolve) => {
    child.on('exit', (code, signal) => {
      clearInterval(sampler);
      clearTimeout(killer);
      running.delete(kill);
      // Let the pipes drain.
      setTimeout(() => resolve({ exitCode: code, signal, stdout, stderr, ms: performance.now() - started, peakRss }), 50);
    });
  });
  return { pid: child.pid!, done, kill };
}

export function runCli(args: string[], sb: Sandbox, env: Record<string, string> = {}, timeoutMs?: number, wrapper?: string[]): Promise<CliRun> {
  return startCli(args, sb, env, timeoutMs, wrapper).done;
}

/** The usual fuzz arguments for a sandbox. */
export function fuzzArgs(a: string, b: string, sb: Sandbox, runs: number, extra: string[] = []): string[] {
  return ['fuzz', '--a', a, '--b', b, '--runs', String(runs), '--seed', '7', '--corpus', sb.corpus, '--report', sb.report, '--no-progress', ...extra];
}

/** VmHWM (peak RSS) of a process, bytes; undefined when it is gone. */
export function vmHwm(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Pids of live processes whose command line contains `text` (our workers carry the state folder in theirs). */
export function processesWith(text: string): number[] {
  const out: number[] = [];
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e) || Number(e) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${e}/cmdline`, 'utf8').includes(text) && alive(Number(e))) out.push(Number(e));
    } catch {
      /* gone */
    }
  }
  return out;
}

/** Entries named twinbuild-* directly in `dir` (what twinbuild creates in its TMPDIR). */
export function twinbuildLeftovers(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.startsWith('twinbuild-'));
}

/** Total size of the files under `dir`, bytes (0 when it is gone). */
export function treeSize(dir: string): number {
  let total = 0;
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = join(dir, e);
    try {
      const st = statSync(p);
      total += st.isDirectory() ? treeSize(p) : st.size;
    } catch {
      /* removed meanwhile */
    }
  }
  return total;
}

/** Every path under `dir` (recursively). */
export function walk(dir: string): string[] {
  const out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = join(dir, e);
    out.push(p);
    try {
      if (statSync(p).isDirectory()) out.push(...walk(p));
    } catch {
      /* removed meanwhile */
    }
  }
  return out;
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 60_000, everyMs = 20): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A JSON file a fake recorded in the state folder, or undefined. */
export function recorded<T = Record<string, unknown>>(sb: Sandbox, name: string): T | undefined {
  const file = join(sb.state, `${name}.json`);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined; // being written
  }
}

export async function readReport(sb: Sandbox): Promise<JsonReport> {
  return JSON.parse(await readFile(sb.report, 'utf8')) as JsonReport;
}

/** A small project (twinbuild's warm-up project, renamed so that the fakes do not skip it). */
export const DEMO_MODEL: ProjectModel = { ...WARMUP_MODEL, name: 'tb-fault-demo', description: 'fault injection' };

/**
 * Save a counterexample for DEMO_MODEL in the corpus folder. A fuzz run
 * replays it before generating anything, so the fault a fake injects into
 * its first build lands on this small project: the finding is reported
 * without shrinking (shrinking is tested elsewhere), and the generated
 * projects after it show that the run goes on.
 */
export async function seedCorpus(sb: Sandbox, model: ProjectModel = DEMO_MODEL): Promise<string> {
  await mkdir(sb.corpus, { recursive: true });
  const entry: CorpusFile = {
    format: CORPUS_FORMAT,
    formatVersion: CORPUS_FORMAT_VERSION,
    property: 'diff',
    level: 'content',
    backends: { a: { spec: 'setuptools', family: 'setuptools', version: '66.1.1', python: PY }, b: { spec: 'setuptools', family: 'setuptools', version: '66.1.1', python: PY } },
    seed: 1,
    path: '',
    signature: '5eed5eed5eed',
    signatureText: 'diff|seeded',
    summary: 'seeded by the fault-injection suite',
    differences: [],
    model,
    createdAt: new Date(0).toISOString(),
    tool: 'twinbuild test',
  };
  const file = join(sb.corpus, 'diff-5eed5eed5eed.json');
  await writeFile(file, JSON.stringify(entry, null, 2) + '\n');
  return file;
}

/** Snapshot of a folder: file name -> bytes. */
export async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const f of (await readdir(dir)).sort()) out.set(f, await readFile(join(dir, f)));
  return out;
}

/** What every run must leave behind: no twinbuild-* folder in its TMPDIR, no process of the run. */
export function expectNothingLeft(sb: Sandbox): { leftovers: string[]; processes: number[] } {
  return { leftovers: twinbuildLeftovers(sb.tmp), processes: processesWith(sb.state) };
}
