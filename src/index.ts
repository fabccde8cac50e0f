/**
 * twinbuild as a library (the package's main export, `import { ... } from 'twinbuild'`).
 *
 * Two calls, for scripts and other tools that want the results as data
 * rather than the command line's output:
 *
 * - `fuzzProperty({ a, b?, property?, runs?, timeMs?, seed?, level? })`
 *   checks one property on generated projects with the backends of two
 *   specs (or one, for the single-backend properties) and returns the run:
 *   a tagged union (`passed`, `failed` with its shrunk findings,
 *   `interrupted`). Nothing is saved; the caller decides.
 * - `replayCorpusFile(file, { a?, b? })` rebuilds one saved counterexample
 *   and says whether it is `reproduced`, `changed`, `fixed`, `rejected`
 *   (or, for a named scenario, `holds` / `regressed`), with the outcome.
 *
 * Specs are those of the command line (`setuptools==80.9.0`,
 * `hatchling@./dist/x.whl`, `...,python=EXE`); `==VERSION` installs into
 * the managed environments under `~/.cache/twinbuild` (or
 * `$TWINBUILD_HOME`). Log lines (what is being installed) go to `log`,
 * default nowhere. Errors: `ConfigError` for bad input (a bad spec, an
 * unknown property), `EnvironmentError` when a backend lacks a requirement.
 */
import { timeoutFromEnv } from './build/buildArtifacts.js';
import type { BackendRunner } from './build/runner.js';
import { resolveSpec, startRunner } from './cli/backendSetup.js';
import type { CliIO } from './cli/io.js';
import { replayStatus, type ReplayStatus } from './cli/replayCommand.js';
import { replaySpec } from './corpus/replaySpec.js';
import { loadCorpusFile } from './corpus/store.js';
import { ConfigError } from './errors.js';
import { PROPERTIES } from './fuzz/properties.js';
import { labelsOf, runFuzz, type FuzzRun } from './fuzz/runFuzz.js';
import { emptyStats, PROPERTY_NAMES, type PropertyName, type PropertyOutcome } from './fuzz/types.js';
import type { Level } from './normalize/types.js';

export type { FuzzRun } from './fuzz/runFuzz.js';
export type { Finding, PropertyName, PropertyOutcome, RunStats } from './fuzz/types.js';
export type { ReplayStatus } from './cli/replayCommand.js';
export type { CorpusFile } from './corpus/corpusFile.js';
export type { JsonReport } from './report/jsonReport.js';
export type { Level } from './normalize/types.js';
export type { ProjectModel } from './model/projectModel.js';
export { ConfigError, EnvironmentError } from './errors.js';
export { PROPERTY_NAMES } from './fuzz/types.js';

export interface FuzzPropertyOptions {
  /** Spec of backend A. */
  a: string;
  /** Spec of backend B (needed by `diff`; ignored by the single-backend properties). */
  b?: string;
  /** Default `diff`. */
  property?: PropertyName;
  /** Generated projects (default 100, or unbounded when `timeMs` is given). */
  runs?: number;
  /** Time budget, shrinking included. */
  timeMs?: number;
  seed?: number;
  /** Normalization level (default: the property's own). */
  level?: Level;
  /** Per-hook timeout in seconds (default TWINBUILD_TIMEOUT, else 120). */
  hookTimeoutSec?: number;
  log?: (line: string) => void;
}

const quietIO = (log?: (line: string) => void): CliIO => ({ out: () => undefined, err: (t) => log?.(t), env: process.env, cwd: process.cwd() });

async function withRunners<T>(specs: (string | undefined)[], log: ((line: string) => void) | undefined, body: (runners: (BackendRunner | undefined)[]) => Promise<T>): Promise<T> {
  const io = quietIO(log);
  const runners: (BackendRunner | undefined)[] = [];
  try {
    for (const spec of specs) runners.push(spec === undefined ? undefined : await startRunner(await resolveSpec(spec, io)));
    return await body(runners);
  } finally {
    await Promise.all(runners.map((r) => r?.close()));
  }
}

/** Check one property on generated projects; the findings come back shrunk, as data. */
export async function fuzzProperty(opts: FuzzPropertyOptions): Promise<FuzzRun> {
  const property = opts.property ?? 'diff';
  const def = PROPERTY_NAMES.includes(property) ? PROPERTIES[property] : undefined;
  if (!def) throw new ConfigError(`unknown property ${JSON.stringify(property)}: use one of ${Object.keys(PROPERTIES).join(', ')}`);
  if (def.needsB && opts.b === undefined) throw new ConfigError(`property ${property} compares two backends: give b`);
  return withRunners([opts.a, def.needsB ? opts.b : undefined], opts.log, async ([a, b]) =>
    runFuzz({
      a: a!,
      b,
      property,
      level: opts.level ?? def.defaultLevel(a!.backend, b?.backend),
      seed: opts.seed ?? 1,
      runs: opts.runs,
      timeMs: opts.timeMs,
      build: { timeoutSec: opts.hookTimeoutSec ?? timeoutFromEnv(process.env) },
    }),
  );
}

export interface ReplayResult {
  status: ReplayStatus;
  outcome: PropertyOutcome;
}

/** Rebuild one saved counterexample (with the recorded backends unless `a`/`b` are given). */
export async function replayCorpusFile(file: string, opts: { a?: string; b?: string; hookTimeoutSec?: number; log?: (line: string) => void } = {}): Promise<ReplayResult> {
  const entry = await loadCorpusFile(file);
  const def = PROPERTIES[entry.property];
  if (!def) throw new ConfigError(`${file}: property ${entry.property} is not available in this version of twinbuild`);
  const specA = opts.a ?? replaySpec(entry.backends.a).spec;
  const specB = opts.b ?? (entry.backends.b ? replaySpec(entry.backends.b).spec : undefined);
  return withRunners([specA, specB], opts.log, async ([a, b]) => {
    const labels = def.sides ?? labelsOf(a!, b);
    const outcome = await def.evaluate(entry.model, { a: a!, b, level: entry.level, build: { timeoutSec: opts.hookTimeoutSec ?? timeoutFromEnv(process.env) }, stats: emptyStats(), labels });
    return { status: replayStatus(entry, outcome), outcome };
  });
}
