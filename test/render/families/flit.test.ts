import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/errors.js';
import { render } from '../../../src/render/render.js';
import { alphaFiles, namespaced, onePackage, onePackageProject, packageAndModule, srcModule, twoPackages, withRootFiles } from './fixtures.js';

describe('render: flit', () => {
  it('renders a one-package flat model exactly: [project] and [tool.flit.module]', () => {
    expect(render(onePackage, 'flit')).toEqual({
      ...alphaFiles,
      'pyproject.toml': `[build-system]
build-backend = "flit_core.buildapi"
requires = [ "flit_core>=3.2" ]

${onePackageProject}
[tool.flit.module]
name = "alpha"
`,
    });
  });

  it('renders a src-layout single module with its name as written, pinned', () => {
    expect(render(srcModule, 'flit', { familyVersion: '3.12.0' })).toEqual({
      'pyproject.toml': `[build-system]
build-backend = "flit_core.buildapi"
requires = [ "flit_core==3.12.0" ]

[project]
description = ""
name = "b"
version = "0"

[tool.flit.module]
name = "Tool"
`,
      'src/Tool.py': 'A = 1\n',
    });
  });

  it('gives a package inside namespace folders its dotted name (flit-core 3.5 and later)', () => {
    expect(render(namespaced, 'flit')).toEqual({
      'ns/inner/pkg/__init__.py': '',
      'pyproject.toml': `[build-system]
build-backend = "flit_core.buildapi"
requires = [ "flit_core>=3.5" ]

[project]
description = "namespaced"
name = "ns-pkg"
version = "1"

[tool.flit.module]
name = "ns.inner.pkg"
`,
    });
    expect(() => render(namespaced, 'flit', { familyVersion: '3.4.0' })).toThrow(/dotted module name/);
  });

  it('lists the root files in [tool.flit.sdist] include', () => {
    const files = render(withRootFiles, 'flit', { familyVersion: '3.12.0' });
    expect(Object.keys(files)).toEqual(['CHANGELOG', 'MANIFEST.in', 'README.md', 'docs/a b.md', 'pyproject.toml', 'src/rooty/__init__.py']);
    expect(files['pyproject.toml']).toContain(`[tool.flit.sdist]
include = [ "CHANGELOG", "MANIFEST.in", "README.md", "docs/a b.md" ]
`);
    expect(files['pyproject.toml']).toContain('readme = "README.md"\n');
  });

  it('throws a ConfigError for what flit cannot express', () => {
    expect(() => render(packageAndModule, 'flit')).toThrow(ConfigError);
    expect(() => render(packageAndModule, 'flit')).toThrow(/exactly one top-level package or module/);
    expect(() => render(twoPackages, 'flit')).toThrow(/exactly one top-level/);
    expect(() => render({ ...onePackage, description: null }, 'flit')).toThrow(/requires a summary/);
    expect(() => render(onePackage, 'flit', { familyVersion: '3.1.0' })).toThrow(/no \[project\] support/);
    const twoInNamespace = {
      ...namespaced,
      namespacePackages: [{ name: 'ns', packages: [], modules: [{ name: 'a', source: '' }, { name: 'b', source: '' }], namespaces: [] }],
    };
    expect(() => render(twoInNamespace, 'flit')).toThrow(/namespace folder 'ns' holds 2/);
  });

  it('escapes glob characters in include patterns', () => {
    const files = render({ ...withRootFiles, sdistFiles: [{ path: 'docs/[x]*.md', content: '' }] }, 'flit');
    expect(files['pyproject.toml']).toContain('"docs/[[]x][*].md"');
  });
});
