import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectModel } from '../../generators/projectModel.js';
import { allPackages, type ProjectModel } from '../../src/model/projectModel.js';
import { shrinkTo } from './shrink.js';
import { modelProblems, modelSize } from './validators.js';

const hasData = (m: ProjectModel): boolean => allPackages(m).some(({ pkg }) => pkg.data.length > 0);
const depth = (m: ProjectModel): number => Math.max(0, ...allPackages(m).map(({ dotted }) => dotted.split('.').length));

/** The smallest project there is, with `patch` applied. */
function minimalProject(patch: Partial<ProjectModel>): ProjectModel {
  return { name: 'a', version: '0', description: null, dependencies: [], layout: 'flat', packages: [], modules: [], ...patch };
}
const emptyPackage = { name: 'a', init: '', modules: [], data: [], subpackages: [] };
const emptyModule = { name: 'a', source: '' };

describe('projectModel', () => {
  it('gives the same values for the same seed', () => {
    const a = fc.sample(projectModel(), { seed: 42, numRuns: 50 });
    const b = fc.sample(projectModel(), { seed: 42, numRuns: 50 });
    expect(a).toEqual(b);
    expect(fc.sample(projectModel(), { seed: 43, numRuns: 50 })).not.toEqual(a);
  });

  it('only produces valid, JSON-able models', () => {
    fc.assert(
      fc.property(projectModel(), (model) => {
        expect(modelProblems(model)).toEqual([]);
        expect(JSON.parse(JSON.stringify(model))).toEqual(model);
      }),
      { numRuns: 1000, seed: 7 },
    );
  });

  it('covers the intended shapes with useful frequencies', () => {
    const models = fc.sample(projectModel(), { seed: 3, numRuns: 2000 });
    const share = (pred: (m: ProjectModel) => boolean): number => models.filter(pred).length / models.length;
    expect(share(hasData)).toBeGreaterThan(0.4);
    expect(share(hasData)).toBeLessThan(0.7);
    expect(share((m) => m.layout === 'src')).toBeGreaterThan(0.35);
    expect(share((m) => m.layout === 'src')).toBeLessThan(0.65);
    expect(share((m) => depth(m) === 3)).toBeGreaterThan(0.1);
    expect(share((m) => m.packages.length === 0)).toBeGreaterThan(0.05);
    expect(share((m) => m.modules.length === 0)).toBeGreaterThan(0.05);
    expect(share((m) => m.packages.length === 3)).toBeGreaterThan(0.05);
    expect(share((m) => m.dependencies.length === 0)).toBeGreaterThan(0.1);
    expect(share((m) => m.dependencies.length === 3)).toBeGreaterThan(0.05);
    expect(share((m) => m.description === null)).toBeGreaterThan(0.1);
    expect(share((m) => /[-_.]/.test(m.name))).toBeGreaterThan(0.2);
    expect(share((m) => /[A-Z]/.test(m.name))).toBeGreaterThan(0.1);
    expect(share((m) => allPackages(m).some(({ pkg }) => pkg.data.some((d) => d.content === '')))).toBeGreaterThan(0.1);
    expect(share((m) => allPackages(m).some(({ pkg }) => pkg.data.some((d) => d.path.includes('/'))))).toBeGreaterThan(0.1);
  });

  it('honours its options', () => {
    const srcOnly = fc.sample(projectModel({ layouts: ['src'], maxPackages: 0 }), { seed: 1, numRuns: 100 });
    expect(srcOnly.every((m) => m.layout === 'src' && m.packages.length === 0 && m.modules.length > 0)).toBe(true);
    const allData = fc.sample(projectModel({ maxModules: 0, packages: { dataProbability: 1, maxDepth: 1 } }), { seed: 1, numRuns: 100 });
    expect(allData.every((m) => m.packages.length > 0 && m.packages.every((p) => p.data.length > 0 && p.subpackages.length === 0))).toBe(true);
    const noData = fc.sample(projectModel({ packages: { dataProbability: 0 } }), { seed: 1, numRuns: 200 });
    expect(noData.some(hasData)).toBe(false);
    expect(() => projectModel({ layouts: [] })).toThrow(/layouts/);
  });

  describe('shrinking', () => {
    it('goes to the smallest project with a data file', () => {
      for (const seed of [1, 2, 3]) {
        const { minimal } = shrinkTo(projectModel(), hasData, seed);
        expect(minimal).toEqual(
          minimalProject({ packages: [{ ...emptyPackage, data: [{ path: 'a.txt', content: '' }] }] }),
        );
      }
    });

    it('goes to the smallest project with a data file in a sub-folder', () => {
      const { minimal } = shrinkTo(projectModel(), (m) =>
        allPackages(m).some(({ pkg }) => pkg.data.some((d) => d.path.includes('/'))),
      );
      expect(minimal).toEqual(minimalProject({ packages: [{ ...emptyPackage, data: [{ path: 'a/a.txt', content: '' }] }] }));
    });

    it('goes to a bare chain of packages for depth 3', () => {
      const { minimal } = shrinkTo(projectModel(), (m) => depth(m) === 3);
      expect(minimal).toEqual(
        minimalProject({ packages: [{ ...emptyPackage, subpackages: [{ ...emptyPackage, subpackages: [emptyPackage] }] }] }),
      );
    });

    it('goes to a single empty module: the smallest project', () => {
      const { minimal } = shrinkTo(projectModel(), (m) => m.name.length > 0);
      expect(minimal).toEqual(minimalProject({ modules: [emptyModule] }));
    });

    it('keeps a bare package and an empty module when both are needed', () => {
      const { minimal } = shrinkTo(projectModel(), (m) => m.packages.length > 0 && m.modules.length > 0);
      const [pkg] = minimal.packages;
      const [mod] = minimal.modules;
      expect(minimal.packages).toHaveLength(1);
      expect(minimal.modules).toHaveLength(1);
      expect(pkg).toEqual({ ...emptyPackage, name: pkg?.name });
      expect(mod).toEqual({ name: mod?.name, source: '' });
      expect([pkg?.name, mod?.name].sort().join(' ')).toMatch(/^(a aa|a b)$/);
      expect({ ...minimal, packages: [], modules: [] }).toEqual(minimalProject({}));
    });

    it('goes to a single empty module when a module is needed', () => {
      const { minimal } = shrinkTo(projectModel(), (m) => m.modules.length > 0);
      expect(minimal).toEqual(minimalProject({ modules: [emptyModule] }));
    });

    it('goes to two bare dependencies when two are needed', () => {
      const { minimal } = shrinkTo(projectModel(), (m) => m.dependencies.length >= 2);
      expect(minimal.dependencies).toHaveLength(2);
      expect(minimal.dependencies.every((d) => d.length === 1)).toBe(true);
      expect({ ...minimal, dependencies: [] }).toEqual(minimalProject({ modules: [emptyModule] }));
    });

    it('keeps the src layout only when it matters', () => {
      const { minimal } = shrinkTo(projectModel(), (m) => m.layout === 'src');
      expect(minimal).toEqual(minimalProject({ layout: 'src', modules: [emptyModule] }));
    });

    it('can shrink models it did not generate (replayed corpus files)', () => {
      const arb = projectModel();
      const samples = fc.sample(arb, { seed: 11, numRuns: 300 }).map((m) => JSON.parse(JSON.stringify(m)) as ProjectModel);
      expect(samples.filter((m) => !arb.canShrinkWithoutContext(m))).toEqual([]);
      const big = samples.find((m) => hasData(m) && allPackages(m).length >= 4 && m.dependencies.length > 0);
      expect(big).toBeDefined();
      const details = fc.check(
        fc.property(arb, (m) => !hasData(m)),
        { examples: [[big as ProjectModel]], numRuns: 1 },
      );
      expect(details.counterexample?.[0]).toEqual(
        minimalProject({ packages: [{ ...emptyPackage, data: [{ path: 'a.txt', content: '' }] }] }),
      );
    });

    it('never ends bigger than where it started, and stays valid', () => {
      const predicates: ((m: ProjectModel) => boolean)[] = [
        (m) => allPackages(m).length >= 4,
        (m) => m.description !== null && m.description.length > 3,
        (m) => allPackages(m).reduce((a, { pkg }) => a + pkg.data.length, 0) >= 3,
        (m) => m.version.includes('.post'),
      ];
      for (const [i, wanted] of predicates.entries()) {
        const { first, minimal } = shrinkTo(projectModel(), wanted, 100 + i);
        expect(wanted(minimal)).toBe(true);
        expect(modelProblems(minimal)).toEqual([]);
        expect(modelSize(minimal)).toBeLessThanOrEqual(modelSize(first));
        expect(modelSize(minimal)).toBeLessThan(40);
      }
    });
  });

  it('matches the seed-42 snapshot (update deliberately when the generator changes)', () => {
    expect(fc.sample(projectModel(), { seed: 42, numRuns: 3 })).toMatchSnapshot();
  });
});
