import { describe, expect, it } from 'vitest';
import type { ArchiveView } from '../../src/archive/types.js';
import { compareViews, unifiedDiff } from '../../src/compare/compareViews.js';
import type { Difference } from '../../src/compare/types.js';
import { normalizeArtifact } from '../../src/normalize/normalizeArtifact.js';
import { LEVELS, type Level } from '../../src/normalize/types.js';
import {
  BUILD_TIME,
  HATCHLING_EXTRA_REQUIRES,
  HATCHLING_INPUTS,
  HATCHLING_PYPROJECT,
  PACKAGE_FILES,
  SETUPTOOLS_EXTRA_REQUIRES,
  SETUPTOOLS_INPUTS,
  SETUPTOOLS_PYPROJECT,
  archiveBytes,
  canon,
  diffAt,
  edited,
  fileEntry,
  hatchlingSdist,
  hatchlingWheel,
  projectInputs,
  setuptoolsSdist,
  setuptoolsWheel,
  where,
} from '../normalize/fixtures.js';

const SDIST_INPUTS: [typeof SETUPTOOLS_INPUTS, typeof HATCHLING_INPUTS] = [SETUPTOOLS_INPUTS, HATCHLING_INPUTS];
const find = (diffs: Difference[], kind: string, path: string): Difference | undefined => diffs.find((d) => d.kind === kind && d.path === path);

describe('equivalent builds: setuptools 80.9 vs hatchling 1.27', () => {
  describe('wheels', () => {
    it('compare equal at level semantic', () => {
      expect(diffAt(setuptoolsWheel(), hatchlingWheel(), 'semantic')).toEqual([]);
    });

    it("show each backend's own additions at level content", () => {
      const diffs = diffAt(setuptoolsWheel(), hatchlingWheel(), 'content');
      expect(where(diffs)).toEqual([
        'content {dist-info}/METADATA',
        'content {dist-info}/RECORD',
        'content {dist-info}/WHEEL',
        'only-in-a {dist-info}/top_level.txt',
      ]);
      const wheel = find(diffs, 'content', '{dist-info}/WHEEL')!;
      expect(wheel.diff).toContain('-Generator: setuptools (80.9.0)\n');
      expect(wheel.diff).toContain('+Generator: hatchling 1.27.0\n');
      expect(wheel.diff).not.toMatch(/^[-+](Tag|Wheel-Version|Root-Is-Purelib):/m);
      const metadata = find(diffs, 'content', '{dist-info}/METADATA')!;
      // field order is ignored at content; the spelling of requirements is not
      expect(metadata.diff).not.toMatch(/^[-+]Description-Content-Type:/m);
      expect(metadata.diff).toContain(`-Requires-Dist: pytest>=7; extra == "test"`);
      expect(metadata.diff).toContain(`+Requires-Dist: pytest>=7; extra == 'test'`);
      expect(find(diffs, 'only-in-a', '{dist-info}/top_level.txt')).toEqual({
        artifact: 'wheel',
        kind: 'only-in-a',
        path: '{dist-info}/top_level.txt',
        a: '8 bytes of text',
      });
      const record = find(diffs, 'content', '{dist-info}/RECORD')!;
      expect(record.diff).toMatch(/^-\{dist-info\}\/top_level\.txt,sha256=/m);
      // RECORD rows carry the {dist-info}/ paths: only the rows of members that differ change
      const changedRows = (record.diff!.match(/^[-+][^-+].*$/gm) ?? []).map((r) => r.slice(0, r.indexOf(',')));
      expect(changedRows.sort()).toEqual(['+{dist-info}/METADATA', '+{dist-info}/WHEEL', '-{dist-info}/METADATA', '-{dist-info}/WHEEL', '-{dist-info}/top_level.txt']);
    });

    it('show the dist-info folder name at level content when it differs, and not at semantic', () => {
      const older = setuptoolsWheel({ distInfo: 'Foo.Bar-1.0.dist-info', filename: 'Foo.Bar-1.0-py3-none-any.whl' });
      const content = diffAt(older, hatchlingWheel(), 'content');
      expect(where(content)).toEqual([
        'filename ',
        'folder-name ',
        'content {dist-info}/METADATA',
        'content {dist-info}/RECORD',
        'content {dist-info}/WHEEL',
        'only-in-a {dist-info}/top_level.txt',
      ]);
      expect(content[0]).toMatchObject({ a: 'Foo.Bar-1.0-py3-none-any.whl', b: 'foo_bar-1.0-py3-none-any.whl' });
      expect(content[1]).toEqual({ artifact: 'wheel', kind: 'folder-name', path: '', a: 'Foo.Bar-1.0.dist-info', b: 'foo_bar-1.0.dist-info' });
      expect(diffAt(older, hatchlingWheel(), 'semantic')).toEqual([]);
    });

    it('show only a folder-name difference at content, and none at semantic, for two spellings of the dist-info folder', () => {
      const a = setuptoolsWheel({ distInfo: 'Foo.Bar-1.0.dist-info' });
      const b = setuptoolsWheel({ distInfo: 'foo_bar-1.0.dist-info' });
      expect(diffAt(a, b, 'content')).toEqual([{ artifact: 'wheel', kind: 'folder-name', path: '', a: 'Foo.Bar-1.0.dist-info', b: 'foo_bar-1.0.dist-info' }]);
      expect(diffAt(b, a, 'content')).toEqual([{ artifact: 'wheel', kind: 'folder-name', path: '', a: 'foo_bar-1.0.dist-info', b: 'Foo.Bar-1.0.dist-info' }]);
      expect(diffAt(a, b, 'semantic')).toEqual([]);
      expect(canon(a, 'semantic').folders).toEqual(['Foo.Bar-1.0.dist-info']); // recorded, but not compared
      // at bytes the members show under their stored paths as well
      const bytes = diffAt(a, b, 'bytes');
      expect(bytes[0]).toEqual({ artifact: 'wheel', kind: 'folder-name', path: '', a: 'Foo.Bar-1.0.dist-info', b: 'foo_bar-1.0.dist-info' });
      expect(where(bytes).filter((w) => w.startsWith('folder-name'))).toEqual(['folder-name ']);
      expect(where(bytes)).toContain('only-in-a Foo.Bar-1.0.dist-info/METADATA');
      expect(where(bytes)).toContain('only-in-b foo_bar-1.0.dist-info/METADATA');
      // the same spelling gives no folder-name difference at any level
      for (const level of LEVELS) expect(diffAt(b, setuptoolsWheel(), level), level).toEqual([]);
    });

    it('compare equal at semantic whatever the Name/Version spelling and Metadata-Version', () => {
      const a = setuptoolsWheel({ name: 'foo_bar', version: '1.0.0rc1', metadataVersion: '2.1', filename: 'foo_bar-1.0.0rc1-py3-none-any.whl' });
      const b = hatchlingWheel({ name: 'Foo.Bar', version: '1.0.0-RC1', filename: 'Foo.Bar-1.0.0rc1-py3-none-any.whl' });
      expect(diffAt(a, b, 'semantic')).toEqual([]);
      expect(where(diffAt(a, b, 'content'))).toContain('filename ');
    });

    it('compare equal at semantic when one is tagged py2.py3 and the other py3, if Requires-Python admits Python 2', () => {
      const noRequiresPython = (v: ArchiveView): ArchiveView =>
        edited(v, (es) => es.map((e) => (e.path.endsWith('/METADATA') ? fileEntry(e.path, new TextDecoder().decode(e.data).replace(/^Requires-Python:.*\n/m, '')) : e)));
      const universal = noRequiresPython(
        edited(setuptoolsWheel({ filename: 'foo_bar-1.0-py2.py3-none-any.whl' }), (es) =>
          es.map((e) => (e.path.endsWith('/WHEEL') ? fileEntry(e.path, 'Wheel-Version: 1.0\nGenerator: setuptools (80.9.0)\nRoot-Is-Purelib: true\nTag: py2-none-any\nTag: py3-none-any\n\n') : e)),
        ),
      );
      expect(diffAt(universal, noRequiresPython(hatchlingWheel()), 'semantic')).toEqual([]);
      const content = diffAt(universal, noRequiresPython(hatchlingWheel()), 'content');
      expect(find(content, 'filename', '')).toBeDefined();
      expect(find(content, 'content', '{dist-info}/WHEEL')!.diff).toContain('-Tag: py2-none-any');
    });

    it('keep the py2 tag difference when Requires-Python excludes Python 2 (a py2 tag is then wrong)', () => {
      const universal = edited(setuptoolsWheel({ filename: 'foo_bar-1.0-py2.py3-none-any.whl' }), (es) =>
        es.map((e) => (e.path.endsWith('/WHEEL') ? fileEntry(e.path, 'Wheel-Version: 1.0\nGenerator: setuptools (80.9.0)\nRoot-Is-Purelib: true\nTag: py2-none-any\nTag: py3-none-any\n\n') : e)),
      );
      const d = diffAt(universal, hatchlingWheel(), 'semantic');
      expect(find(d, 'filename', '')).toBeDefined();
    });
  });

  describe('sdists', () => {
    it('compare equal at level semantic (each side given the project it was built from)', () => {
      expect(diffAt(setuptoolsSdist(), hatchlingSdist(), 'semantic', { inputs: SDIST_INPUTS })).toEqual([]);
    });

    it("compare equal at semantic whatever the top folder's spelling", () => {
      const a = setuptoolsSdist({ topFolder: 'Foo.Bar-1.0', filename: 'Foo.Bar-1.0.tar.gz' });
      expect(diffAt(a, hatchlingSdist(), 'semantic', { inputs: SDIST_INPUTS })).toEqual([]);
    });

    it('show the two configurations when the project files are not known', () => {
      const diffs = diffAt(setuptoolsSdist(), hatchlingSdist(), 'semantic');
      expect(where(diffs)).toEqual(['content pyproject.toml']);
      expect(diffs[0]!.diff).toContain('-build-backend = "setuptools.build_meta"');
      expect(diffs[0]!.diff).toContain('+build-backend = "hatchling.build"');
    });

    it("show setuptools' egg-info, setup.cfg and the PKG-INFO spelling at level content", () => {
      const diffs = diffAt(setuptoolsSdist(), hatchlingSdist(), 'content', { inputs: SDIST_INPUTS });
      expect(where(diffs)).toEqual([
        'content PKG-INFO',
        'only-in-a foo_bar.egg-info/PKG-INFO',
        'only-in-a foo_bar.egg-info/SOURCES.txt',
        'only-in-a foo_bar.egg-info/dependency_links.txt',
        'only-in-a foo_bar.egg-info/entry_points.txt',
        'only-in-a foo_bar.egg-info/requires.txt',
        'only-in-a foo_bar.egg-info/top_level.txt',
        'only-in-a setup.cfg',
      ]);
    });

    it('show the two configurations at level content when the project files are not known', () => {
      const diffs = diffAt(setuptoolsSdist(), hatchlingSdist(), 'content');
      expect(where(diffs)).toEqual([
        'content PKG-INFO',
        'only-in-a foo_bar.egg-info/PKG-INFO',
        'only-in-a foo_bar.egg-info/SOURCES.txt',
        'only-in-a foo_bar.egg-info/dependency_links.txt',
        'only-in-a foo_bar.egg-info/entry_points.txt',
        'only-in-a foo_bar.egg-info/requires.txt',
        'only-in-a foo_bar.egg-info/top_level.txt',
        'content pyproject.toml',
        'only-in-a setup.cfg',
      ]);
      expect(find(diffs, 'content', 'pyproject.toml')!.diff).toContain('+build-backend = "hatchling.build"');
    });

    it('show the top folder name once at level content when the top folders differ, and not at semantic', () => {
      const a = setuptoolsSdist({ topFolder: 'Foo.Bar-1.0' });
      const diffs = diffAt(a, hatchlingSdist(), 'content', { inputs: SDIST_INPUTS });
      expect(where(diffs)).toEqual([
        'folder-name ',
        'content PKG-INFO',
        'only-in-a foo_bar.egg-info/PKG-INFO',
        'only-in-a foo_bar.egg-info/SOURCES.txt',
        'only-in-a foo_bar.egg-info/dependency_links.txt',
        'only-in-a foo_bar.egg-info/entry_points.txt',
        'only-in-a foo_bar.egg-info/requires.txt',
        'only-in-a foo_bar.egg-info/top_level.txt',
        'only-in-a setup.cfg',
      ]);
      expect(diffs[0]).toEqual({ artifact: 'sdist', kind: 'folder-name', path: '', a: 'Foo.Bar-1.0', b: 'foo_bar-1.0' });
      expect(find(diffs, 'only-in-a', 'foo_bar/core.py')).toBeUndefined();
      // the same backend with two spellings: the folder name is the only difference
      expect(diffAt(a, setuptoolsSdist(), 'content', { inputs: [SETUPTOOLS_INPUTS, SETUPTOOLS_INPUTS] })).toEqual([
        { artifact: 'sdist', kind: 'folder-name', path: '', a: 'Foo.Bar-1.0', b: 'foo_bar-1.0' },
      ]);
      expect(diffAt(a, setuptoolsSdist(), 'semantic', { inputs: [SETUPTOOLS_INPUTS, SETUPTOOLS_INPUTS] })).toEqual([]);
    });

    it('compare an sdist without one top folder by its stored paths', () => {
      const two = edited(hatchlingSdist(), (es) => [...es, fileEntry('extra-1.0/NOTES.txt', 'x\n')]);
      const diffs = diffAt(two, hatchlingSdist(), 'content', { inputs: [HATCHLING_INPUTS, HATCHLING_INPUTS] });
      expect(diffs[0]).toEqual({ artifact: 'sdist', kind: 'folder-name', path: '', a: 'extra-1.0, foo_bar-1.0', b: 'foo_bar-1.0' });
      expect(find(diffs, 'only-in-a', 'extra-1.0/NOTES.txt')).toEqual({ artifact: 'sdist', kind: 'only-in-a', path: 'extra-1.0/NOTES.txt', a: '2 bytes of text' });
      expect(find(diffs, 'only-in-a', 'foo_bar-1.0/foo_bar/core.py')).toEqual({ artifact: 'sdist', kind: 'only-in-a', path: 'foo_bar-1.0/foo_bar/core.py', a: '75 bytes of text' });
      expect(find(diffs, 'only-in-b', 'foo_bar/core.py')).toEqual({ artifact: 'sdist', kind: 'only-in-b', path: 'foo_bar/core.py', b: '75 bytes of text' });
      // two such sdists compare member by member under their stored paths
      expect(diffAt(two, two, 'content')).toEqual([]);
      const changed = edited(two, (es) => es.map((e) => (e.path === 'foo_bar-1.0/foo_bar/core.py' ? fileEntry(e.path, 'x = 2\n') : e)));
      expect(where(diffAt(two, changed, 'content'))).toEqual(['content foo_bar-1.0/foo_bar/core.py']);
      expect(where(diffAt(two, changed, 'semantic'))).toEqual(['content foo_bar-1.0/foo_bar/core.py']);
    });
  });
});

/**
 * One real difference planted into the hatchling build (side B) while side A
 * is either the setuptools build or an unchanged hatchling build. It must
 * show at every level, with the same kind and the level's path.
 */
interface Planted {
  name: string;
  wheelB: ArchiveView;
  sdistB: ArchiveView;
  kind: Difference['kind'];
  /** Member path inside the project (wheel path; sdist path below the top folder). */
  member: string;
  /** Text expected in the unified diff, for text members. */
  diffHas?: string[];
}

const withoutData = Object.fromEntries(Object.entries(PACKAGE_FILES).filter(([p]) => p !== 'foo_bar/data/schema.json'));
const changedCore = { ...PACKAGE_FILES, 'foo_bar/core.py': (PACKAGE_FILES['foo_bar/core.py'] as string).replace('return 42', 'return 43') };

const PLANTED: Planted[] = [
  {
    name: 'a missing package data file',
    wheelB: hatchlingWheel({ files: withoutData }),
    sdistB: hatchlingSdist({ files: withoutData }),
    kind: 'only-in-a',
    member: 'foo_bar/data/schema.json',
  },
  {
    name: 'a changed module',
    wheelB: hatchlingWheel({ files: changedCore }),
    sdistB: hatchlingSdist({ files: changedCore }),
    kind: 'content',
    member: 'foo_bar/core.py',
    diffHas: ['-    return 42', '+    return 43', '@@ -1,5 +1,5 @@'],
  },
  {
    name: 'a different executable bit',
    wheelB: hatchlingWheel({ executable: ['foo_bar/cli.py'] }),
    sdistB: hatchlingSdist({ executable: ['foo_bar/cli.py'] }),
    kind: 'executable',
    member: 'foo_bar/cli.py',
  },
];

describe.each(PLANTED)('a real difference: $name', (p) => {
  const wheelMember = (_level: Level): string => p.member;
  const sdistMember = (level: Level): string => (level === 'bytes' ? `foo_bar-1.0/${p.member}` : p.member);

  it.each(LEVELS)('shows at level %s, between two hatchling builds and against setuptools', (level) => {
    for (const [a, b, inputs, member] of [
      [hatchlingWheel(), p.wheelB, undefined, wheelMember(level)],
      [setuptoolsWheel(), p.wheelB, undefined, wheelMember(level)],
      [hatchlingSdist(), p.sdistB, [HATCHLING_INPUTS, HATCHLING_INPUTS], sdistMember(level)],
      [setuptoolsSdist(), p.sdistB, SDIST_INPUTS, sdistMember(level)],
    ] as const) {
      const diffs = diffAt(a, b, level, { inputs: inputs as never });
      const d = find(diffs, p.kind, member);
      expect(d, `${level} ${a.format} ${where(diffs).join(' | ')}`).toBeDefined();
      expect(d!.artifact).toBe(a.format);
      for (const text of p.diffHas ?? []) expect(d!.diff).toContain(text);
      if (p.kind === 'executable') expect(d).toMatchObject({ a: 'false', b: 'true' });
    }
  });

  it('is the only difference of the member at semantic (besides RECORD listing it)', () => {
    const wheel = diffAt(setuptoolsWheel(), p.wheelB, 'semantic');
    const expectedWheel = [`${p.kind} ${p.member}`];
    if (p.kind === 'only-in-a') expectedWheel.push('content {dist-info}/RECORD');
    expect(where(wheel).sort()).toEqual(expectedWheel.sort());
    expect(where(diffAt(setuptoolsSdist(), p.sdistB, 'semantic', { inputs: SDIST_INPUTS }))).toEqual([`${p.kind} ${p.member}`]);
  });
});

describe('a real difference: a different Requires-Dist version bound', () => {
  const bumped = hatchlingWheel({ requires: ['click>=8.0', "requests>=2.1; python_version < '3.9'"] });
  const bumpedSdist = hatchlingSdist({ requires: ['click>=8.0', "requests>=2.1; python_version < '3.9'"] });

  it('shows in METADATA at every level, with a diff of the requirement', () => {
    for (const level of LEVELS) {
      const diffs = diffAt(setuptoolsWheel(), bumped, level);
      const path = level === 'bytes' ? 'foo_bar-1.0.dist-info/METADATA' : '{dist-info}/METADATA';
      const d = find(diffs, 'content', path);
      expect(d, level).toBeDefined();
      expect(d!.diff).toMatch(/^\+Requires-Dist: requests>=2\.1; python_version < ["']3\.9["']$/m);
    }
  });

  it('is the only difference at semantic, in normal form', () => {
    const diffs = diffAt(setuptoolsWheel(), bumped, 'semantic');
    expect(where(diffs)).toEqual(['content {dist-info}/METADATA']);
    // At semantic level specifier versions are in PEP 440 normal form without trailing zeros (poetry-specifier-sets).
    expect(diffs[0]!.diff).toContain('-Requires-Dist: requests>=2; python_version < "3.9"\n+Requires-Dist: requests>=2.1; python_version < "3.9"\n');
    expect(diffs[0]!.diff!.match(/^[-+][^-+]/gm)).toHaveLength(2);
    expect(where(diffAt(setuptoolsSdist(), bumpedSdist, 'semantic', { inputs: SDIST_INPUTS }))).toEqual(['content PKG-INFO']);
  });

  it('also shows for a marker or extra that differs', () => {
    const marker = hatchlingWheel({ requires: ['click>=8.0', "requests>=2.0; python_version <= '3.9'"] });
    expect(where(diffAt(setuptoolsWheel(), marker, 'semantic'))).toEqual(['content {dist-info}/METADATA']);
    const extra = hatchlingWheel({ extraRequires: [...HATCHLING_EXTRA_REQUIRES, "coverage; extra == 'test'"] });
    expect(where(diffAt(setuptoolsWheel(), extra, 'semantic'))).toEqual(['content {dist-info}/METADATA']);
    const same = setuptoolsWheel({ extraRequires: [...SETUPTOOLS_EXTRA_REQUIRES, 'Coverage ; extra=="Test"'] });
    expect(diffAt(same, extra, 'semantic')).toEqual([]);
  });
});

describe('level bytes sees what content ignores', () => {
  const base = hatchlingWheel();
  const cases: [string, ArchiveView, string[]][] = [
    ['mtimes', hatchlingWheel({ mtime: BUILD_TIME }), base.entries.map((e) => `mtime ${e.path}`).sort()],
    ['modes', hatchlingWheel({ fileMode: 0o664 }), base.entries.map((e) => `mode ${e.path}`).sort()],
    ['member order', { ...base, entries: [...base.entries].reverse() }, ['member-order ']],
    ['archive bytes only', base, ['archive-bytes ']],
  ];

  it.each(cases)('%s', (_name, other, expected) => {
    const a = canon(base, 'bytes');
    const b = other === base ? normalizeArtifact(base, new Uint8Array([1, 2, 3]), 'bytes') : canon(other, 'bytes');
    const diffs = compareViews(a, b);
    expect(where(diffs).sort()).toEqual(expected);
    for (const level of ['content', 'semantic'] as const) {
      const ca = canon(base, level);
      const cb = other === base ? normalizeArtifact(base, new Uint8Array([1, 2, 3]), level) : canon(other, level);
      expect(compareViews(ca, cb), level).toEqual([]);
    }
  });

  it('reports modes and times readably', () => {
    const diffs = diffAt(base, hatchlingWheel({ fileMode: 0o664, mtime: BUILD_TIME }), 'bytes');
    expect(find(diffs, 'mode', 'foo_bar/core.py')).toMatchObject({ a: '0o644', b: '0o664' });
    expect(find(diffs, 'mtime', 'foo_bar/core.py')).toMatchObject({ a: '1580601600', b: String(BUILD_TIME) });
    const noMode = edited(base, (es) => es.map((e) => ({ ...e, mode: null })));
    expect(find(diffAt(base, noMode, 'bytes'), 'mode', 'foo_bar/core.py')).toMatchObject({ a: '0o644', b: 'none' });
    expect(diffAt(base, noMode, 'content')).toEqual([]);
  });

  it('sees tar owners', () => {
    const other = hatchlingSdist({ uid: 1000, gid: 1000, uname: 'runner', gname: 'docker' });
    const diffs = diffAt(hatchlingSdist(), other, 'bytes');
    expect(new Set(diffs.map((d) => d.kind))).toEqual(new Set(['owner']));
    expect(find(diffs, 'owner', 'foo_bar-1.0/PKG-INFO')).toMatchObject({ a: '0:0 :', b: '1000:1000 runner:docker' });
    expect(diffAt(hatchlingSdist(), other, 'content')).toEqual([]);
  });

  it('reports the member order as a unified diff', () => {
    const swapped = edited(base, (es) => {
      const out = [...es];
      [out[0], out[1]] = [out[1]!, out[0]!];
      return out;
    });
    const [d] = diffAt(base, swapped, 'bytes');
    expect(d).toMatchObject({ artifact: 'wheel', kind: 'member-order', path: '' });
    expect(d!.diff).toContain('-foo_bar/__init__.py');
    expect(d!.diff).toContain('+foo_bar/__init__.py');
  });

  it('reports the executable bit at every level, and the mode too at bytes', () => {
    const exec = hatchlingWheel({ executable: ['foo_bar/cli.py'] });
    expect(where(diffAt(base, exec, 'bytes')).filter((w) => w.endsWith('cli.py')).sort()).toEqual([
      'executable foo_bar/cli.py',
      'mode foo_bar/cli.py',
    ]);
  });

  it('sees directory members only through the order (and the bytes)', () => {
    const withDir = edited(base, (es) => [{ ...es[0]!, path: 'foo_bar/', type: 'dir', data: new Uint8Array(0), size: 0 }, ...es]);
    expect(where(diffAt(base, withDir, 'bytes'))).toEqual(['member-order ']);
    expect(diffAt(base, withDir, 'content')).toEqual([]);
  });
});

describe('other differences', () => {
  it('binary members: compared by hash, described without a text diff', () => {
    const png = (b: number): Record<string, string | Uint8Array> => ({ ...PACKAGE_FILES, 'foo_bar/data/logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, b]) });
    for (const level of LEVELS) {
      const diffs = diffAt(hatchlingWheel({ files: png(1) }), hatchlingWheel({ files: png(2) }), level);
      const d = find(diffs, 'content', 'foo_bar/data/logo.png')!;
      expect(d.diff).toBeUndefined();
      expect(d.a).toMatch(/^6 bytes, sha256 [0-9a-f]{16}$/);
      expect(d.a).not.toBe(d.b);
    }
  });

  it('a member only side B has', () => {
    const more = hatchlingWheel({ files: { ...PACKAGE_FILES, 'foo_bar/py.typed': '' } });
    const diffs = diffAt(hatchlingWheel(), more, 'semantic');
    expect(where(diffs)).toEqual(['only-in-b foo_bar/py.typed', 'content {dist-info}/RECORD']);
    expect(find(diffs, 'only-in-b', 'foo_bar/py.typed')).toEqual({ artifact: 'wheel', kind: 'only-in-b', path: 'foo_bar/py.typed', b: '0 bytes of text' });
  });

  it('a symlink whose target differs', () => {
    const link = (target: string): ArchiveView =>
      edited(hatchlingSdist(), (es) => [...es, { path: 'foo_bar-1.0/docs', type: 'symlink', mode: 0o777, size: 0, mtime: 0, linkTarget: target, data: new Uint8Array(0) }]);
    const diffs = diffAt(link('README.md'), link('pyproject.toml'), 'semantic');
    expect(where(diffs)).toEqual(['content docs']);
    expect(diffs[0]!.diff).toContain('-<symlink -> README.md>');
  });

  it('archive problems one side has', () => {
    const bad = hatchlingWheel({ problems: [{ code: 'duplicate-member', path: 'foo_bar/core.py', message: 'stored twice' }] });
    for (const level of LEVELS) {
      expect(diffAt(hatchlingWheel(), bad, level)).toContainEqual({ artifact: 'wheel', kind: 'archive-problem', path: '', a: 'none', b: 'duplicate-member' });
    }
    expect(diffAt(bad, bad, 'semantic')).toEqual([]);
  });

  it('filenames, with the artifact named', () => {
    const other = hatchlingWheel({ filename: 'foo_bar-1.0-py3-none-manylinux_2_17_x86_64.whl' });
    expect(diffAt(hatchlingWheel(), other, 'semantic')).toEqual([
      { artifact: 'wheel', kind: 'filename', path: '', a: 'foo-bar-1.0-py3-none-any.whl', b: 'foo-bar-1.0-py3-none-manylinux_2_17_x86_64.whl' },
    ]);
  });

  it('a config file rewritten by one backend shows at semantic', () => {
    const rewritten = hatchlingSdist({ pyproject: HATCHLING_PYPROJECT.replace('hatchling.build', 'hatchling.ouild') });
    const diffs = diffAt(setuptoolsSdist(), rewritten, 'semantic', { inputs: SDIST_INPUTS });
    expect(where(diffs)).toEqual(['content pyproject.toml']);
    expect(diffs[0]!.diff).toContain('+build-backend = "hatchling.ouild"');
    expect(SETUPTOOLS_PYPROJECT).not.toBe(HATCHLING_PYPROJECT);
    expect(projectInputs(HATCHLING_PYPROJECT)['pyproject.toml']).toBe(HATCHLING_PYPROJECT);
  });

  it('lists differences sorted by path, stable across calls', () => {
    const a = setuptoolsSdist();
    const b = hatchlingSdist({ files: changedCore });
    const diffs = diffAt(a, b, 'content', { inputs: SDIST_INPUTS });
    const paths = diffs.map((d) => d.path);
    expect(paths).toEqual([...paths].sort());
    expect(diffAt(a, b, 'content', { inputs: SDIST_INPUTS })).toEqual(diffs);
  });

  it('uses the labels in the unified diff headers', () => {
    const diffs = diffAt(hatchlingWheel(), hatchlingWheel({ files: changedCore }), 'content', { labels: ['setuptools==80.9.0', 'hatchling==1.27.0'] });
    const d = find(diffs, 'content', 'foo_bar/core.py')!;
    expect(d.diff).toMatch(/^--- a\/foo_bar\/core\.py\tsetuptools==80\.9\.0\n\+\+\+ b\/foo_bar\/core\.py\thatchling==1\.27\.0\n@@ /);
  });

  it('is empty for a view compared with itself at every level', () => {
    for (const v of [setuptoolsWheel(), hatchlingWheel(), setuptoolsSdist(), hatchlingSdist()]) {
      for (const level of LEVELS) expect(compareViews(normalizeArtifact(v, archiveBytes(v), level), normalizeArtifact(v, archiveBytes(v), level))).toEqual([]);
    }
  });
});

describe('unifiedDiff', () => {
  it('is a plain unified diff with a/ and b/ paths, no Index or === lines', () => {
    const d = unifiedDiff('foo_bar/core.py', 'a\nb\nc\n', 'a\nB\nc\n');
    expect(d).toBe('--- a/foo_bar/core.py\tA\n+++ b/foo_bar/core.py\tB\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n');
  });

  it('cuts a huge diff and says so', () => {
    const big = (c: string): string => Array.from({ length: 1000 }, (_, i) => `${c}${i} of a long generated data file`).join('\n') + '\n';
    const d = unifiedDiff('big.txt', big('a'), big('b'));
    expect(d.length).toBeLessThan(20_100);
    expect(d.endsWith('\n[... diff cut by twinbuild ...]\n')).toBe(true);
  });
});
