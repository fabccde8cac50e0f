import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packageTree } from '../../generators/packageTree.js';
import type { PackageModel } from '../../src/model/projectModel.js';
import { shrinkTo } from './shrink.js';
import { modelProblems } from './validators.js';

const depth = (p: PackageModel): number => 1 + Math.max(0, ...p.subpackages.map(depth));
const asProject = (p: PackageModel) => ({
  name: 'x',
  version: '1',
  description: null,
  dependencies: [],
  layout: 'flat' as const,
  packages: [p],
  modules: [],
});
const bare = { name: 'a', init: '', modules: [], data: [], subpackages: [] };

describe('packageTree', () => {
  it('gives the same values for the same seed', () => {
    expect(fc.sample(packageTree(), { seed: 42, numRuns: 50 })).toEqual(fc.sample(packageTree(), { seed: 42, numRuns: 50 }));
  });

  it('only produces valid trees of bounded depth', () => {
    fc.assert(
      fc.property(packageTree({ topLevel: true }), (pkg) => {
        expect(modelProblems(asProject(pkg))).toEqual([]);
        expect(depth(pkg)).toBeLessThanOrEqual(3);
      }),
      { numRuns: 500 },
    );
    const shallow = fc.sample(packageTree({ maxDepth: 2, maxModules: 0 }), { seed: 1, numRuns: 200 });
    expect(shallow.every((p) => depth(p) <= 2 && p.modules.length === 0)).toBe(true);
  });

  it('types some packages and stubs some modules, each stub next to its module', () => {
    const pkgs = fc.sample(packageTree(), { seed: 1, numRuns: 1000 });
    const all = (p: PackageModel): PackageModel[] => [p, ...p.subpackages.flatMap(all)];
    const flat = pkgs.flatMap(all);
    expect(flat.some((p) => p.typed === true)).toBe(true);
    expect(flat.some((p) => (p.stubs ?? []).some((s) => s.name === '__init__'))).toBe(true);
    expect(flat.some((p) => (p.stubs ?? []).some((s) => s.name !== '__init__'))).toBe(true);
    expect(flat.filter((p) => p.typed === true).length / flat.length).toBeLessThan(0.2);
    const none = fc.sample(packageTree({ typedProbability: 0, stubProbability: 0 }), { seed: 1, numRuns: 200 }).flatMap(all);
    expect(none.every((p) => !('typed' in p) && !('stubs' in p))).toBe(true);
  });

  it('shrinks toward a typed package and a stub when they are needed', () => {
    expect(shrinkTo(packageTree(), (p) => p.typed === true).minimal).toEqual({ ...bare, typed: true });
    // A stub of `__init__`, or of the one module there is: both are minimal.
    const stubbed = shrinkTo(packageTree(), (p) => (p.stubs ?? []).length > 0).minimal;
    expect([
      { ...bare, stubs: [{ name: '__init__', source: '' }] },
      { ...bare, modules: [{ name: 'a', source: '' }], stubs: [{ name: 'a', source: '' }] },
    ]).toContainEqual(stubbed);
  });

  it('shrinks a deep module up to the top package', () => {
    const hasDeepModule = (p: PackageModel): boolean => p.subpackages.some((s) => s.subpackages.some((t) => t.modules.length > 0));
    const anyModule = (p: PackageModel): boolean => p.modules.length > 0 || p.subpackages.some(anyModule);
    const { first, minimal } = shrinkTo(packageTree(), (p) => anyModule(p), 5);
    expect(minimal).toEqual({ ...bare, modules: [{ name: 'a', source: '' }] });
    void first;
    // Even when the only module starts three levels down.
    const deep = shrinkTo(packageTree(), hasDeepModule).minimal;
    expect(deep).toEqual({
      ...bare,
      subpackages: [{ ...bare, subpackages: [{ ...bare, modules: [{ name: 'a', source: '' }] }] }],
    });
  });
});
