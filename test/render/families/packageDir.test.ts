/**
 * A package folder other than `src/` (`ProjectModel.packageDir`): each family
 * that can express it points at the folder its documented way, the project
 * holds the tree under it, and flit-core refuses it with a reason; the model
 * checks, the features and the reductions know it.
 */
import fc from 'fast-check';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { projectModel } from '../../../generators/projectModel.js';
import { isValidModel } from '../../../src/corpus/corpusFile.js';
import { reductions } from '../../../src/fuzz/reduceModel.js';
import { smallestFirst } from '../../../src/fuzz/shrinkBudget.js';
import { modelFeatures } from '../../../src/model/features.js';
import { importFiles } from '../../../src/model/modelFiles.js';
import { PACKAGE_DIRS, packageDirProblem } from '../../../src/model/packageDir.js';
import type { ProjectModel } from '../../../src/model/projectModel.js';
import { unsupportedFeatures } from '../../../src/render/capabilities.js';
import type { FileMap } from '../../../src/render/fileMap.js';
import { canRender, render } from '../../../src/render/render.js';

const pkg = { name: 'alpha', init: 'X = 1\n', modules: [{ name: 'core', source: '' }], data: [{ path: 'table.csv', content: 'a\n' }], subpackages: [] };
const inLib: ProjectModel = { name: 'a', version: '1.0', description: 'x', dependencies: [], layout: 'src', packageDir: 'lib', packages: [pkg], modules: [] };
const nested: ProjectModel = { ...inLib, packageDir: 'lib/python', modules: [{ name: 'extra', source: '' }] };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Toml = Record<string, any>;
const pyproject = (files: FileMap): Toml => parse(files['pyproject.toml'] as string) as Toml;
const sources = (files: FileMap): string[] => Object.keys(files).filter((p) => p.endsWith('.py') && p !== 'setup.py');

describe('render: a package folder other than src/', () => {
  it('the project holds the tree under the folder, for every family', () => {
    for (const family of ['setuptools', 'hatchling', 'poetry', 'pdm', 'uv'] as const) {
      const files = render(inLib, family);
      expect(sources(files).sort(), family).toEqual(['lib/alpha/__init__.py', 'lib/alpha/core.py']);
      expect(files['lib/alpha/table.csv'], family).toBe('a\n');
    }
    expect(Object.keys(importFiles(nested)).sort()).toEqual(['lib/python/alpha/__init__.py', 'lib/python/alpha/core.py', 'lib/python/alpha/table.csv', 'lib/python/extra.py']);
  });

  it('setuptools: package-dir in every style', () => {
    expect(pyproject(render(nested, 'setuptools')).tool.setuptools['package-dir']).toEqual({ '': 'lib/python' });
    expect(render(nested, 'setuptools', { style: 'setup.cfg' })['setup.cfg']).toMatch(/^package_dir =\n {4}=lib\/python$/m);
    expect(render(nested, 'setuptools', { style: 'setup.py' })['setup.py']).toContain('package_dir={"": "lib/python"},');
  });

  it('hatchling: the wheel rewrites the folder with sources; both targets include the paths under it', () => {
    const targets = pyproject(render(nested, 'hatchling', { familyVersion: '1.27.0' })).tool.hatch.build.targets;
    expect(targets.wheel['only-include']).toEqual(['lib/python/alpha', 'lib/python/extra.py']);
    expect(targets.wheel.sources).toEqual(['lib/python']);
    expect(targets.sdist['only-include']).toEqual(['lib/python/alpha', 'lib/python/extra.py']);
    expect(targets.sdist.sources).toBeUndefined();
  });

  it('poetry: from, for each package and module', () => {
    expect(pyproject(render(nested, 'poetry', { familyVersion: '2.5.0' })).tool.poetry.packages).toEqual([
      { include: 'alpha', from: 'lib/python' },
      { include: 'extra.py', from: 'lib/python' },
    ]);
    expect(pyproject(render(inLib, 'poetry', { familyVersion: '1.9.1' })).tool.poetry.packages).toEqual([{ include: 'alpha', from: 'lib' }]);
  });

  it('pdm: package-dir, and includes with the folder', () => {
    const build = pyproject(render(nested, 'pdm')).tool.pdm.build;
    expect(build['package-dir']).toBe('lib/python');
    expect(build.includes).toEqual(['lib/python/alpha', 'lib/python/extra.py']);
  });

  it('uv: module-root', () => {
    expect(pyproject(render(inLib, 'uv', { familyVersion: '0.13.6' })).tool.uv['build-backend']['module-root']).toBe('lib');
  });

  it('the src layout without packageDir renders as before (src/)', () => {
    const plain: ProjectModel = { ...inLib, packageDir: undefined };
    delete plain.packageDir;
    expect(pyproject(render(plain, 'uv')).tool.uv['build-backend']['module-root']).toBe('src');
    expect(pyproject(render(plain, 'hatchling')).tool.hatch.build.targets.wheel.sources).toEqual(['src']);
    expect(sources(render(plain, 'pdm'))).toEqual(['src/alpha/__init__.py', 'src/alpha/core.py']);
  });

  it('flit-core cannot express it: a capability row and a refusal with the reason', () => {
    const module: ProjectModel = { ...inLib, packages: [], modules: [{ name: 'a', source: '' }] };
    expect(unsupportedFeatures(module, { family: 'flit', version: '3.12.0' }).map((u) => u.feature)).toEqual(['layout:package-dir']);
    expect(canRender(module, 'flit', '3.12.0')).toBe(false);
    expect(() => render(module, 'flit', { familyVersion: '3.12.0' })).toThrow(/under src\/ only, not under lib\//);
    for (const family of ['setuptools', 'hatchling', 'poetry', 'pdm', 'uv'] as const) expect(unsupportedFeatures(inLib, { family }), family).toEqual([]);
  });
});

describe('render: generated models with a package folder', () => {
  it('every family that can express it writes the same files, the tree under the folder, the folder named in its configuration', () => {
    const targets = [
      { family: 'setuptools', version: '80.9.0' },
      { family: 'hatchling', version: '1.27.0' },
      { family: 'poetry', version: '2.5.0' },
      { family: 'pdm', version: '2.5.0' },
      { family: 'uv', version: '0.13.6' },
    ] as const;
    fc.assert(
      fc.property(projectModel({ layouts: ['src'], targets, probabilities: { packageDir: 1 } }), (model) => {
        const dir = model.packageDir!;
        const tree = Object.keys(importFiles(model));
        expect(tree.length).toBeGreaterThan(0);
        expect(tree.every((p) => p.startsWith(`${dir}/`))).toBe(true);
        const renderings = targets.map((t) => [t.family, render(model, t.family, { familyVersion: t.version })] as const);
        for (const [family, files] of renderings) {
          for (const p of tree) expect(files[p], `${family} ${p}`).toBeDefined();
          // Nothing of the tree is written under src/ (unless the folder is below src/).
          if (!dir.startsWith('src/')) expect(Object.keys(files).some((p) => p.startsWith('src/')), family).toBe(false);
          const text = files['pyproject.toml'] as string;
          // The folder itself (package-dir, sources, from, module-root), or the paths under it (hatchling's `packages`).
          expect(text.includes(`"${dir}"`) || text.includes(`"${dir}/`), family).toBe(true);
        }
      }),
      { numRuns: 60, seed: 2 },
    );
  });
});

describe('model: packageDir', () => {
  it('features name the folder and a nested one', () => {
    expect(modelFeatures(inLib)).toEqual(expect.arrayContaining(['layout:src', 'layout:package-dir']));
    expect(modelFeatures(inLib)).not.toContain('layout:package-dir-nested');
    expect(modelFeatures(nested)).toEqual(expect.arrayContaining(['layout:package-dir', 'layout:package-dir-nested']));
  });

  it('bad values are refused with a clear reason; corpus models with them do not load', () => {
    const bad = (packageDir: string, more: Partial<ProjectModel> = {}): string | null => packageDirProblem({ ...inLib, packageDir, ...more });
    expect(bad('lib', { layout: 'flat' })).toMatch(/src layout/);
    expect(bad('src')).toMatch(/default/);
    expect(bad('build')).toMatch(/build output/);
    expect(bad('dist/x')).toMatch(/build output/);
    for (const p of ['../x', '.hidden', 'a b', '/abs', 'lib/', 'a/b/c/d', '']) expect(bad(p), p).toMatch(/names of letters/);
    expect(bad('docs', { sdistFiles: [{ path: 'docs/index.md', content: '' }] })).toMatch(/docs\/index\.md/);
    expect(bad('Data', { wheelData: [{ path: 'x.json', content: '' }] })).toMatch(/data\/x\.json/);
    expect(isValidModel({ ...inLib, packageDir: '../up' })).toBe(false);
    expect(isValidModel({ ...inLib, layout: 'flat' })).toBe(false);
    for (const p of PACKAGE_DIRS) expect(isValidModel({ ...inLib, packageDir: p }), p).toBe(true);
  });

  it('reductions: to the src layout under src/, and to the flat layout without the folder', () => {
    const all = [...reductions(inLib)];
    const withoutDir = all.filter((m) => m.packageDir === undefined);
    expect(withoutDir.map((m) => m.layout).sort()).toEqual(['flat', 'src']);
    expect(all.every(isValidModel)).toBe(true);
    // smallestFirst adds the folder back together with the src layout.
    expect([...smallestFirst(inLib)].some((m) => m.packageDir === 'lib' && m.layout === 'src' && m.packages.length + m.modules.length === 1)).toBe(true);
  });

  it('the generator draws it in the src layout only, and every model is valid', () => {
    const models = fc.sample(projectModel(), { seed: 5, numRuns: 400 });
    const withDir = models.filter((m) => m.packageDir !== undefined);
    expect(withDir.length).toBeGreaterThan(10);
    expect(withDir.every((m) => m.layout === 'src' && isValidModel(m))).toBe(true);
    // Not for flit: its models never have one.
    expect(fc.sample(projectModel({ targets: [{ family: 'flit', version: '3.12.0' }] }), { seed: 5, numRuns: 200 }).some((m) => m.packageDir !== undefined)).toBe(false);
  });

  it('the generator shrinks the folder toward absent, through lib/', () => {
    const arb = projectModel({ targets: [{ family: 'hatchling', version: '1.27.0' }] });
    const out = fc.check(fc.property(arb, (m) => m.packageDir === undefined), { seed: 3, numRuns: 300 });
    expect(out.failed).toBe(true);
    expect(out.counterexample![0].packageDir).toBe('lib');
  });
});
