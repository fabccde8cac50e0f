import fc from 'fast-check';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { projectModel } from '../../generators/projectModel.js';
import { allPackages, type PackageModel, type ProjectModel } from '../../src/model/projectModel.js';
import { modelFeatures } from '../../src/model/features.js';
import { render } from '../../src/render/render.js';
import { manifestPackageDataLines, packageDataGlobs, packageDataPaths } from '../../src/render/_internals/projectFiles.js';

const alpha: PackageModel = {
  name: 'alpha',
  init: '',
  modules: [{ name: 'm', source: '' }],
  data: [
    { path: 'a b.txt', content: 'x\n' },
    { path: 'data/x/é.json', content: '' },
    { path: 'data/x/k.json', content: '' },
    { path: 't.csv', content: '1\n' },
  ],
  subpackages: [{ name: 'sub', init: '', modules: [], data: [{ path: 'q.txt', content: '' }], subpackages: [], typed: true, stubs: [{ name: '__init__', source: '' }] }],
};
const model = (packageData: 'glob' | 'manifest', layout: 'flat' | 'src' = 'src'): ProjectModel => ({
  name: 'pd',
  version: '1.0',
  description: 'd',
  dependencies: [],
  layout,
  packages: [alpha],
  modules: [],
  namespacePackages: [{ name: 'ns', packages: [{ name: 'inner', init: '', modules: [], data: [{ path: 'n.dat', content: 'z' }], subpackages: [] }], modules: [], namespaces: [] }],
  setuptools: { packageData },
});

/** Python's fnmatch for the patterns packageDataGlobs writes (`*` within one path segment here). */
const matches = (pattern: string, path: string): boolean =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`).test(path);

describe('setuptools package data styles', () => {
  it('glob: one pattern per folder and extension, in pyproject, setup.cfg and setup.py', () => {
    expect(packageDataGlobs(model('glob'))).toEqual({ alpha: ['*.csv', '*.txt', 'data/x/*.json'], 'alpha.sub': ['*.pyi', '*.txt', 'py.typed'], 'ns.inner': ['*.dat'] });
    const toml = parse(render(model('glob'), 'setuptools')['pyproject.toml'] as string) as { tool: { setuptools: Record<string, unknown> } };
    expect(toml.tool.setuptools['package-data']).toEqual(packageDataGlobs(model('glob')));
    expect(render(model('glob'), 'setuptools', { style: 'setup.cfg' })['setup.cfg']).toContain('[options.package_data]\nalpha =\n    *.csv\n    *.txt\n    data/x/*.json\n');
    expect(render(model('glob'), 'setuptools', { style: 'setup.py' })['setup.py']).toContain('"data/x/*.json"');
  });

  it('glob: the patterns of every generated model match exactly the files listed by path', () => {
    fc.assert(
      fc.property(projectModel(), (m) => {
        const exact = packageDataPaths(m);
        const globs = packageDataGlobs(m);
        expect(Object.keys(globs)).toEqual(Object.keys(exact));
        for (const { dotted, pkg } of allPackages(m)) {
          const patterns = globs[dotted] ?? [];
          // Every file in the package folder that is not a module or a subpackage's.
          const inFolder = [...(exact[dotted] ?? []), ...pkg.modules.map((x) => `${x.name}.py`), '__init__.py'];
          expect(inFolder.filter((f) => patterns.some((p) => matches(p, f))).sort()).toEqual([...(exact[dotted] ?? [])].sort());
        }
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it('manifest: include-package-data and recursive-include lines in MANIFEST.in, the same file for every family', () => {
    expect(manifestPackageDataLines(model('manifest'))).toEqual(['recursive-include src/alpha *.csv *.json *.pyi *.txt py.typed', 'recursive-include src/ns *.dat']);
    expect(manifestPackageDataLines(model('manifest', 'flat'))[1]).toBe('recursive-include ns *.dat');
    expect(manifestPackageDataLines(model('glob'))).toEqual([]);
    const st = render(model('manifest'), 'setuptools');
    const toml = parse(st['pyproject.toml'] as string) as { tool: { setuptools: Record<string, unknown> } };
    expect(toml.tool.setuptools['include-package-data']).toBe(true);
    expect(toml.tool.setuptools['package-data']).toBeUndefined();
    expect(st['MANIFEST.in']).toBe('recursive-include src/alpha *.csv *.json *.pyi *.txt py.typed\nrecursive-include src/ns *.dat\n');
    expect(render(model('manifest'), 'hatchling')['MANIFEST.in']).toBe(st['MANIFEST.in']);
    expect(render(model('manifest'), 'setuptools', { style: 'setup.cfg' })['setup.cfg']).toContain('include_package_data = True\n');
    expect(render(model('manifest'), 'setuptools', { style: 'setup.py' })['setup.py']).toContain('include_package_data=True,\n');
    expect(modelFeatures(model('manifest'))).toContain('setuptools:include-package-data');
    expect(modelFeatures(model('glob'))).toContain('setuptools:package-data-glob');
  });
});
