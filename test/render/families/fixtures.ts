/** Hand-written models for the flit, poetry, pdm and uv renderer tests. */
import type { PackageModel, ProjectModel } from '../../../src/model/projectModel.js';

/** A package tree with a module, data files at two levels and two subpackages. */
export const alpha: PackageModel = {
  name: 'alpha',
  init: 'X = 1\n',
  modules: [{ name: 'core', source: 'def f(x):\n    return x + 1\n' }],
  data: [
    { path: 'notes.txt', content: '' },
    { path: 'data/table.csv', content: 'a,b\n1,2\n' },
  ],
  subpackages: [
    { name: 'sub', init: '', modules: [], data: [{ path: 'x.json', content: '{}\n' }], subpackages: [] },
    { name: 'bare', init: '', modules: [], data: [], subpackages: [] },
  ],
};

/** The files of `alpha` at the project root. */
export const alphaFiles = {
  'alpha/__init__.py': 'X = 1\n',
  'alpha/bare/__init__.py': '',
  'alpha/core.py': 'def f(x):\n    return x + 1\n',
  'alpha/data/table.csv': 'a,b\n1,2\n',
  'alpha/notes.txt': '',
  'alpha/sub/__init__.py': '',
  'alpha/sub/x.json': '{}\n',
};

/** Flat layout, one package, metadata with a marker. Every family can express it. */
export const onePackage: ProjectModel = {
  name: 'My.Project',
  version: '1.0rc1',
  description: 'A "demo" project',
  dependencies: ['requests>=2.0,<3', 'tomli; python_version < "3.11"'],
  layout: 'flat',
  packages: [alpha],
  modules: [],
};

export const onePackageProject = `[project]
dependencies = [ "requests>=2.0,<3", "tomli; python_version < \\"3.11\\"" ]
description = "A \\"demo\\" project"
name = "My.Project"
version = "1.0rc1"
`;

/** src layout, one top-level module, an empty description. */
export const srcModule: ProjectModel = {
  name: 'b',
  version: '0',
  description: '',
  dependencies: [],
  layout: 'src',
  packages: [],
  modules: [{ name: 'Tool', source: 'A = 1\n' }],
};

/** src layout, two packages, no description, dependencies with extras and markers. */
export const twoPackages: ProjectModel = {
  name: 'c-d',
  version: '2.0.post1',
  description: null,
  dependencies: ['x[fast,Extra_Two]>=1.0,!=1.3.*; sys_platform == "linux"', 'y~=2.1', 'Zed.Z'],
  layout: 'src',
  packages: [
    { name: 'pkg', init: '', modules: [], data: [{ path: 'res/deep/v.dat', content: 'v\n' }], subpackages: [] },
    { name: 'Other', init: 'O = 0\n', modules: [], data: [], subpackages: [] },
  ],
  modules: [],
};

/** Flat layout, a package and a module next to it. */
export const packageAndModule: ProjectModel = { ...onePackage, modules: [{ name: 'tool', source: 'V = 2\n' }] };

/** Flat layout, one regular package inside two PEP 420 namespace folders (`ns.inner.pkg`). */
export const namespaced: ProjectModel = {
  name: 'ns-pkg',
  version: '1',
  description: 'namespaced',
  dependencies: [],
  layout: 'flat',
  packages: [],
  modules: [],
  namespacePackages: [
    {
      name: 'ns',
      packages: [],
      modules: [],
      namespaces: [
        { name: 'inner', packages: [{ name: 'pkg', init: '', modules: [], data: [], subpackages: [] }], modules: [], namespaces: [] },
      ],
    },
  ],
};

/** src layout, one package, a readme file and sdist-only files (so MANIFEST.in too), one with a space. */
export const withRootFiles: ProjectModel = {
  name: 'rooty',
  version: '3',
  description: 'root files',
  dependencies: [],
  layout: 'src',
  packages: [{ name: 'rooty', init: '', modules: [], data: [], subpackages: [] }],
  modules: [],
  readme: { contentType: 'text/markdown', form: 'file', text: '# Rooty\n' },
  sdistFiles: [
    { path: 'CHANGELOG', content: 'v3\n' },
    { path: 'docs/a b.md', content: 'doc\n' },
  ],
};
