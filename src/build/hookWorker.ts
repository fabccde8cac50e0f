import { createInterface } from 'node:readline';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { packageFile } from '../_internals/packageRoot.js';
import type { Backend } from '../backends/types.js';
import type { HookError, HookName, HookOutcome } from './types.js';

const WORKER_SCRIPT = packageFile('src', 'build', '_python', 'hook_worker.py');
/** Captured stdout/stderr of a hook is cut to this many bytes (head and tail kept). */
export const LOG_CAP = 64 * 1024;

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
}

export interface WorkerOutcome {
  outcome: HookOutcome;
  modules?: string[];
}

type Pending = { resolve: (v: Record<string, unknown>) => void; timer: NodeJS.Timeout };

/** Environment every build sees: nothing of the parent's but what a build needs. */
export function scrubbedEnv(backend: Backend, home: string): Record<string, string> {
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
 */
export class HookWorker {
  readonly hooks: readonly string[];
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private queue: Promise<unknown> = Promise.resolve();
  private dead = false;
  private readonly home: string;

  private constructor(
    readonly backend: Backend,
    private readonly proc: ResultPromise,
    home: string,
    hooks: string[],
  ) {
    this.home = home;
    this.hooks = hooks;
  }

  get alive(): boolean {
    return !this.dead;
  }

  /** Start a worker; resolves once the backend is imported, or returns the import error. */
  static async start(backend: Backend): Promise<HookWorker | { error: HookError }> {
    const home = await mkdtemp(join(tmpdir(), 'twinbuild-home-'));
    const proc = execa(backend.python, ['-u', '-B', '-s', WORKER_SCRIPT, hookSpec(backend), ...backend.importPaths], {
      env: scrubbedEnv(backend, home),
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
    const stderrTail: string[] = [];
    proc.stderr?.on('data', (d: Buffer) => {
      stderrTail.push(d.toString('utf8'));
      if (stderrTail.length > 50) stderrTail.shift();
    });
    const lines = createInterface({ input: proc.stdout! });
    const first = await new Promise<Record<string, unknown> | null>((resolve) => {
      lines.once('line', (l) => resolve(safeJson(l)));
      void proc.then(() => resolve(null));
    });
    if (!first || first['ready'] !== true) {
      proc.kill('SIGKILL');
      await rm(home, { recursive: true, force: true });
      const err = (first?.['error'] as HookError | undefined) ?? {
        kind: 'import-error' as const,
        message: `hook worker for ${backend.label} did not start: ${stderrTail.join('').slice(-2000)}`,
      };
      return { error: err };
    }
    const worker = new HookWorker(backend, proc, home, first['hooks'] as string[]);
    lines.on('line', (l) => worker.onLine(l));
    proc.once('exit', () => worker.onExit());
    return worker;
  }

  private onLine(line: string): void {
    const msg = safeJson(line);
    if (!msg || typeof msg['id'] !== 'number') return;
    const p = this.pending.get(msg['id']);
    if (!p) return;
    clearTimeout(p.timer);
    this.pending.delete(msg['id']);
    p.resolve(msg);
  }

  private onExit(): void {
    this.dead = true;
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.resolve({ id, ok: false, error: { kind: 'crash', message: 'hook worker process died' } });
    }
    this.pending.clear();
  }

  private request(body: Record<string, unknown>, guardMs: number): Promise<Record<string, unknown>> {
    const run = (): Promise<Record<string, unknown>> => {
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
        this.proc.stdin!.write(JSON.stringify({ ...body, id }) + '\n');
      });
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Call one PEP 517/660 hook in a forked child. Never throws. */
  async call(hook: HookName, opts: HookCallOptions): Promise<WorkerOutcome> {
    const logDir = opts.logDir ?? (await mkdtemp(join(this.home, 'log-')));
    const stdoutFile = join(logDir, `${hook}.stdout`);
    const stderrFile = join(logDir, `${hook}.stderr`);
    const started = performance.now();
    const msg = await this.request(
      {
        hook,
        cwd: opts.cwd,
        args: {
          output_directory: opts.outputDirectory ?? opts.metadataDirectory,
          metadata_directory: opts.metadataDirectory && opts.outputDirectory ? opts.metadataDirectory : undefined,
          config_settings: opts.configSettings ?? null,
        },
        timeout: opts.timeoutSec,
        env: opts.env ?? {},
        umask: opts.umask ?? null,
        stdout: stdoutFile,
        stderr: stderrFile,
        reportModules: opts.reportModules ?? false,
      },
      (opts.timeoutSec + 15) * 1000,
    );
    const [stdout, stderr] = await Promise.all([readCapped(stdoutFile), readCapped(stderrFile)]);
    if (!opts.logDir) await rm(logDir, { recursive: true, force: true });
    const ms = typeof msg['ms'] === 'number' ? msg['ms'] : performance.now() - started;
    const outcome: HookOutcome = msg['ok']
      ? { ok: true, hook, value: msg['value'], stdout, stderr, ms }
      : { ok: false, hook, error: msg['error'] as HookError, stdout, stderr, ms };
    return { outcome, modules: msg['modules'] as string[] | undefined };
  }

  /** Import modules in the parent so that forked children start warm. */
  async warm(modules: string[]): Promise<number> {
    const msg = await this.request({ op: 'warm', modules }, 120_000);
    return typeof msg['value'] === 'number' ? msg['value'] : 0;
  }

  /** Kill the worker and everything it started. */
  kill(): void {
    if (this.proc.pid !== undefined) {
      try {
        process.kill(-this.proc.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }

  async close(): Promise<void> {
    if (!this.dead) {
      this.proc.stdin?.end();
      const t = setTimeout(() => this.kill(), 2000);
      await this.proc;
      clearTimeout(t);
    }
    await rm(this.home, { recursive: true, force: true });
  }
}

function hookSpec(backend: Backend): string {
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

/** Read a log file, keeping at most LOG_CAP bytes (head and tail); never loads more. */
export async function readCapped(path: string): Promise<string> {
  let fh;
  try {
    fh = await open(path, 'r');
  } catch {
    return '';
  }
  try {
    const { size } = await fh.stat();
    if (size <= LOG_CAP) {
      const buf = Buffer.alloc(size);
      await fh.read(buf, 0, size, 0);
      return buf.toString('utf8');
    }
    const half = LOG_CAP / 2;
    const head = Buffer.alloc(half);
    const tail = Buffer.alloc(half);
    await fh.read(head, 0, half, 0);
    await fh.read(tail, 0, half, size - half);
    return `${head.toString('utf8')}\n[... ${size - LOG_CAP} bytes cut by twinbuild ...]\n${tail.toString('utf8')}`;
  } finally {
    await fh.close();
  }
}
