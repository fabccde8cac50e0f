import fc from 'fast-check';
import { projectModel } from '../../generators/projectModel.js';
import type { BuildOptions } from '../build/buildArtifacts.js';
import type { BackendRunner } from '../build/runner.js';
import type { ProjectModel } from '../model/projectModel.js';
import type { Level } from '../normalize/types.js';
import { textFiles } from '../render/textFiles.js';
import { reduceModel } from './reduceModel.js';
import { PROPERTIES, type PropertyContext, type PropertyDef } from './properties.js';
import { emptyStats, type Finding, type PropertyName, type PropertyOutcome, type RunStats } from './types.js';

export interface FuzzOptions {
  a: BackendRunner;
  b?: BackendRunner;
  property: PropertyName;
  level: Level;
  seed: number;
  /** Number of generated projects (ignored when only timeMs is given). */
  runs?: number;
  /** Time budget for the whole run, shrinking included. */
  timeMs?: number;
  /** Replay a fast-check path (with its seed) instead of generating. */
  path?: string;
  /** Signatures to treat as passing (known divergences). */
  allow?: ReadonlySet<string>;
  build: BuildOptions;
  /** Called after every evaluated project (for progress display). */
  onProgress?: (p: Progress) => void;
}

export interface Progress {
  phase: 'searching' | 'shrinking';
  projects: number;
  builds: number;
  findings: number;
  elapsedMs: number;
}

/** The result of a run: a tagged union, like fast-check's own. */
export type FuzzRun =
  | { kind: 'passed'; stats: RunStats; runs: number; durationMs: number; rules: string[] }
  | { kind: 'failed'; stats: RunStats; runs: number; durationMs: number; rules: string[]; finding: Finding }
  | { kind: 'interrupted'; stats: RunStats; runs: number; durationMs: number; rules: string[] };

function labelsOf(a: BackendRunner, b?: BackendRunner): [string, string] {
  const la = a.backend.label;
  const lb = b?.backend.label ?? la;
  return la === lb ? [`A (${la})`, `B (${lb})`] : [la, lb];
}

/**
 * Generate projects, check the property on each, and shrink the first
 * failure to a minimal project. During shrinking only failures with the
 * first failure's signature count, so the shrunk project shows the same
 * problem rather than whichever problem is smallest.
 */
export async function runFuzz(opts: FuzzOptions): Promise<FuzzRun> {
  const def: PropertyDef | undefined = PROPERTIES[opts.property];
  if (!def) throw new Error(`property ${opts.property} is not implemented`);
  const stats = emptyStats();
  const ctx: PropertyContext = { a: opts.a, b: opts.b, level: opts.level, build: opts.build, stats, labels: labelsOf(opts.a, opts.b) };
  const started = performance.now();
  const cache = new Map<string, PropertyOutcome>();
  const rules = new Set<string>();
  let target: string | undefined;
  let foundAt = 0;
  let phase: Progress['phase'] = 'searching';

  const evaluate = async (model: ProjectModel): Promise<PropertyOutcome> => {
    const key = JSON.stringify(model);
    let out = cache.get(key);
    if (!out) {
      out = await def.evaluate(model, ctx);
      for (const r of out.rules) rules.add(r);
      if (cache.size > 5000) cache.clear();
      cache.set(key, out);
    }
    opts.onProgress?.({ phase, projects: stats.projects, builds: stats.builds, findings: target ? 1 : 0, elapsedMs: performance.now() - started });
    return out;
  };

  const property = fc.asyncProperty(projectModel(), async (model) => {
    const out = await evaluate(model);
    if (out.status !== 'fail' || opts.allow?.has(out.signature.id)) return true;
    if (target === undefined) {
      target = out.signature.id;
      foundAt = performance.now() - started;
      phase = 'shrinking';
      return false;
    }
    return out.signature.id !== target;
  });

  const numRuns = opts.runs ?? (opts.timeMs !== undefined ? 1_000_000_000 : 100);
  const result = await fc.check(property, {
    seed: opts.seed,
    numRuns,
    path: opts.path,
    interruptAfterTimeLimit: opts.timeMs,
    markInterruptAsFailure: false,
  });
  const durationMs = performance.now() - started;
  const base = { stats, runs: result.numRuns, durationMs, rules: [...rules] };
  if (!result.failed || result.counterexample === null) {
    return result.interrupted && opts.timeMs === undefined ? { kind: 'interrupted', ...base } : { kind: 'passed', ...base };
  }
  const shrunk = result.counterexample[0];
  const deadline = opts.timeMs !== undefined ? started + opts.timeMs : Number.POSITIVE_INFINITY;
  const reduced = await reduceModel(
    shrunk,
    async (m) => {
      const o = await evaluate(m);
      return o.status === 'fail' && o.signature.id === target;
    },
    deadline,
  );
  const model = reduced.model;
  const out = await evaluate(model);
  if (out.status !== 'fail') throw new Error('internal: the shrunk counterexample no longer fails');
  const finding: Finding = {
    signature: out.signature.id,
    signatureText: out.signature.text,
    property: opts.property,
    summary: out.summary,
    differences: out.differences,
    seed: opts.seed,
    path: result.counterexamplePath ?? '',
    corpusFile: null,
    foundAfterMs: Math.round(foundAt),
    shrinkMs: Math.round(durationMs - foundAt),
    shrinks: result.numShrinks + reduced.steps,
    model,
    project: { files: textFiles(out.files) },
    level: opts.level,
    rules: out.rules,
  };
  return { kind: 'failed', ...base, finding };
}
