import fc from 'fast-check';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { projectModel } from '../../generators/projectModel.js';
import { ConfigError } from '../../src/errors.js';
import { FAMILIES } from '../../src/backends/types.js';
import { allPackages } from '../../src/model/projectModel.js';
import { render, renderStyles, renderableFamilies } from '../../src/render/index.js';
import { flatModel, srcModulesModel, srcPackageModel } from './fixtures.js';

const flatSources = {
  'alpha/__init__.py': 'X = 1\n',
  'alpha/bare/__init__.py': '',
  'alpha/core.py': 'def f(x):\n    return x + 1\n',
  'alpha/data/table.csv': 'a,b\n1,2\n',
  'alpha/notes.txt': '',
  'alpha/sub/__init__.py': '',
  'alpha/sub/x.json': '{}\n',
  'tool.py': 'V = 2\n',
};

const flatProjectTable = `[project]
dependencies = [ "requests>=2.0,<3", "tomli; python_version < \\"3.11\\"" ]
description = "A \\"demo\\" project"
name = "My.Project"
version = "1.0rc1"
`;

describe('render: setuptools', () => {
  it('renders the flat model exactly', () => {
    expect(render(flatModel, 'setuptools')).toEqual({
      ...flatSources,
      'pyproject.toml': `[build-system]
build-backend = "setuptools.build_meta"
requires = [ "setuptools>=61" ]

${flatProjectTable}
[tool.setuptools]
packages = [ "alpha", "alpha.bare", "alpha.sub" ]
py-modules = [ "tool" ]

[tool.setuptools.package-data]
alpha = [ "data/table.csv", "notes.txt" ]
"alpha.sub" = [ "x.json" ]
`,
    });
  });

  it('renders a src-layout, modules-only model exactly (empty packages list disables discovery)', () => {
    expect(render(srcModulesModel, 'setuptools', { familyVersion: '80.9.0' })).toEqual({
      'pyproject.toml': `[build-system]
build-backend = "setuptools.build_meta"
requires = [ "setuptools==80.9.0" ]

[project]
name = "b"
version = "0"

[tool.setuptools]
packages = []
py-modules = [ "Alpha", "zed" ]

[tool.setuptools.package-dir]
"" = "src"
`,
      'src/Alpha.py': 'A = 1\n',
      'src/zed.py': '',
    });
  });

  it('lists nested data of a src-layout package', () => {
    const files = render(srcPackageModel, 'setuptools');
    expect(Object.keys(files)).toEqual(['pyproject.toml', 'src/pkg/__init__.py', 'src/pkg/res/deep/v.dat']);
    expect(parse(files['pyproject.toml'] as string)).toEqual({
      'build-system': { 'build-backend': 'setuptools.build_meta', requires: ['setuptools>=61'] },
      project: { dependencies: ['x'], description: '', name: 'c-d', version: '2.0.post1' },
      tool: {
        setuptools: {
          packages: ['pkg'],
          'py-modules': [],
          'package-data': { pkg: ['res/deep/v.dat'] },
          'package-dir': { '': 'src' },
        },
      },
    });
  });
});

describe('render: hatchling', () => {
  it('renders the flat model exactly', () => {
    expect(render(flatModel, 'hatchling')).toEqual({
      ...flatSources,
      'pyproject.toml': `[build-system]
build-backend = "hatchling.build"
requires = [ "hatchling" ]

${flatProjectTable}
[tool.hatch.build.targets.sdist]
only-include = [ "alpha", "tool.py" ]

[tool.hatch.build.targets.wheel]
only-include = [ "alpha", "tool.py" ]
`,
    });
  });

  it('renders a src-layout model exactly', () => {
    expect(render(srcModulesModel, 'hatchling', { familyVersion: '1.27.0' })).toEqual({
      'pyproject.toml': `[build-system]
build-backend = "hatchling.build"
requires = [ "hatchling==1.27.0" ]

[project]
name = "b"
version = "0"

[tool.hatch.build.targets.sdist]
only-include = [ "src/Alpha.py", "src/zed.py" ]

[tool.hatch.build.targets.wheel]
only-include = [ "src/Alpha.py", "src/zed.py" ]
sources = [ "src" ]
`,
      'src/Alpha.py': 'A = 1\n',
      'src/zed.py': '',
    });
  });
});

describe('render: contract', () => {
  it('pins the backend version in [build-system] only when it looks like a version', () => {
    const requires = (familyVersion?: string): unknown =>
      (parse(render(srcModulesModel, 'setuptools', familyVersion === undefined ? {} : { familyVersion })['pyproject.toml'] as string) as {
        'build-system': { requires: unknown };
      })['build-system'].requires;
    expect(requires('80.9.0')).toEqual(['setuptools==80.9.0']);
    expect(requires('81.0.0.dev0+g1234')).toEqual(['setuptools==81.0.0.dev0+g1234']);
    expect(requires('unknown')).toEqual(['setuptools>=61']);
    expect(requires()).toEqual(['setuptools>=61']);
  });

  it('knows which families and styles it supports', () => {
    expect(renderableFamilies()).toEqual(['hatchling', 'setuptools']);
    expect(renderStyles('setuptools')).toEqual(['pyproject']);
    expect(renderStyles('flit')).toEqual([]);
  });

  it('throws a ConfigError naming the family or style it cannot render', () => {
    for (const family of FAMILIES.filter((f) => !renderableFamilies().includes(f))) {
      expect(() => render(flatModel, family)).toThrow(ConfigError);
      expect(() => render(flatModel, family)).toThrow(new RegExp(`'${family}'`));
    }
    expect(() => render(flatModel, 'setuptools', { style: 'setup.cfg' })).toThrow(/style 'setup.cfg'/);
    expect(() => render(flatModel, 'hatchling', { style: 'setup.py' })).toThrow(ConfigError);
  });

  it('is deterministic, with sorted paths, and renders the same project files for every family', () => {
    fc.assert(
      fc.property(projectModel(), (model) => {
        const byFamily = renderableFamilies().map((family) => render(model, family));
        for (const files of byFamily) {
          const paths = Object.keys(files);
          expect(paths).toEqual([...paths].sort());
        }
        expect(render(model, 'setuptools')).toEqual(byFamily[1]);
        const withoutConfig = byFamily.map((files) => {
          const { 'pyproject.toml': config, ...rest } = files;
          expect(typeof config).toBe('string');
          return rest;
        });
        expect(withoutConfig[0]).toEqual(withoutConfig[1]);
      }),
      { numRuns: 200, seed: 1 },
    );
  });

  it('writes configuration that names exactly the model’s packages, modules and data', () => {
    fc.assert(
      fc.property(projectModel(), (model) => {
        const prefix = model.layout === 'src' ? 'src/' : '';
        const setuptools = parse(render(model, 'setuptools')['pyproject.toml'] as string) as {
          project: Record<string, unknown>;
          tool: { setuptools: { packages: string[]; 'py-modules': string[]; 'package-data'?: Record<string, string[]> } };
        };
        const hatch = parse(render(model, 'hatchling')['pyproject.toml'] as string) as {
          project: Record<string, unknown>;
          tool: { hatch: { build: { targets: { wheel: { 'only-include': string[]; sources?: string[] }; sdist: { 'only-include': string[] } } } } };
        };
        const st = setuptools.tool.setuptools;
        expect(new Set(st.packages)).toEqual(new Set(allPackages(model).map((p) => p.dotted)));
        expect(new Set(st['py-modules'])).toEqual(new Set(model.modules.map((m) => m.name)));
        const data = allPackages(model).filter((p) => p.pkg.data.length > 0);
        expect(Object.keys(st['package-data'] ?? {}).sort()).toEqual(data.map((p) => p.dotted).sort());
        for (const { dotted, pkg } of data) expect(new Set(st['package-data']?.[dotted])).toEqual(new Set(pkg.data.map((d) => d.path)));
        const tops = [...model.packages.map((p) => `${prefix}${p.name}`), ...model.modules.map((m) => `${prefix}${m.name}.py`)];
        expect(new Set(hatch.tool.hatch.build.targets.wheel['only-include'])).toEqual(new Set(tops));
        expect(new Set(hatch.tool.hatch.build.targets.sdist['only-include'])).toEqual(new Set(tops));
        expect(hatch.tool.hatch.build.targets.wheel.sources).toEqual(model.layout === 'src' ? ['src'] : undefined);
        const expectedProject = {
          name: model.name,
          version: model.version,
          ...(model.description === null ? {} : { description: model.description }),
          ...(model.dependencies.length === 0 ? {} : { dependencies: model.dependencies }),
        };
        expect(setuptools.project).toEqual(expectedProject);
        expect(hatch.project).toEqual(expectedProject);
      }),
      { numRuns: 200, seed: 2 },
    );
  });
});
