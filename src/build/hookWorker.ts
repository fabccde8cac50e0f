import { createInterface } from 'node:readline';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { packageFile } from '../_internals/packageRoot.js';
import type { Backend } from '../backends/types.js';
import { endAndAwaitExit, isStopped, makeTempDir, parked, removeTempDir, settledWithin, trackWorker, untrackWorker, type Stoppable } from './lifecycle.js';
import type { HookError, HookName, HookOutcome, ToolCallName } from './types.js';
import type { CoverageSink, CoverageStart, LineMap } from '../coverage/coverage.js';
import { withExitReason } from './exitReason.js';

const WORKER_SCRIPT = packageFile('src', 'build', '_python', 'hook_worker.py');
/**
 * Captured stdout/stderr of a hook is cut to this many bytes (head and tail
 * kept). The worker reads the hook's output from pipes and never holds or
 * writes more than this per stream, however much the hook prints.
 */
export const LOG_CAP = 64 * 1024;

const GiB = 1024 * 1024 * 1024;

/** Resource limits of every hook process (setrlimit in the forked child; soft = hard). */
export interface HookLimits {
  /** RLIMIT_DATA: heap and private writable mappings, bytes. */
  data: number;
  /** RLIMIT_FSIZE: largest file a hook may write, bytes. */
  fsize: number;
  /** RLIMIT_CORE: no core dumps of crashing hooks. */
  core: number;
  /**
   * RLIMIT_NPROC for non-root users: the user's process count when the worker
   * starts plus this. Not applied as root (the kernel ignores it for root).
   */
  nprocExtra: number;
}

export const DEFAULT_LIMITS: HookLimits = { data: 4 * GiB, fsize: 1 * GiB, core: 0, nprocExtra: 1024 };

export interface WorkerOptions {
  limits?: Partial<HookLimits>;
  /** Seconds the backend's import may take before the worker is killed (default 120). */
  startTimeoutSec?: number;
  /** `isolate` (default): no network for hooks where the machine allows a network namespace. */
  network?: 'isolate' | 'allow';
  /**
   * Record the backend lines each call executes (--coverage; coverage_probe.py)
   * and send them here, with what the worker says about tracing when it starts.
   */
  coverage?: CoverageSink;
}

/** What containment the worker could set up (reported by the worker itself). */
export interface WorkerIsolation {
  /** `namespace` / `user-namespace`: hooks have no network; `shared`: they have the machine's. */
  network: 'namespace' | 'user-namespace' | 'shared';
  networkDetail: string;
  /** The limits applied to each hook (a number), or why one is not. */
  limits: Record<string, number | string>;
  /** The worker is a child subreaper (catches what escapes a hook's process group). */
  subreaper: boolean;
}

export interface HookCallOptions {
  /** Folder the hook runs in (the project). */
  cwd: string;
  /** Output folder for build_* and prepare_metadata_* hooks. */
  outputDirectory?: string;
  metadataDirectory?: string;
  configSettings?: Record<string, string | string[]>;
  /** Extra environment for this call only (SOURCE_DATE_EPOCH, TZ, ...). */
  env?: Record<string, string>;
  umask?: number;
  /** Per-hook timeout in seconds. */
  timeoutSec: number;
  /** Where to write the hook's stdout/stderr (default: a temporary folder). */
  logDir?: string;
  /** Ask the child for its sys.modules after the hook (used for warming). */
  reportModules?: boolean;
  /** Run the hook in the worker process itself, the interpreter put back afterwards (no fork). */
  inProcess?: boolean;
}

export interface WorkerOutcome {
  outcome: HookOutcome;
  modules?: string[];
}

type Pending = { resolve: (v: Record<string, unknown>) => void; timer: NodeJS.Timeout };

function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

/**
 * What a worker runs: a backend, or one of twinbuild's own tools loaded like
 * one (src/install/: pypa/installer in the same sandbox as builds), whose
 * "hooks" are its functions taking the call's config_settings.
 */
export type WorkerTarget = Pick<Backend, 'python' | 'hook' | 'importPaths' | 'label' | 'binPaths'>;

/** Environment every build sees: nothing of the parent's but what a build needs. */
export function scrubbedEnv(backend: WorkerTarget, home: string): Record<string, string> {
  return {
    PATH: [...(backend.binPaths ?? []), dirname(backend.python), '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
    HOME: home,
    TMPDIR: home,
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    TZ: 'UTC',
    PYTHONNOUSERSITE: '1',
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONHASHSEED: '0',
    PYTHONUTF8: '1',
    PIP_NO_INPUT: '1',
    SOURCE_DATE_EPOCH: '1580601600',
  };
}

/**
 * One long-lived Python process for one backend. It imports the backend once
 * and forks a child per hook call (see hook_worker.py). Calls are serialized.
 * Failures of hooks are returned as data; if the worker itself dies, the
 * pending call returns a `crash` outcome and `alive` turns false.
 *
 * Containment (docs/safety.md): the worker runs with `scrubbedEnv` and moves
 * itself into an empty network namespace where the machine allows it; each
 * hook process gets `DEFAULT_LIMITS`, its own session (killed whole at the
 * timeout), stdin from /dev/null and stdout/stderr capped at LOG_CAP.
 */
export class HookWorker<T extends WorkerTarget = Backend> implements Stoppable {
  readonly hooks: readonly string[];
  /** What containment the worker set up (network namespace, limits). */
  readonly isolation: WorkerIsolation;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private queue: Promise<unknown> = Promise.resolve();
  private dead = false;
  private closing = false;
  private readonly home: string;
  /** Process group of the hook running now (the forked child is a session leader). */
  private hookPid: number | undefined;
  private readonly exited: Promise<unknown>;

  private constructor(
    readonly backend: T,
    private readonly proc: ResultPromise,
    home: string,
    ready: Record<string, unknown>,
    private readonly coverage?: CoverageSink,
  ) {
    this.home = home;
    this.hooks = ready['hooks'] as string[];
    this.isolation = (ready['isolation'] as WorkerIsolation | undefined) ?? { network: 'shared', networkDetail: 'not reported', limits: {}, subreaper: false };
    this.exited = proc.then(
      () => undefined,
      () => undefined,
    );
  }

  get alive(): boolean {
    return !this.dead;
  }

  /** The worker's process id (its process group id too). */
  get pid(): number | undefined {
    return this.proc.pid;
  }

  /** Start a worker; resolves once the backend is imported, or returns the import error. */
  static async start<T extends WorkerTarget = Backend>(backend: T, options: WorkerOptions = {}): Promise<HookWorker<T> | { error: HookError }> {
    const home = await makeTempDir('twinbuild-home-');
    const { file, args } = workerCommand(backend);
    const proc = execa(file, args, {
      env: { ...scrubbedEnv(backend, home), TWINBUILD_WORKER_CONFIG: JSON.stringify(workerConfig(options)) },
      extendEnv: false,
      buffer: false,
      stdin: 'pipe',
      stdout: 'pipe',
      stderr: 'pipe',
      reject: false,
      detached: true,
      cleanup: true,
      cwd: home,
    });
    // Until it is ready, an interrupted run kills it like any worker.
    const starting: Stoppable = { terminate: async () => signalGroup(proc.pid, 'SIGKILL'), killNow: () => signalGroup(proc.pid, 'SIGKILL') };
    trackWorker(starting);
    const stderrTail: string[] = [];
    proc.stderr?.on('data', (d: Buffer) => {
      stderrTail.push(d.toString('utf8'));
      if (stderrTail.length > 50) stderrTail.shift();
    });
    const lines = createInterface({ input: proc.stdout! });
    let startTimer: NodeJS.Timeout | undefined;
    const first = await new Promise<Record<string, unknown> | null>((resolve) => {
      lines.once('line', (l) => resolve(safeJson(l)));
      void proc.then(() => resolve(null));
      startTimer = setTimeout(() => {
        stderrTail.push(`(importing the hook object took more than ${options.startTimeoutSec ?? 120} s)`);
        resolve(null);
      }, (options.startTimeoutSec ?? 120) * 1000);
    });
    clearTimeout(startTimer);
    untrackWorker(starting);
    if (!first || first['ready'] !== true) {
      signalGroup(proc.pid, 'SIGKILL');
      proc.kill('SIGKILL');
      await proc.catch(() => undefined);
      await removeTempDir(home);
      if (isStopped()) return parked();
      const err = (first?.['error'] as HookError | undefined) ?? {
        kind: 'import-error' as const,
        message: `hook worker for ${backend.label} did not start: ${stderrTail.join('').slice(-2000)}`,
      };
      return { error: err };
    }
    const worker = new HookWorker<T>(backend, proc, home, first, options.coverage);
    if (options.coverage) {
      const info = first['coverage'] as CoverageStart | undefined;
      options.coverage.started(info ?? { method: 'none', roots: [], unavailable: 'the worker did not report coverage', lines: {} });
    }
    trackWorker(worker);
    // A worker that died between calls: the next request's write fails with EPIPE, and its exit resolves the call.
    proc.stdin?.on('error', () => undefined);
    lines.on('line', (l) => worker.onLine(l));
    proc.once('exit', () => worker.onExit());
    if (isStopped()) {
      worker.killNow();
      return parked();
    }
    return worker;
  }

  private onLine(line: string): void {
    const msg = safeJson(line);
    if (!msg || typeof msg['id'] !== 'number') return;
    if (typeof msg['started'] === 'number') {
      this.hookPid = msg['started'];
      return;
    }
    const p = this.pending.get(msg['id']);
    if (!p) return;
    // An interrupted run: a result that arrives after the stop (the worker reporting the hook it
    // just saw killed) is not a result; the call stays pending like every other.
    if (isStopped()) return;
    clearTimeout(p.timer);
    this.pending.delete(msg['id']);
    this.hookPid = undefined;
    if (this.coverage && msg['lines']) this.coverage.add(msg['lines'] as LineMap);
    p.resolve(msg);
  }

  private onExit(): void {
    this.dead = true;
    // Whatever the hook started dies with it (the worker does this itself unless it was SIGKILLed).
    signalGroup(this.hookPid, 'SIGKILL');
    this.hookPid = undefined;
    if (isStopped()) return; // an interrupted run: pending calls stay pending
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.resolve({ id, ok: false, error: { kind: 'crash', message: 'hook worker process died' } });
    }
    this.pending.clear();
  }

  private request(make: (id: number) => HookRequest | WarmRequest, guardMs: number): Promise<Record<string, unknown>> {
    const run = (): Promise<Record<string, unknown>> => {
      // Stopped (interrupted run) or closed (a call from work abandoned after the run ended): never settles.
      if (isStopped() || this.closing) return parked();
      if (this.dead) {
        return Promise.resolve({ ok: false, error: { kind: 'crash', message: 'hook worker process is not running' } });
      }
      const id = this.nextId++;
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          // The worker itself stopped answering: kill it whole; onExit resolves the call.
          this.kill();
        }, guardMs);
        this.pending.set(id, { resolve, timer });
        this.proc.stdin!.write(JSON.stringify(make(id)) + '\n');
      });
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Call one PEP 517/660 hook (or a tool's function, see WorkerTarget) in a forked child. Never throws. */
  async call(hook: HookName | ToolCallName, opts: HookCallOptions): Promise<WorkerOutcome> {
    const logDir = opts.logDir ?? (await mkdtemp(join(this.home, 'log-')));
    const stdoutFile = join(logDir, `${hook}.stdout`);
    const stderrFile = join(logDir, `${hook}.stderr`);
    const started = performance.now();
    const specSettings = (this.backend as Partial<Backend>).spec?.configSettings;
    const msg = await this.request((id) => hookRequest(id, hook, opts, { stdout: stdoutFile, stderr: stderrFile }, specSettings), (opts.timeoutSec + 15) * 1000);
    const cut = (msg['cut'] ?? {}) as { stdout?: number; stderr?: number };
    const [stdout, stderr] = await Promise.all([readCapped(stdoutFile, cut.stdout ?? 0), readCapped(stderrFile, cut.stderr ?? 0)]);
    if (!opts.logDir) await rm(logDir, { recursive: true, force: true });
    const ms = typeof msg['ms'] === 'number' ? msg['ms'] : performance.now() - started;
    const outcome: HookOutcome = msg['ok']
      ? { ok: true, hook, value: msg['value'], stdout, stderr, ms }
      : { ok: false, hook, error: withExitReason(msg['error'] as HookError, stderr), stdout, stderr, ms };
    return { outcome, modules: msg['modules'] as string[] | undefined };
  }

  /** Import modules in the parent so that forked children start warm. */
  async warm(modules: string[]): Promise<number> {
    const msg = await this.request((id) => warmRequest(id, modules), 120_000);
    return typeof msg['value'] === 'number' ? msg['value'] : 0;
  }

  /** Kill the worker and everything it started, at once. */
  kill(): void {
    signalGroup(this.hookPid, 'SIGKILL');
    signalGroup(this.proc.pid, 'SIGKILL');
  }

  killNow(): void {
    this.kill();
  }

  /**
   * Stop the worker now: SIGKILL the running hook's process group, SIGTERM
   * the worker (it then kills and reaps whatever escaped that group, and
   * exits), and SIGKILL its process group if it is still there after `graceMs`.
   */
  async terminate(graceMs: number): Promise<void> {
    signalGroup(this.hookPid, 'SIGKILL');
    if (!this.dead && this.proc.pid !== undefined) {
      try {
        process.kill(this.proc.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await settledWithin(this.exited, graceMs);
    }
    this.kill();
  }

  async close(): Promise<void> {
    this.closing = true;
    if (!this.dead) await endAndAwaitExit(this.proc.stdin, this.exited, () => this.kill());
    untrackWorker(this);
    await removeTempDir(this.home);
  }
}

/**
 * The config_settings of one hook call: the backend spec's (`config=`, `-C`)
 * then the call's own (a project's, a property's) on top; null when neither.
 */
export function mergeSettings(
  fromSpec: Record<string, string | string[]> | undefined,
  fromCall: Record<string, string | string[]> | undefined,
): Record<string, string | string[]> | null {
  if (!fromSpec && !fromCall) return null;
  return { ...(fromSpec ?? {}), ...(fromCall ?? {}) };
}

/**
 * The messages twinbuild sends its worker (src/build/_python/messages.schema.json,
 * definitions hookRequest and warmRequest; test/build/messages.test.ts holds
 * these builders and the worker's answers to that schema).
 */
export interface HookRequest {
  id: number;
  hook: HookName | ToolCallName;
  cwd: string;
  args: { output_directory?: string; metadata_directory?: string; config_settings: Record<string, string | string[]> | null };
  timeout: number;
  env: Record<string, string>;
  umask: number | null;
  stdout: string;
  stderr: string;
  reportModules: boolean;
  inprocess?: true;
}

export interface WarmRequest {
  id: number;
  op: 'warm';
  modules: string[];
}

/** The request of one hook call; `logs`: the files the worker writes its stdout and stderr to. */
export function hookRequest(
  id: number,
  hook: HookName | ToolCallName,
  opts: HookCallOptions,
  logs: { stdout: string; stderr: string },
  specSettings?: Record<string, string | string[]>,
): HookRequest {
  const args: HookRequest['args'] = { config_settings: mergeSettings(specSettings, opts.configSettings) };
  const output = opts.outputDirectory ?? opts.metadataDirectory;
  if (output !== undefined) args.output_directory = output;
  if (opts.metadataDirectory && opts.outputDirectory) args.metadata_directory = opts.metadataDirectory;
  return {
    id,
    hook,
    cwd: opts.cwd,
    args,
    timeout: opts.timeoutSec,
    env: opts.env ?? {},
    umask: opts.umask ?? null,
    stdout: logs.stdout,
    stderr: logs.stderr,
    reportModules: opts.reportModules ?? false,
    ...(opts.inProcess ? { inprocess: true as const } : {}),
  };
}

export function warmRequest(id: number, modules: string[]): WarmRequest {
  return { id, op: 'warm', modules };
}

/** The worker's configuration (TWINBUILD_WORKER_CONFIG; read by hook_protocol.read_config). */
export function workerConfig(options: WorkerOptions = {}): { limits: HookLimits; logCap: number; network: 'isolate' | 'allow'; coverage: string | null } {
  return { limits: { ...DEFAULT_LIMITS, ...options.limits }, logCap: LOG_CAP, network: options.network ?? 'isolate', coverage: options.coverage?.module ?? null };
}

/**
 * How a worker is started: the target's interpreter, unbuffered (-u), writing
 * no bytecode (-B), without the user's site-packages (-s), on hook_worker.py,
 * which finds its own modules next to it (sys.path[0]) and then takes that
 * folder off sys.path before importing the backend.
 */
export function workerCommand(backend: WorkerTarget): { file: string; args: string[] } {
  return { file: backend.python, args: ['-u', '-B', '-s', WORKER_SCRIPT, hookSpec(backend), ...backend.importPaths] };
}

function hookSpec(backend: WorkerTarget): string {
  return backend.hook.object ? `${backend.hook.module}:${backend.hook.object}` : backend.hook.module;
}

function safeJson(line: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(line);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const cutMark = (bytes: number): string => `\n[... ${bytes} bytes cut by twinbuild ...]\n`;

/**
 * Read a log file, keeping at most LOG_CAP bytes (head and tail); never loads
 * more. `cut`: bytes the worker already left out between the head (LOG_CAP / 2
 * bytes) and the tail it wrote.
 */
export async function readCapped(path: string, cut = 0): Promise<string> {
  let fh;
  try {
    fh = await open(path, 'r');
  } catch {
    return '';
  }
  try {
    const { size } = await fh.stat();
    const half = LOG_CAP / 2;
    if (size <= LOG_CAP) {
      const buf = Buffer.alloc(size);
      await fh.read(buf, 0, size, 0);
      if (cut > 0 && size > half) return `${buf.subarray(0, half).toString('utf8')}${cutMark(cut)}${buf.subarray(half).toString('utf8')}`;
      return buf.toString('utf8');
    }
    const head = Buffer.alloc(half);
    const tail = Buffer.alloc(half);
    await fh.read(head, 0, half, 0);
    await fh.read(tail, 0, half, size - half);
    return `${head.toString('utf8')}${cutMark(size - LOG_CAP + cut)}${tail.toString('utf8')}`;
  } finally {
    await fh.close();
  }
}
