/**
 * Executable files (issue #12, file modes): the model's files with mode
 * 0o755 (`executableFiles`), how they render (every family writes them with
 * their mode; setuptools lists executable data as package data), how the
 * writer puts them on disk, the generator and its shrinking, the capability
 * rows, and the expectations: the `spec` check of both archives' modes, the
 * installed files (`not-executable`), an sdist unpacked as a project.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { executableFiles, EXECUTABLE_DATA_PATHS } from '../../generators/executableFiles.js';
import { projectModel } from '../../generators/projectModel.js';
import { writeFileMap } from '../../src/build/fileMapIO.js';
import type { ArchiveView } from '../../src/archive/types.js';
import { isValidModel } from '../../src/corpus/corpusFile.js';
import { executableModeDifferences } from '../../src/fuzz/properties/_fileModes.js';
import { sdistAsProject } from '../../src/fuzz/properties/_sdistFiles.js';
import { compareInstalled } from '../../src/install/compareInstalled.js';
import { installedExpectation } from '../../src/install/expect.js';
import { executableFilesProblem, executableKind, executableProjectPaths, executableWheelPaths } from '../../src/model/executableFiles.js';
import { modelFeatures } from '../../src/model/features.js';
import type { ExecutableFileModel, ProjectModel } from '../../src/model/projectModel.js';
import { supports, unsupportedFeatures } from '../../src/render/capabilities.js';
import { fileContent, fileMode, isExecutableFile, type FileMap } from '../../src/render/fileMap.js';
import { render, renderableFamilies } from '../../src/render/index.js';
import { fileModes } from '../../src/render/textFiles.js';
import { shrinkTo } from '../generators/shrink.js';

const TOOL: ExecutableFileModel = { path: 'tool.sh', content: '#!/bin/sh\necho hi\n' };
const LAUNCH: ExecutableFileModel = { path: 'launch.py', content: '#!/usr/bin/env python3\n' };

function model(executables: ExecutableFileModel[], edit: Partial<ProjectModel> = {}): ProjectModel {
  return {
    name: 'demo',
    version: '1.0',
    description: 'd',
    dependencies: [],
    layout: 'src',
    packages: [{ name: 'pkg', init: '', modules: [{ name: 'core', source: '' }], data: [{ path: 'a.txt', content: 'a\n' }], subpackages: [] }],
    modules: [],
    executableFiles: executables,
    ...edit,
  };
}

function view(format: 'wheel' | 'sdist', entries: [string, number][]): ArchiveView {
  const enc = new TextEncoder();
  return {
    format,
    filename: format === 'sdist' ? 'demo-1.0.tar.gz' : 'demo-1.0-py3-none-any.whl',
    entries: entries.map(([path, mode]) => ({ path, type: 'file' as const, mode, size: 2, mtime: null, data: enc.encode('x\n') })),
    problems: [],
  };
}

describe('the model', () => {
  it('places executable files in the folder of the first package, by kind', () => {
    const m = model([TOOL, { path: 'bin/run.sh', content: '' }, LAUNCH]);
    expect(executableProjectPaths(m)).toEqual(['src/pkg/tool.sh', 'src/pkg/bin/run.sh', 'src/pkg/launch.py']);
    expect(executableWheelPaths(m)).toEqual(['pkg/tool.sh', 'pkg/bin/run.sh', 'pkg/launch.py']);
    expect(m.executableFiles!.map(executableKind)).toEqual(['data', 'data', 'module']);
    expect(modelFeatures(m)).toEqual(expect.arrayContaining(['file-mode:executable-data', 'file-mode:executable-module']));
    expect(modelFeatures(model([TOOL]))).not.toContain('file-mode:executable-module');
    expect(modelFeatures({ ...model([]), executableFiles: undefined }).filter((f) => f.startsWith('file-mode'))).toEqual([]);
  });

  it('refuses executable files that do not fit the model, and corpus files say why', () => {
    expect(executableFilesProblem(model([TOOL, LAUNCH]))).toBeNull();
    expect(executableFilesProblem(model([{ path: 'core.py', content: '' }]))).toMatch(/collides.*core\.py/);
    expect(executableFilesProblem(model([{ path: 'A.TXT', content: '' }]))).toMatch(/collides/);
    expect(executableFilesProblem(model([{ path: '__init__.py', content: '' }]))).toMatch(/identifier/);
    expect(executableFilesProblem(model([{ path: 'bin/x.py', content: '' }]))).toMatch(/extension/);
    expect(executableFilesProblem(model([{ path: 'run', content: '' }]))).toMatch(/extension/);
    expect(executableFilesProblem(model([TOOL, TOOL]))).toMatch(/twice/);
    expect(executableFilesProblem(model([TOOL], { packages: [], modules: [{ name: 'm', source: '' }] }))).toMatch(/top-level package/);
    expect(isValidModel(model([TOOL, LAUNCH]))).toBe(true);
    expect(isValidModel(model([{ path: '../x.sh', content: '' }]))).toBe(false);
    expect(isValidModel(model([{ path: 'core.py', content: '' }]))).toBe(false);
    expect(isValidModel({ ...model([TOOL]), executableFiles: [{ path: 'tool.sh', content: '', mode: 0o777 }] })).toBe(false);
    // Old corpus files (no such field) keep loading.
    const { executableFiles: _x, ...old } = model([]);
    expect(isValidModel(old)).toBe(true);
  });
});

describe('rendering and writing', () => {
  it('renders the executable files with mode 0o755 for every family, the same files everywhere', () => {
    const m = model([TOOL, LAUNCH]);
    for (const family of renderableFamilies()) {
      const files = render(m, family);
      expect(fileModes(files), family).toEqual({ 'src/pkg/launch.py': '0o755', 'src/pkg/tool.sh': '0o755' });
      expect(fileContent(files['src/pkg/tool.sh']!)).toBe(TOOL.content);
      expect(isExecutableFile(files['src/pkg/a.txt']!)).toBe(false);
    }
  });

  it('lists executable package data in setuptools package-data, by path and by glob', () => {
    const m = model([TOOL, { path: 'bin/run.sh', content: '' }]);
    const exact = parse(render(m, 'setuptools')['pyproject.toml'] as string) as { tool: { setuptools: { 'package-data': Record<string, string[]> } } };
    expect(exact.tool.setuptools['package-data']['pkg']).toEqual(['a.txt', 'bin/run.sh', 'tool.sh']);
    const glob = parse(render({ ...m, setuptools: { packageData: 'glob' } }, 'setuptools')['pyproject.toml'] as string) as typeof exact;
    expect(glob.tool.setuptools['package-data']['pkg']).toEqual(['*.sh', '*.txt', 'bin/*.sh']);
    const manifest = render({ ...m, setuptools: { packageData: 'manifest' } }, 'setuptools')['MANIFEST.in'] as string;
    expect(manifest).toContain('recursive-include src/pkg *.sh *.txt');
  });

  it('writes a file with its mode whatever the umask, and the others with the default one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'twinbuild-modes-'));
    const old = process.umask(0o077);
    try {
      const files: FileMap = { 'a/tool.sh': { content: '#!/bin/sh\n', mode: 0o755 }, 'a/x.txt': 'x' };
      await writeFileMap(dir, files);
      expect((await stat(join(dir, 'a/tool.sh'))).mode & 0o777).toBe(0o755);
      expect((await stat(join(dir, 'a/x.txt'))).mode & 0o100).toBe(0);
    } finally {
      process.umask(old);
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('unpacks an sdist as a project with the executable members executable', () => {
    const files = sdistAsProject(view('sdist', [['demo-1.0/src/pkg/tool.sh', 0o755], ['demo-1.0/src/pkg/a.txt', 0o644]]))!;
    expect(fileMode(files['src/pkg/tool.sh']!)).toBe(0o755);
    expect(fileMode(files['src/pkg/a.txt']!)).toBeNull();
  });
});

describe('capabilities', () => {
  it('keeps executable modules out of setuptools and both kinds out of uv_build before 0.8.10', () => {
    expect(supports('file-mode:executable-module', 'setuptools', '80.9.0')).toBe(false);
    expect(supports('file-mode:executable-data', 'setuptools', '80.9.0')).toBe(true);
    expect(supports('file-mode:executable-data', 'uv', '0.7.20')).toBe(false);
    expect(supports('file-mode:executable-data', 'uv', '0.8.9')).toBe(false);
    expect(supports('file-mode:executable-data', 'uv', '0.8.10')).toBe(true);
    expect(supports('file-mode:executable-module', 'uv', '0.13.6')).toBe(true);
    for (const family of ['hatchling', 'flit', 'pdm', 'poetry'] as const) expect(supports('file-mode:executable-module', family)).toBe(true);
    expect(unsupportedFeatures(model([LAUNCH]), { family: 'setuptools', version: '80.9.0' }).map((u) => u.feature)).toEqual(['file-mode:executable-module']);
  });
});

describe('the generator', () => {
  it('generates valid executable files of the kinds asked for, shrinking toward one bare tool.sh', () => {
    fc.assert(
      fc.property(executableFiles({ kinds: ['data'] }), (files) => {
        expect(files.length).toBeGreaterThan(0);
        for (const f of files) expect(executableKind(f)).toBe('data');
        expect(executableFilesProblem(model(files))).toBeNull();
      }),
      { seed: 3, numRuns: 200 },
    );
    const { minimal } = shrinkTo(executableFiles(), (files) => files.length > 0);
    expect(minimal).toEqual([{ path: EXECUTABLE_DATA_PATHS[0], content: '#!/bin/sh\n' }]);
    const withModule = shrinkTo(executableFiles(), (files) => files.some((f) => executableKind(f) === 'module')).minimal;
    expect(withModule).toEqual([{ path: 'launch.py', content: '#!/usr/bin/env python3\n' }]);
  });

  it('puts executable files into projects only for targets that express them, and shrinks the part away', () => {
    const setuptools = projectModel({ targets: [{ family: 'setuptools', version: '80.9.0' }], probabilities: { executableFiles: 1 } });
    fc.assert(
      fc.property(setuptools, (m) => {
        expect(modelFeatures(m)).not.toContain('file-mode:executable-module');
        expect(isValidModel(m)).toBe(true);
      }),
      { seed: 5, numRuns: 100 },
    );
    const seen = fc.sample(projectModel({ probabilities: { executableFiles: 1 } }), { seed: 6, numRuns: 200 });
    expect(seen.some((m) => (m.executableFiles ?? []).some((f) => executableKind(f) === 'module'))).toBe(true);
    expect(seen.filter((m) => m.packages.length > 0).every((m) => (m.executableFiles ?? []).length > 0)).toBe(true);
    // A failure that needs no executable file shrinks to a model without them.
    const { minimal } = shrinkTo(projectModel({ probabilities: { executableFiles: 0.5 } }), (m) => m.packages.length > 0);
    expect(minimal.executableFiles).toBeUndefined();
  });
});

describe('expectations', () => {
  it('the spec check: each executable file is executable in the sdist and in the wheel, by kind', () => {
    const m = model([TOOL, LAUNCH]);
    const good = executableModeDifferences(m, view('sdist', [['demo-1.0/src/pkg/tool.sh', 0o755], ['demo-1.0/src/pkg/launch.py', 0o100755]]), view('wheel', [['pkg/tool.sh', 0o100755], ['pkg/launch.py', 0o100755]]));
    expect(good).toEqual([]);
    const bad = executableModeDifferences(m, view('sdist', [['demo-1.0/src/pkg/tool.sh', 0o644], ['demo-1.0/src/pkg/launch.py', 0o755]]), view('wheel', [['pkg/tool.sh', 0o100755], ['pkg/launch.py', 0o100644]]));
    expect(bad.map((d) => [d.artifact, d.code, d.path])).toEqual([
      ['sdist', 'file-mode:executable-data', 'src/pkg/tool.sh'],
      ['wheel', 'file-mode:executable-module', 'pkg/launch.py'],
    ]);
    expect(bad[1]!.a).toContain('0o644');
    // A missing member is the file checks' business, and a failed artifact gives none.
    expect(executableModeDifferences(m, null, view('wheel', []))).toEqual([]);
  });

  it('the installed tree: the executable files are installed executable (regular installs)', () => {
    const m = model([TOOL, LAUNCH]);
    const e = installedExpectation(m);
    expect(e.executables).toEqual(['pkg/tool.sh', 'pkg/launch.py']);
    expect(e.modules).toContain('pkg.launch');
    expect(e.resources.map((r) => r.path)).toContain('tool.sh');
    expect(Object.keys(e.libFiles)).toEqual(expect.arrayContaining(['pkg/tool.sh', 'pkg/launch.py']));
    const purelib = (exec: boolean) =>
      Object.fromEntries(Object.entries(e.libFiles).map(([p, sha]) => [p, { sha256: sha, executable: exec && e.executables!.includes(p), head: null }]));
    const facts = (exec: boolean) => ({
      python: '3.11.7',
      interpreter: '/py',
      files: { purelib: purelib(exec), platlib: {}, headers: {}, scripts: {}, data: {} },
      imports: Object.fromEntries(e.modules.map((n) => [n, { ok: true as const, file: `/site/${n}.py`, package: e.packages.includes(n), namespace: false, underProject: false }])),
      resources: e.resources.map((r) => ({ package: r.package, path: r.path, ok: true, sha256: r.sha256 })),
      metadata: { count: 1, name: 'demo', version: '1.0', requires: [], extras: [], entryPoints: [] },
      requirements: {},
    });
    expect(compareInstalled(e, facts(true), { mode: 'wheel' })).toEqual([]);
    const lost = compareInstalled(e, facts(false), { mode: 'wheel' });
    expect(lost.map((d) => [d.code, d.path])).toEqual([
      ['not-executable', 'purelib/pkg/tool.sh'],
      ['not-executable', 'purelib/pkg/launch.py'],
    ]);
    // An editable install runs the project's own files: not judged.
    expect(compareInstalled(e, { ...facts(false), files: { ...facts(false).files, purelib: {} } }, { mode: 'editable' }).filter((d) => d.code?.includes('not-executable'))).toEqual([]);
  });
});
