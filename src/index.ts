/**
 * twinbuild as a library (the package's `exports` entry): check a property
 * on backend specs, and replay a saved counterexample. Both return data and
 * print nothing; the command line (`twinbuild`) is the same engine with
 * reporters around it.
 *
 * ```ts
 * import { checkProperty, replayCorpusFile } from 'twinbuild';
 * const run = await checkProperty({ a: 'setuptools==80.9.0', b: 'hatchling==1.27.0', runs: 20, seed: 1 });
 * if (run.kind === 'failed') for (const f of run.findings) console.log(f.summary);
 * const r = await replayCorpusFile('corpus/findings/flit-3.10-extras-normalized.json');
 * console.log(r.status); // 'reproduced' | 'changed' | 'fixed' | 'rejected' | 'holds' | 'regressed'
 * ```
 *
 * Backends are installed on first use into twinbuild's managed environments
 * (TWINBUILD_HOME, default ~/.cache/twinbuild), as the command line does.
 */
import { parseSpec } from './backends/parseSpec.js';
import { resolveBackend } from './backends/resolveBackend.js';
import type { Backend } from './backends/types.js';
import { timeoutFromEnv } from './build/buildArtifacts.js';
import type { BackendRunner } from './build/runner.js';
import { startRunner } from './cli/backendSetup.js';
import type { CorpusFile } from './corpus/corpusFile.js';
import { replaySpec } from './corpus/replaySpec.js';
import { loadCorpusFile } from './corpus/store.js';
import { ConfigError } from './errors.js';
import { PROPERTIES } from './fuzz/properties.js';
import { labelsOf, runFuzz, type FuzzRun } from './fuzz/runFuzz.js';
import { emptyStats, type Finding, type PropertyName } from './fuzz/types.js';
import type { Level } from './normalize/types.js';

export type { FuzzRun, Finding, PropertyName, Level, CorpusFile, Backend };
export { ConfigError, EnvironmentError } from './errors.js';

export interface CheckPropertyOptions {
  /** Backend spec A, e.g. `setuptools==80.9.0` (the command line's --a). */
  a: string;
  /** Backend spec B, for properties that compare two backends (`diff`). */
  b?: string;
  /** Default `diff`. */
  property?: PropertyName;
  /** Generated projects (default 100 unless timeMs is given). */
  runs?: number;
  /** Time budget in milliseconds, shrinking included. */
  timeMs?: number;
  seed?: number;
  /** Normalization level (default: the property's, as on the command line). */
  level?: Level;
  /** Progress lines (installing environments, resolving backends). */
  log?: (line: string) => void;
}

async function runnerFor(spec: string, log?: (line: string) => void): Promise<BackendRunner> {
  return startRunner(await resolveBackend(parseSpec(spec), { ...(log ? { log } : {}) }));
}

/**
 * Generate projects and check one property on them: the result of
 * `twinbuild fuzz` for that property, without the corpus (nothing is
 * replayed or saved). Throws ConfigError for bad specs or properties.
 */
export async function checkProperty(opts: CheckPropertyOptions): Promise<FuzzRun> {
  const property = opts.property ?? 'diff';
  const def = PROPERTIES[property];
  if (!def) throw new ConfigError(`unknown property ${JSON.stringify(property)}: use one of ${Object.keys(PROPERTIES).join(', ')}`);
  if (def.needsB && !opts.b) throw new ConfigError(`property ${property} compares two backends: give b`);
  const a = await runnerFor(opts.a, opts.log);
  let b: BackendRunner | undefined;
  try {
    b = def.needsB && opts.b ? await runnerFor(opts.b, opts.log) : undefined;
    return await runFuzz({
      a,
      b,
      property,
      level: opts.level ?? def.defaultLevel(a.backend, b?.backend),
      seed: opts.seed ?? Date.now() % 0x7fffffff,
      ...(opts.runs !== undefined ? { runs: opts.runs } : {}),
      ...(opts.timeMs !== undefined ? { timeMs: opts.timeMs } : {}),
      build: { timeoutSec: timeoutFromEnv() },
    });
  } finally {
    await a.close();
    await b?.close();
  }
}

export interface ReplayResult {
  status: 'reproduced' | 'changed' | 'fixed' | 'rejected' | 'holds' | 'regressed';
  /** The signature recorded in the file. */
  recorded: string;
  /** The signature it fails with now, when it fails. */
  signature?: string;
  summary: string;
}

/**
 * Rebuild one saved counterexample (as `twinbuild replay FILE`), with the
 * recorded backends or the specs given. A recorded spec that would run code
 * named by the file (`@LOCATION`, `path=`, ...) is replaced by its release,
 * as on the command line.
 */
export async function replayCorpusFile(file: string, opts: { a?: string; b?: string; log?: (line: string) => void } = {}): Promise<ReplayResult> {
  const entry = await loadCorpusFile(file);
  const def = PROPERTIES[entry.property];
  if (!def) throw new ConfigError(`${file}: property ${entry.property} is not available in this version of twinbuild`);
  const a = await runnerFor(opts.a ?? replaySpec(entry.backends.a).spec, opts.log);
  let b: BackendRunner | undefined;
  try {
    const bSpec = opts.b ?? (entry.backends.b ? replaySpec(entry.backends.b).spec : undefined);
    b = bSpec ? await runnerFor(bSpec, opts.log) : undefined;
    const out = await def.evaluate(entry.model, { a, b, level: entry.level, build: { timeoutSec: timeoutFromEnv() }, stats: emptyStats(), labels: def.sides ?? labelsOf(a, b) });
    const fails = out.status === 'fail';
    const status: ReplayResult['status'] =
      out.status === 'rejected'
        ? 'rejected'
        : entry.expect === 'pass'
          ? fails ? 'regressed' : 'holds'
          : !fails ? 'fixed' : out.signature.id === entry.signature ? 'reproduced' : 'changed';
    return {
      status,
      recorded: entry.signature,
      ...(fails ? { signature: out.signature.id } : {}),
      summary: fails ? out.summary : out.status === 'rejected' ? out.reason : entry.summary,
    };
  } finally {
    await a.close();
    await b?.close();
  }
}
