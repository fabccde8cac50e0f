import { isValidModel } from '../corpus/corpusFile.js';
import { EnvironmentError } from '../errors.js';
import { PACKAGE_DIRS } from '../model/packageDir.js';
import type { NamespaceModel, PackageModel, ProjectModel } from '../model/projectModel.js';

/**
 * Structural reduction after fast-check's shrinking: candidate models that
 * are each one step smaller (a member removed, a subpackage hoisted, a file
 * emptied, ...). fast-check shrinks what its arbitraries can express; this
 * pass knows the shape of a project and finishes the job, and it works on a
 * model loaded from a corpus file too.
 */
export function* reductions(model: ProjectModel): Generator<ProjectModel> {
  const clone = (): ProjectModel => structuredClone(model);
  const nonEmpty = (m: ProjectModel): boolean =>
    m.packages.length + m.modules.length + (m.namespacePackages?.length ?? 0) > 0 && !(m.namespacePackages ?? []).some(emptyNamespace);

  // Whole top-level items first: they remove the most.
  for (let i = 0; i < model.packages.length; i++) {
    const m = clone();
    m.packages.splice(i, 1);
    if (nonEmpty(m)) yield m;
  }
  for (let i = 0; i < model.modules.length; i++) {
    const m = clone();
    m.modules.splice(i, 1);
    if (nonEmpty(m)) yield m;
  }
  // A top-level package replaced by one of its subpackages (whose name must stay unique).
  for (let i = 0; i < model.packages.length; i++) {
    for (const sub of model.packages[i]!.subpackages) {
      const m = clone();
      if (m.packages.some((p, j) => j !== i && p.name === sub.name) || m.modules.some((x) => x.name === sub.name)) continue;
      m.packages[i] = structuredClone(sub);
      yield m;
    }
  }
  yield* optionalReductions(model, clone, nonEmpty);
  yield* packageReductions(model, (m) => m.packages, clone);
  for (let i = 0; i < model.dependencies.length; i++) {
    const m = clone();
    m.dependencies.splice(i, 1);
    yield m;
  }
  if (model.description !== null) yield { ...clone(), description: null };
  // The flat layout has no package folder: packageDir goes with the src layout (its own reduction keeps the src layout under src/).
  if (model.layout === 'src') {
    const { packageDir: _drop, ...flat } = clone();
    yield { ...flat, layout: 'flat' };
  }
  // A package folder kept goes to the first of the vocabulary (`lib`), as the generator's shrinking does with context.
  if (model.packageDir !== undefined && model.packageDir !== PACKAGE_DIRS[0]) yield { ...clone(), packageDir: PACKAGE_DIRS[0] };
  for (let i = 0; i < model.modules.length; i++) {
    if (model.modules[i]!.source !== '') {
      const m = clone();
      m.modules[i]!.source = '';
      yield m;
    }
  }
}

/** A namespace package holds something, at some depth (an empty folder is no package at all). */
function emptyNamespace(ns: NamespaceModel): boolean {
  return ns.packages.length + ns.modules.length === 0 && ns.namespaces.every(emptyNamespace) || ns.namespaces.some(emptyNamespace);
}

/** The fields of the first corpus format; every other field of a model is optional. */
const CORE_FIELDS = new Set(['name', 'version', 'description', 'dependencies', 'layout', 'packages', 'modules']);

/**
 * Reductions of the optional fields, whatever they are (so a field added to
 * the model later is reduced too): the whole field dropped, one element of a
 * list dropped, one key of an object dropped, one element of a list inside
 * a list element dropped (an entry point of a group, a requirement of an
 * extra, a member of a namespace package). A candidate the renderers or the
 * backends refuse is simply not taken.
 */
function* optionalReductions(model: ProjectModel, clone: () => ProjectModel, nonEmpty: (m: ProjectModel) => boolean): Generator<ProjectModel> {
  const rec = model as unknown as Record<string, unknown>;
  const keys = Object.keys(rec).filter((k) => !CORE_FIELDS.has(k) && rec[k] !== undefined);
  const edit = (f: (m: Record<string, unknown>) => void): ProjectModel | null => {
    const m = clone();
    f(m as unknown as Record<string, unknown>);
    return isValidModel(m) && nonEmpty(m) ? m : null;
  };
  const out: (ProjectModel | null)[] = [];
  for (const k of keys) out.push(edit((m) => delete m[k]));
  for (const k of keys) {
    const v = rec[k];
    if (Array.isArray(v)) {
      if (v.length > 1) for (let i = 0; i < v.length; i++) out.push(edit((m) => (m[k] as unknown[]).splice(i, 1)));
      v.forEach((el, i) => {
        if (typeof el !== 'object' || el === null) return;
        // One key of a list element dropped (an author's email): kept only if the model stays valid.
        if (Object.keys(el).length > 1) for (const key of Object.keys(el)) out.push(edit((m) => delete (m[k] as Record<string, unknown>[])[i]![key]));
        for (const [inner, list] of Object.entries(el as Record<string, unknown>)) {
          if (!Array.isArray(list)) continue;
          for (let j = 0; j < list.length; j++) out.push(edit((m) => ((m[k] as Record<string, unknown[]>[])[i]![inner]!).splice(j, 1)));
        }
      });
    } else if (typeof v === 'object' && v !== null) {
      // Only optional switches and sub-records (a string is a required part: a readme's text, a license's path).
      const sub = Object.entries(v as Record<string, unknown>).filter(([, x]) => typeof x !== 'string');
      if (Object.keys(v as object).length > 1) for (const [sk] of sub) out.push(edit((m) => delete (m[k] as Record<string, unknown>)[sk]));
    }
  }
  for (const c of out) if (c) yield c;
}

/** Reductions inside every package of the tree reached through `pick`. */
function* packageReductions(
  model: ProjectModel,
  pick: (m: ProjectModel) => PackageModel[],
  clone: () => ProjectModel,
  path: number[] = [],
): Generator<ProjectModel> {
  const at = (m: ProjectModel): PackageModel[] => {
    let list = pick(m);
    for (const i of path) list = list[i]!.subpackages;
    return list;
  };
  const list = at(model);
  for (let i = 0; i < list.length; i++) {
    const pkg = list[i]!;
    const edit = (f: (p: PackageModel) => boolean): ProjectModel | null => {
      const m = clone();
      return f(at(m)[i]!) ? m : null;
    };
    const candidates: (ProjectModel | null)[] = [];
    for (let j = 0; j < pkg.subpackages.length; j++) candidates.push(edit((p) => (p.subpackages.splice(j, 1), true)));
    for (let j = 0; j < pkg.modules.length; j++) candidates.push(edit((p) => (p.modules.splice(j, 1), true)));
    for (let j = 0; j < pkg.data.length; j++) candidates.push(edit((p) => (p.data.splice(j, 1), true)));
    for (let j = 0; j < pkg.data.length; j++) {
      const d = pkg.data[j]!;
      const base = d.path.slice(d.path.lastIndexOf('/') + 1);
      if (base !== d.path && !pkg.data.some((o) => o.path === base)) candidates.push(edit((p) => ((p.data[j]!.path = base), true)));
      if (d.content !== '') candidates.push(edit((p) => ((p.data[j]!.content = ''), true)));
    }
    if (pkg.typed) candidates.push(edit((p) => (delete p.typed, true)));
    for (let j = 0; j < (pkg.stubs?.length ?? 0); j++) candidates.push(edit((p) => (p.stubs!.splice(j, 1), true)));
    if (pkg.init !== '') candidates.push(edit((p) => ((p.init = ''), true)));
    for (let j = 0; j < pkg.modules.length; j++) {
      if (pkg.modules[j]!.source !== '') candidates.push(edit((p) => ((p.modules[j]!.source = ''), true)));
    }
    for (const c of candidates) if (c) yield c;
    yield* packageReductions(model, pick, clone, [...path, i]);
  }
}

/** `stillFails(candidate)`, where an error other than an environment problem means "does not fail". */
export async function candidateFails(stillFails: (m: ProjectModel) => Promise<boolean>, candidate: ProjectModel): Promise<boolean> {
  return stillFails(candidate).catch((e: unknown) => {
    if (e instanceof EnvironmentError) throw e; // the environment, not the candidate
    return false;
  });
}

/**
 * Greedy reduction to a fixpoint: take the first candidate that still fails
 * the same way, start again from it. `stillFails` is the property check;
 * `deadline` (performance.now() ms) bounds the time spent.
 */
export async function reduceModel(
  model: ProjectModel,
  stillFails: (m: ProjectModel) => Promise<boolean>,
  deadline = Number.POSITIVE_INFINITY,
): Promise<{ model: ProjectModel; steps: number; complete: boolean }> {
  let current = model;
  let steps = 0;
  for (;;) {
    let improved = false;
    for (const candidate of reductions(current)) {
      if (performance.now() > deadline) return { model: current, steps, complete: false };
      if (!isValidModel(candidate)) continue;
      // A candidate that cannot even be rendered is not taken (the reduction went too far).
      if (await candidateFails(stillFails, candidate)) {
        current = candidate;
        steps++;
        improved = true;
        break;
      }
    }
    if (!improved) return { model: current, steps, complete: true };
  }
}
