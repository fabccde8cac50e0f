/**
 * Coverage-guided search (`fuzz --guide coverage`, docs/coverage.md "Guided
 * search"). Projects whose builds reach backend lines no earlier build of the
 * run reached are kept in a pool; each later project is drawn either fresh
 * from the generator or as a one-part mutation of a pooled project: one part
 * of the model (an optional part of `OPTIONAL_PARTS`, or the layout, the
 * dependencies, the top-level packages or modules) added from, or replaced
 * by, the same part of a freshly generated donor (drawn with every optional
 * part at one in two: `DONOR_PROBABILITIES`), or an optional part removed.
 * A mutation is kept only when the result is a project the generator itself
 * could have drawn for the run's backends (its validity predicate,
 * `canShrinkWithoutContext`), a valid corpus model, renderable for every
 * backend, and no project drawn before; when no one-part change is, the
 * fresh project is used.
 *
 * The oracles stay the judge: a mutated project is checked, confirmed and
 * shrunk like any other. Mutated projects depend on the pool (on what the
 * earlier builds reached), so a fast-check replay path does not bring a
 * guided run's project back; the corpus file stores the model, which replay
 * uses.
 */
import fc from 'fast-check';
import { DEFAULT_PROBABILITIES, OPTIONAL_PARTS, projectModel, type OptionalPart } from '../../generators/projectModel.js';
import { isValidModel } from '../corpus/corpusFile.js';
import type { ProjectModel } from '../model/projectModel.js';
import type { RenderTarget } from '../render/capabilities.js';

/** Parts that are only ever replaced (a project always has them). */
export const CORE_PARTS = ['layout', 'dependencies', 'packages', 'modules'] as const satisfies readonly (keyof ProjectModel)[];
/** What a mutation changes: one of these. */
export const MUTABLE_PARTS = [...OPTIONAL_PARTS, ...CORE_PARTS] as const;
export type MutablePart = (typeof MUTABLE_PARTS)[number];
export type MutationKind = 'add' | 'remove' | 'alter';

export interface Mutation {
  kind: MutationKind;
  part: MutablePart;
}

const OPTIONAL: ReadonlySet<string> = new Set(OPTIONAL_PARTS);

/**
 * How often each optional part is present in a donor: one in two (about
 * twice the generator's default presence, so that an added part is often
 * one the fresh stream rarely draws), except a metapackage (a donor that is
 * one has no import tree to give).
 */
export const DONOR_PROBABILITIES: Readonly<Record<OptionalPart, number>> = Object.fromEntries(
  OPTIONAL_PARTS.map((p) => [p, p === 'metaPackage' ? DEFAULT_PROBABILITIES[p] : 0.5]),
) as Record<OptionalPart, number>;
const has = (m: ProjectModel, part: MutablePart): boolean => (m as unknown as Record<string, unknown>)[part] !== undefined;
const same = (x: unknown, y: unknown): boolean => JSON.stringify(x) === JSON.stringify(y);

/**
 * Every one-part change of `parent` that `donor` makes possible: add a part
 * the donor has and the parent lacks, remove an optional part the parent
 * has, replace a part both have by the donor's (when they differ).
 */
export function mutationsOf(parent: ProjectModel, donor: ProjectModel): Mutation[] {
  const out: Mutation[] = [];
  for (const part of MUTABLE_PARTS) {
    const p = (parent as unknown as Record<string, unknown>)[part];
    const d = (donor as unknown as Record<string, unknown>)[part];
    if (has(parent, part) && OPTIONAL.has(part)) out.push({ kind: 'remove', part });
    if (!has(parent, part) && has(donor, part)) out.push({ kind: 'add', part });
    else if (has(parent, part) && has(donor, part) && !same(p, d)) out.push({ kind: 'alter', part });
  }
  return out;
}

/** `parent` with `mutation` applied (a new object; neither input is changed). */
export function applyMutation(parent: ProjectModel, donor: ProjectModel, mutation: Mutation): ProjectModel {
  const out = structuredClone(parent) as unknown as Record<string, unknown>;
  if (mutation.kind === 'remove') delete out[mutation.part];
  else out[mutation.part] = structuredClone((donor as unknown as Record<string, unknown>)[mutation.part]);
  return out as unknown as ProjectModel;
}

/**
 * A valid one-part mutation of `parent` with parts of `donor`: the candidate
 * changes are tried in an order drawn with `pick(n)` (an integer in
 * [0, n)), at most `maxTries` of them; null when none is `valid`.
 */
export function mutateModel(
  parent: ProjectModel,
  donor: ProjectModel,
  pick: (n: number) => number,
  valid: (m: ProjectModel) => boolean,
  maxTries = 8,
): { model: ProjectModel; mutation: Mutation } | null {
  const candidates = mutationsOf(parent, donor);
  for (let tries = 0; tries < maxTries && candidates.length > 0; tries++) {
    const [mutation] = candidates.splice(pick(candidates.length), 1);
    const model = applyMutation(parent, donor, mutation!);
    if (valid(model)) return { model, mutation: mutation! };
  }
  return null;
}

export interface PoolEntry {
  model: ProjectModel;
  /** Backend lines its builds reached first. */
  newLines: number;
}

/** The run's pool: projects whose builds reached backend lines not reached before in the run. */
export class ModelPool {
  readonly entries: PoolEntry[] = [];
  private readonly keys = new Set<string>();

  /** @param limit most entries kept (the oldest goes first) */
  constructor(private readonly limit = 500) {}

  /** Keep `model` if it reached new lines (and is not pooled yet); says whether it was kept. */
  offer(model: ProjectModel, newLines: number): boolean {
    if (!(newLines > 0)) return false;
    const key = JSON.stringify(model);
    if (this.keys.has(key)) return false;
    this.entries.push({ model, newLines });
    this.keys.add(key);
    if (this.entries.length > this.limit) this.keys.delete(JSON.stringify(this.entries.shift()!.model));
    return true;
  }

  get size(): number {
    return this.entries.length;
  }
}

/** What tells the guide how many backend lines the run's builds reached so far (a CoverageBook). */
export interface LineSource {
  /** Distinct backend lines reached so far, over every traced backend. */
  linesReached(): number;
  /** Whether any backend of the run is traced (false: the search goes on unguided). */
  traced(): boolean;
}

/** The hook runFuzz calls (FuzzOptions.guide). */
export interface SearchGuide {
  /**
   * The projects to search with for backends `targets` (each also
   * `renderable` for the lane's backends): the generator's projects for them,
   * or mutations of pooled ones.
   */
  arbitrary(targets: readonly RenderTarget[], renderable: (m: ProjectModel) => boolean): fc.Arbitrary<ProjectModel>;
  /** Evaluate one searched project with `run`, and learn from what it reached. */
  observe<T>(model: ProjectModel, run: () => Promise<T>): Promise<T>;
}

/** The report's `guide` field (JSON report, --guide coverage). */
export interface GuideSummary {
  guide: 'coverage';
  /** False when no backend of the run could be traced: the search went on unguided. */
  active: boolean;
  /** Projects drawn for the search. */
  projects: number;
  /** ... fresh from the generator (the pool was empty, the draw said fresh, or no mutation was valid). */
  fresh: number;
  /** ... as a one-part mutation of a pooled project. */
  mutated: number;
  /** Draws that tried a mutation and found no valid one (fresh instead; counted in `fresh`). */
  fellBack: number;
  /** Pool entries at the end: projects whose builds reached new backend lines. */
  pool: number;
  /** Mutated projects by kind of change. */
  mutations: Record<MutationKind, number>;
}

export interface CoverageGuideOptions {
  /** Share of the draws that mutate a pooled project once the pool has one (default 0.5). */
  mutationShare?: number;
  /** Most pool entries (default 500). */
  poolLimit?: number;
}

/** `--guide coverage`: the pool, the draws and their counts. */
export class CoverageGuide implements SearchGuide {
  readonly pool: ModelPool;
  private readonly share: number;
  private readonly counts = { projects: 0, fresh: 0, mutated: 0, fellBack: 0, mutations: { add: 0, remove: 0, alter: 0 } };
  /** Every project drawn so far (JSON): a mutation that gives one of them again (a part removed that was just added) is not drawn. */
  private readonly drawn = new Set<string>();

  constructor(
    private readonly lines: LineSource,
    options: CoverageGuideOptions = {},
  ) {
    this.share = options.mutationShare ?? 0.5;
    this.pool = new ModelPool(options.poolLimit);
  }

  arbitrary(targets: readonly RenderTarget[], renderable: (m: ProjectModel) => boolean): fc.Arbitrary<ProjectModel> {
    // The fresh stream is the generator's own (an unguided run's, as long as the pool is empty).
    const base = projectModel({ targets });
    const donors = projectModel({ targets, probabilities: DONOR_PROBABILITIES });
    // A mutation must be a project the generator could draw for these backends (its own validity predicate).
    const valid = (m: ProjectModel): boolean => base.canShrinkWithoutContext(m) && isValidModel(m) && renderable(m);
    return new GuidedArbitrary(base, (mrng, fresh) => this.draw(mrng, fresh, donors, valid));
  }

  /** The project to search with: `fresh`, or a mutation of a pooled project with a part of a donor. */
  private draw(mrng: fc.Random, fresh: fc.Value<ProjectModel>, donors: fc.Arbitrary<ProjectModel>, valid: (m: ProjectModel) => boolean): fc.Value<ProjectModel> {
    this.counts.projects++;
    if (this.drawn.size > 50_000) this.drawn.clear();
    if (this.pool.size === 0 || mrng.nextDouble() >= this.share) {
      this.counts.fresh++;
      this.drawn.add(JSON.stringify(fresh.value));
      return fresh;
    }
    const parent = this.pool.entries[mrng.nextInt(0, this.pool.size - 1)]!.model;
    const donor = donors.generate(mrng, undefined).value;
    const m = mutateModel(parent, donor, (n) => mrng.nextInt(0, n - 1), (c) => !this.drawn.has(JSON.stringify(c)) && valid(c));
    if (m === null) {
      this.counts.fellBack++;
      this.counts.fresh++;
      this.drawn.add(JSON.stringify(fresh.value));
      return fresh;
    }
    this.drawn.add(JSON.stringify(m.model));
    this.counts.mutated++;
    this.counts.mutations[m.mutation.kind]++;
    // No generation context: fast-check shrinks it as it shrinks a replayed corpus model.
    return new fc.Value(m.model, undefined);
  }

  async observe<T>(model: ProjectModel, run: () => Promise<T>): Promise<T> {
    if (!this.lines.traced()) return run();
    const before = this.lines.linesReached();
    const out = await run();
    this.pool.offer(model, this.lines.linesReached() - before);
    return out;
  }

  summary(): GuideSummary {
    return { guide: 'coverage', active: this.lines.traced(), ...this.counts, mutations: { ...this.counts.mutations }, pool: this.pool.size };
  }
}

/** `base`'s values, each passed through `draw` (which may replace it); shrinks as `base`. */
class GuidedArbitrary extends fc.Arbitrary<ProjectModel> {
  constructor(
    private readonly base: fc.Arbitrary<ProjectModel>,
    private readonly drawFrom: (mrng: fc.Random, fresh: fc.Value<ProjectModel>) => fc.Value<ProjectModel>,
  ) {
    super();
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<ProjectModel> {
    return this.drawFrom(mrng, this.base.generate(mrng, biasFactor));
  }

  canShrinkWithoutContext(value: unknown): value is ProjectModel {
    return this.base.canShrinkWithoutContext(value);
  }

  shrink(value: ProjectModel, context: unknown): fc.Stream<fc.Value<ProjectModel>> {
    return this.base.shrink(value, context);
  }
}
