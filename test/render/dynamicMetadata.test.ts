import fc from 'fast-check';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { projectModel } from '../../generators/projectModel.js';
import { dynamicMetadata } from '../../generators/dynamicMetadata.js';
import { activeDynamicMetadata, docstringSummaryOk, dynamicMetadataProblem } from '../../src/model/dynamicMetadata.js';
import { modelFeatures } from '../../src/model/features.js';
import type { ProjectModel } from '../../src/model/projectModel.js';
import { checkModelExtensions } from '../../src/model/validate.js';
import { render } from '../../src/render/render.js';

const base: ProjectModel = {
  name: 'dyn',
  version: '1.0',
  description: 'A "quoted" summary \\ with a backslash',
  dependencies: ['foo>=1; python_version < "3.8"', 'bar'],
  layout: 'flat',
  packages: [{ name: 'dyn', init: 'X = 1\n', modules: [], data: [], subpackages: [] }],
  modules: [],
  readme: { contentType: 'text/markdown', form: 'file', text: '# Dyn\n', path: 'docs/intro.md' },
  optionalDependencies: [
    { name: 'Dev_Tools', requirements: ['baz'] },
    { name: 'empty', requirements: [] },
  ],
  dynamicMetadata: { readme: true, dependencies: true, optionalDependencies: true, description: true },
};

type Toml = { project: Record<string, unknown>; tool: Record<string, Record<string, unknown>> };

describe('dynamic metadata: renderings', () => {
  it('setuptools pyproject: [tool.setuptools.dynamic] readme, dependencies and extras from files; [project] lists them dynamic', () => {
    const files = render(base, 'setuptools', { familyVersion: '80.9.0' });
    const toml = parse(files['pyproject.toml'] as string) as Toml;
    expect(toml.project['dynamic']).toEqual(['readme', 'dependencies', 'optional-dependencies']);
    expect(toml.project).not.toHaveProperty('dependencies');
    expect(toml.project).not.toHaveProperty('readme');
    expect(toml.project).not.toHaveProperty('optional-dependencies');
    expect(toml.project['description']).toBe(base.description);
    expect(toml.tool['setuptools']!['dynamic']).toEqual({
      readme: { file: ['docs/intro.md'], 'content-type': 'text/markdown' },
      dependencies: { file: ['requirements.txt'] },
      'optional-dependencies': { Dev_Tools: { file: ['requirements-dev-tools.txt'] }, empty: { file: ['requirements-empty.txt'] } },
    });
    expect(files['requirements.txt']).toBe('foo>=1; python_version < "3.8"\nbar\n');
    expect(files['requirements-dev-tools.txt']).toBe('baz\n');
    expect(files['requirements-empty.txt']).toBe('');
    expect(files['MANIFEST.in']).toContain('include requirements.txt\n');
    // The summary is the version module's docstring, for every family alike.
    expect(files['dyn/__init__.py']).toBe('"""A \\"quoted\\" summary \\\\ with a backslash"""\nX = 1\n');
  });

  it('setuptools before 62.6 writes the requirements statically (no file: support), the readme still dynamically', () => {
    const toml = parse(render(base, 'setuptools', { familyVersion: '61.0.0' })['pyproject.toml'] as string) as Toml;
    expect(toml.project['dynamic']).toEqual(['readme']);
    expect(toml.project['dependencies']).toEqual(base.dependencies);
  });

  it('setup.cfg: install_requires and each extra as file: directives on the key line; setup.py passes literals', () => {
    const cfg = render(base, 'setuptools', { familyVersion: '80.9.0', style: 'setup.cfg' })['setup.cfg'] as string;
    expect(cfg).toContain('install_requires = file: requirements.txt\n');
    expect(cfg).toContain('[options.extras_require]\nDev_Tools = file: requirements-dev-tools.txt\nempty = file: requirements-empty.txt\n');
    expect(cfg).toContain('long_description = file: docs/intro.md\n');
    const old = render(base, 'setuptools', { familyVersion: '62.5.0', style: 'setup.cfg' })['setup.cfg'] as string;
    expect(old).toContain('install_requires =\n    foo>=1');
    const py = render(base, 'setuptools', { familyVersion: '80.9.0', style: 'setup.py' })['setup.py'] as string;
    expect(py).not.toContain('file:');
    expect(py).toContain('"bar",');
  });

  it('flit: dynamic = ["description"] read from the docstring; hatchling writes everything statically with the same files', () => {
    const flitModel: ProjectModel = { ...base, optionalDependencies: undefined };
    const flit = render(flitModel, 'flit', { familyVersion: '3.12.0' });
    const toml = parse(flit['pyproject.toml'] as string) as Toml;
    expect(toml.project['dynamic']).toEqual(['description']);
    expect(toml.project).not.toHaveProperty('description');
    expect(toml.project['dependencies']).toEqual(base.dependencies);
    const hatch = render(base, 'hatchling');
    const hatchToml = parse(hatch['pyproject.toml'] as string) as Toml;
    expect(hatchToml.project).not.toHaveProperty('dynamic');
    expect(hatchToml.project['description']).toBe(base.description);
    expect(hatch['dyn/__init__.py']).toBe(flit['dyn/__init__.py']);
    expect(hatch['requirements.txt']).toBe('foo>=1; python_version < "3.8"\nbar\n');
  });

  it('a part without what it reads does nothing: no readme file, no dependency, a summary a docstring cannot hold', () => {
    const bare: ProjectModel = { ...base, readme: { contentType: 'text/plain', form: 'inline', text: 'x' }, dependencies: [], optionalDependencies: undefined, description: ' edge ' };
    expect(activeDynamicMetadata(bare)).toEqual({ readme: false, dependencies: false, optionalDependencies: false, description: false });
    expect(modelFeatures(bare).filter((f) => f.startsWith('dynamic:'))).toEqual([]);
    const files = render(bare, 'setuptools', { familyVersion: '80.9.0' });
    expect(files['requirements.txt']).toBeUndefined();
    expect(files['dyn/__init__.py']).toBe('X = 1\n');
    expect(modelFeatures(base).filter((f) => f.startsWith('dynamic:'))).toEqual(['dynamic:dependencies', 'dynamic:description', 'dynamic:optional-dependencies', 'dynamic:readme']);
  });

  it('docstring summaries: one line without tabs, line separators or edge white space', () => {
    expect(docstringSummaryOk('Fine "summary" \\ é')).toBe(true);
    for (const bad of [null, '', ' lead', 'trail ', 'a\tb', 'a\u2028b', 'a\x0cb', 'a\x1eb']) expect(docstringSummaryOk(bad)).toBe(false);
  });

  it('problems: a requirements file that is another root file, a summary that looks like a version line', () => {
    expect(dynamicMetadataProblem(base)).toBeNull();
    expect(dynamicMetadataProblem({ ...base, sdistFiles: [{ path: 'Requirements.txt', content: '' }] })).toMatch(/requirements\.txt is another root file/);
    expect(dynamicMetadataProblem({ ...base, dynamicVersion: true, description: 'set __version__ here' })).toMatch(/version line/);
    const fail = (field: string, what: string): never => {
      throw new Error(`${field} ${what}`);
    };
    const check = (m: unknown): void => checkModelExtensions(m as Record<string, unknown>, fail, () => {}, () => {});
    expect(() => check({ ...base, dynamicMetadata: { readme: 'yes' } })).toThrow(/dynamicMetadata.readme must be true/);
    expect(() => check({ ...base, dynamicMetadata: { other: true } })).toThrow(/is not a known field/);
    expect(() => check({ ...base, sdistFiles: [{ path: 'requirements.txt', content: '' }] })).toThrow(/another root file/);
  });
});

describe('dynamic metadata: generator', () => {
  it('never empty, shrinks toward absent parts; generated models are consistent and use each part', () => {
    fc.assert(fc.property(dynamicMetadata(), (d) => Object.keys(d).length > 0 && Object.values(d).every((v) => v === true)), { numRuns: 200, seed: 1 });
    const seen = new Set<string>();
    fc.assert(
      fc.property(projectModel({ probabilities: { dynamicMetadata: 1 } }), (m) => {
        expect(dynamicMetadataProblem(m)).toBeNull();
        for (const f of modelFeatures(m)) seen.add(f);
      }),
      { numRuns: 300, seed: 2 },
    );
    expect([...seen].filter((f) => f.startsWith('dynamic:') && f !== 'dynamic:version').sort()).toEqual([
      'dynamic:dependencies',
      'dynamic:description',
      'dynamic:optional-dependencies',
      'dynamic:readme',
    ]);
  });

  it('targets that read no requirements files (setuptools 61) get no requirement parts', () => {
    fc.assert(
      fc.property(projectModel({ probabilities: { dynamicMetadata: 1 }, targets: [{ family: 'setuptools', version: '61.0.0' }] }), (m) => {
        expect(m.dynamicMetadata?.dependencies).toBeUndefined();
        expect(m.dynamicMetadata?.optionalDependencies).toBeUndefined();
      }),
      { numRuns: 100, seed: 3 },
    );
  });
});
