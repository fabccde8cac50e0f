import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { FileMap } from '../render/fileMap.js';
import { writeFileMap, type WriteOptions } from './fileMapIO.js';
import type { HookWorker } from './hookWorker.js';
import { makeTempDir, removeTempDir } from './lifecycle.js';
import type { ArtifactResult, BuildResult, HookOutcome } from './types.js';

export interface BuildOptions {
  /** Per-hook timeout, seconds. */
  timeoutSec: number;
  env?: Record<string, string>;
  umask?: number;
  /** Largest artifact read back, bytes. */
  maxArtifactBytes?: number;
  /** Parent folder for the temporary build folders. */
  tmpRoot?: string;
  /** How the project files are written (creation order, mtimes). */
  write?: WriteOptions;
  /** Build wheels with build_editable (PEP 660) instead of build_wheel. */
  editable?: boolean;
  /**
   * Run the build hooks in the worker itself instead of a forked child, the
   * interpreter put back afterwards (faster; the runner honours it only for
   * families whose builds leave no state behind, and a fuzz run confirms
   * every failure in a fork before it counts).
   */
  inProcess?: boolean;
  /** config_settings passed to the build hooks (PEP 517), e.g. setuptools' `editable-mode`. */
  configSettings?: Record<string, string | string[]>;
}

export const DEFAULT_TIMEOUT_SEC = 120;

/** The per-hook timeout: TWINBUILD_TIMEOUT seconds, else 120. */
export function timeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['TWINBUILD_TIMEOUT'];
  if (raw === undefined || raw === '') return DEFAULT_TIMEOUT_SEC;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`TWINBUILD_TIMEOUT must be a positive number of seconds, got ${JSON.stringify(raw)}`);
  return n;
}

/**
 * Build the sdist and the wheel of one project with one backend, each from a
 * pristine copy of the project (as a frontend building both from the tree
 * would see it), in a temporary folder removed afterwards.
 */
export async function buildArtifacts(files: FileMap, worker: HookWorker, opts: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const root = await makeTempDir('twinbuild-build-', opts.tmpRoot);
  try {
    const sdist = await buildOne('sdist', files, worker, opts, join(root, 'sdist'));
    const wheel = await buildOne('wheel', files, worker, opts, join(root, 'wheel'));
    return { backendLabel: worker.backend.label, sdist, wheel, ms: performance.now() - started };
  } finally {
    await removeTempDir(root);
  }
}

/**
 * Build one artifact kind from `files` in `dir` (created here): the project
 * in `dir/project`, the output in `dir/out`, and the hook's own HOME and
 * TMPDIR in `dir/home` and `dir/tmp`, so that whatever a build leaves behind
 * goes with the folder.
 */
export async function buildOne(
  kind: 'wheel' | 'sdist',
  files: FileMap,
  worker: HookWorker,
  opts: BuildOptions,
  dir: string,
): Promise<ArtifactResult> {
  const project = join(dir, 'project');
  const out = join(dir, 'out');
  await mkdir(out, { recursive: true });
  await Promise.all([mkdir(join(dir, 'home')), mkdir(join(dir, 'tmp'))]);
  await writeFileMap(project, files, opts.write);
  const hook = kind === 'sdist' ? 'build_sdist' : opts.editable ? 'build_editable' : 'build_wheel';
  const { outcome } = await worker.call(hook, {
    cwd: project,
    outputDirectory: out,
    timeoutSec: opts.timeoutSec,
    env: { HOME: join(dir, 'home'), TMPDIR: join(dir, 'tmp'), ...opts.env },
    umask: opts.umask,
    logDir: dir,
    inProcess: opts.inProcess ?? false,
    ...(opts.configSettings ? { configSettings: opts.configSettings } : {}),
  });
  if (!outcome.ok) return { ok: false, kind, error: outcome.error, outcome };
  return collectArtifact(kind, out, outcome, opts.maxArtifactBytes ?? 512 * 1024 * 1024);
}

export async function collectArtifact(
  kind: 'wheel' | 'sdist',
  out: string,
  outcome: HookOutcome & { ok: true },
  maxBytes: number,
): Promise<ArtifactResult> {
  const bad = (message: string): ArtifactResult => ({ ok: false, kind, error: { kind: 'bad-result', message }, outcome });
  const name = outcome.value;
  if (typeof name !== 'string' || name === '' || basename(name) !== name) {
    return bad(`build_${kind} returned ${JSON.stringify(name)}, not the basename of a file`);
  }
  const present = (await readdir(out)).sort();
  if (!present.includes(name)) {
    return bad(`build_${kind} returned ${JSON.stringify(name)}, but the output folder holds ${JSON.stringify(present)}`);
  }
  // A second artifact of the same kind next to the one named: which one is the build?
  const suffix = kind === 'wheel' ? '.whl' : '.tar.gz';
  const others = present.filter((f) => f !== name && f.endsWith(suffix));
  if (others.length > 0) {
    return bad(`build_${kind} returned ${JSON.stringify(name)} but wrote ${others.length + 1} ${suffix} files: ${JSON.stringify(present.filter((f) => f.endsWith(suffix)))}`);
  }
  const st = await stat(join(out, name));
  if (!st.isFile()) return bad(`build_${kind} returned ${JSON.stringify(name)}, which is not a regular file`);
  if (st.size > maxBytes) return bad(`build_${kind} wrote ${st.size} bytes, over the ${maxBytes}-byte cap`);
  const bytes = new Uint8Array(await readFile(join(out, name)));
  return { ok: true, kind, filename: name, bytes, outcome };
}
