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

/**
 * Every optional part at once: src layout, a namespace package, typed
 * package with a stub, data with a space and a non-ASCII name, readme file,
 * SPDX license with license files (one in a sub-folder), people, keywords,
 * classifiers, URLs, extras, three entry point groups, sdist-only files,
 * setuptools scenarios.
 */
export const richModel: ProjectModel = {
  name: 'Rich_Project.x',
  version: '1!2.0-RC1',
  description: 'Rich «demo» 100%',
  dependencies: ['Req_One[Extra_A]>=1.0; python_version < "3.12"'],
  layout: 'src',
  packages: [
    {
      name: 'rich',
      init: '',
      modules: [{ name: 'core', source: 'X = 1\n' }],
      data: [{ path: 'da ta/é.txt', content: 'ü\n' }],
      subpackages: [],
      typed: true,
      stubs: [{ name: 'core', source: 'X: int\n' }],
    },
  ],
  modules: [],
  requiresPython: '>=3.8, !=3.9.*',
  readme: { contentType: 'text/markdown', form: 'file', text: '# Rich\n\nBody.\n' },
  license: { kind: 'spdx', expression: 'MIT OR Apache-2.0' },
  licenseFiles: [
    { path: 'LICENSE', content: 'MIT\n' },
    { path: 'LICENSES/Apache-2.0.txt', content: 'Apache\n' },
  ],
  authors: [{ name: 'Zoë Ødegaard', email: 'zoe@example.org' }, { name: 'J. Smith', email: 'j@example.org' }, { name: 'Ann' }],
  maintainers: [{ email: 'm@example.org' }],
  keywords: ['zeta', 'alpha beta'],
  classifiers: ['Programming Language :: Python :: 3', 'Typing :: Typed'],
  urls: [
    { label: 'Homepage', url: 'https://example.org/' },
    { label: 'Bug Tracker', url: 'https://example.org/issues' },
  ],
  optionalDependencies: [
    { name: 'Dev_Tools', requirements: ['black==24.*'] },
    { name: 'empty', requirements: [] },
  ],
  entryPoints: [
    { group: 'console_scripts', entries: [{ name: 'rich-cli', value: 'rich.core:main' }] },
    { group: 'gui_scripts', entries: [{ name: 'rich-gui', value: 'rich:gui' }] },
    { group: 'my.plugins', entries: [{ name: 'p', value: 'rich.core' }] },
  ],
  namespacePackages: [
    { name: 'acme', packages: [{ name: 'tools', init: '', modules: [], data: [], subpackages: [] }], modules: [{ name: 'util', source: 'Y = 2\n' }], namespaces: [] },
  ],
  sdistFiles: [
    { path: 'CHANGELOG.md', content: '# Changes\n' },
    { path: 'docs/index.md', content: 'Docs\n' },
  ],
  setuptools: {
    codeBeforeSetup: true,
    temporaryFile: true,
    exitAfterSetup: true,
    mainGuard: true,
    useFile: true,
    setupRequires: { spelling: 'continuation', requirements: ['six>=1.0', 'wheel'] },
  },
};

/** Legacy license forms: the license text from a file, an inline rST readme. */
export const legacyLicenseModel: ProjectModel = {
  name: 'legacy',
  version: '0.1',
  description: null,
  dependencies: [],
  layout: 'flat',
  packages: [],
  modules: [{ name: 'legacy', source: '' }],
  readme: { contentType: 'text/x-rst', form: 'inline', text: 'Legacy\n======\n\n  indented "quoted" \\ line\n' },
  license: { kind: 'file', path: 'legal/terms.txt', content: 'Terms\n\nMore terms.\n' },
};
