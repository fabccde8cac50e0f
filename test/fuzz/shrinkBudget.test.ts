import { describe, expect, it } from 'vitest';
import { isValidModel } from '../../src/corpus/corpusFile.js';
import { HEALTH_MIN_PROJECTS, RunHealth } from '../../src/fuzz/health.js';
import { reduceModel } from '../../src/fuzz/reduceModel.js';
import { failingMinimal, isCostly, minimalModels, propertyTimeShare, shrinkDeadline, shrinkWithin, smallestFirst, SLOW_FAILURE_MS } from '../../src/fuzz/shrinkBudget.js';
import type { PropertyOutcome } from '../../src/fuzz/types.js';
import type { Difference } from '../../src/compare/types.js';
import type { ProjectModel } from '../../src/model/projectModel.js';
import { richModel } from '../render/fixtures.js';

const fail = (id: string, differences: Difference[]): PropertyOutcome => ({
  status: 'fail',
  rules: [],
  differences,
  signature: { id, text: id, classes: [id] },
  summary: id,
  files: {},
});
const hangWheel: Difference = { artifact: 'wheel', kind: 'build-failed', path: '', a: 'timeout: hook build_wheel did not finish within 5s', b: 'built x.whl' };
const crashWheel: Difference = { artifact: 'wheel', kind: 'build-failed', path: '', a: 'crash: hook process exited with status 3 before returning a result', b: 'built y.whl' };
const content: Difference = { artifact: 'wheel', kind: 'content', path: 'x/RECORD' };

/** A predicate that counts its calls, and the calls that failed (for a hang, each of those costs a full timeout). */
function counting(p: (m: ProjectModel) => boolean): { calls: () => number; failed: () => number; fails: (m: ProjectModel) => Promise<boolean> } {
  let n = 0;
  let f = 0;
  return {
    calls: () => n,
    failed: () => f,
    fails: async (m) => {
      n++;
      const r = p(m);
      if (r) f++;
      return r;
    },
  };
}

describe('what a failure costs', () => {
  it('a timeout or a slow rebuild is costly; a quick content difference is not', () => {
    expect(isCostly(fail('t', [hangWheel]), 10)).toBe(true);
    expect(isCostly(fail('c', [content]), SLOW_FAILURE_MS + 1)).toBe(true);
    expect(isCostly(fail('c', [content]), 1000)).toBe(false);
    expect(isCostly(fail('x', [crashWheel]), 1000)).toBe(false);
  });

  it("a finding's shrinking ends at its own budget, never after the run's deadline", () => {
    expect(shrinkDeadline(1000, 5000, 100_000)).toBe(6000);
    expect(shrinkDeadline(1000, 5000, 3000)).toBe(3000);
    expect(shrinkDeadline(1000, undefined, Number.POSITIVE_INFINITY)).toBe(1000 + 5 * 60_000);
  });
});

describe('smallestFirst', () => {
  it('yields the minimal projects first, then one feature of the failing project at a time: all valid, all distinct', () => {
    const all = [...smallestFirst(richModel)];
    expect(all.slice(0, 2)).toEqual(minimalModels(richModel).filter((m) => isValidModel(m)));
    for (const m of all) expect(isValidModel(m), JSON.stringify(m)).toBe(true);
    expect(new Set(all.map((m) => JSON.stringify(m))).size).toBe(all.length);
    expect(all.some((m) => JSON.stringify(m) === JSON.stringify(richModel))).toBe(false);
    // Each later candidate is a minimal project plus one thing of richModel.
    const optional = Object.keys(richModel).filter((k) => !['name', 'version', 'description', 'dependencies', 'layout', 'packages', 'modules'].includes(k));
    for (const k of optional) expect(all.some((m) => k in m), k).toBe(true);
    for (const m of all.slice(2)) {
      const extras = Object.keys(m).filter((k) => optional.includes(k));
      expect(extras.length).toBeLessThanOrEqual(1);
    }
  });

  it('a failure that needs one feature: far fewer failing candidates (timeouts, for a hang) than stepwise reduction alone', async () => {
    const needs = (m: ProjectModel): boolean => (m.entryPoints ?? []).some((g) => g.group === 'gui_scripts');
    const fast = counting(needs);
    const r = await shrinkWithin(richModel, fast.fails, { deadline: Number.POSITIVE_INFINITY, costly: true });
    const slow = counting(needs);
    const s = await reduceModel(richModel, slow.fails);
    expect(r.complete).toBe(true);
    expect(needs(r.model)).toBe(true);
    expect(r.model.packages.length + r.model.modules.length).toBe(1);
    expect(JSON.stringify(r.model).length).toBeLessThanOrEqual(JSON.stringify(s.model).length);
    console.log(`one feature needed: smallest-first ${fast.calls()} candidates (${fast.failed()} failing), stepwise ${slow.calls()} (${slow.failed()} failing)`);
    expect(fast.calls()).toBeLessThanOrEqual(slow.calls());
    expect(fast.failed()).toBeLessThan(slow.failed() / 3);
  });

  it('a failure of every project: the minimal project at the first candidate', async () => {
    const always = counting(() => true);
    const r = await shrinkWithin(richModel, always.fails, { deadline: Number.POSITIVE_INFINITY, costly: true });
    expect(r.model).toEqual((await reduceModel(minimalModels(richModel)[0]!, async () => true)).model);
    expect(always.calls()).toBeLessThan(10);
    expect(await failingMinimal(richModel, async () => true)).toEqual(minimalModels(richModel)[0]);
    expect(await failingMinimal(richModel, async () => false)).toBeUndefined();
  });

  it('the budget spent: the smallest failing project so far, marked incomplete', async () => {
    const r = await shrinkWithin(richModel, async () => true, { deadline: performance.now() - 1, costly: true });
    expect(r).toEqual({ model: richModel, steps: 0, complete: false });
  });
});

describe('the health check', () => {
  it(`stops after ${HEALTH_MIN_PROJECTS} projects that fail their builds the same way (whatever else differs)`, () => {
    const h = new RunHealth();
    for (let i = 0; i < HEALTH_MIN_PROJECTS - 1; i++) {
      h.observe(fail(i % 2 ? 'sig-a' : 'sig-b', i % 2 ? [hangWheel] : [hangWheel, content]));
      expect(h.verdict).toBeUndefined();
    }
    h.observe(fail('sig-a', [hangWheel]));
    expect(h.verdict).toEqual({ code: 'every-project-fails', signature: 'sig-b', summary: 'sig-b', projects: HEALTH_MIN_PROJECTS });
  });

  it('one project that passes, or fails its builds another way, makes the run healthy for good', () => {
    for (const other of [{ status: 'pass', rules: [] } as PropertyOutcome, fail('c', [crashWheel]), fail('d', [content])]) {
      const h = new RunHealth();
      h.observe(fail('t', [hangWheel]));
      h.observe(other);
      for (let i = 0; i < 2 * HEALTH_MIN_PROJECTS; i++) h.observe(fail('t', [hangWheel]));
      expect(h.verdict).toBeUndefined();
    }
  });
});

describe('propertyTimeShare', () => {
  it('gives each property of a run an equal share of what is left (the first one took it all before)', () => {
    // --time 4m with five properties: the first gets 48 s, not 240 s.
    expect(propertyTimeShare(240_000, 5)).toBe(48_000);
    // A property that ended early leaves its time to the ones after it.
    expect(propertyTimeShare(200_000, 2)).toBe(100_000);
    expect(propertyTimeShare(30_000, 1)).toBe(30_000);
    expect(propertyTimeShare(-5, 3)).toBe(1000);
  });
});
