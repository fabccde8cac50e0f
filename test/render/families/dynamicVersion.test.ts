import { describe, expect, it } from 'vitest';
import { versionModule, withVersionLine, type ProjectModel } from '../../../src/model/projectModel.js';
import { modelFeatures } from '../../../src/model/features.js';
import { supports } from '../../../src/render/capabilities.js';
import { canRender, render } from '../../../src/render/render.js';
import { onePackage, srcModule } from './fixtures.js';

const dynamicPackage: ProjectModel = { ...onePackage, dynamicVersion: true };
const dynamicModule: ProjectModel = { ...srcModule, version: 'v2.0.post1', dynamicVersion: true };

describe('dynamic version', () => {
  it('appends the __version__ line to the version module, the same for every family', () => {
    expect(withVersionLine('', '1.0')).toBe('__version__ = "1.0"\n');
    expect(withVersionLine('X = 1', '1.0')).toBe('X = 1\n__version__ = "1.0"\n');
    expect(versionModule(dynamicPackage)).toEqual({ dotted: 'alpha', path: 'alpha/__init__.py', source: 'X = 1\n' });
    expect(versionModule(dynamicModule)).toEqual({ dotted: 'Tool', path: 'Tool.py', source: 'A = 1\n' });
    for (const family of ['setuptools', 'hatchling', 'flit', 'poetry', 'pdm', 'uv'] as const) {
      expect(render(dynamicPackage, family)['alpha/__init__.py']).toBe('X = 1\n__version__ = "1.0rc1"\n');
    }
    expect(render(onePackage, 'hatchling')['alpha/__init__.py']).toBe('X = 1\n');
  });

  it('writes dynamic = ["version"] and where each family reads it', () => {
    const st = render(dynamicPackage, 'setuptools')['pyproject.toml'] as string;
    expect(st).toContain('dynamic = [ "version" ]');
    expect(st).not.toMatch(/^version = /m);
    expect(st).toContain('[tool.setuptools.dynamic.version]\nattr = "alpha.__version__"');
    expect(render(dynamicModule, 'setuptools', { style: 'setup.cfg' })['setup.cfg']).toContain('version = attr: Tool.__version__\n');
    expect(render(dynamicModule, 'setuptools', { style: 'setup.py' })['setup.py']).toContain('"v2.0.post1"');
    expect(render(dynamicModule, 'hatchling')['pyproject.toml']).toContain('[tool.hatch.version]\npath = "src/Tool.py"');
    expect(render(dynamicModule, 'pdm')['pyproject.toml']).toContain('[tool.pdm.version]\npath = "src/Tool.py"\nsource = "file"');
    const flit = render(dynamicPackage, 'flit')['pyproject.toml'] as string;
    expect(flit).toContain('dynamic = [ "version" ]');
    expect(flit).not.toMatch(/^version = /m);
  });

  it('is static for poetry and uv, which cannot read it from a module', () => {
    for (const family of ['poetry', 'uv'] as const) {
      const toml = render(dynamicPackage, family)['pyproject.toml'] as string;
      expect(toml).toContain('version = "1.0rc1"');
      expect(toml).not.toContain('dynamic');
      expect(supports('dynamic:version', family)).toBe(false);
      expect(canRender(dynamicPackage, family)).toBe(false);
    }
    expect(render(dynamicPackage, 'poetry', { familyVersion: '1.9.1' })['pyproject.toml']).toContain('version = "1.0rc1"');
    for (const family of ['setuptools', 'hatchling', 'flit'] as const) expect(canRender(dynamicPackage, family)).toBe(true);
    // pdm-backend reads it (the rendering is right) but rewrites the sdist's pyproject.toml.
    expect(canRender(dynamicPackage, 'pdm')).toBe(false);
  });

  it('is a feature only when there is a version module', () => {
    expect(modelFeatures(dynamicPackage)).toContain('dynamic:version');
    const onlyNamespace: ProjectModel = {
      ...onePackage,
      packages: [],
      namespacePackages: [{ name: 'ns', packages: [], modules: [{ name: 'm', source: '' }], namespaces: [] }],
      dynamicVersion: true,
    };
    expect(versionModule(onlyNamespace)).toBeNull();
    expect(modelFeatures(onlyNamespace)).not.toContain('dynamic:version');
    expect(render(onlyNamespace, 'hatchling')['pyproject.toml']).toContain('version = "1.0rc1"');
  });
});

describe('upper-case versions', () => {
  it('poetry-core 2 refuses them (case-sensitive schema); poetry-core 1 and other families take them', () => {
    const upper: ProjectModel = { ...onePackage, version: 'V1.0RC1.DEV2' };
    expect(modelFeatures(upper)).toContain('version:uppercase');
    expect(modelFeatures({ ...onePackage, version: '1.0+ABC' })).not.toContain('version:uppercase');
    expect(supports('version:uppercase', 'poetry', '2.5.0')).toBe(false);
    expect(supports('version:uppercase', 'poetry')).toBe(false);
    expect(supports('version:uppercase', 'poetry', '1.9.1')).toBe(true);
    expect(supports('version:uppercase', 'setuptools', '80.9.0')).toBe(true);
    expect(canRender(upper, 'poetry', '2.5.0')).toBe(false);
    expect(canRender(upper, 'poetry', '1.9.1')).toBe(true);
  });
});
