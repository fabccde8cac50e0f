/**
 * Metapackages (`ProjectModel.metaPackage`): a project with no import tree.
 * Each family that can build one is told to select nothing for the wheel; the
 * others refuse the model with a reason.
 */
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import type { ProjectModel } from '../../../src/model/projectModel.js';
import type { FileMap } from '../../../src/render/fileMap.js';
import { unsupportedFeatures } from '../../../src/render/capabilities.js';
import { canRender, render } from '../../../src/render/render.js';

const meta: ProjectModel = { name: 'a', version: '0', description: 'x', dependencies: ['b'], layout: 'flat', packages: [], modules: [], metaPackage: true };
type Toml = Record<string, Record<string, Record<string, unknown>>>;
const pyproject = (files: FileMap): Toml => parse(files['pyproject.toml'] as string) as Toml;

describe('render: metapackages', () => {
  it('hatchling: the wheel bypasses selection (an empty only-include would select everything)', () => {
    const toml = pyproject(render(meta, 'hatchling', { familyVersion: '1.27.0' }));
    const wheel = (toml.tool!.hatch as Record<string, any>).build.targets.wheel; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(wheel).toEqual({ 'bypass-selection': true });
    expect(toml.project!.dependencies).toEqual(['b']);
  });

  it('setuptools: empty packages and py-modules in every style', () => {
    expect(pyproject(render(meta, 'setuptools')).tool!.setuptools).toEqual({ packages: [], 'py-modules': [] });
    const cfg = render(meta, 'setuptools', { style: 'setup.cfg' })['setup.cfg'] as string;
    expect(cfg).toMatch(/^packages =\n/m);
    expect(cfg).toMatch(/^py_modules =\n/m);
    const py = render(meta, 'setuptools', { style: 'setup.py' })['setup.py'] as string;
    expect(py).toContain('packages=[],');
    expect(py).toContain('py_modules=[],');
  });

  it('pdm: empty includes; the project has no file but its configuration', () => {
    const files = render(meta, 'pdm');
    expect(Object.keys(files)).toEqual(['pyproject.toml']);
    expect(pyproject(files).tool!.pdm).toEqual({ build: { includes: [] } });
  });

  it('flit, poetry, uv and hatchling before 1.20 refuse it, with a reason', () => {
    for (const family of ['flit', 'poetry', 'uv'] as const) {
      expect(unsupportedFeatures(meta, { family }).map((u) => u.feature), family).toEqual(['meta-package']);
    }
    expect(unsupportedFeatures(meta, { family: 'hatchling', version: '1.19.1' }).map((u) => u.feature)).toEqual(['meta-package']);
    expect(unsupportedFeatures(meta, { family: 'hatchling', version: '1.20.0' })).toEqual([]);
    expect(canRender(meta, 'setuptools')).toBe(true);
  });
});
