import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultTempRoot, stopEverything, stopEverythingSync } from '../build/lifecycle.js';
import type { CliIO } from './io.js';

/**
 * SIGINT / SIGTERM during a command: stop every build (kill the hook
 * workers and everything their hooks started), let the command save what it
 * has (`onInterrupt`: the report, pending corpus writes), remove the run's
 * temporary folder, and exit with 128 + the signal number (130, 143). A
 * second signal exits at once (after a synchronous kill and removal).
 */

type Flush = (signal: NodeJS.Signals) => Promise<void>;

const flushes = new Set<Flush>();

function ignoreError(): void {
  /* see openRunScope */
}

/** Register what to save when the run is interrupted; returns the unregister function. */
export function onInterrupt(flush: Flush): () => void {
  flushes.add(flush);
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
  let handling = false;
  const exitNow = (signal: NodeJS.Signals): never => {
    stopEverythingSync();
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      /* best effort */
    }
    process.exit(interruptedExitCode(signal));
  };
  const handler = (signal: NodeJS.Signals): void => {
    if (handling) {
      io.err(`twinbuild: ${signal} again: exiting now`);
      exitNow(signal);
    }
    handling = true;
    io.err(`twinbuild: ${signal}: stopping the builds, saving the report and the corpus`);
    const guard = setTimeout(() => {
      io.err(`twinbuild: could not save everything within ${graceMs / 1000} s; exiting`);
      exitNow(signal);
    }, graceMs);
    void (async () => {
      await stopEverything();
      for (const flush of flushes) {
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
