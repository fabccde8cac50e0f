import { accessSync, constants, rmSync, statfsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What the build stage has running and on disk: hook workers (process trees
 * to kill) and temporary folders (to remove). Normally each is released by
 * the code that made it; `stopEverything` is for an interrupted run (SIGINT,
 * SIGTERM): it kills every worker with its hooks and removes every folder,
 * and from then on every build-stage call stays pending for ever, so that no
 * half-finished build can be mistaken for a result while the process exits.
 */
export interface Stoppable {
  /** Kill the process tree; resolves once it is gone (or after `graceMs`). */
  terminate(graceMs: number): Promise<void>;
  /** Kill the process tree now, synchronously (for exit handlers). */
  killNow(): void;
}

const workers = new Set<Stoppable>();
const dirs = new Set<string>();
let stopped = false;

/** True once `stopEverything` has been called. */
export function isStopped(): boolean {
  return stopped;
}

/** A promise that never settles: what build-stage calls return once everything is stopped. */
export function parked<T>(): Promise<T> {
  return new Promise<T>(() => undefined);
}

const TMPFS_MAGIC = 0x01021994;

/**
 * Where a run keeps its temporary folders (every build's project copy, output,
 * HOME and TMPDIR): `TWINBUILD_TMPDIR` if set; else `TMPDIR` if the user set
 * it; else `/dev/shm` when it is a writable tmpfs with at least 1 GiB free
 * (builds write many small files: on a tmpfs that costs a tenth of what a
 * journaling disk costs, see docs/performance.md); else the system default.
 */
export function defaultTempRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env['TWINBUILD_TMPDIR']) return env['TWINBUILD_TMPDIR'];
  if (env['TMPDIR']) return tmpdir();
  try {
    const st = statfsSync('/dev/shm');
    accessSync('/dev/shm', constants.W_OK);
    if (st.type === TMPFS_MAGIC && st.bavail * st.bsize >= 1024 ** 3) return '/dev/shm';
  } catch {
    /* no usable tmpfs */
  }
  return tmpdir();
}

/** mkdtemp in `parent` (default: the temporary directory), tracked until `removeTempDir`. */
export async function makeTempDir(prefix: string, parent: string = tmpdir()): Promise<string> {
  if (stopped) return parked();
  const dir = await mkdtemp(join(parent, prefix));
  dirs.add(dir);
  if (stopped) {
    rmSync(dir, { recursive: true, force: true });
    return parked();
  }
  return dir;
}

/** Remove a folder made by `makeTempDir`, with everything in it. */
export async function removeTempDir(dir: string): Promise<void> {
  // Synchronous: a build folder is small, and the thread pool's round trips cost more than the work.
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    await rm(dir, { recursive: true, force: true, maxRetries: 2 });
  }
  dirs.delete(dir);
}

/** Resolves once `exited` settles or `ms` have passed, whichever comes first. */
export async function settledWithin(exited: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([exited, new Promise((res) => (timer = setTimeout(res, ms)))]);
  clearTimeout(timer);
}

/** Ends a worker's stdin (its signal to exit) and waits for `exited`, calling `kill` if that takes more than `ms`. */
export async function endAndAwaitExit(stdin: NodeJS.WritableStream | null | undefined, exited: Promise<unknown>, kill: () => void, ms = 2000): Promise<void> {
  stdin?.end();
  const t = setTimeout(kill, ms);
  await exited;
  clearTimeout(t);
}

export function trackWorker(w: Stoppable): void {
  workers.add(w);
}

export function untrackWorker(w: Stoppable): void {
  workers.delete(w);
}

/** How many workers and temporary folders are live (for tests and diagnostics). */
export function liveCounts(): { workers: number; dirs: number } {
  return { workers: workers.size, dirs: dirs.size };
}

/**
 * Stop all builds: kill every worker and its hooks (SIGTERM to the worker so
 * that it kills what its hooks started, SIGKILL to the hook's process group,
 * then SIGKILL after `graceMs`), then remove every temporary folder.
 */
export async function stopEverything(graceMs = 1000): Promise<void> {
  stopped = true;
  await Promise.all([...workers].map((w) => w.terminate(graceMs).catch(() => undefined)));
  workers.clear();
  await Promise.all([...dirs].map((d) => rm(d, { recursive: true, force: true, maxRetries: 2 }).catch(() => undefined)));
  dirs.clear();
}

/** `stopEverything` without waiting: SIGKILL everything, remove folders synchronously. */
export function stopEverythingSync(): void {
  stopped = true;
  for (const w of workers) w.killNow();
  workers.clear();
  for (const d of dirs) {
    try {
      rmSync(d, { recursive: true, force: true });
    } catch {
      /* best effort */
    }
  }
  dirs.clear();
}
