/**
 * Coverage-guided search (src/fuzz/guide.ts), without Python: one-part
 * mutations are valid projects for the run's backends; the pool keeps only
 * projects that reached new lines; a guided stream is the generator's own
 * while the pool is empty, and deterministic for a seed. The "lines" here
 * are a model's generator features (src/model/features.ts), as a stand-in
 * for what a backend's builds reach.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectModel } from '../../generators/projectModel.js';
import { isValidModel } from '../../src/corpus/corpusFile.js';
import { CoverageGuide, DONOR_PROBABILITIES, MUTABLE_PARTS, ModelPool, applyMutation, mutateModel, mutationsOf, type LineSource } from '../../src/fuzz/guide.js';
import { modelFeatures } from '../../src/model/features.js';
import type { ProjectModel } from '../../src/model/projectModel.js';
import { unsupportedFeatures, type RenderTarget } from '../../src/render/capabilities.js';
import { canRender } from '../../src/render/canRender.js';

const SETUPTOOLS: RenderTarget = { family: 'setuptools', version: '80.9.0' };
const HATCHLING: RenderTarget = { family: 'hatchling', version: '1.27.0' };
const FLIT: RenderTarget = { family: 'flit', version: '3.12.0' };

/** The parts in which two models differ. */
function changedParts(a: ProjectModel, b: ProjectModel): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const r = (m: ProjectModel, k: string): string | undefined => JSON.stringify((m as unknown as Record<string, unknown>)[k]);
  return [...keys].filter((k) => r(a, k) !== r(b, k)).sort();
}

/** A line source whose "lines" are the features of the models `build` was called with. */
class FeatureLines implements LineSource {
  readonly seen = new Set<string>();
  constructor(private readonly tracing = true) {}
  linesReached(): number {
    return this.seen.size;
  }
  traced(): boolean {
    return this.tracing;
  }
  build(m: ProjectModel): void {
    for (const f of modelFeatures(m)) this.seen.add(f);
  }
}

/** Drive a guided search of `runs` projects as runFuzz does (one fast-check run per project); returns the drawn projects. */
async function search(guide: CoverageGuide, lines: FeatureLines, targets: RenderTarget[], seed: number, runs: number): Promise<ProjectModel[]> {
  const drawn: ProjectModel[] = [];
  const renderable = (m: ProjectModel): boolean => targets.every((t) => canRender(m, t.family, t.version));
  await fc.assert(
    fc.asyncProperty(guide.arbitrary(targets, renderable), async (m) => {
      drawn.push(m);
      await guide.observe(m, async () => lines.build(m));
      return true;
    }),
    { seed, numRuns: runs },
  );
  return drawn;
}

describe('one-part mutations', () => {
  it('each candidate changes exactly the one part it names', () => {
    const models = fc.sample(projectModel(), { seed: 3, numRuns: 60 });
    const donors = fc.sample(projectModel({ probabilities: DONOR_PROBABILITIES }), { seed: 4, numRuns: 60 });
    const kinds = new Set<string>();
    let candidates = 0;
    for (const [i, parent] of models.entries()) {
      const donor = donors[i]!;
      for (const mutation of mutationsOf(parent, donor)) {
        const child = applyMutation(parent, donor, mutation);
        expect(changedParts(parent, child)).toEqual([mutation.part]);
        const value = (child as unknown as Record<string, unknown>)[mutation.part];
        if (mutation.kind === 'remove') expect(value).toBeUndefined();
        else expect(JSON.stringify(value)).toBe(JSON.stringify((donor as unknown as Record<string, unknown>)[mutation.part]));
        if (mutation.kind === 'add') expect((parent as unknown as Record<string, unknown>)[mutation.part]).toBeUndefined();
        kinds.add(mutation.kind);
        candidates++;
      }
      expect(JSON.stringify(parent)).toBe(JSON.stringify(models[i])); // the parent is not changed
    }
    expect([...kinds].sort()).toEqual(['add', 'alter', 'remove']);
    expect(candidates).toBeGreaterThan(60 * 5);
    expect(MUTABLE_PARTS).toContain('configSettings');
  });

  it.each([
    ['setuptools', [SETUPTOOLS]],
    ['hatchling', [HATCHLING]],
    ['flit (one top-level name)', [FLIT]],
    ['setuptools and hatchling', [SETUPTOOLS, HATCHLING]],
  ] as const)('mutations for %s are projects the generator could draw for those backends', (_name, targets) => {
    const base = projectModel({ targets });
    const parents = fc.sample(base, { seed: 5, numRuns: 80 });
    const donors = fc.sample(projectModel({ targets, probabilities: DONOR_PROBABILITIES }), { seed: 6, numRuns: 80 });
    const valid = (m: ProjectModel): boolean => base.canShrinkWithoutContext(m) && isValidModel(m);
    let rng = 1;
    const pick = (n: number): number => (rng = (rng * 1103515245 + 12345) % 2 ** 31) % n;
    const made: ProjectModel[] = [];
    for (const [i, parent] of parents.entries()) {
      const m = mutateModel(parent, donors[i]!, pick, valid);
      if (m === null) continue;
      made.push(m.model);
      expect(changedParts(parent, m.model)).toEqual([m.mutation.part]);
    }
    expect(made.length).toBeGreaterThan(60);
    for (const m of made) {
      // A JSON round trip (as a corpus file stores it) keeps it valid.
      const json = JSON.parse(JSON.stringify(m)) as ProjectModel;
      expect(base.canShrinkWithoutContext(json)).toBe(true);
      expect(isValidModel(json)).toBe(true);
      for (const t of targets) {
        expect(canRender(m, t.family, t.version)).toBe(true);
        expect(unsupportedFeatures(m, t)).toEqual([]);
      }
    }
  });

  it('gives up after maxTries candidates, none valid', () => {
    const [parent, donor] = fc.sample(projectModel({ probabilities: DONOR_PROBABILITIES }), { seed: 8, numRuns: 2 }) as [ProjectModel, ProjectModel];
    let tried = 0;
    const m = mutateModel(parent, donor, () => 0, () => (tried++, false), 5);
    expect(m).toBeNull();
    expect(tried).toBe(5);
    expect(mutateModel(parent, parent, () => 0, () => true)?.mutation.kind).toBe('remove'); // the same donor: only removals are changes
  });
});

describe('the pool', () => {
  it('keeps a project only when it reached new lines, once, and the newest within its limit', () => {
    const [a, b, c] = fc.sample(projectModel(), { seed: 9, numRuns: 3 }) as [ProjectModel, ProjectModel, ProjectModel];
    const pool = new ModelPool(2);
    expect(pool.offer(a, 0)).toBe(false);
    expect(pool.offer(a, Number.NaN)).toBe(false);
    expect(pool.offer(a, 3)).toBe(true);
    expect(pool.offer(structuredClone(a), 5)).toBe(false); // the same project
    expect(pool.offer(b, 1)).toBe(true);
    expect(pool.offer(c, 2)).toBe(true);
    expect(pool.entries.map((e) => e.model)).toEqual([b, c]);
    expect(pool.offer(a, 1)).toBe(true); // dropped, so new again
  });
});

describe('CoverageGuide', () => {
  it('pools exactly the projects that reached new lines, and draws mutations of them', async () => {
    const lines = new FeatureLines();
    const guide = new CoverageGuide(lines);
    const drawn = await search(guide, lines, [SETUPTOOLS], 11, 120);
    const s = guide.summary();
    // Replay the feedback: a project reached new lines exactly when it brought a feature no earlier one had.
    const seen = new Set<string>();
    const expected: ProjectModel[] = [];
    for (const m of drawn) {
      const fresh = modelFeatures(m).filter((f) => !seen.has(f));
      fresh.forEach((f) => seen.add(f));
      if (fresh.length > 0 && !expected.some((e) => JSON.stringify(e) === JSON.stringify(m))) expected.push(m);
    }
    expect(guide.pool.entries.map((e) => e.model)).toEqual(expected);
    expect(s).toMatchObject({ guide: 'coverage', active: true, projects: 120, pool: expected.length });
    expect(s.fresh + s.mutated).toBe(120);
    expect(s.mutated).toBeGreaterThan(30);
    expect(s.mutations.add + s.mutations.remove + s.mutations.alter).toBe(s.mutated);
    // Every drawn project is the generator's for the target (mutated ones included).
    const base = projectModel({ targets: [SETUPTOOLS] });
    expect(drawn.filter((m) => !base.canShrinkWithoutContext(m))).toEqual([]);
  });

  it('never draws a mutation that gives a project drawn before', () => {
    // One pooled project, every draw a mutation of it: removing the same part twice would repeat.
    const guide = new CoverageGuide(new FeatureLines(), { mutationShare: 1 });
    const [parent] = fc.sample(projectModel({ targets: [HATCHLING], probabilities: DONOR_PROBABILITIES }), { seed: 13, numRuns: 1 }) as [ProjectModel];
    guide.pool.offer(parent, 1);
    const drawn = fc.sample(guide.arbitrary([HATCHLING], () => true), { seed: 14, numRuns: 60 }).map((m) => JSON.stringify(m));
    const s = guide.summary();
    expect(s.mutated).toBeGreaterThan(40);
    expect(s.mutations.remove).toBeGreaterThan(0);
    // Only the fresh projects of draws without a valid mutation can repeat.
    expect(drawn.length - new Set(drawn).size).toBeLessThanOrEqual(s.fellBack);
    expect(drawn).not.toContain(JSON.stringify(parent));
  });

  it('is the generator itself while the pool is empty: untraced, the stream is the unguided one', async () => {
    const lines = new FeatureLines(false);
    const guide = new CoverageGuide(lines);
    const drawn = await search(guide, lines, [HATCHLING], 12, 40);
    expect(JSON.stringify(drawn)).toBe(JSON.stringify(fc.sample(projectModel({ targets: [HATCHLING] }), { seed: 12, numRuns: 40 })));
    expect(guide.summary()).toMatchObject({ active: false, projects: 40, fresh: 40, mutated: 0, pool: 0 });
  });

  it('is deterministic for a seed', async () => {
    const run = async (seed: number): Promise<string> => {
      const lines = new FeatureLines();
      const guide = new CoverageGuide(lines);
      const drawn = await search(guide, lines, [SETUPTOOLS, HATCHLING], seed, 60);
      return JSON.stringify({ drawn, summary: guide.summary() });
    };
    const first = await run(21);
    expect(await run(21)).toBe(first);
    expect(await run(22)).not.toBe(first);
  });
});
