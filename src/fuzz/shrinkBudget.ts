import type { ProjectModel } from '../model/projectModel.js';
import type { PropertyOutcome } from './types.js';
import { candidateFails, reduceModel } from './reduceModel.js';
import { isValidModel } from '../corpus/corpusFile.js';

/**
 * What shrinking a failure may cost. Each finding's shrinking gets a budget
 * of its own (`--shrink-time`, never past the run's own deadline), and a
 * failure that is expensive to reproduce — a hook that timed out, or a
 * failure whose confirming rebuild took longer than `SLOW_FAILURE_MS` —
 * is shrunk differently: fast-check's own shrinking (hundreds of candidates,
 * each a full timeout when the backend hangs) is skipped, and the smallest
 * models are tried first (the minimal project, then the minimal project with
 * one feature of the failing one), before the stepwise reduction of
 * `reduceModel` goes on from the smallest one that still fails.
 */

/** Default per-finding shrink budget (`--shrink-time`). */
export const DEFAULT_SHRINK_MS = 5 * 60_000;

/** A failure whose confirming rebuild took longer than this is costly to shrink. */
export const SLOW_FAILURE_MS = 30_000;

/** True when one of the failure's differences is a hook that timed out. */
export function isTimeoutFailure(out: PropertyOutcome): boolean {
  if (out.status !== 'fail') return false;
  return out.differences.some((d) => d.kind === 'build-failed' && [d.a, d.b].some((v) => typeof v === 'string' && v.startsWith('timeout:')));
}

/** A failure in which a build failed (hung, crashed, raised), whatever else differs. */
export function hasBuildFailure(out: PropertyOutcome): boolean {
  return out.status === 'fail' && out.differences.some((d) => d.kind === 'build-failed');
}

/** A failure costly to reproduce: a timeout, or slower than `SLOW_FAILURE_MS` to rebuild. */
export function isCostly(out: PropertyOutcome, rebuildMs: number): boolean {
  return isTimeoutFailure(out) || rebuildMs > SLOW_FAILURE_MS;
}

/** The end of one finding's shrinking (performance.now() ms): its own budget, within the run's deadline. */
export function shrinkDeadline(now: number, budgetMs: number | undefined, runDeadline: number): number {
  return Math.min(now + (budgetMs ?? DEFAULT_SHRINK_MS), runDeadline);
}

/** The fields every model has; the rest are optional features. */
const CORE: ReadonlySet<string> = new Set(['name', 'version', 'description', 'dependencies', 'layout', 'packages', 'modules']);

/**
 * The smallest models first, for a costly failure: the minimal projects
 * (same name, version and summary; one empty module, or one empty package
 * for backends that take packages only), then each minimal project with one
 * feature of `model` added back (one top-level package or module, the
 * dependencies, the src layout, one optional field). Only valid models,
 * each once, none equal to `model`.
 */
export function* smallestFirst(model: ProjectModel): Generator<ProjectModel> {
  const seen = new Set<string>([JSON.stringify(model)]);
  const fresh = (m: ProjectModel): boolean => {
    const key = JSON.stringify(m);
    if (seen.has(key) || !isValidModel(m)) return false;
    seen.add(key);
    return true;
  };
  const minimal = minimalModels(model);
  for (const m of minimal) if (fresh(m)) yield m;
  const rec = model as unknown as Record<string, unknown>;
  for (const m0 of minimal) {
    const plus = (edit: (m: ProjectModel) => void): ProjectModel => {
      const m = structuredClone(m0);
      edit(m);
      return m;
    };
    const candidates: ProjectModel[] = [
      ...model.packages.map((p) => plus((m) => ((m.packages = [structuredClone(p)]), (m.modules = [])))),
      ...model.modules.map((x) => plus((m) => ((m.packages = []), (m.modules = [structuredClone(x)])))),
      ...(model.dependencies.length ? [plus((m) => (m.dependencies = structuredClone(model.dependencies)))] : []),
      ...(model.layout !== 'flat' ? [plus((m) => (m.layout = model.layout))] : []),
      // The package folder comes back with the src layout (alone it is no valid model).
      ...(model.packageDir !== undefined ? [plus((m) => ((m.layout = model.layout), (m.packageDir = model.packageDir)))] : []),
      ...Object.keys(rec)
        .filter((k) => !CORE.has(k) && rec[k] !== undefined)
        .map((k) => plus((m) => ((m as unknown as Record<string, unknown>)[k] = structuredClone(rec[k])))),
    ];
    for (const c of candidates) if (fresh(c)) yield c;
  }
}

/**
 * The minimal projects of `model`: same name, version and summary; one
 * empty module, or one empty package (for backends that take packages only).
 */
export function minimalModels(model: ProjectModel): ProjectModel[] {
  const name = model.packages[0]?.name ?? model.modules[0]?.name ?? 'a';
  const base = { name: model.name, version: model.version, description: model.description, dependencies: [], layout: 'flat' as const };
  return [
    { ...base, packages: [], modules: [{ name, source: '' }] },
    { ...base, packages: [{ name, init: '', modules: [], data: [], subpackages: [] }], modules: [] },
  ];
}

/**
 * For a failure in which a build failed: the first minimal project
 * that still fails, if any. When one does, the backend fails regardless of
 * the project's content, and shrinking goes on from there (fast-check's
 * shrinking of the big project would cost a build per candidate for nothing).
 */
export async function failingMinimal(model: ProjectModel, stillFails: (m: ProjectModel) => Promise<boolean>): Promise<ProjectModel | undefined> {
  for (const m of minimalModels(model)) {
    if (JSON.stringify(m) !== JSON.stringify(model) && isValidModel(m) && (await candidateFails(stillFails, m))) return m;
  }
  return undefined;
}

export interface ShrinkResult {
  model: ProjectModel;
  steps: number;
  complete: boolean;
}

/**
 * Shrink `model` with `stillFails` until `deadline`: for a costly failure,
 * the first of `smallestFirst` that still fails replaces it (one step), then
 * `reduceModel` goes on stepwise. `complete` is false when the deadline cut
 * either pass short.
 */
export async function shrinkWithin(
  model: ProjectModel,
  stillFails: (m: ProjectModel) => Promise<boolean>,
  opts: { deadline: number; costly: boolean },
): Promise<ShrinkResult> {
  let start = model;
  let steps = 0;
  if (opts.costly) {
    for (const candidate of smallestFirst(model)) {
      if (performance.now() > opts.deadline) return { model: start, steps, complete: false };
      if (await candidateFails(stillFails, candidate)) {
        start = candidate;
        steps++;
        break;
      }
    }
  }
  const reduced = await reduceModel(start, stillFails, opts.deadline);
  return { model: reduced.model, steps: steps + reduced.steps, complete: reduced.complete };
}

/**
 * The time budget of the next property of a run that checks several
 * (`--time` is for the whole run): an equal share of what is left among the
 * properties still to run, at least one second. A property that ends early
 * (a run count reached) leaves its unused time to the ones after it.
 */
export function propertyTimeShare(leftMs: number, propertiesLeft: number): number {
  return Math.max(1000, leftMs / Math.max(1, propertiesLeft));
}
