import type { Backend } from '../backends/types.js';
import type { FileMap } from '../render/fileMap.js';
import { buildArtifacts, type BuildOptions } from './buildArtifacts.js';
import { HookWorker } from './hookWorker.js';
import type { BuildResult, HookError } from './types.js';

/**
 * Keeps one warm HookWorker for a backend and replaces it when it dies, so
 * a crashing or killed worker never ends a run.
 */
export class BackendRunner {
  private worker: HookWorker | undefined;
  builds = 0;
  restarts = 0;

  constructor(readonly backend: Backend) {}

  /** The live worker, started (or restarted) on demand. */
  async ready(): Promise<HookWorker> {
    if (this.worker?.alive) return this.worker;
    if (this.worker) {
      this.restarts++;
      await this.worker.close();
    }
    const started = await HookWorker.start(this.backend);
    if ('error' in started) throw new BackendStartError(this.backend, started.error);
    this.worker = started;
    return started;
  }

  async build(files: FileMap, opts: BuildOptions): Promise<BuildResult> {
    const worker = await this.ready();
    this.builds++;
    return buildArtifacts(files, worker, opts);
  }

  async close(): Promise<void> {
    await this.worker?.close();
    this.worker = undefined;
  }
}

export class BackendStartError extends Error {
  override readonly name = 'BackendStartError';
  constructor(
    readonly backend: Backend,
    readonly error: HookError,
  ) {
    super(`cannot import the hook object of ${backend.label}: ${error.message}`);
  }
}
