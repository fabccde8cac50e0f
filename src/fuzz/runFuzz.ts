import fc from 'fast-check';
import { projectModel } from '../../generators/projectModel.js';
import type { BuildOptions } from '../build/buildArtifacts.js';
import type { BackendRunner } from '../build/runner.js';
import type { ProjectModel } from '../model/projectModel.js';
import type { Level } from '../normalize/types.js';
import { canRenderFor, targetOf } from '../render/forBackend.js';
import { textFiles } from '../render/textFiles.js';
import { PROPERTIES, type PropertyContext, type PropertyDef } from './properties.js';
import { RunHealth, type HealthVerdict } from './health.js';
import { failingMinimal, hasBuildFailure, isCostly, shrinkDeadline, shrinkWithin } from './shrinkBudget.js';
import { EnvironmentError } from '../errors.js';
import { AtomBook, type Target } from './atomBook.js';
import { baselineFindings } from './baseline.js';
import { coupledAtoms } from './coupling.js';
import type { SearchGuide } from './guide.js';
import { emptyStats, type Finding, type PropertyName, type PropertyOutcome, type RunStats } from './types.js';

export interface FuzzOptions {
  a: BackendRunner;
  b?: BackendRunner;
  property: PropertyName;
  level: Level;
  seed: number;
  /** Number of generated projects (default 100 unless timeMs is given). */
  runs?: number;
  /** Time budget for the whole run, shrinking included. */
  timeMs?: number;
  /** Shrinking budget of each finding (--shrink-time; default DEFAULT_SHRINK_MS), within timeMs. */
  shrinkMs?: number;
  /** Replay a fast-check path (with its seed) instead of generating. */
  path?: string;
  /** Signatures to treat as passing (known divergences; for diff, also atoms or atom signatures). */
  allow?: ReadonlySet<string>;
  /** diff: first report the atoms the smallest projects show, once each, then ignore them (src/fuzz/baseline.ts). */
  baseline?: boolean;
  /**
   * Saved counterexamples to check before generating (the corpus replays
   * first). One saved with `shrinkComplete: false` that still fails with its
   * `signature` is shrunk further.
   */
  replay?: ReplayEntry[];
  /** Stop after the first finding (as fast-check does). */
  stopOnFirst?: boolean;
  /** More runner pairs to search with in parallel (--jobs): each takes rounds of its own. */
  extraLanes?: { a: BackendRunner; b?: BackendRunner }[];
  build: BuildOptions;
  /** The reference judge every lane's spec checks share (absent: the reference checks are off). */
  judge?: PropertyContext['judge'];
  /** Called after every evaluated project (for progress display). */
  onProgress?: (p: Progress) => void;
  /** Called with each generated project (not with shrink candidates): for --stats. */
  onModel?: (model: ProjectModel) => void;
  /** Called with each finding as soon as it is shrunk (to save it at once). */
  onFinding?: (f: Finding) => Promise<void>;
  /**
   * Called while a failure shrinks, with the smallest failing project so far
   * (as a finding with `shrinkComplete: false`), and with null once it is
   * recorded: an interrupted run saves what it has.
   */
  onShrinkProgress?: (lane: number, best: Finding | null) => void;
  /**
   * --guide coverage (src/fuzz/guide.ts): draws the searched projects around
   * the generator's and hears what each searched project's builds reached.
   */
  guide?: SearchGuide;
}

export interface ReplayEntry {
  model: ProjectModel;
  source: string;
  signature?: string;
  shrinkComplete?: boolean;
}

export interface Progress {
  phase: 'replaying' | 'searching' | 'shrinking';
  projects: number;
  builds: number;
  findings: number;
  elapsedMs: number;
}

/** The result of a run: a tagged union, like fast-check's own. */
export type FuzzRun = (
  | { kind: 'passed'; stats: RunStats; runs: number; durationMs: number; rules: string[]; findings: [] }
  | { kind: 'failed'; stats: RunStats; runs: number; durationMs: number; rules: string[]; findings: Finding[]; interrupted: boolean }
  | { kind: 'interrupted'; stats: RunStats; runs: number; durationMs: number; rules: string[]; findings: [] }
) & {
  /** Set when the health check stopped the search (src/fuzz/health.ts). */
  health?: HealthVerdict;
  /** Saved counterexamples (their files) not replayed: a backend of the run cannot express the project. */
  replaySkipped?: string[];
};

export function labelsOf(a: BackendRunner, b?: BackendRunner): [string, string] {
  const la = a.backend.label;
  const lb = b?.backend.label ?? la;
  return la === lb ? [`A (${la})`, `B (${lb})`] : [la, lb];
}

/** Seed of round `k` of a run started with `seed` (round 0 uses the seed itself). */
export function roundSeed(seed: number, k: number): number {
  return k === 0 ? seed : (seed + Math.imul(k, 0x9e3779b1)) | 0;
}

/**
 * Generate projects, check the property on each, and shrink each failure to
 * a minimal project, then go on until the run count or time budget is spent.
 * Every distinct signature is reported once. While one failure shrinks, only
 * failures with its signature count, so the shrunk project shows the same
 * problem rather than whichever problem is smallest; known signatures
 * (allowed, or found earlier in the run) count as passing.
 *
 * The run goes in rounds: fast-check stops at a failure, so each new
 * signature ends a round and the next round starts from the next seed
 * (`roundSeed`), with the remaining runs and time.
 */
export async function runFuzz(opts: FuzzOptions): Promise<FuzzRun> {
  const def: PropertyDef | undefined = PROPERTIES[opts.property];
  if (!def) throw new Error(`property ${opts.property} is not implemented`);
  const stats = emptyStats();
  const labels = def.sides ?? labelsOf(opts.a, opts.b);
  const ctxOf = (a: BackendRunner, b?: BackendRunner): PropertyContext => ({ a, b, level: opts.level, build: opts.build, stats, labels, judge: opts.judge });
  const ctx = ctxOf(opts.a, opts.b);
  const started = performance.now();
  const deadline = opts.timeMs !== undefined ? started + opts.timeMs : Number.POSITIVE_INFINITY;
  const cache = new Map<string, PropertyOutcome>();
  const rules = new Set<string>();
  // What is already reported: a failure is new only if it shows an atom (diff) or class no finding covers.
  const book = new AtomBook(opts.property, opts.allow);
  const isKnown = (out: PropertyOutcome & { status: 'fail' }): boolean => book.isKnown(out);
  const findings: Finding[] = [];
  let phase: Progress['phase'] = 'replaying';
  // An environment problem (a backend's missing requirement) ends the run: it is never a finding,
  // and fast-check must not take it for a failure to shrink.
  let fatal: EnvironmentError | undefined;
  const health = new RunHealth();

  const evaluate = async (model: ProjectModel, laneCtx: PropertyContext = ctx): Promise<PropertyOutcome> => {
    const key = JSON.stringify(model);
    let out = cache.get(key);
    if (!out) {
      out = await def.evaluate(model, laneCtx);
      for (const r of out.rules) rules.add(r);
      if (cache.size > 2000) cache.clear();
      cache.set(key, out);
    }
    opts.onProgress?.({ phase, projects: stats.projects, builds: stats.builds, findings: findings.length, elapsedMs: performance.now() - started });
    return out;
  };

  interface Extra { baseline?: boolean; seed: number; path: string; foundAt: number; shrinks: number; shrinkComplete: boolean; source?: string; startedAt?: number }
  const findingOf = (model: ProjectModel, out: PropertyOutcome & { status: 'fail' }, extra: Extra, target?: Target): Finding => ({
    signature: book.signatureFor(out, target).id,
    signatureText: book.signatureFor(out, target).text,
    ...(target?.atom !== undefined ? { atom: target.atom } : {}),
    ...(target?.change !== undefined ? { change: target.change } : {}),
    ...changeAtoms(target),
    ...(extra.baseline ? { baseline: true } : {}),
    property: opts.property,
    summary: out.summary,
    differences: out.differences,
    seed: extra.seed,
    path: extra.path,
    corpusFile: null,
    foundAfterMs: Math.round(extra.foundAt),
    shrinkMs: Math.round(performance.now() - started - extra.foundAt),
    ownMs: Math.round(performance.now() - started - (extra.startedAt ?? extra.foundAt)),
    shrinks: extra.shrinks,
    shrinkComplete: extra.shrinkComplete,
    model,
    project: { files: textFiles(out.files) },
    level: opts.level,
    rules: out.rules,
    replayedFrom: extra.source,
  });
  const changeAtoms = (target?: Target): { atoms?: string[] } => {
    const atoms = target?.atom !== undefined ? book.atomsOfChange(target.change ?? target.atom) : [];
    return atoms.length > 1 ? { atoms } : {};
  };
  const record = async (model: ProjectModel, out: PropertyOutcome & { status: 'fail' }, extra: Extra, target: Target = book.targetOf(out), laneCtx: PropertyContext = ctx): Promise<void> => {
    if (!book.same(out, target) || !book.cover(out, target)) return; // another lane reported the same problem meanwhile
    // Other new atoms its minimal project shows that are the same change (src/fuzz/coupling.ts); not for the baseline,
    // whose smallest projects show every universal change at once.
    if (!extra.baseline && target.atom !== undefined) {
      const renders = (m: ProjectModel): boolean => [laneCtx.a, ...(laneCtx.b ? [laneCtx.b] : [])].every((r) => canRenderFor(m, r.backend));
      await coupledAtoms(model, out, target, book, { evaluate: async (m) => (renders(m) ? evaluate(m, laneCtx) : undefined), deadline: shrinkDeadline(performance.now(), opts.shrinkMs, deadline) });
    }
    const finding = findingOf(model, out, extra, target);
    findings.push(finding);
    await opts.onFinding?.(finding);
  };
  /**
   * A failure counts only if a fresh build in forked children (not the cache)
   * fails again: the same way, when the first builds were forked too (else the
   * backend is nondeterministic); or at all, when the first builds ran
   * in-process (then the forked builds' outcome is the one that counts).
   * Returns the outcome that counts, or null.
   */
  const confirmed = async (model: ProjectModel, out: PropertyOutcome & { status: 'fail' }, laneCtx: PropertyContext): Promise<(PropertyOutcome & { status: 'fail' }) | null> => {
    const again = await def.evaluate(model, laneCtx);
    const inProcess = laneCtx.a.inProcessAllowed || (laneCtx.b?.inProcessAllowed ?? false);
    cache.set(JSON.stringify(model), again);
    if (again.status === 'fail' && !isKnown(again) && (inProcess || again.signature.id === out.signature.id)) return again;
    stats.unconfirmed++;
    return null;
  };

  // 1. The corpus first: what failed before is checked before anything new.
  // A saved project a backend of this run cannot express at all (flit's one top-level name, ...) is
  // skipped and named in the result: rendering it would stop the run.
  const replaySkipped: string[] = [];
  for (const saved of opts.replay ?? []) {
    if (performance.now() > deadline) break;
    if (![opts.a, ...(opts.b ? [opts.b] : [])].every((r) => canRenderFor(saved.model, r.backend))) {
      replaySkipped.push(saved.source);
      continue;
    }
    const evalStart = performance.now();
    const startedAt = evalStart - started;
    const out = await evaluate(saved.model);
    const evalMs = performance.now() - evalStart;
    if (out.status !== 'fail' || isKnown(out)) continue;
    const foundAt = performance.now() - started;
    const savedTarget = book.targetOf(out, saved.signature);
    if (saved.shrinkComplete === false && book.stillShows(out, saved.signature)) {
      // Saved before its shrinking was done: go on shrinking it, same problem only.
      phase = 'shrinking';
      const target = savedTarget;
      const note = (m: ProjectModel, o: PropertyOutcome & { status: 'fail' }, steps: number): void =>
        opts.onShrinkProgress?.(0, findingOf(m, o, { seed: 0, path: '', foundAt, shrinks: steps, shrinkComplete: false, source: saved.source }, target));
      note(saved.model, out, 0);
      const reduced = await shrinkWithin(
        saved.model,
        async (m) => {
          const o = await evaluate(m);
          const same = o.status === 'fail' && book.same(o, target);
          if (same && o.status === 'fail') note(m, o, 0);
          return same;
        },
        { deadline: shrinkDeadline(performance.now(), opts.shrinkMs, deadline), costly: isCostly(out, evalMs) },
      );
      const final = await evaluate(reduced.model);
      if (final.status !== 'fail') throw new Error('internal: the shrunk counterexample no longer fails');
      await record(reduced.model, final, { seed: 0, path: '', foundAt, shrinks: reduced.steps, shrinkComplete: reduced.complete, source: saved.source, startedAt }, target);
      opts.onShrinkProgress?.(0, null);
    } else {
      await record(saved.model, out, { seed: 0, path: '', foundAt, shrinks: 0, shrinkComplete: saved.shrinkComplete ?? true, source: saved.source, startedAt }, savedTarget);
    }
    if (opts.stopOnFirst) break;
  }

  // 1b. Baseline changes (diff, --baseline): what the smallest projects show is reported once, then ignored.
  if (opts.baseline && !fatal && performance.now() < deadline) {
    // Its builds are not counted as generated projects (stats.projects stays the run count).
    const base = await baselineFindings(opts.seed, { ...ctx, stats: emptyStats() }, book, (m, c) => evaluate(m, c));
    for (const { model, out, target } of base) await record(model, out, { baseline: true, seed: 0, path: '', foundAt: performance.now() - started, shrinks: 0, shrinkComplete: true, startedAt: performance.now() - started }, target);
  }

  // 2. Generate, in rounds that each end at a new signature. With --jobs, several
  //    lanes (runner pairs) take rounds concurrently; rounds are numbered, and a
  //    round's seed depends on its number only.
  const totalRuns = opts.runs ?? (opts.timeMs !== undefined ? Number.POSITIVE_INFINITY : 100);
  const lanes = [ctx, ...(opts.extraLanes ?? []).map((l) => ctxOf(l.a, l.b))];
  const chunk = !Number.isFinite(totalRuns) ? 2_000_000_000 : lanes.length === 1 ? totalRuns : Math.max(1, Math.ceil(totalRuns / (lanes.length * 4)));
  let runsDone = 0;
  let reserved = 0;
  let nextRound = 0;
  let interrupted = false;
  const lane = async (laneCtx: PropertyContext, laneNo: number): Promise<void> => {
    for (;;) {
      if (fatal || health.verdict || (opts.stopOnFirst && findings.length > 0)) return;
      const left = deadline - performance.now();
      if (left <= 0) return;
      const take = Math.min(chunk, totalRuns - reserved);
      if (take <= 0) return;
      reserved += take;
      const round = nextRound++;
      phase = 'searching';
      let target: Target | undefined;
      let foundAt = 0;
      const seed = roundSeed(opts.seed, round);
      const startedAt = performance.now() - started;
      // While shrinking, a candidate counts if it shows no class outside the first failure's
      // (so a project showing two bugs can shrink to one of them) and still something new.
      // For diff: a candidate counts if it still shows the failure's new atom (others may come and go).
      const sameProblem = (out: PropertyOutcome): boolean => book.same(out, target);
      // Only projects every compared backend can express (flit: one top-level package, ...).
      const targets = [laneCtx.a, ...(laneCtx.b ? [laneCtx.b] : [])].map((r) => targetOf(r.backend));
      const note = (m: ProjectModel, out: PropertyOutcome & { status: 'fail' }, shrinks: number): void =>
        opts.onShrinkProgress?.(laneNo, findingOf(m, out, { seed, path: '', foundAt, shrinks, shrinkComplete: false }, target));
      let steps = 0;
      // A costly failure (a timeout, a slow one) skips fast-check's shrinking for shrinkWithin's
      // smallest-first pass, and so does a build failure the minimal project shows too (`jumped`);
      // each failure's shrinking ends at its own deadline (shrinkBudget.ts).
      let costly = false;
      let jumped: ProjectModel | undefined;
      let shrinkEnd = deadline;
      const renderable = (m: ProjectModel): boolean => [laneCtx.a, ...(laneCtx.b ? [laneCtx.b] : [])].every((r) => canRenderFor(m, r.backend));
      const stillFails = async (m: ProjectModel): Promise<boolean> => {
        if (!renderable(m)) return false;
        const out = await evaluate(m, laneCtx);
        if (!sameProblem(out) || out.status !== 'fail') return false;
        note(m, out, ++steps);
        return true;
      };
      let cut = false;
      let skipped = 0;
      // Searching builds in-process where the runner allows it; a failure is confirmed, and shrunk, in forks.
      const searchCtx: PropertyContext = { ...laneCtx, build: { ...laneCtx.build, inProcess: true } };
      const property = fc.asyncProperty(opts.guide ? opts.guide.arbitrary(targets, renderable) : projectModel({ targets }), async (model) => {
        if (fatal) return true;
        if (target === undefined && health.verdict) {
          skipped++; // the health check stopped the search
          return true;
        }
        if (target !== undefined && (costly || jumped || performance.now() > shrinkEnd)) {
          cut ||= !costly && !jumped;
          return true;
        }
        if (target === undefined) opts.onModel?.(model);
        let out: PropertyOutcome;
        try {
          out = await (target === undefined && opts.guide ? opts.guide.observe(model, () => evaluate(model, searchCtx)) : evaluate(model, target === undefined ? searchCtx : laneCtx));
        } catch (e) {
          if (!(e instanceof EnvironmentError)) throw e;
          fatal = e;
          return true;
        }
        if (target === undefined) health.observe(out, out.status === 'fail' ? book.signatureFor(out, book.targetOf(out)).id : undefined);
        if (out.status !== 'fail' || isKnown(out)) return true;
        if (target === undefined) {
          // Interrupted while the rebuild confirms it (a full timeout for a hang), the failure is
          // saved as it stands (not fully shrunk): replaying it is its confirmation.
          foundAt = performance.now() - started;
          note(model, out, 0);
          const rebuildStart = performance.now();
          const sure = await confirmed(model, out, laneCtx);
          if (!sure) {
            opts.onShrinkProgress?.(laneNo, null);
            return true;
          }
          costly = isCostly(sure, performance.now() - rebuildStart);
          shrinkEnd = shrinkDeadline(performance.now(), opts.shrinkMs, deadline);
          target = book.targetOf(sure);
          phase = 'shrinking';
          note(model, sure, 0);
          if (!costly && hasBuildFailure(sure)) jumped = await failingMinimal(model, stillFails);
          return false;
        }
        if (!sameProblem(out) || out.status !== 'fail') return true;
        note(model, out, ++steps);
        return false;
      });
      const result = await fc.check(property, {
        seed,
        numRuns: take,
        path: round === 0 ? opts.path : undefined,
        interruptAfterTimeLimit: Number.isFinite(left) ? Math.max(1, Math.floor(left)) : undefined,
        markInterruptAsFailure: false,
      });
      if (fatal) return;
      // numRuns counts the projects that were generated (shrink steps are not runs).
      runsDone += result.numRuns - skipped;
      reserved -= take - result.numRuns; // a round ended by a failure gives its unused runs back
      if (result.failed && target === undefined && result.errorInstance !== undefined && !result.interrupted) {
        // The property itself threw (not a backend failure, which is data): an internal error.
        throw result.errorInstance instanceof Error ? result.errorInstance : new Error(String(result.errorInstance));
      }
      if (!result.failed || result.counterexample === null || target === undefined) {
        if (result.interrupted) return; // time is up
        if (opts.path !== undefined) return; // a replayed path is one run only
        continue;
      }
      const reduced = await shrinkWithin(jumped ?? result.counterexample[0], stillFails, { deadline: shrinkEnd, costly });
      const out = await evaluate(reduced.model, laneCtx);
      if (out.status !== 'fail') throw new Error('internal: the shrunk counterexample no longer fails');
      const shrinkComplete = !result.interrupted && !cut && reduced.complete;
      await record(reduced.model, out, { seed, path: result.counterexamplePath ?? '', foundAt, shrinks: result.numShrinks + reduced.steps + (jumped ? 1 : 0), shrinkComplete, startedAt }, target, laneCtx);
      opts.onShrinkProgress?.(laneNo, null);
      if (opts.path !== undefined) return;
    }
  };
  await Promise.all(lanes.map((l, i) => lane(l, i)));
  if (fatal) throw fatal;
  if (opts.timeMs === undefined && runsDone < totalRuns && !(opts.stopOnFirst && findings.length > 0) && opts.path === undefined && !health.verdict) interrupted = true;

  // A change's atoms seen after its finding was recorded (another field the wheel copy follows in) are listed too.
  for (const f of findings) if (f.atom !== undefined) Object.assign(f, changeAtoms({ classes: new Set(), atom: f.atom, ...(f.change ? { change: f.change } : {}) }));

  const durationMs = performance.now() - started;
  const base = {
    stats,
    runs: runsDone,
    durationMs,
    rules: [...rules],
    ...(health.verdict ? { health: health.verdict } : {}),
    ...(replaySkipped.length ? { replaySkipped } : {}),
  };
  if (findings.length > 0) return { kind: 'failed', ...base, findings, interrupted };
  return interrupted ? { kind: 'interrupted', ...base, findings: [] } : { kind: 'passed', ...base, findings: [] };
}
