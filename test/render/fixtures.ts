/** Hand-written models for renderer tests. */
import type { ProjectModel } from '../../src/model/projectModel.js';

/** Flat layout, a package tree with data files at two levels, a top-level module, metadata. */
export const flatModel: ProjectModel = {
  name: 'My.Project',
  version: '1.0rc1',
  description: 'A "demo" project',
  dependencies: ['requests>=2.0,<3', 'tomli; python_version < "3.11"'],
  layout: 'flat',
  packages: [
    {
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
    },
  ],
  modules: [{ name: 'tool', source: 'V = 2\n' }],
};

/** src layout, modules only, no description, no dependencies. */
export const srcModulesModel: ProjectModel = {
  name: 'b',
  version: '0',
  description: null,
  dependencies: [],
  layout: 'src',
  packages: [],
  modules: [
    { name: 'zed', source: '' },
    { name: 'Alpha', source: 'A = 1\n' },
  ],
};

/** src layout with one package holding data: the data must reach sdist and wheel. */
export const srcPackageModel: ProjectModel = {
  name: 'c-d',
  version: '2.0.post1',
  description: '',
  dependencies: ['x'],
  layout: 'src',
  packages: [
    {
      name: 'pkg',
      init: '',
      modules: [],
      data: [{ path: 'res/deep/v.dat', content: 'v\n' }],
      subpackages: [],
    },
  ],
  modules: [],
};
