import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { modelFeatures } from '../../src/model/features.js';
import type { ProjectModel, SetuptoolsCommandOption } from '../../src/model/projectModel.js';
import { isValidModel } from '../../src/corpus/corpusFile.js';
import { render } from '../../src/render/render.js';

const model = (commandOptions: SetuptoolsCommandOption[]): ProjectModel => ({
  name: 'opts',
  version: '1.0',
  description: 'd',
  dependencies: [],
  layout: 'flat',
  packages: [],
  modules: [{ name: 'solo', source: '' }],
  ...(commandOptions.length > 0 ? { setuptoolsCommandOptions: commandOptions } : {}),
});

const ALL: SetuptoolsCommandOption[] = ['sdist.formats', 'egg_info.tag_date', 'bdist_wheel.universal', 'egg_info.tag_build', 'bdist_wheel.python_tag', 'bdist_wheel.compression'];

describe('setuptools command options', () => {
  it('setup.cfg: one section per command (sorted), each option at its default value', () => {
    const cfg = render(model(ALL), 'setuptools', { familyVersion: '80.9.0', style: 'setup.cfg' })['setup.cfg'] as string;
    expect(cfg).toContain('\n[bdist_wheel]\nuniversal = 0\npython_tag = py3\ncompression = deflated\n\n[egg_info]\ntag_date = 0\ntag_build =\n\n[sdist]\nformats = gztar\n');
    expect(cfg.indexOf('[options]')).toBeLessThan(cfg.indexOf('[bdist_wheel]'));
  });

  it('pyproject: [tool.distutils.COMMAND] tables with typed values', () => {
    const toml = parse(render(model(ALL), 'setuptools', { familyVersion: '80.9.0' })['pyproject.toml'] as string) as { tool: Record<string, unknown> };
    expect(toml.tool['distutils']).toEqual({
      bdist_wheel: { universal: false, python_tag: 'py3', compression: 'deflated' },
      egg_info: { tag_date: 0, tag_build: '' },
      sdist: { formats: 'gztar' },
    });
    const without = parse(render(model([]), 'setuptools', { familyVersion: '80.9.0' })['pyproject.toml'] as string) as { tool: Record<string, unknown> };
    expect(Object.keys(without.tool)).toEqual(['setuptools']);
  });

  it('setup.py: setup(options={...}) with text values', () => {
    const py = render(model(['egg_info.tag_date', 'sdist.formats']), 'setuptools', { familyVersion: '80.9.0', style: 'setup.py' })['setup.py'] as string;
    expect(py).toContain('    options={"egg_info": {"tag_date": "0"}, "sdist": {"formats": "gztar"}},\n)');
    expect(py).not.toContain('_read(');
  });

  it('features name each option; the model validator rejects unknown and repeated options', () => {
    expect(modelFeatures(model(['sdist.formats']))).toEqual(expect.arrayContaining(['setuptools:command-options', 'setuptools:command-option:sdist.formats']));
    expect(modelFeatures(model([])).filter((f) => f.startsWith('setuptools:command-option'))).toEqual([]);
    expect(isValidModel(model(['sdist.formats', 'egg_info.tag_date']))).toBe(true);
    expect(isValidModel({ ...model([]), setuptoolsCommandOptions: ['sdist.owner'] })).toBe(false);
    expect(isValidModel({ ...model([]), setuptoolsCommandOptions: ['sdist.formats', 'sdist.formats'] })).toBe(false);
    expect(isValidModel({ ...model([]), setuptoolsCommandOptions: 'sdist.formats' })).toBe(false);
    expect(isValidModel({ ...model([]), setuptoolsCommandOptions: [] })).toBe(false);
  });
});
