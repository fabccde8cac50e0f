/**
 * A symlinked package data file (issue #12, `symlinkedData`): the files the
 * model adds, how they render (a `SymlinkFile` in the file map, listed in
 * setuptools package-data) and are written (a real symbolic link), the
 * generator and its shrinking, our archive readers on symlink members of a
 * tar sdist (type 2) and of a zip, the sdist unpacked as a project with the
 * link written back, the normalization that compares a link and a copy as
 * equal, and the `spec` check.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'smol-toml';
import { afterAll, describe, expect, it } from 'vitest';
import { projectModel } from '../../generators/projectModel.js';
import { readArtifact } from '../../src/archive/index.js';
import type { ArchiveView } from '../../src/archive/types.js';
import { writeFileMap } from '../../src/build/fileMapIO.js';
import { compareViews } from '../../src/compare/compareViews.js';
import { isValidModel } from '../../src/corpus/corpusFile.js';
import { sdistAsProject } from '../../src/fuzz/properties/_sdistFiles.js';
import { symlinkedDataDifferences } from '../../src/fuzz/properties/_symlinkedData.js';
import { installedExpectation } from '../../src/install/expect.js';
import { modelFeatures } from '../../src/model/features.js';
import type { ProjectModel } from '../../src/model/projectModel.js';
import { SYMLINK_CONTENT, SYMLINK_PATH, SYMLINK_TARGET, SYMLINK_TARGET_PATH, symlinkedDataFiles, symlinkedDataProblem } from '../../src/model/symlinkedData.js';
import { normalizeArtifact } from '../../src/normalize/normalizeArtifact.js';
import { supports } from '../../src/render/capabilities.js';
import { fileContent, symlinkTarget } from '../../src/render/fileMap.js';
import { render, renderableFamilies } from '../../src/render/index.js';
import { shrinkTo } from '../generators/shrink.js';

function model(edit: Partial<ProjectModel> = {}): ProjectModel {
  return {
    name: 'demo',
    version: '1.0',
    description: 'd',
    dependencies: [],
    layout: 'flat',
    packages: [{ name: 'pkg', init: '', modules: [], data: [{ path: 'a.txt', content: 'a\n' }], subpackages: [] }],
    modules: [],
    symlinkedData: true,
    ...edit,
  };
}

const dirs: string[] = [];
const temp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'twinbuild-links-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const enc = new TextEncoder();
type Member = { path: string; text?: string; link?: string; mode?: number };
function view(format: 'wheel' | 'sdist', members: Member[]): ArchiveView {
  const v: ArchiveView = {
    format,
    filename: format === 'sdist' ? 'demo-1.0.tar.gz' : 'demo-1.0-py3-none-any.whl',
    entries: members.map((m) =>
      m.link !== undefined
        ? { path: m.path, type: 'symlink' as const, mode: 0o777, size: 0, mtime: null, linkTarget: m.link, data: new Uint8Array() }
        : { path: m.path, type: 'file' as const, mode: m.mode ?? 0o644, size: m.text!.length, mtime: null, data: enc.encode(m.text!) },
    ),
    problems: members.filter((m) => m.link !== undefined).map((m) => ({ code: 'symlink' as const, path: m.path, message: `symbolic link to ${m.link}` })),
  };
  return v;
}
const linkedSdist = (link = SYMLINK_TARGET): ArchiveView =>
  view('sdist', [
    { path: 'demo-1.0/pkg/__init__.py', text: '' },
    { path: `demo-1.0/pkg/${SYMLINK_TARGET_PATH}`, text: SYMLINK_CONTENT },
    { path: `demo-1.0/pkg/${SYMLINK_PATH}`, link },
  ]);
const copiedSdist = (): ArchiveView =>
  view('sdist', [
    { path: 'demo-1.0/pkg/__init__.py', text: '' },
    { path: `demo-1.0/pkg/${SYMLINK_TARGET_PATH}`, text: SYMLINK_CONTENT },
    { path: `demo-1.0/pkg/${SYMLINK_PATH}`, text: SYMLINK_CONTENT },
  ]);

describe('the model', () => {
  it('adds a target file and a relative link to it, and refuses what does not fit', () => {
    expect(symlinkedDataFiles(model())).toEqual([
      { path: 'data/v1.txt', content: SYMLINK_CONTENT },
      { path: 'data/current.txt', content: SYMLINK_CONTENT, symlink: 'v1.txt' },
    ]);
    expect(symlinkedDataFiles(model({ symlinkedData: undefined }))).toEqual([]);
    expect(modelFeatures(model())).toContain('package-data:symlink');
    expect(modelFeatures(model({ symlinkedData: undefined }))).not.toContain('package-data:symlink');
    expect(symlinkedDataProblem(model({ packages: [], modules: [{ name: 'm', source: '' }] }))).toMatch(/top-level package/);
    expect(symlinkedDataProblem(model({ packages: [{ name: 'pkg', init: '', modules: [], data: [{ path: 'DATA/V1.txt', content: '' }], subpackages: [] }] }))).toMatch(/collides/);
    expect(isValidModel(model())).toBe(true);
    expect(isValidModel({ ...model(), symlinkedData: false as never })).toBe(false);
    expect(isValidModel({ ...model({ packages: [], modules: [], metaPackage: true }) })).toBe(false);
  });

  it('renders a SymlinkFile for every family that has it, lists both in setuptools package-data, and expects both installed', () => {
    const m = model();
    for (const family of renderableFamilies()) {
      const files = render(m, family);
      const link = files[`pkg/${SYMLINK_PATH}`]!;
      expect(symlinkTarget(link), family).toBe(SYMLINK_TARGET);
      expect(fileContent(link), family).toBe(SYMLINK_CONTENT);
      expect(files[`pkg/${SYMLINK_TARGET_PATH}`], family).toBe(SYMLINK_CONTENT);
    }
    const st = parse(render(m, 'setuptools')['pyproject.toml'] as string) as { tool: { setuptools: { 'package-data': Record<string, string[]> } } };
    expect(st.tool.setuptools['package-data']['pkg']).toEqual(expect.arrayContaining([SYMLINK_PATH, SYMLINK_TARGET_PATH]));
    const resources = installedExpectation(m).resources.filter((r) => r.path.startsWith('data/'));
    expect(resources.map((r) => r.path).sort()).toEqual([SYMLINK_PATH, SYMLINK_TARGET_PATH]);
    expect(new Set(resources.map((r) => r.sha256)).size).toBe(1);
  });

  it('is kept out of poetry by capability, with the reason', () => {
    expect(supports('package-data:symlink', 'poetry', '2.5.0')).toBe(false);
    for (const family of ['setuptools', 'hatchling', 'flit', 'pdm', 'uv'] as const) expect(supports('package-data:symlink', family, '99'), family).toBe(true);
  });
});

describe('the writer', () => {
  it('writes a symbolic link with the relative target, and refuses a target that leaves the project', async () => {
    const root = temp();
    await writeFileMap(root, render(model(), 'hatchling'), { mtime: 1_000_000 });
    const link = join(root, 'pkg', SYMLINK_PATH);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(SYMLINK_TARGET);
    expect(readFileSync(link, 'utf8')).toBe(SYMLINK_CONTENT);
    await expect(writeFileMap(temp(), { 'a/b.txt': { content: 'x', symlink: '../../outside' } })).rejects.toThrow(/leaves the project folder/);
    await expect(writeFileMap(temp(), { 'a/b.txt': { content: 'x', symlink: '/etc/passwd' } })).rejects.toThrow(/leaves the project folder/);
  });
});

describe('the generator', () => {
  it('draws the part where a package holds it, valid, and shrinks it away', () => {
    const seen = fc.sample(projectModel({ probabilities: { symlinkedData: 1 } }), { seed: 4, numRuns: 100 });
    expect(seen.filter((m) => m.packages.length > 0).every((m) => m.symlinkedData === true)).toBe(true);
    expect(seen.every((m) => isValidModel(m))).toBe(true);
    const { minimal } = shrinkTo(projectModel({ probabilities: { symlinkedData: 0.5 } }), (m) => m.packages.length > 0);
    expect(minimal.symlinkedData).toBeUndefined();
    const poetry = fc.sample(projectModel({ targets: [{ family: 'poetry', version: '2.5.0' }], probabilities: { symlinkedData: 1 } }), { seed: 4, numRuns: 50 });
    expect(poetry.every((m) => m.symlinkedData === undefined)).toBe(true);
  });
});

describe('archives', () => {
  it('reads a symlink member of a tar sdist (type 2) and of a zip, written by Python', async () => {
    const dir = temp();
    const tgz = join(dir, 'x.tar.gz');
    const zip = join(dir, 'x.whl');
    const script = [
      'import io, tarfile, zipfile, sys',
      "with tarfile.open(sys.argv[1], 'w:gz', format=tarfile.PAX_FORMAT) as t:",
      "    data = b'version 1\\n'; i = tarfile.TarInfo('demo-1.0/pkg/data/v1.txt'); i.size = len(data); t.addfile(i, io.BytesIO(data))",
      "    l = tarfile.TarInfo('demo-1.0/pkg/data/current.txt'); l.type = tarfile.SYMTYPE; l.linkname = 'v1.txt'; t.addfile(l)",
      "with zipfile.ZipFile(sys.argv[2], 'w') as z:",
      "    z.writestr('pkg/data/v1.txt', b'version 1\\n')",
      "    i = zipfile.ZipInfo('pkg/data/current.txt'); i.create_system = 3; i.external_attr = (0o120777) << 16; z.writestr(i, b'v1.txt')",
    ].join('\n');
    execFileSync('python3', ['-c', script, tgz, zip]);
    const sdist = await readArtifact('sdist', 'demo-1.0.tar.gz', new Uint8Array(readFileSync(tgz)));
    expect(sdist.entries.find((e) => e.path === 'demo-1.0/pkg/data/current.txt')).toMatchObject({ type: 'symlink', linkTarget: 'v1.txt' });
    expect(sdist.problems).toEqual([expect.objectContaining({ code: 'symlink', path: 'demo-1.0/pkg/data/current.txt' })]);
    const wheel = await readArtifact('wheel', 'demo-1.0-py3-none-any.whl', new Uint8Array(readFileSync(zip)));
    expect(wheel.entries.find((e) => e.path === 'pkg/data/current.txt')).toMatchObject({ type: 'symlink', linkTarget: 'v1.txt' });
  });

  it('unpacks an sdist with a link as a project with the link written back, and refuses a dangling one', async () => {
    const files = sdistAsProject(linkedSdist())!;
    expect(files).not.toBeNull();
    expect(symlinkTarget(files[`pkg/${SYMLINK_PATH}`]!)).toBe(SYMLINK_TARGET);
    const root = temp();
    await writeFileMap(root, files);
    expect(readlinkSync(join(root, 'pkg', SYMLINK_PATH))).toBe(SYMLINK_TARGET);
    expect(readFileSync(join(root, 'pkg', SYMLINK_PATH), 'utf8')).toBe(SYMLINK_CONTENT);
    expect(sdistAsProject(linkedSdist('missing.txt'))).toBeNull();
    expect(sdistAsProject(linkedSdist('../../../etc/passwd'))).toBeNull();
  });

  it('compares an sdist link to a member file as equal to a copy, above bytes only, and a dangling link as a difference', () => {
    const empty = new Uint8Array();
    for (const level of ['semantic', 'content'] as const) {
      const a = normalizeArtifact(linkedSdist(), empty, level);
      const b = normalizeArtifact(copiedSdist(), empty, level);
      expect(a.problems, level).toEqual([]);
      expect(compareViews(a, b, ['A', 'B']).filter((d) => d.kind !== 'archive-bytes'), level).toEqual([]);
    }
    const raw = compareViews(normalizeArtifact(linkedSdist(), empty, 'bytes'), normalizeArtifact(copiedSdist(), empty, 'bytes'), ['A', 'B']);
    expect(raw.length).toBeGreaterThan(0);
    const dangling = compareViews(normalizeArtifact(linkedSdist('missing.txt'), empty, 'semantic'), normalizeArtifact(copiedSdist(), empty, 'semantic'), ['A', 'B']);
    expect(dangling.map((d) => d.kind)).toEqual(expect.arrayContaining(['archive-problem', 'content']));
    // A link whose target's content is not the copy's still differs, by content.
    const other = view('sdist', [...copiedSdist().entries.slice(0, 2).map((e) => ({ path: e.path, text: new TextDecoder().decode(e.data) })), { path: `demo-1.0/pkg/${SYMLINK_PATH}`, text: 'version 2\n' }]);
    const changed = compareViews(normalizeArtifact(linkedSdist(), empty, 'semantic'), normalizeArtifact(other, empty, 'semantic'), ['A', 'B']);
    expect(changed.map((d) => [d.kind, d.path])).toEqual([['content', `pkg/${SYMLINK_PATH}`]]);
    // Two links compare by their targets as written.
    const twoLinks = compareViews(normalizeArtifact(linkedSdist(), empty, 'semantic'), normalizeArtifact(linkedSdist('./v1.txt'), empty, 'semantic'), ['A', 'B']);
    expect(twoLinks.map((d) => d.kind)).toEqual(['content']);
  });
});

describe('the spec check', () => {
  const wheelWith = (link: boolean): ArchiveView =>
    view('wheel', [{ path: 'pkg/__init__.py', text: '' }, { path: `pkg/${SYMLINK_TARGET_PATH}`, text: SYMLINK_CONTENT }, ...(link ? [{ path: `pkg/${SYMLINK_PATH}`, text: SYMLINK_CONTENT }] : [])]);

  it('takes a link or a copy in the sdist and the dereferenced file in the wheel', () => {
    const m = model();
    expect(symlinkedDataDifferences(m, linkedSdist(), wheelWith(true))).toEqual([]);
    expect(symlinkedDataDifferences(m, copiedSdist(), wheelWith(true))).toEqual([]);
    expect(symlinkedDataDifferences(m, null, null)).toEqual([]);
  });

  it('reports the link missing from the wheel, a link left in the wheel, and a dangling link in the sdist, by code', () => {
    const m = model();
    const missing = symlinkedDataDifferences(m, linkedSdist(), wheelWith(false));
    expect(missing.map((d) => [d.artifact, d.code, d.path])).toEqual([['wheel', 'must-ship:symlink', `pkg/${SYMLINK_PATH}`]]);
    const wheelLink = view('wheel', [{ path: `pkg/${SYMLINK_TARGET_PATH}`, text: SYMLINK_CONTENT }, { path: `pkg/${SYMLINK_PATH}`, link: SYMLINK_TARGET }]);
    // A wheel has no links: a link member is an archive problem (spec reports it as A001), so the check reads nothing.
    expect(symlinkedDataDifferences(m, null, wheelLink)).toEqual([]);
    const dangling = symlinkedDataDifferences(m, linkedSdist('missing.txt'), wheelWith(true));
    expect(dangling.map((d) => [d.artifact, d.code, d.path])).toEqual([['sdist', 'must-ship:symlink', `pkg/${SYMLINK_PATH}`]]);
  });
});
