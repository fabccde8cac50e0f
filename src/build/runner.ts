import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Backend } from '../backends/types.js';
import { EnvironmentError } from '../errors.js';
import { isOwnHook } from '../backends/families.js';
import { writeFileMap } from './fileMapIO.js';
import { fileContent, type FileMap } from '../render/fileMap.js';
import { buildArtifacts, buildOne, type BuildOptions } from './buildArtifacts.js';
import { HookWorker, type HookCallOptions, type WorkerOptions } from './hookWorker.js';
import { isStopped, makeTempDir, parked, removeTempDir } from './lifecycle.js';
import type { ArtifactResult, BuildResult, HookError, HookName, HookOutcome } from './types.js';
import { parseRequirement } from '../pep/requirement.js';

/**
 * Keeps one warm HookWorker for a backend and replaces it when it dies, so
 * a crashing or killed worker never ends a run.
 */
export class BackendRunner {
  private worker: HookWorker | undefined;
  builds = 0;
  restarts = 0;
  /** Modules a warm-up build imported; every later worker imports them at start. */
  private warmModules: string[] | undefined;
  private closed = false;

  /**
   * @param warmup a small project of the backend's family: built once (in a
   * forked child, so the worker's own state stays pristine) to learn which
   * modules a build imports; the worker then imports them up front, so that
   * every forked build starts warm.
   */
  constructor(
    readonly backend: Backend,
    private readonly warmup?: FileMap,
    private readonly workerOptions: WorkerOptions = {},
  ) {}

  /** The live worker, started (or restarted) on demand. */
  async ready(): Promise<HookWorker> {
    // After close() (or an interrupted run) nothing new starts: a late call, such as an
    // evaluation fast-check abandoned at its time limit, stays pending instead of
    // starting a worker that would outlive the run.
    if (isStopped() || this.closed) return parked();
    if (this.worker?.alive) return this.worker;
    if (this.worker) {
      this.restarts++;
      await this.worker.close();
    }
    const started = await HookWorker.start(this.backend, this.workerOptions);
    if ('error' in started) throw new BackendStartError(this.backend, started.error);
    this.worker = started;
    if (this.warmup && this.warmModules === undefined) this.warmModules = await learnModules(started, this.warmup);
    if (this.warmModules?.length) await started.warm(this.warmModules);
    return started;
  }

  /**
   * Whether builds may run in the worker process itself (BuildOptions.inProcess):
   * yes unless TWINBUILD_ISOLATION=fork. The worker puts the interpreter back
   * after each call (modules the build imported, such as the project's own
   * read by setuptools' `attr:`, are forgotten; distutils' mkpath cache is
   * cleared), and a fuzz run confirms every failure in forks.
   */
  get inProcessAllowed(): boolean {
    if (process.env['TWINBUILD_ISOLATION'] === 'fork') return false;
    // Only the family's own hook object (a release, or a build of it given with @): a wrapper or
    // anything else named with backend= / path= is arbitrary code, which gets a fork of its own
    // (a process group to kill, resource limits, nothing it can leave in the worker).
    const spec = this.backend.spec;
    return spec.paths.length === 0 && (spec.backend === undefined || isOwnHook(spec.backend.module, this.backend.family));
  }

  private isolation(opts: BuildOptions): BuildOptions {
    return opts.inProcess && !this.inProcessAllowed ? { ...opts, inProcess: false } : opts;
  }

  async build(files: FileMap, opts: BuildOptions): Promise<BuildResult> {
    const worker = await this.ready();
    this.builds++;
    const result = await buildArtifacts(files, worker, this.isolation(opts));
    for (const art of [result.sdist, result.wheel]) if (!art.ok) this.checkRequirements(art.outcome, configTexts(files));
    return result;
  }

  /**
   * A build failed and the backend had asked (get_requires_for_build_*) for
   * requirements this environment lacks: that is the environment's fault,
   * never a finding, so the run stops with an error naming what to install.
   * Requirements the project declares itself (setup_requires, build-system
   * requires) are reported, never installed, by design: those do not count.
   */
  private checkRequirements(outcome: HookOutcome, projectTexts: string[]): void {
    if (outcome.ok || !outcome.error.missing?.length) return;
    const missing = outcome.error.missing.filter((r) => !declaredByProject(r, projectTexts));
    if (missing.length === 0) return;
    const spec = this.backend.spec;
    throw new EnvironmentError(
      `${this.backend.label}: ${outcome.hook} failed, and the backend asks for ${missing.join(', ')} (get_requires_for_build_*), which ${this.backend.python} does not have`,
      spec.version !== undefined
        ? `twinbuild installs a backend's own requirements into its managed environment; install them there: ${this.backend.python} -m pip install ${missing.map((m) => JSON.stringify(m)).join(' ')}`
        : `install ${missing.join(', ')} for ${this.backend.python}, or use ${spec.family}==VERSION, whose managed environment has them`,
    );
  }

  /** Build one artifact kind of `files` in a temporary folder (removed afterwards). */
  async buildOne(kind: 'wheel' | 'sdist', files: FileMap, opts: BuildOptions): Promise<ArtifactResult> {
    const worker = await this.ready();
    this.builds++;
    const root = await makeTempDir('twinbuild-build-', opts.tmpRoot);
    try {
      const art = await buildOne(kind, files, worker, this.isolation(opts), root);
      if (!art.ok) this.checkRequirements(art.outcome, configTexts(files));
      return art;
    } finally {
      await removeTempDir(root);
    }
  }

  /** Call any hook in `cwd` (a folder the caller owns). */
  async call(hook: HookName, opts: HookCallOptions): Promise<HookOutcome> {
    const worker = await this.ready();
    const { outcome } = await worker.call(hook, opts);
    if (!outcome.ok && outcome.error.missing?.length) {
      const texts = await Promise.all(CONFIG_FILES.map((f) => readFile(join(opts.cwd, f), 'utf8').catch(() => '')));
      this.checkRequirements(outcome, texts);
    }
    return outcome;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker?.close();
    this.worker = undefined;
  }
}

const CONFIG_FILES = ['pyproject.toml', 'setup.cfg', 'setup.py'];

function configTexts(files: FileMap): string[] {
  return CONFIG_FILES.map((f) => files[f]).map((v) => {
    if (v === undefined) return '';
    const c = fileContent(v);
    return typeof c === 'string' ? c : Buffer.from(c).toString('utf8');
  });
}

/** Whether the requirement's name occurs in the project's own configuration (any spelling of the name). */
export function declaredByProject(requirement: string, texts: string[]): boolean {
  const parsed = parseRequirement(requirement, { lenient: true });
  if (!parsed.ok) return false;
  const name = parsed.value.name;
  const pattern = new RegExp(`(?<![A-Za-z0-9._-])${name.split(/[-_.]+/).map((p) => p.replace(/[^A-Za-z0-9]/g, '')).join('[-_.]+')}(?![A-Za-z0-9_.-])`, 'i');
  return texts.some((t) => pattern.test(t));
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

/** Build `files` once (sdist and wheel) and return the modules the builds had imported. */
async function learnModules(worker: HookWorker, files: FileMap): Promise<string[]> {
  const root = await makeTempDir('twinbuild-warmup-');
  try {
    const modules = new Set<string>();
    for (const hook of ['build_sdist', 'build_wheel'] as const) {
      const dir = join(root, hook);
      await writeFileMap(join(dir, 'project'), files);
      await mkdir(join(dir, 'out'), { recursive: true });
      const r = await worker.call(hook, { cwd: join(dir, 'project'), outputDirectory: join(dir, 'out'), timeoutSec: 120, logDir: dir, reportModules: true });
      for (const m of r.modules ?? []) modules.add(m);
    }
    return [...modules].sort();
  } finally {
    await removeTempDir(root);
  }
}
