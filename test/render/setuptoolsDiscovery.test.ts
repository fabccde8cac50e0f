import fc from 'fast-check';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { projectModel } from '../../generators/projectModel.js';
import { allNamespaces, allPackages, type ProjectModel } from '../../src/model/projectModel.js';
import { modelFeatures } from '../../src/model/features.js';
import { render } from '../../src/render/render.js';
import { packageFind } from '../../src/render/_internals/setuptoolsDiscovery.js';

const model = (packageFinder: 'find' | 'find-namespace', extra: Partial<ProjectModel> = {}): ProjectModel => ({
  name: 'disc',
  version: '1.0',
  description: 'd',
  dependencies: [],
  layout: 'flat',
  packages: [{ name: 'alpha', init: '', modules: [], data: [{ path: 'data/x.json', content: '{}' }], subpackages: [{ name: 'sub', init: '', modules: [], data: [], subpackages: [] }] }],
  modules: [{ name: 'solo', source: '' }],
  sdistFiles: [{ path: 'tests/__init__.py', content: '' }],
  setuptools: { packageFinder },
  ...extra,
});

type Toml = { tool: { setuptools: Record<string, unknown> } };

describe('setuptools package discovery variants', () => {
  it('find: regular packages, the sdist-only tests package excluded (pyproject and setup.cfg)', () => {
    const toml = parse(render(model('find'), 'setuptools', { familyVersion: '80.9.0' })['pyproject.toml'] as string) as Toml;
    expect(toml.tool.setuptools['packages']).toEqual({ find: { where: ['.'], exclude: ['tests', 'tests.*'], namespaces: false } });
    expect(toml.tool.setuptools['py-modules']).toEqual(['solo']);
    const cfg = render(model('find'), 'setuptools', { familyVersion: '80.9.0', style: 'setup.cfg' })['setup.cfg'] as string;
    expect(cfg).toContain('packages = find:\n');
    expect(cfg).toContain('[options.packages.find]\nwhere =\n    .\nexclude =\n    tests\n    tests.*\n');
    expect(modelFeatures(model('find'))).toContain('setuptools:packages-find');
  });

  it('find-namespace: include names exactly the packages and namespace folders; src layout looks under src', () => {
    const ns: ProjectModel = model('find', {
      layout: 'src',
      namespacePackages: [{ name: 'nsp', packages: [{ name: 'inner', init: '', modules: [], data: [], subpackages: [] }], modules: [], namespaces: [] }],
    });
    // A namespace package needs the namespace finder, whatever the model asked for.
    expect(packageFind(ns)).toEqual({ where: 'src', include: ['alpha', 'alpha.sub', 'nsp', 'nsp.inner'], exclude: ['tests', 'tests.*'], namespaces: true });
    expect(modelFeatures(ns)).toContain('setuptools:packages-find-namespace');
    const toml = parse(render(ns, 'setuptools', { familyVersion: '80.9.0' })['pyproject.toml'] as string) as Toml;
    expect(toml.tool.setuptools['packages']).toEqual({ find: { where: ['src'], include: ['alpha', 'alpha.sub', 'nsp', 'nsp.inner'], exclude: ['tests', 'tests.*'], namespaces: true } });
    expect(toml.tool.setuptools['package-dir']).toEqual({ '': 'src' });
    const cfg = render(ns, 'setuptools', { familyVersion: '80.9.0', style: 'setup.cfg' })['setup.cfg'] as string;
    expect(cfg).toContain('packages = find_namespace:\n');
    expect(cfg).toContain('include =\n    alpha\n    alpha.sub\n    nsp\n    nsp.inner\n');
  });

  it('setup.py keeps the explicit list; a project with modules only keeps the list too', () => {
    expect(render(model('find'), 'setuptools', { familyVersion: '80.9.0', style: 'setup.py' })['setup.py']).toContain('"alpha.sub",');
    const modulesOnly = model('find-namespace', { packages: [] });
    expect(packageFind(modulesOnly)).toBeNull();
    expect(modelFeatures(modulesOnly).filter((f) => f.startsWith('setuptools:packages-'))).toEqual([]);
  });

  it('a model package named tests keeps the include list and excludes nothing', () => {
    const m = model('find', { packages: [{ name: 'tests', init: '', modules: [], data: [], subpackages: [] }], sdistFiles: undefined });
    expect(packageFind(m)).toEqual({ where: '.', include: ['tests'], exclude: [], namespaces: true });
  });

  it('every generated model: include is exactly the model’s packages', () => {
    fc.assert(
      fc.property(projectModel({ probabilities: { setuptools: 1 } }), (m) => {
        const find = packageFind(m);
        if (find === null) return;
        const names = [...allPackages(m), ...allNamespaces(m)].map((p) => p.dotted).sort();
        if (find.include !== undefined) expect(find.include).toEqual(names);
        else expect(m.namespacePackages ?? []).toEqual([]);
        for (const n of names) expect(find.exclude.some((e) => e === n || (e.endsWith('.*') && n.startsWith(e.slice(0, -1))))).toBe(false);
      }),
      { numRuns: 300, seed: 4 },
    );
  });
});
