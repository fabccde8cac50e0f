/**
 * hatchling's other spellings of the wheel's file selection
 * (`HatchlingOptionsModel.wheelSelection`): `packages`, and `sources` as a
 * table. Rendering variants of the same project: the other families and the
 * project's files are unchanged.
 */
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import type { ArchiveEntry, ArchiveView } from '../../../src/archive/types.js';
import { isValidModel } from '../../../src/corpus/corpusFile.js';
import { legacySetupPyDifferences } from '../../../src/fuzz/properties/_legacySetupPy.js';
import { unsupportedFeatures } from '../../../src/render/capabilities.js';
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

describe('hatchling support-legacy', () => {
  const legacy: ProjectModel = { name: 'My.Project', version: '1.0', description: 'x', dependencies: [], layout: 'flat', packages: [pkg], modules: [], hatchling: { supportLegacy: true } };
  const entry = (path: string, text: string): ArchiveEntry => ({ path, type: 'file', mode: 0o644, size: text.length, mtime: 0, data: new TextEncoder().encode(text) });
  const sdist = (...entries: ArchiveEntry[]): ArchiveView => ({ format: 'sdist', filename: 'my_project-1.0.tar.gz', entries, problems: [] });
  const shim = "# -*- coding: utf-8 -*-\nfrom setuptools import setup\n\nsetup(\n    name='my-project',\n    version='1.0',\n    packages=[\n        'alpha',\n    ],\n)\n";

  it('renders support-legacy in the sdist target only; the feature is counted; other families cannot express it', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const targets = (parse(render(legacy, 'hatchling')['pyproject.toml'] as string) as any).tool.hatch.build.targets;
    expect(targets.sdist['support-legacy']).toBe(true);
    expect(targets.wheel['support-legacy']).toBeUndefined();
    expect(modelFeatures(legacy)).toContain('hatchling:support-legacy');
    for (const family of ['setuptools', 'flit', 'poetry', 'pdm', 'uv'] as const) {
      expect(unsupportedFeatures(legacy, { family }).map((u) => u.feature), family).toContain('hatchling:support-legacy');
    }
    expect(unsupportedFeatures(legacy, { family: 'hatchling', version: '1.27.0' })).toEqual([]);
    expect(isValidModel({ ...legacy, hatchling: { supportLegacy: false } })).toBe(false);
  });

  it('spec expects the generated setup.py naming the project, from hatchling only', () => {
    const top = 'my_project-1.0';
    expect(legacySetupPyDifferences(legacy, 'hatchling', sdist(entry(`${top}/PKG-INFO`, ''), entry(`${top}/setup.py`, shim)))).toEqual([]);
    expect(legacySetupPyDifferences(legacy, 'hatchling', sdist(entry(`${top}/PKG-INFO`, '')))).toEqual([
      expect.objectContaining({ artifact: 'sdist', kind: 'spec-problem', code: 'legacy-setup-py:missing', path: 'setup.py' }),
    ]);
    const other = shim.replace("name='my-project'", "name='other'");
    expect(legacySetupPyDifferences(legacy, 'hatchling', sdist(entry(`${top}/setup.py`, other)))).toEqual([
      expect.objectContaining({ code: 'legacy-setup-py:metadata', a: expect.stringContaining('"other"') }),
    ]);
    // Not asked for, or another family, or no sdist: nothing expected.
    expect(legacySetupPyDifferences({ ...legacy, hatchling: {} }, 'hatchling', sdist())).toEqual([]);
    expect(legacySetupPyDifferences(legacy, 'setuptools', sdist())).toEqual([]);
    expect(legacySetupPyDifferences(legacy, 'hatchling', null)).toEqual([]);
  });
});
