import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/errors.js';
import { render } from '../../../src/render/render.js';
import { alphaFiles, namespaced, onePackage, onePackageProject, packageAndModule, srcModule, twoPackages, withRootFiles } from './fixtures.js';

describe('render: pdm', () => {
  it('renders a flat model exactly: [project] and [tool.pdm.build] includes', () => {
    expect(render(onePackage, 'pdm')).toEqual({
      ...alphaFiles,
      'pyproject.toml': `[build-system]
build-backend = "pdm.backend"
requires = [ "pdm-backend>=2.0" ]

${onePackageProject}
[tool.pdm.build]
includes = [ "alpha" ]
`,
    });
    expect(render(packageAndModule, 'pdm')['pyproject.toml']).toContain('includes = [ "alpha", "tool.py" ]\n');
  });

  it('renders the src layout with package-dir, pinned', () => {
    expect(render(srcModule, 'pdm', { familyVersion: '2.5.0' })).toEqual({
      'pyproject.toml': `[build-system]
build-backend = "pdm.backend"
requires = [ "pdm-backend==2.5.0" ]

[project]
description = ""
name = "b"
version = "0"

[tool.pdm.build]
includes = [ "src/Tool.py" ]
package-dir = "src"
`,
      'src/Tool.py': 'A = 1\n',
    });
    expect(render(twoPackages, 'pdm')['pyproject.toml']).toContain('includes = [ "src/Other", "src/pkg" ]\npackage-dir = "src"\n');
  });

  it('includes namespace folders and lists root files as source-includes', () => {
    expect(render(namespaced, 'pdm')['pyproject.toml']).toContain('includes = [ "ns" ]\n');
    expect(render(withRootFiles, 'pdm')['pyproject.toml']).toContain(`[tool.pdm.build]
includes = [ "src/rooty" ]
package-dir = "src"
source-includes = [ "CHANGELOG", "MANIFEST.in", "README.md", "docs/a b.md" ]
`);
  });

  it('throws a ConfigError for pdm-pep517 versions', () => {
    expect(() => render(onePackage, 'pdm', { familyVersion: '1.1.4' })).toThrow(ConfigError);
  });
});
