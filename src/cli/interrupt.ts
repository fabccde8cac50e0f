import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultTempRoot, stopEverything, stopEverythingSync } from '../build/lifecycle.js';
import type { CliIO } from './io.js';

/**
 * SIGINT / SIGTERM during a command: stop every build (kill the hook
 * workers and everything their hooks started), let the command save what it
 * has (`onInterrupt`: the report, pending corpus writes), remove the run's
 * temporary folder, and exit with 128 + the signal number (130, 143).
 *
 * Signals arriving together count once: `timeout(1)`, CI runners, systemd
 * and `kill -- -PGID` signal the process and then its process group, so the
 * same request arrives twice within milliseconds. A second SIGINT/SIGTERM
 * within `SAME_REQUEST_MS` of the first is ignored; only a later one means
 * "exit now": then every build is killed synchronously, each saver's
 * synchronous variant writes what the command has (the report, every
 * finding so far: atomically, as the asynchronous path does), the folder is
 * removed and the process exits. The same happens when saving takes longer
 * than the grace period.
 */

type Flush = (signal: NodeJS.Signals) => Promise<void>;
/** What to save when there is no time to wait: synchronous, quick, atomic writes only. */
type FlushSync = (signal: NodeJS.Signals) => void;

/** A second signal within this many ms of the first is the same request. */
export const SAME_REQUEST_MS = 1000;

const flushes = new Map<Flush, FlushSync | undefined>();

function ignoreError(): void {
  /* see openRunScope */
}

/**
 * Register what to save when the run is interrupted (`flush`), and its
 * synchronous variant for a run that must exit at once (`flushSync`);
 * returns the unregister function.
 */
export function onInterrupt(flush: Flush, flushSync?: FlushSync): () => void {
  flushes.set(flush, flushSync);
  return () => flushes.delete(flush);
}

/** Exit code of a run interrupted by `signal` (the shell's convention). */
export function interruptedExitCode(signal: NodeJS.Signals): number {
  return signal === 'SIGINT' ? 130 : 143;
}

/** Tracks the promises of work that must finish before an interrupted run exits (corpus writes). */
export class PendingWork {
  private readonly live = new Set<Promise<unknown>>();

  /** Wrap an async callback so that each of its calls is waited for by `settled`. */
  track<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
    return (...args: A) => {
      const p = fn(...args);
      this.live.add(p);
      const done = () => this.live.delete(p);
      p.then(done, done);
      return p;
    };
  }

  async settled(): Promise<void> {
    while (this.live.size > 0) await Promise.allSettled([...this.live]);
  }
}

export interface RunScope {
  /** The run's temporary folder: TMPDIR (os.tmpdir()) points into it while the command runs. */
  dir: string;
  /** Remove the folder and the signal handlers. */
  close(): Promise<void>;
}

/** The temporary directory before any run scope changed TMPDIR. */
let baseTmp: string | undefined;

/**
 * Set up a command run: a temporary folder `twinbuild-run-*` that every
 * temporary file of the run goes into (TMPDIR is pointed at it for this
 * process and its children, and stays so after `close`), and handlers for
 * SIGINT and SIGTERM.
 */
export async function openRunScope(io: CliIO, graceMs = 20_000): Promise<RunScope> {
  // When the reader of our output went away with the same signal (`twinbuild ... | tee log`
  // and Ctrl-C), a write fails with EPIPE: that must not end the process before it has cleaned up.
  for (const stream of [process.stdout, process.stderr]) {
    if (!stream.listeners('error').includes(ignoreError)) stream.on('error', ignoreError);
  }
  baseTmp ??= defaultTempRoot();
  const dir = await mkdtemp(join(baseTmp, 'twinbuild-run-'));
  process.env['TMPDIR'] = dir;
  let firstAt: number | undefined;
  const exitNow = (signal: NodeJS.Signals): never => {
    stopEverythingSync();
    for (const flushSync of flushes.values()) {
      try {
        flushSync?.(signal);
      } catch (e) {
        io.err(`twinbuild: while saving after ${signal}: ${(e as Error).message}`);
      }
    }
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      /* best effort */
    }
    process.exit(interruptedExitCode(signal));
  };
  const handler = (signal: NodeJS.Signals): void => {
    if (firstAt !== undefined) {
      if (performance.now() - firstAt < SAME_REQUEST_MS) return; // the same request (process and group signalled)
      io.err(`twinbuild: ${signal} again: saving what there is and exiting now`);
      exitNow(signal);
    }
    firstAt = performance.now();
    io.err(`twinbuild: ${signal}: stopping the builds, saving the report and the corpus`);
    const guard = setTimeout(() => {
      io.err(`twinbuild: could not save everything within ${graceMs / 1000} s; exiting`);
      exitNow(signal);
    }, graceMs);
    void (async () => {
      await stopEverything();
      for (const flush of flushes.keys()) {
        try {
          await flush(signal);
        } catch (e) {
          io.err(`twinbuild: while saving after ${signal}: ${(e as Error).message}`);
        }
      }
      await rm(dir, { recursive: true, force: true, maxRetries: 2 }).catch(() => undefined);
      clearTimeout(guard);
      process.exit(interruptedExitCode(signal));
    })();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    dir,
    async close() {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
      // TMPDIR keeps pointing at the removed folder: work still running after the command
      // (an evaluation fast-check abandoned at its time limit) then cannot create anything.
      // Work abandoned at a time limit may still write into the folder for a moment: retry, never throw.
      await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch((e: Error) =>
        io.err(`twinbuild: could not remove the temporary folder ${dir}: ${e.message}`),
      );
    },
  };
}
