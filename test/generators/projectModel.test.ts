import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPTIONAL_PARTS, projectModel } from '../../generators/projectModel.js';
import { featuresOf } from '../../generators/featuresOf.js';
import { allPackages, topLevelNames, type ProjectModel } from '../../src/model/projectModel.js';
import { render } from '../../src/render/index.js';
import { unsupportedFeatures, type RenderTarget } from '../../src/render/capabilities.js';
import { canRender } from '../../src/render/render.js';
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
    expect(share(hasData)).toBeLessThan(0.75);
    expect(share((m) => m.layout === 'src')).toBeGreaterThan(0.35);
    expect(share((m) => m.layout === 'src')).toBeLessThan(0.65);
    expect(share((m) => depth(m) === 3)).toBeGreaterThan(0.1);
    expect(share((m) => m.packages.length === 0)).toBeGreaterThan(0.05);
    expect(share((m) => m.modules.length === 0)).toBeGreaterThan(0.05);
    expect(share((m) => m.packages.length === 3)).toBeGreaterThan(0.05);
    // Metapackages: rare, and never with an import tree or a part that needs one.
    expect(share((m) => m.metaPackage === true)).toBeGreaterThan(0.01);
    expect(share((m) => m.metaPackage === true)).toBeLessThan(0.08);
    expect(models.filter((m) => m.metaPackage === true).every((m) => topLevelNames(m).length === 0 && m.dynamicVersion === undefined && m.excludedFiles === undefined)).toBe(true);
    expect(share((m) => m.dependencies.length === 0)).toBeGreaterThan(0.1);
    expect(share((m) => m.dependencies.length === 3)).toBeGreaterThan(0.05);
    expect(share((m) => m.description === null)).toBeGreaterThan(0.1);
    expect(share((m) => /[-_.]/.test(m.name))).toBeGreaterThan(0.2);
    expect(share((m) => /[A-Z]/.test(m.name))).toBeGreaterThan(0.1);
    expect(share((m) => allPackages(m).some(({ pkg }) => pkg.data.some((d) => d.content === '')))).toBeGreaterThan(0.1);
    expect(share((m) => allPackages(m).some(({ pkg }) => pkg.data.some((d) => d.path.includes('/'))))).toBeGreaterThan(0.1);
    // Every feature of the issue shows up, none in most projects.
    const counts = new Map<string, number>();
    for (const m of models) for (const f of featuresOf(m)) counts.set(f, (counts.get(f) ?? 0) + 1);
    const rare = [
      'namespace-package', 'namespace-package:nested', 'py.typed', 'stubs', 'package-data:large-file', 'package-data:space-in-name',
      'package-data:non-ascii-name', 'sdist-files:docs', 'sdist-files:tests', 'sdist-files:changelog', 'version:epoch', 'version:pre',
      'version:post', 'version:dev', 'version:local', 'version:non-normalized', 'requires-python:>=', 'requires-python:<',
      'requires-python:<=', 'requires-python:>', 'requires-python:==', 'requires-python:!=', 'requires-python:~=', 'requires-python:===',
      'readme:md-file', 'readme:rst-file', 'readme:txt-file', 'readme:file-table', 'readme:inline', 'readme:elsewhere', 'readme:in-folder',
      'readme:other-extension', 'license:spdx', 'license:text',
      'license:file', 'license-files', 'license-files:subfolder', 'authors', 'maintainers', 'people:non-ascii', 'people:email-only',
      'people:name-only', 'keywords', 'classifiers', 'urls', 'dependencies:extras', 'optional-dependencies',
      'optional-dependencies:unnormalized', 'entry-points:console', 'entry-points:gui', 'entry-points:custom', 'name:separator-run',
      'setuptools:code-before-setup', 'setuptools:temporary-file', 'setuptools:exit-after-setup', 'setuptools:main-guard',
      'setuptools:use-file', 'setuptools:stub-setup-py', 'setuptools:setup-requires:list', 'setuptools:setup-requires:string',
      'setuptools:setup-requires:multiline', 'setuptools:setup-requires:comments', 'setuptools:setup-requires:continuation',
    ];
    for (const f of rare) {
      expect(counts.get(f) ?? 0, f).toBeGreaterThan(0);
      expect(counts.get(f) ?? 0, f).toBeLessThan(models.length * 0.6);
    }
  });

  it('honours its options', () => {
    const srcOnly = fc.sample(projectModel({ layouts: ['src'], maxPackages: 0, maxNamespacePackages: 0 }), { seed: 1, numRuns: 100 });
    expect(srcOnly.every((m) => m.layout === 'src' && m.packages.length === 0 && (m.modules.length > 0) !== (m.metaPackage === true))).toBe(true);
    // The tree options shape the import tree; a metapackage has none (its own test is below).
    const withTree = (ms: ProjectModel[]): ProjectModel[] => ms.filter((m) => m.metaPackage !== true);
    const allData = fc.sample(projectModel({ maxModules: 0, maxNamespacePackages: 0, packages: { dataProbability: 1, maxDepth: 1 } }), { seed: 1, numRuns: 100 });
    expect(withTree(allData).every((m) => m.packages.length > 0 && m.packages.every((p) => p.data.length > 0 && p.subpackages.length === 0))).toBe(true);
    const noData = fc.sample(projectModel({ packages: { dataProbability: 0 } }), { seed: 1, numRuns: 200 });
    expect(noData.some(hasData)).toBe(false);
    expect(() => projectModel({ layouts: [] })).toThrow(/layouts/);
    const bare = fc.sample(projectModel({ probabilities: Object.fromEntries(OPTIONAL_PARTS.map((p) => [p, 0])) }), { seed: 1, numRuns: 200 });
    expect(bare.every((m) => OPTIONAL_PARTS.every((p) => !(p in m)))).toBe(true);
    const full = fc.sample(projectModel({ probabilities: { readme: 1, license: 1, entryPoints: 1 } }), { seed: 1, numRuns: 100 });
    expect(full.every((m) => m.readme !== undefined && m.license !== undefined && m.entryPoints !== undefined)).toBe(true);
  });

  it('never uses a feature one of its targets cannot express', () => {
    const check = (targets: RenderTarget[], extra: (m: ProjectModel) => boolean): void => {
      fc.assert(
        fc.property(projectModel({ targets }), (m) => {
          for (const t of targets) {
            expect(unsupportedFeatures(m, t)).toEqual([]);
            expect(canRender(m, t.family, t.version)).toBe(true);
            expect(() => render(m, t.family, { familyVersion: t.version, style: t.style })).not.toThrow();
          }
          expect(modelProblems(m)).toEqual([]);
          expect(extra(m)).toBe(true);
        }),
        { numRuns: 150, seed: 5 },
      );
    };
    const setupCfg: RenderTarget = { family: 'setuptools', version: '80.9.0', style: 'setup.cfg' };
    check([setupCfg, { family: 'hatchling', version: '1.27.0' }], (m) => m.readme?.form !== 'inline' && m.license?.kind !== 'file' && (m.description ?? '').trim() === (m.description ?? ''));
    check([{ family: 'setuptools', version: '70.0.0' }, { family: 'hatchling', version: '1.26.3' }], (m) => m.license?.kind !== 'spdx' && m.licenseFiles === undefined);
    check([{ family: 'flit', version: '3.12.0' }], (m) => m.description !== null && m.packages.length + m.modules.length + (m.namespacePackages ?? []).length === 1);
    check([{ family: 'uv', version: '0.7.20' }], (m) => m.modules.length === 0);
    check([{ family: 'poetry', version: '1.9.1' }], (m) => m.readme === undefined && m.license === undefined && m.entryPoints === undefined);
    check([{ family: 'pdm', version: '2.5.0' }], (m) => !(m.readme?.form === 'file' && m.readme.contentType === 'text/plain'));
    check([{ family: 'uv', version: '0.7.20' }, { family: 'flit', version: '3.12.0' }], (m) => (m.readme === undefined || m.readme.form === 'file') && !/ WITH | (with|or|and) |^[a-z0-9.-]+$/.test(m.license?.kind === 'spdx' ? m.license.expression : ''));
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
      expect(minimal.dependencies.every((d) => /^[a-z]([-_.]?[a-z])?$/.test(d))).toBe(true);
      expect({ ...minimal, dependencies: [] }).toEqual(minimalProject({ modules: [emptyModule] }));
    });

    it('keeps only the optional part that is needed, at its smallest', () => {
      const only = (patch: Partial<ProjectModel>) => minimalProject({ modules: [emptyModule], ...patch });
      expect(shrinkTo(projectModel(), (m) => m.readme !== undefined).minimal).toEqual(only({ readme: { contentType: 'text/markdown', form: 'file', text: '# a\n' } }));
      expect(shrinkTo(projectModel(), (m) => m.license?.kind === 'spdx').minimal).toEqual(only({ license: { kind: 'spdx', expression: 'MIT' } }));
      expect(shrinkTo(projectModel(), (m) => (m.entryPoints ?? []).some((g) => g.group === 'gui_scripts')).minimal).toEqual(
        only({ entryPoints: [{ group: 'gui_scripts', entries: [{ name: 'a', value: 'a:a' }] }] }),
      );
      expect(shrinkTo(projectModel(), (m) => m.version.includes('!')).minimal).toEqual(only({ version: '0!0' }));
      // A metapackage kept is the project with no tree; one that is not needed shrinks to the smallest project.
      expect(shrinkTo(projectModel(), (m) => m.metaPackage === true).minimal).toEqual(minimalProject({ metaPackage: true }));
      // (Its one requirement is not `a`: the project is named `a` and does not require itself.)
      expect(shrinkTo(projectModel(), (m) => m.metaPackage === true && (m.dependencies ?? []).length > 0).minimal).toEqual(
        minimalProject({ metaPackage: true, dependencies: ['a-a'] }),
      );
      expect(shrinkTo(projectModel(), (m) => m.setuptools?.setupRequires !== undefined).minimal).toEqual(
        only({ setuptools: { setupRequires: { spelling: 'list', requirements: ['a'] } } }),
      );
      expect(shrinkTo(projectModel(), (m) => (m.namespacePackages ?? []).length > 0).minimal).toEqual(
        minimalProject({ namespacePackages: [{ name: 'a', packages: [], modules: [emptyModule], namespaces: [] }] }),
      );
      expect(shrinkTo(projectModel(), (m) => m.packages.some((p) => p.typed === true)).minimal).toEqual(
        minimalProject({ packages: [{ ...emptyPackage, typed: true }] }),
      );
      const nonAsciiAuthor = shrinkTo(projectModel(), (m) => (m.authors ?? []).some((p) => /[^\x00-\x7f]/.test(p.name ?? ''))).minimal;
      expect({ ...nonAsciiAuthor, authors: undefined }).toEqual({ ...only({}), authors: undefined });
      expect(nonAsciiAuthor.authors).toHaveLength(1);
      expect([...(nonAsciiAuthor.authors?.[0]?.name ?? '')].length).toBeLessThanOrEqual(2);
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
      const predicates: [(m: ProjectModel) => boolean, number][] = [
        [(m) => allPackages(m).length >= 4, 40],
        [(m) => m.description !== null && m.description.length > 3, 40],
        [(m) => allPackages(m).reduce((a, { pkg }) => a + pkg.data.length, 0) >= 3, 40],
        [(m) => m.version.includes('.post'), 40],
        [(m) => (m.optionalDependencies ?? []).length >= 2, 80],
        [(m) => (m.namespacePackages ?? []).some((n) => n.namespaces.length > 0), 40],
        [(m) => m.readme?.form === 'inline' && m.readme.text.split('\n').length > 3, 80],
      ];
      for (const [i, [wanted, bound]] of predicates.entries()) {
        const { first, minimal } = shrinkTo(projectModel(), wanted, 100 + i);
        expect(wanted(minimal)).toBe(true);
        expect(modelProblems(minimal)).toEqual([]);
        expect(modelSize(minimal)).toBeLessThanOrEqual(modelSize(first));
        expect(modelSize(minimal), `predicate ${i}: ${JSON.stringify(minimal)}`).toBeLessThan(bound);
      }
    });
  });

  it('matches the seed-42 snapshot (update deliberately when the generator changes)', () => {
    expect(fc.sample(projectModel(), { seed: 42, numRuns: 3 })).toMatchSnapshot();
  });
});
