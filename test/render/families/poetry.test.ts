import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/errors.js';
import { poetryConstraint, poetryDependencies } from '../../../src/families/poetry/render.js';
import { render } from '../../../src/render/render.js';
import { alphaFiles, namespaced, onePackage, onePackageProject, packageAndModule, srcModule, twoPackages, withRootFiles } from './fixtures.js';

describe('render: poetry 2.x ([project])', () => {
  it('renders a flat model exactly: [project] and [tool.poetry] packages', () => {
    expect(render(onePackage, 'poetry')).toEqual({
      ...alphaFiles,
      'pyproject.toml': `[build-system]
build-backend = "poetry.core.masonry.api"
requires = [ "poetry-core>=2.0" ]

${onePackageProject}
[[tool.poetry.packages]]
include = "alpha"
`,
    });
  });

  it('renders src-layout modules with from = "src", pinned', () => {
    expect(render(srcModule, 'poetry', { familyVersion: '2.5.0' })).toEqual({
      'pyproject.toml': `[build-system]
build-backend = "poetry.core.masonry.api"
requires = [ "poetry-core==2.5.0" ]

[project]
description = ""
name = "b"
version = "0"

[[tool.poetry.packages]]
from = "src"
include = "Tool.py"
`,
      'src/Tool.py': 'A = 1\n',
    });
  });

  it('lists packages before modules, namespace folders as packages', () => {
    expect(render(packageAndModule, 'poetry')['pyproject.toml']).toContain(`[[tool.poetry.packages]]
include = "alpha"

[[tool.poetry.packages]]
include = "tool.py"
`);
    expect(render(namespaced, 'poetry')['pyproject.toml']).toContain('[[tool.poetry.packages]]\ninclude = "ns"\n');
  });

  it('includes root files for the sdist only, with an explicit format', () => {
    const pyproject = render(withRootFiles, 'poetry')['pyproject.toml'] as string;
    for (const path of ['CHANGELOG', 'MANIFEST.in', 'README.md', 'docs/a b.md']) {
      expect(pyproject).toContain(`[[tool.poetry.include]]\nformat = [ "sdist" ]\npath = "${path}"\n`);
    }
  });
});

describe('render: poetry 1.x ([tool.poetry])', () => {
  it('renders the metadata and dependencies in [tool.poetry]', () => {
    expect(render(onePackage, 'poetry', { familyVersion: '1.9.1' })).toEqual({
      ...alphaFiles,
      'pyproject.toml': `[build-system]
build-backend = "poetry.core.masonry.api"
requires = [ "poetry-core==1.9.1" ]

[tool.poetry]
authors = []
description = "A \\"demo\\" project"
name = "My.Project"
version = "1.0rc1"

[tool.poetry.dependencies]
requests = ">=2.0,<3"

[tool.poetry.dependencies.tomli]
markers = "python_version < \\"3.11\\""
version = "*"

[[tool.poetry.packages]]
include = "alpha"
`,
    });
  });

  it('writes an empty description for none, and extras and markers as a table', () => {
    const pyproject = render(twoPackages, 'poetry', { familyVersion: '1.9.1' })['pyproject.toml'] as string;
    expect(pyproject).toContain('description = ""\n');
    expect(pyproject).toContain(`[tool.poetry.dependencies]
"Zed.Z" = "*"
y = "~=2.1"

[tool.poetry.dependencies.x]
extras = [ "fast", "Extra_Two" ]
markers = "sys_platform == \\"linux\\""
version = ">=1.0,!=1.3.*"
`);
  });

  it('translates PEP 508 requirements', () => {
    expect(poetryConstraint('a')).toBe('*');
    expect(poetryConstraint('a >= 1.0 , < 2')).toBe('>=1.0,<2');
    expect(poetryConstraint('a (>=1.0)')).toBe('>=1.0');
    expect(poetryConstraint('a[x]')).toEqual({ version: '*', extras: ['x'] });
    expect(poetryConstraint("a==1.*;python_version<'3.9'")).toEqual({ version: '==1.*', markers: "python_version<'3.9'" });
    expect(poetryDependencies(['A.b>=1; os_name == "nt"', 'a-B<1; os_name != "nt"', 'c'])).toEqual({
      'A.b': [
        { version: '>=1', markers: 'os_name == "nt"' },
        { version: '<1', markers: 'os_name != "nt"' },
      ],
      c: '*',
    });
  });

  it('throws a ConfigError for what the [tool.poetry] rendering cannot express', () => {
    expect(() => render({ ...onePackage, dependencies: ['Python>=3'] }, 'poetry', { familyVersion: '1.9.1' })).toThrow(ConfigError);
    expect(() => render({ ...onePackage, dependencies: ['a @ https://x.org/a.whl'] }, 'poetry', { familyVersion: '1.9.1' })).toThrow(/direct references/);
    expect(() => render({ ...onePackage, dependencies: ['a===1.0'] }, 'poetry', { familyVersion: '1.9.1' })).toThrow(/specifiers/);
    expect(() => render({ ...onePackage, requiresPython: '>=3.8' }, 'poetry', { familyVersion: '1.9.1' })).toThrow(/requires-python/);
    // poetry-core 2.x reads all of these from [project].
    expect(() => render({ ...onePackage, dependencies: ['Python>=3'], requiresPython: '>=3.8' }, 'poetry', { familyVersion: '2.5.0' })).not.toThrow();
  });
});
