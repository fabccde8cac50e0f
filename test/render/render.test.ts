import fc from 'fast-check';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { projectModel } from '../../generators/projectModel.js';
import { ConfigError } from '../../src/errors.js';
import { FAMILIES } from '../../src/backends/types.js';
import { allNamespaces, allPackages, versionModule, type PackageModel } from '../../src/model/projectModel.js';
import { packageDataGlobs, strayFiles } from '../../src/render/_internals/projectFiles.js';
import { unsupportedFeatures } from '../../src/render/capabilities.js';
import type { FileMap } from '../../src/render/fileMap.js';
import { render, renderStyles, renderableFamilies } from '../../src/render/index.js';
import { canRender } from '../../src/render/render.js';
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

describe('render: license-files patterns (corpus files only)', () => {
  it('writes the patterns instead of the exact paths, in every family that takes license-files', () => {
    const model = { ...flatModel, modules: [], description: 'a', licenseFiles: [{ path: 'NOTICE', content: 'n\n' }], licenseFilePatterns: ['**/NOTICE*'] };
    for (const family of ['setuptools', 'hatchling', 'flit', 'pdm', 'poetry', 'uv'] as const) {
      const files = render(model, family);
      const project = (parse(files['pyproject.toml'] as string) as { project: Record<string, unknown> }).project;
      expect(project['license-files'], family).toEqual(['**/NOTICE*']);
      expect(files['NOTICE'], family).toBe('n\n');
    }
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
    expect(renderableFamilies()).toEqual([...FAMILIES].sort());
    expect(renderStyles('setuptools')).toEqual(['pyproject', 'setup.cfg', 'setup.py']);
    expect(renderStyles('hatchling')).toEqual(['pyproject']);
  });

  it('throws a ConfigError naming the family or style it cannot render', () => {
    expect(() => render(flatModel, 'hatchling', { style: 'setup.py' })).toThrow(ConfigError);
    expect(() => render(flatModel, 'hatchling', { style: 'setup.py' })).toThrow(/style 'setup.py'/);
    expect(() => render(flatModel, 'flit')).toThrow(ConfigError); // two top-level names
  });

  it('is deterministic, with sorted paths, and renders the same project files for every family and style', () => {
    fc.assert(
      // Executable modules render for fewer families (setuptools cannot express them): test/model/executableFiles.test.ts.
      fc.property(projectModel({ probabilities: { importNames: 0, hatchling: 0, forceIncluded: 0, executableFiles: 0 } }), (model) => {
        const renderings: FileMap[] = [];
        for (const family of renderableFamilies()) {
          if (!canRender(model, family)) continue;
          for (const style of renderStyles(family)) {
            if (unsupportedFeatures(model, { family, style }).length > 0) continue;
            renderings.push(render(model, family, { style }));
          }
        }
        expect(render(model, 'setuptools')).toEqual(render(model, 'setuptools'));
        const withoutConfig = renderings.map((files) => {
          const paths = Object.keys(files);
          expect(paths).toEqual([...paths].sort());
          expect(typeof files['pyproject.toml']).toBe('string');
          const { 'pyproject.toml': _p, 'setup.cfg': _c, 'setup.py': _s, ...rest } = files;
          return rest;
        });
        // setuptools renders every model in its pyproject and setup.py styles, but for files excluded from the
        // sdist only (its MANIFEST.in exclusions decide the wheel's package data too), which it refuses.
        if ((model.excludedFiles ?? []).some((f) => f.scope === 'sdist')) expect(canRender(model, 'setuptools')).toBe(false);
        else expect(renderings.length).toBeGreaterThanOrEqual(2);
        for (const files of withoutConfig) expect(files).toEqual(withoutConfig[0]);
      }),
      { numRuns: 200, seed: 1 },
    );
  });

  it('writes configuration that names exactly the model’s packages, modules and data', () => {
    fc.assert(
      // Static metadata only: dynamic metadata moves keys to `dynamic` (test/render/dynamicMetadata.test.ts);
      // packages listed, not found (the finder variants: test/render/setuptoolsDiscovery.test.ts).
      // Executable package data, the data path edges and the symlinked data in setuptools' package-data: test/model/executableFiles.test.ts, dataPathEdges.test.ts, symlinkedData.test.ts.
      // The self-referencing extra is one more extra: test/render/selfReferencingExtra.test.ts.
      fc.property(
        projectModel({ probabilities: { importNames: 0, packageDir: 0, hatchling: 0, dynamicMetadata: 0, executableFiles: 0, dataPathEdges: 0, selfReferencingExtra: 0, symlinkedData: 0 } }).filter((m) => m.setuptools?.packageFinder === undefined),
        (model) => {
        const prefix = model.layout === 'src' ? 'src/' : '';
        const setuptools = parse(render(model, 'setuptools')['pyproject.toml'] as string) as {
          project: Record<string, unknown>;
          tool: { setuptools: { packages: string[]; 'py-modules': string[]; 'package-data'?: Record<string, string[]> } };
        };
        const hatch = parse(render(model, 'hatchling')['pyproject.toml'] as string) as {
          project: Record<string, unknown>;
          tool: { hatch: { build: { targets: { wheel: { 'only-include'?: string[]; sources?: string[]; 'bypass-selection'?: true }; sdist: { 'only-include': string[] } } } } };
        };
        const st = setuptools.tool.setuptools;
        expect(new Set(st.packages)).toEqual(new Set([...allPackages(model), ...allNamespaces(model)].map((p) => p.dotted)));
        expect(new Set(st['py-modules'])).toEqual(new Set(model.modules.map((m) => m.name)));
        const nonPython = (pkg: PackageModel): string[] => [...pkg.data.map((d) => d.path), ...(pkg.typed ? ['py.typed'] : []), ...(pkg.stubs ?? []).map((x) => `${x.name}.pyi`)];
        const data = allPackages(model).filter((p) => nonPython(p.pkg).length > 0);
        const dataStyle = model.setuptools?.packageData;
        if (dataStyle === 'manifest') {
          expect(st['package-data']).toBeUndefined();
          expect((st as Record<string, unknown>)['include-package-data']).toBe(true);
        } else if (dataStyle === 'glob') {
          expect(st['package-data'] ?? {}).toEqual(packageDataGlobs(model));
        } else {
          expect(Object.keys(st['package-data'] ?? {}).sort()).toEqual(data.map((p) => p.dotted).sort());
          for (const { dotted, pkg } of data) expect(new Set(st['package-data']?.[dotted])).toEqual(new Set(nonPython(pkg)));
        }
        const tops = [
          ...model.packages.map((p) => `${prefix}${p.name}`),
          ...(model.namespacePackages ?? []).map((n) => `${prefix}${n.name}`),
          ...model.modules.map((m) => `${prefix}${m.name}.py`),
        ];
        // A metapackage's wheel selects nothing: `only-include = []` would be hatchling's default selection.
        if (model.metaPackage === true) expect(hatch.tool.hatch.build.targets.wheel).toMatchObject({ 'bypass-selection': true });
        expect(hatch.tool.hatch.build.targets.wheel['only-include']).toEqual(model.metaPackage === true ? undefined : expect.any(Array));
        expect(new Set(hatch.tool.hatch.build.targets.wheel['only-include'])).toEqual(new Set(tops));
        // The sdist also ships every root file: readme, license files, sdist-only files, MANIFEST.in;
        // not the stray bytecode, which must not ship.
        const files = render(model, 'hatchling');
        const stray = new Set(Object.keys(strayFiles(model)));
        const roots = Object.keys(files).filter((f) => f !== 'pyproject.toml' && !stray.has(f) && !tops.some((t) => f === t || f.startsWith(`${t}/`)));
        expect(new Set(hatch.tool.hatch.build.targets.sdist['only-include'])).toEqual(new Set([...tops, ...roots]));
        expect(hatch.tool.hatch.build.targets.wheel.sources).toEqual(model.layout === 'src' ? ['src'] : undefined);
        const dynamic = model.dynamicVersion === true && versionModule(model) !== null;
        const expectedProject: Record<string, unknown> = {
          name: model.name,
          ...(dynamic ? { dynamic: ['version'] } : { version: model.version }),
          ...(model.description === null ? {} : { description: model.description }),
          ...(model.dependencies.length === 0 ? {} : { dependencies: model.dependencies }),
          ...(model.requiresPython === undefined ? {} : { 'requires-python': model.requiresPython }),
          ...(model.keywords === undefined ? {} : { keywords: model.keywords }),
          ...(model.classifiers === undefined ? {} : { classifiers: model.classifiers }),
          ...(model.authors === undefined ? {} : { authors: model.authors }),
          ...(model.maintainers === undefined ? {} : { maintainers: model.maintainers }),
          ...(model.urls === undefined ? {} : { urls: Object.fromEntries(model.urls.map((u) => [u.label, u.url])) }),
          ...(model.optionalDependencies === undefined ? {} : { 'optional-dependencies': Object.fromEntries(model.optionalDependencies.map((e) => [e.name, e.requirements])) }),
          ...(model.licenseFiles === undefined ? {} : { 'license-files': model.licenseFiles.map((f) => f.path) }),
        };
        const readme = model.readme;
        if (readme !== undefined) {
          // The default file name of the type, or the model's own path (written out here, not taken from src/).
          const file = readme.path ?? { 'text/markdown': 'README.md', 'text/x-rst': 'README.rst', 'text/plain': 'README.txt' }[readme.contentType];
          expectedProject['readme'] = readme.form === 'file' ? file : readme.form === 'file-table' ? { file, 'content-type': readme.contentType } : { text: readme.text, 'content-type': readme.contentType };
          if (readme.form !== 'inline') expect(files[file]).toBe(readme.text);
        }
        const license = model.license;
        if (license !== undefined) {
          expectedProject['license'] = license.kind === 'spdx' ? license.expression : license.kind === 'text' ? { text: license.text } : { file: license.path };
        }
        for (const group of model.entryPoints ?? []) {
          const table = Object.fromEntries(group.entries.map((e) => [e.name, e.value]));
          if (group.group === 'console_scripts') expectedProject['scripts'] = table;
          else if (group.group === 'gui_scripts') expectedProject['gui-scripts'] = table;
          else expectedProject['entry-points'] = { ...(expectedProject['entry-points'] as object), [group.group]: table };
        }
        expect(setuptools.project).toEqual(expectedProject);
        expect(hatch.project).toEqual(expectedProject);
      }),
      { numRuns: 200, seed: 2 },
    );
  });
});
