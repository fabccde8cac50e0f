import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { modelFeatures } from '../../../src/model/features.js';
import type { ProjectModel } from '../../../src/model/projectModel.js';
import { canRender, render } from '../../../src/render/render.js';
import { onePackage } from './fixtures.js';

const withData: ProjectModel = {
  ...onePackage,
  wheelData: [
    { path: 'top.txt', content: 't\n' },
    { path: 'share/app/x.json', content: '' },
    { path: 'share/app/y.csv', content: 'a\n' },
  ],
  scriptFiles: [
    { path: 'tool', content: '#!/usr/bin/env python3\nprint(1)\n' },
    { path: 'run.sh', content: '#!/bin/sh\necho 1\n' },
  ],
};
const dataOnly: ProjectModel = { ...withData, scriptFiles: undefined };
delete (dataOnly as Partial<ProjectModel>).scriptFiles;

describe('wheel data files and scripts', () => {
  it('are project files under data/ and scripts/, for every family', () => {
    for (const family of ['setuptools', 'hatchling', 'flit', 'poetry', 'pdm', 'uv'] as const) {
      const files = render(withData, family);
      expect(files['data/top.txt']).toBe('t\n');
      expect(files['data/share/app/x.json']).toBe('');
      expect(files['scripts/tool']).toBe('#!/usr/bin/env python3\nprint(1)\n');
    }
    expect(modelFeatures(withData)).toEqual(expect.arrayContaining(['wheel-data', 'wheel-data:nested', 'script-files', 'script-files:python-shebang']));
  });

  it('setuptools: data-files by destination folder and script-files, in all three styles', () => {
    const toml = parse(render(withData, 'setuptools')['pyproject.toml'] as string) as { tool: { setuptools: Record<string, unknown> } };
    expect(toml.tool.setuptools['data-files']).toEqual({ '.': ['data/top.txt'], 'share/app': ['data/share/app/x.json', 'data/share/app/y.csv'] });
    expect(toml.tool.setuptools['script-files']).toEqual(['scripts/run.sh', 'scripts/tool']);
    const cfg = render(withData, 'setuptools', { style: 'setup.cfg' })['setup.cfg'] as string;
    expect(cfg).toContain('scripts =\n    scripts/run.sh\n    scripts/tool\n');
    expect(cfg).toContain('[options.data_files]\n. =\n    data/top.txt\nshare/app =\n    data/share/app/x.json\n    data/share/app/y.csv\n');
    const py = render(withData, 'setuptools', { style: 'setup.py' })['setup.py'] as string;
    expect(py).toContain('data_files=[\n        (".", [\n            "data/top.txt",\n        ]),\n        ("share/app", [');
    expect(py).toContain('scripts=[\n        "scripts/run.sh",\n        "scripts/tool",\n    ],');
  });

  it('hatchling: shared-data file by file, and the files in the sdist', () => {
    const toml = parse(render(dataOnly, 'hatchling')['pyproject.toml'] as string) as {
      tool: { hatch: { build: { targets: { wheel: Record<string, unknown>; sdist: { 'only-include': string[] } } } } };
    };
    expect(toml.tool.hatch.build.targets.wheel['shared-data']).toEqual({
      'data/share/app/x.json': 'share/app/x.json',
      'data/share/app/y.csv': 'share/app/y.csv',
      'data/top.txt': 'top.txt',
    });
    expect(toml.tool.hatch.build.targets.sdist['only-include']).toEqual(expect.arrayContaining(['data/top.txt', 'data/share/app/x.json']));
  });

  it('flit and uv map the data folder as a whole', () => {
    expect(render(dataOnly, 'flit')['pyproject.toml']).toContain('[tool.flit.external-data]\ndirectory = "data"\n');
    expect(render(dataOnly, 'uv')['pyproject.toml']).toContain('[tool.uv.build-backend.data]\ndata = "data"\n');
    expect(render(dataOnly, 'pdm')['pyproject.toml']).toContain('[[tool.pdm.build.wheel-data.data]]\npath = "data/**/*"\nrelative-to = "data"\n');
    expect(render(onePackage, 'flit')['pyproject.toml']).not.toContain('external-data');
    expect(render(onePackage, 'uv')['pyproject.toml']).not.toContain('build-backend.data');
  });

  it('only setuptools takes scripts; setuptools, hatchling, flit (3.7+), pdm (2.2+) and uv take data files', () => {
    expect(canRender(withData, 'setuptools')).toBe(true);
    expect(canRender(withData, 'hatchling')).toBe(false);
    for (const family of ['setuptools', 'hatchling', 'flit', 'pdm', 'uv'] as const) expect(canRender(dataOnly, family), family).toBe(true);
    expect(canRender(dataOnly, 'flit', '3.6.0')).toBe(false);
    expect(canRender(dataOnly, 'pdm', '2.0.0')).toBe(false);
    expect(canRender(dataOnly, 'poetry')).toBe(false);
  });

  it('pdm-backend 2.0.0 gets no dynamic list it does not need (its KeyError without one is a real finding)', () => {
    expect(render(onePackage, 'pdm', { familyVersion: '2.0.0' })['pyproject.toml']).not.toContain('dynamic');
    expect(render(onePackage, 'pdm', { familyVersion: '2.5.0' })['pyproject.toml']).not.toContain('dynamic');
    expect(render(onePackage, 'pdm')['pyproject.toml']).not.toContain('dynamic');
  });
});
