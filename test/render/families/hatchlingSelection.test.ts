/**
 * hatchling's other spellings of the wheel's file selection
 * (`HatchlingOptionsModel.wheelSelection`): `packages`, and `sources` as a
 * table. Rendering variants of the same project: the other families and the
 * project's files are unchanged.
 */
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { isValidModel } from '../../../src/corpus/corpusFile.js';
import { modelFeatures } from '../../../src/model/features.js';
import type { ProjectModel } from '../../../src/model/projectModel.js';
import type { FileMap } from '../../../src/render/fileMap.js';
import { render } from '../../../src/render/render.js';

const pkg = { name: 'alpha', init: '', modules: [], data: [], subpackages: [] };
const base: ProjectModel = { name: 'a', version: '1.0', description: 'x', dependencies: [], layout: 'src', packageDir: 'lib/python', packages: [pkg], modules: [{ name: 'extra', source: '' }] };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const wheelTarget = (files: FileMap): Record<string, any> => (parse(files['pyproject.toml'] as string) as any).tool.hatch.build.targets.wheel;
const without = (files: FileMap): FileMap => {
  const { 'pyproject.toml': _p, ...rest } = files;
  return rest;
};

describe('render: hatchling wheel selection spellings', () => {
  it('packages: each top-level path, no only-include nor sources', () => {
    const model: ProjectModel = { ...base, hatchling: { wheelSelection: 'packages' } };
    expect(wheelTarget(render(model, 'hatchling'))).toEqual({ packages: ['lib/python/alpha', 'lib/python/extra.py'] });
    expect(wheelTarget(render({ ...model, layout: 'flat', packageDir: undefined }, 'hatchling'))).toEqual({ packages: ['alpha', 'extra.py'] });
  });

  it('sources-table: only-include, and the folder rewritten to the root by a table', () => {
    const model: ProjectModel = { ...base, hatchling: { wheelSelection: 'sources-table' } };
    expect(wheelTarget(render(model, 'hatchling'))).toEqual({ 'only-include': ['lib/python/alpha', 'lib/python/extra.py'], sources: { 'lib/python': '' } });
    const flat: ProjectModel = { ...model, layout: 'flat' };
    delete flat.packageDir;
    expect(wheelTarget(render(flat, 'hatchling'))).toEqual({ 'only-include': ['alpha', 'extra.py'] });
    expect(modelFeatures(model)).toContain('hatchling:sources-table');
    expect(modelFeatures(flat)).not.toContain('hatchling:sources-table');
  });

  it('the project files, the sdist target and the other families are unchanged', () => {
    for (const wheelSelection of ['packages', 'sources-table'] as const) {
      const model: ProjectModel = { ...base, hatchling: { wheelSelection } };
      expect(without(render(model, 'hatchling'))).toEqual(without(render(base, 'hatchling')));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const sdist = (files: FileMap): unknown => (parse(files['pyproject.toml'] as string) as any).tool.hatch.build.targets.sdist;
      expect(sdist(render(model, 'hatchling'))).toEqual(sdist(render(base, 'hatchling')));
      for (const family of ['setuptools', 'poetry', 'pdm'] as const) expect(render(model, family), family).toEqual(render(base, family));
      const pkgOnly = { ...model, modules: [] };
      expect(render(pkgOnly, 'uv')).toEqual(render({ ...base, modules: [] }, 'uv'));
      expect(modelFeatures(model)).toContain(`hatchling:${wheelSelection}`);
    }
  });

  it('a metapackage keeps bypass-selection; bad values do not load', () => {
    const meta: ProjectModel = { name: 'a', version: '0', description: 'x', dependencies: [], layout: 'flat', packages: [], modules: [], metaPackage: true, hatchling: { wheelSelection: 'packages' } };
    expect(wheelTarget(render(meta, 'hatchling'))).toEqual({ 'bypass-selection': true });
    expect(modelFeatures(meta)).not.toContain('hatchling:packages');
    expect(isValidModel(meta)).toBe(true);
    expect(isValidModel({ ...base, hatchling: { wheelSelection: 'force-include' } })).toBe(false);
    expect(isValidModel({ ...base, hatchling: { other: true } })).toBe(false);
  });
});
