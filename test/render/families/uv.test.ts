import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/errors.js';
import { render } from '../../../src/render/render.js';
import { alphaFiles, namespaced, onePackage, onePackageProject, srcModule, twoPackages, withRootFiles } from './fixtures.js';

describe('render: uv', () => {
  it('renders a flat one-package model exactly: module-name as written, module-root ""', () => {
    expect(render(onePackage, 'uv')).toEqual({
      ...alphaFiles,
      'pyproject.toml': `[build-system]
build-backend = "uv_build"
requires = [ "uv_build>=0.7.0" ]

${onePackageProject}
[tool.uv.build-backend]
module-name = "alpha"
module-root = ""
`,
    });
  });

  it('lists several packages in module-name (0.7.20 and later)', () => {
    expect(render(twoPackages, 'uv', { familyVersion: '0.13.6' })).toEqual({
      'pyproject.toml': `[build-system]
build-backend = "uv_build"
requires = [ "uv_build==0.13.6" ]

[project]
dependencies = [ "x[fast,Extra_Two]>=1.0,!=1.3.*; sys_platform == \\"linux\\"", "y~=2.1", "Zed.Z" ]
name = "c-d"
version = "2.0.post1"

[tool.uv.build-backend]
module-name = [ "Other", "pkg" ]
module-root = "src"
`,
      'src/Other/__init__.py': 'O = 0\n',
      'src/pkg/__init__.py': '',
      'src/pkg/res/deep/v.dat': 'v\n',
    });
    expect(render(twoPackages, 'uv')['pyproject.toml']).toContain('"uv_build>=0.7.20"');
    expect(() => render(twoPackages, 'uv', { familyVersion: '0.7.19' })).toThrow(/module-name lists/);
  });

  it('builds namespace folders with namespace = true', () => {
    expect(render(namespaced, 'uv')['pyproject.toml']).toBe(`[build-system]
build-backend = "uv_build"
requires = [ "uv_build>=0.7.13" ]

[project]
description = "namespaced"
name = "ns-pkg"
version = "1"

[tool.uv.build-backend]
module-name = "ns"
module-root = ""
namespace = true
`);
    expect(() => render(namespaced, 'uv', { familyVersion: '0.7.12' })).toThrow(/namespace = true/);
  });

  it('lists root files in source-include, escaped for uv globs', () => {
    const pyproject = render(withRootFiles, 'uv')['pyproject.toml'] as string;
    expect(pyproject).toContain('source-include = [ "CHANGELOG", "MANIFEST.in", "README.md", "docs/a\\\\ b.md" ]\n');
    expect(pyproject).toContain('"uv_build>=0.7.3"');
    expect(() => render(withRootFiles, 'uv', { familyVersion: '0.7.2' })).toThrow(/glob escapes/);
  });

  it('throws a ConfigError for top-level modules and preview releases', () => {
    expect(() => render(srcModule, 'uv')).toThrow(ConfigError);
    expect(() => render(srcModule, 'uv')).toThrow(/not top-level single-file modules/);
    expect(() => render(onePackage, 'uv', { familyVersion: '0.6.17' })).toThrow(/preview/);
  });
});
