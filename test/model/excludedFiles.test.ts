/**
 * Files that must not ship (issue #12): where an excluded file lies and what
 * its rule names, when a model's excluded files do not fit it, what must and
 * must not ship (`shipExpectation`), and the `spec` check that holds an
 * artifact to it (`mustNotShipDifferences`).
 */
import { describe, expect, it } from 'vitest';
import type { ArchiveView } from '../../src/archive/types.js';
import { mustNotShipDifferences } from '../../src/fuzz/properties/_mustNotShip.js';
import { signatureOf } from '../../src/fuzz/signature.js';
import { excludePattern, excludeRuleMatches, excludedFilesProblem, shipExpectation } from '../../src/model/excludedFiles.js';
import type { ExcludedFileModel, ProjectModel } from '../../src/model/projectModel.js';
import { render } from '../../src/render/index.js';
import { richModel } from '../render/fixtures.js';

/** A flat project with one package `pkg` (a module, a data file under `docs/`) and the given excluded files. */
function model(excludedFiles: ExcludedFileModel[], edit: Partial<ProjectModel> = {}): ProjectModel {
  return {
    name: 'demo',
    version: '1.0',
    description: null,
    dependencies: [],
    layout: 'flat',
    packages: [{ name: 'pkg', init: '', modules: [{ name: 'core', source: 'X = 1\n' }], data: [{ path: 'docs/a.txt', content: 'a\n' }], subpackages: [] }],
    modules: [],
    excludedFiles,
    ...edit,
  };
}

const x = (path: string, scope: ExcludedFileModel['scope'], rule: ExcludedFileModel['rule']): ExcludedFileModel => ({ path, content: 'x\n', scope, rule });

const bytes = new TextEncoder();
/** An archive view holding exactly `paths` as regular files (and one folder entry, which is never a file). */
function view(format: 'wheel' | 'sdist', paths: string[]): ArchiveView {
  const entries = paths.map((path) => ({ path, type: 'file' as const, mode: 0o644, size: 2, mtime: null, data: bytes.encode('x\n') }));
  const dir = format === 'sdist' ? 'demo-1.0/pkg/' : 'pkg/';
  return { format, filename: format === 'sdist' ? 'demo-1.0.tar.gz' : 'demo-1.0-py3-none-any.whl', entries: [{ path: dir, type: 'dir', mode: 0o755, size: 0, mtime: null, data: new Uint8Array() }, ...entries], problems: [] };
}
/** What every artifact of `model([...])` ships besides the excluded files. */
const SDIST = ['demo-1.0/pyproject.toml', 'demo-1.0/PKG-INFO', 'demo-1.0/pkg/__init__.py', 'demo-1.0/pkg/core.py', 'demo-1.0/pkg/docs/a.txt'];
const WHEEL = ['pkg/__init__.py', 'pkg/core.py', 'pkg/docs/a.txt', 'demo-1.0.dist-info/METADATA', 'demo-1.0.dist-info/RECORD'];

describe('excluded files: paths and rules', () => {
  it('lies in the folder of the first package, below src/ in the src layout; the wheel path drops src/', () => {
    const flat = model([x('notes.bak', 'both', 'path')]);
    expect(shipExpectation(flat)).toEqual([{ file: flat.excludedFiles![0], sdistPath: 'pkg/notes.bak', wheelPath: 'pkg/notes.bak', inWheel: 'absent' }]);
    const src = { ...richModel, excludedFiles: [x('_scratch/old.bak', 'sdist', 'folder')] };
    expect(shipExpectation(src)).toEqual([{ file: src.excludedFiles[0], sdistPath: 'src/rich/_scratch/old.bak', wheelPath: 'rich/_scratch/old.bak', inWheel: 'present' }]);
    expect(shipExpectation({ ...richModel })).toEqual([]);
  });

  it('names the file, its folder and extension, or the folder below the package it is in', () => {
    const m = model([]);
    expect(excludePattern(m, x('_scratch/deep/trace.log', 'both', 'path'))).toBe('pkg/_scratch/deep/trace.log');
    expect(excludePattern(m, x('_scratch/deep/trace.log', 'both', 'glob'))).toBe('pkg/_scratch/deep/*.log');
    expect(excludePattern(m, x('_scratch/deep/trace.log', 'both', 'folder'))).toBe('pkg/_scratch');
    // A glob takes the folder's own files of that extension, not those of a subfolder or another extension.
    const glob = x('notes.bak', 'both', 'glob');
    expect(excludeRuleMatches(m, glob, 'pkg/other.bak')).toBe(true);
    expect(excludeRuleMatches(m, glob, 'pkg/notes.orig')).toBe(false);
    expect(excludeRuleMatches(m, glob, 'other/notes.bak')).toBe(false);
    const folder = x('_scratch/todo.tmp', 'both', 'folder');
    expect(excludeRuleMatches(m, folder, 'pkg/_scratch/deep/trace.log')).toBe(true);
    expect(excludeRuleMatches(m, folder, 'pkg/_scratch2/a.tmp')).toBe(false);
  });
});

describe('excludedFilesProblem: the excluded files fit the model', () => {
  it('accepts files no rule of which reaches a shipped file or an excluded file of the other scope', () => {
    expect(excludedFilesProblem(model([x('notes.bak', 'both', 'glob'), x('_scratch/old.bak', 'both', 'folder'), x('draft.orig', 'sdist', 'path')]))).toBeNull();
    expect(excludedFilesProblem(model([]))).toBeNull();
  });

  it.each<[string, ProjectModel, RegExp]>([
    ['no top-level package', model([x('notes.bak', 'both', 'path')], { packages: [], modules: [{ name: 'm', source: '' }] }), /needs a top-level package/],
    ['a path listed twice (in another case)', model([x('notes.bak', 'both', 'path'), x('NOTES.bak', 'sdist', 'path')]), /listed twice/],
    ['a path that is a shipped data file', model([x('docs/a.txt', 'both', 'path')]), /ships: pkg\/docs\/a\.txt/],
    ['a glob that takes a shipped data file', model([x('docs/b.txt', 'both', 'glob')]), /glob rule matches.*pkg\/docs\/a\.txt/],
    ['a folder that holds a shipped data file', model([x('docs/b.bak', 'sdist', 'folder')]), /folder rule matches.*pkg\/docs\/a\.txt/],
    ['a path inside a shipped file', model([x('core.py/x.bak', 'both', 'path')]), /ships: pkg\/core\.py/],
    ['a path that is a root file of the model (an sdist file in the package folder)', model([x('notes.bak', 'both', 'path')], { sdistFiles: [{ path: 'pkg/notes.bak', content: '' }] }), /ships: pkg\/notes\.bak/],
    ['a folder that holds stray bytecode', model([x('__pycache__/x.log', 'both', 'folder')], { strayBytecode: 'pycache' }), /ships: pkg\/__pycache__\/[a-z_]+\.cpython-311\.pyc/],
    ['a glob of one scope that takes a file of the other', model([x('notes.bak', 'both', 'glob'), x('old.bak', 'sdist', 'path')]), /also matches old\.bak, excluded with another scope/],
  ])('rejects %s', (_what, m, why) => {
    expect(excludedFilesProblem(m)).toMatch(why);
  });
});

describe('the spec check of what must not ship', () => {
  const both = model([x('notes.bak', 'both', 'path'), x('_scratch/a.tmp', 'both', 'folder')]);
  const sdistOnly = model([x('draft.orig', 'sdist', 'glob')]);

  it('accepts artifacts that ship what the model says: no excluded file in the sdist, a `both` file not in the wheel, an `sdist` file in it', () => {
    expect(mustNotShipDifferences(both, view('sdist', SDIST), view('wheel', WHEEL))).toEqual([]);
    expect(mustNotShipDifferences(sdistOnly, view('sdist', SDIST), view('wheel', [...WHEEL, 'pkg/draft.orig']))).toEqual([]);
  });

  it('reports a file excluded from both that the sdist or the wheel ships, by rule and scope', () => {
    const ds = mustNotShipDifferences(both, view('sdist', [...SDIST, 'demo-1.0/pkg/notes.bak']), view('wheel', [...WHEEL, 'pkg/_scratch/a.tmp']));
    expect(ds).toEqual([
      expect.objectContaining({ artifact: 'sdist', kind: 'spec-problem', code: 'must-not-ship:path:both', path: 'pkg/notes.bak' }),
      expect.objectContaining({ artifact: 'wheel', kind: 'spec-problem', code: 'must-not-ship:folder:both', path: 'pkg/_scratch/a.tmp' }),
    ]);
    expect(signatureOf('spec', ds).text).toBe('spec|sdist:spec:must-not-ship:path:both:a|wheel:spec:must-not-ship:folder:both:a');
  });

  it('reports a file excluded from the sdist only that the sdist ships or the wheel lacks', () => {
    expect(mustNotShipDifferences(sdistOnly, view('sdist', [...SDIST, 'demo-1.0/pkg/draft.orig']), view('wheel', [...WHEEL, 'pkg/draft.orig']))).toEqual([
      expect.objectContaining({ artifact: 'sdist', code: 'must-not-ship:glob:sdist', path: 'pkg/draft.orig' }),
    ]);
    expect(mustNotShipDifferences(sdistOnly, view('sdist', SDIST), view('wheel', WHEEL))).toEqual([expect.objectContaining({ artifact: 'wheel', code: 'must-ship:glob:sdist', path: 'pkg/draft.orig' })]);
  });

  it('never judges the sdist-only file in the wheel as must-not-ship, nor an artifact that failed to build', () => {
    const codes = mustNotShipDifferences(sdistOnly, view('sdist', SDIST), view('wheel', [...WHEEL, 'pkg/draft.orig'])).map((d) => d.code);
    expect(codes).toEqual([]);
    expect(mustNotShipDifferences(both, null, null)).toEqual([]);
    expect(mustNotShipDifferences(both, null, view('wheel', [...WHEEL, 'pkg/notes.bak']))).toEqual([expect.objectContaining({ artifact: 'wheel', code: 'must-not-ship:path:both' })]);
  });

  it('signs the same failed exclusion of another file alike (the signature names rule and scope, not the path)', () => {
    const other = model([x('session.log', 'both', 'path')]);
    const a = mustNotShipDifferences(both, null, view('wheel', [...WHEEL, 'pkg/notes.bak']));
    const b = mustNotShipDifferences(other, null, view('wheel', [...WHEEL, 'pkg/session.log']));
    expect(signatureOf('spec', a).id).toBe(signatureOf('spec', b).id);
  });

  it('a project rendered for any family holds every excluded file (the configuration, not the tree, excludes it)', () => {
    for (const family of ['setuptools', 'hatchling', 'pdm', 'poetry', 'uv'] as const) {
      const files = render(both, family);
      for (const { sdistPath } of shipExpectation(both)) expect(files[sdistPath], `${family}: ${sdistPath}`).toBe('x\n');
    }
  });
});
