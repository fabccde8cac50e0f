import { describe, expect, it } from 'vitest';
import type { Difference } from '../../src/compare/types.js';
import type { FileMap } from '../../src/render/fileMap.js';
import { changedFields, differenceClass, differenceClasses, pathClass, signatureOf, summarize } from '../../src/fuzz/signature.js';
import {
  HATCHLING_PYPROJECT,
  PACKAGE_FILES,
  SETUPTOOLS_PYPROJECT,
  diffAt,
  edited,
  fileEntry,
  hatchlingSdist,
  hatchlingWheel,
  setuptoolsSdist,
  setuptoolsWheel,
  SETUPTOOLS_INPUTS,
  HATCHLING_INPUTS,
  projectInputs,
} from '../normalize/fixtures.js';

/** A second project with other names everywhere: `baz` 2.0, package `baz`. */
const BAZ_FILES: Record<string, string> = {
  'baz/__init__.py': '',
  'baz/util.py': 'def helper():\n    return "x"\n',
  'baz/cli.py': 'def main():\n    pass\n',
  'baz/assets/other.json': '[]\n',
};
const baz = { name: 'baz', version: '2.0', files: BAZ_FILES, distInfo: 'baz-2.0.dist-info', filename: 'baz-2.0-py3-none-any.whl' };
const bazSdist = { name: 'baz', version: '2.0', files: BAZ_FILES, topFolder: 'baz-2.0', filename: 'baz-2.0.tar.gz' };
const without = (files: Record<string, string | Uint8Array>, path: string): Record<string, string | Uint8Array> =>
  Object.fromEntries(Object.entries(files).filter(([p]) => p !== path));

describe('pathClass', () => {
  it.each([
    ['', '(artifact)'],
    ['foo_bar-1.0.dist-info/METADATA', 'dist-info/METADATA'],
    ['Baz-2.0.dist-info/METADATA', 'dist-info/METADATA'],
    ['{dist-info}/METADATA', 'dist-info/METADATA'],
    ['{dist-info}/RECORD', 'dist-info/RECORD'],
    ['foo_bar-1.0.dist-info/licenses/LICENSE', 'dist-info/licenses/*'],
    ['baz-2.0.dist-info/licenses/docs/COPYING.txt', 'dist-info/licenses/*'],
    ['foo_bar-1.0/foo_bar.egg-info/PKG-INFO', 'egg-info/*'],
    ['baz-2.0/src/baz.egg-info/SOURCES.txt', 'egg-info/*'],
    ['foo_bar-1.0/PKG-INFO', 'PKG-INFO'],
    ['PKG-INFO', 'PKG-INFO'],
    ['baz-2.0/pyproject.toml', 'pyproject.toml'],
    ['setup.cfg', 'setup.cfg'],
    ['foo_bar-1.0/setup.py', 'setup.py'],
    ['MANIFEST.in', 'MANIFEST.in'],
    ['foo_bar/core.py', '*.py'],
    ['baz/deep/er/util.py', '*.py'],
    ['foo_bar/data/schema.json', '*.json'],
    ['foo_bar/data/SCHEMA.JSON', '*.json'],
    ['foo_bar/data/archive.tar.gz', '*.gz'],
    ['foo_bar-1.0/LICENSE', '(no extension)'],
    ['foo_bar/.hidden', '(no extension)'],
  ])('%s -> %s', (path, cls) => expect(pathClass(path)).toBe(cls));
});

describe('changedFields', () => {
  it('names the header fields a diff adds or removes, sorted, once each', () => {
    const diff = [
      '--- a/{dist-info}/METADATA\tA',
      '+++ b/{dist-info}/METADATA\tB',
      '@@ -1,4 +1,4 @@',
      ' Name: foo-bar',
      '-Requires-Dist: requests>=2.0',
      '+Requires-Dist: requests>=2.1',
      '-Summary: one',
      '+Summary: two',
      ' Version: 1.0',
      '+Provides-Extra: test',
      '',
    ].join('\n');
    expect(changedFields(diff)).toEqual(['Provides-Extra', 'Requires-Dist', 'Summary']);
  });
  it('ignores file headers, context and continuation lines', () => {
    expect(changedFields('--- a/x:y\n+++ b/x:y\n Name: x\n-   continued: text\n')).toEqual([]);
    expect(changedFields(undefined)).toEqual([]);
    expect(changedFields('')).toEqual([]);
  });
});

describe('differenceClass', () => {
  it('drops names, keeps artifact, kind and path class, and fields for header files', () => {
    expect(differenceClass({ artifact: 'wheel', kind: 'only-in-a', path: 'foo_bar/data/schema.json' })).toBe('wheel:only-in-a:*.json');
    expect(differenceClass({ artifact: 'sdist', kind: 'only-in-a', path: 'foo_bar-1.0/setup.cfg' })).toBe('sdist:only-in-a:setup.cfg');
    expect(differenceClass({ artifact: 'wheel', kind: 'filename', path: '', a: 'x', b: 'y' })).toBe('wheel:filename:(artifact)');
    expect(
      differenceClass({ artifact: 'wheel', kind: 'content', path: '{dist-info}/WHEEL', diff: '-Generator: a\n+Generator: b\n' }),
    ).toBe('wheel:content:dist-info/WHEEL[Generator]');
    expect(differenceClass({ artifact: 'sdist', kind: 'content', path: 'PKG-INFO', diff: '-Version: 1\n+Version: 2\n' })).toBe(
      'sdist:content:PKG-INFO[Version]',
    );
    // fields only for content differences of header files
    expect(differenceClass({ artifact: 'wheel', kind: 'content', path: 'foo_bar/core.py', diff: '-Name: x\n' })).toBe('wheel:content:*.py');
    expect(differenceClass({ artifact: 'wheel', kind: 'executable', path: '{dist-info}/METADATA', a: 'false', b: 'true' })).toBe(
      'wheel:executable:dist-info/METADATA',
    );
    expect(differenceClass({ artifact: 'wheel', kind: 'folder-name', path: '', a: 'Foo.Bar-1.0.dist-info', b: 'foo_bar-1.0.dist-info' })).toBe(
      'wheel:folder-name:(artifact)',
    );
    expect(differenceClass({ artifact: 'sdist', kind: 'folder-name', path: '', a: 'Foo.Bar-1.0', b: 'foo_bar-1.0' })).toBe('sdist:folder-name:(artifact)');
    // differenceClass still names all changed fields in one class; differenceClasses splits them
    expect(
      differenceClass({ artifact: 'wheel', kind: 'content', path: '{dist-info}/METADATA', diff: '-Requires-Dist: a\n+Requires-Dist: b\n-Version: 1\n+Version: 2\n' }),
    ).toBe('wheel:content:dist-info/METADATA[Requires-Dist,Version]');
  });
});

describe('differenceClasses', () => {
  it('gives one class per changed field of a metadata file', () => {
    const d: Difference = {
      artifact: 'wheel',
      kind: 'content',
      path: '{dist-info}/METADATA',
      diff: '-Requires-Dist: requests>=2.0\n+Requires-Dist: requests>=2.1\n-Version: 1.0\n+Version: 1.1\n',
    };
    expect(differenceClasses(d)).toEqual(['wheel:content:dist-info/METADATA[Requires-Dist]', 'wheel:content:dist-info/METADATA[Version]']);
    expect(differenceClasses({ artifact: 'sdist', kind: 'content', path: 'PKG-INFO', diff: '-Summary: a\n+Summary: b\n' })).toEqual(['sdist:content:PKG-INFO[Summary]']);
    expect(differenceClasses({ artifact: 'wheel', kind: 'content', path: '{dist-info}/WHEEL', diff: '-Generator: a\n+Generator: b\n-Tag: py2-none-any\n' })).toEqual([
      'wheel:content:dist-info/WHEEL[Generator]',
      'wheel:content:dist-info/WHEEL[Tag]',
    ]);
  });

  it('gives the one class of any other difference', () => {
    expect(differenceClasses({ artifact: 'wheel', kind: 'only-in-a', path: 'foo_bar/data/schema.json' })).toEqual(['wheel:only-in-a:*.json']);
    expect(differenceClasses({ artifact: 'wheel', kind: 'content', path: '{dist-info}/METADATA', diff: ' Name: x\n-body\n+other body\n' })).toEqual([
      'wheel:content:dist-info/METADATA',
    ]);
    expect(differenceClasses({ artifact: 'sdist', kind: 'mtime', path: 'x-1/PKG-INFO', a: '1', b: '2' })).toEqual(['sdist:mtime']);
    expect(differenceClasses({ artifact: 'wheel', kind: 'folder-name', path: '', a: 'A-1.dist-info', b: 'a-1.dist-info' })).toEqual(['wheel:folder-name:(artifact)']);
  });
});

describe('signatureOf', () => {
  it('is a short stable id of the property and the sorted set of classes', () => {
    const d: Difference[] = [
      { artifact: 'wheel', kind: 'only-in-a', path: 'foo_bar/a.json' },
      { artifact: 'sdist', kind: 'content', path: 'foo_bar/core.py', diff: '-x\n+y\n' },
    ];
    const s = signatureOf('diff', d);
    expect(s.text).toBe('diff|sdist:content:*.py|wheel:only-in-a:*.json');
    expect(s.id).toMatch(/^[0-9a-f]{12}$/);
    expect(signatureOf('diff', [...d].reverse())).toEqual(s);
    expect(signatureOf('diff', [...d, ...d])).toEqual(s);
    expect(signatureOf('diff', [])).toEqual(signatureOf('diff', []));
    expect(signatureOf('diff', []).text).toBe('diff|');
  });

  it('is the same for the same missing data file in two different projects', () => {
    const a = diffAt(setuptoolsWheel(), hatchlingWheel({ files: without(PACKAGE_FILES, 'foo_bar/data/schema.json') }), 'semantic');
    const b = diffAt(setuptoolsWheel(baz), hatchlingWheel({ ...baz, files: without(BAZ_FILES, 'baz/assets/other.json') }), 'semantic');
    expect(a.map((d) => d.path)).not.toEqual(b.map((d) => d.path));
    expect(signatureOf('diff', a)).toEqual(signatureOf('diff', b));
    expect(signatureOf('diff', a).text).toBe('diff|wheel:content:dist-info/RECORD|wheel:only-in-a:*.json');
  });

  it('is the same for a changed module with other names, paths and contents', () => {
    const a = diffAt(hatchlingWheel(), hatchlingWheel({ files: { ...PACKAGE_FILES, 'foo_bar/core.py': 'x = 1\n' } }), 'content');
    const b = diffAt(hatchlingWheel(baz), hatchlingWheel({ ...baz, files: { ...BAZ_FILES, 'baz/util.py': 'y = 2\n' } }), 'content');
    expect(signatureOf('diff', a)).toEqual(signatureOf('diff', b));
    // the sdist top folder and package names do not matter either
    const sa = diffAt(hatchlingSdist(), hatchlingSdist({ files: { ...PACKAGE_FILES, 'foo_bar/core.py': 'x = 1\n' } }), 'content');
    const sb = diffAt(hatchlingSdist(bazSdist), hatchlingSdist({ ...bazSdist, files: { ...BAZ_FILES, 'baz/util.py': 'y = 2\n' } }), 'content');
    expect(sa.map((d) => d.path)).toEqual(['foo_bar/core.py']);
    expect(sb.map((d) => d.path)).toEqual(['baz/util.py']);
    expect(signatureOf('diff', sa)).toEqual(signatureOf('diff', sb));
  });

  it('is the same for different Requires-Dist changes in different projects', () => {
    const a = diffAt(setuptoolsWheel(), hatchlingWheel({ requires: ['click>=8.0', "requests>=2.1; python_version < '3.9'"] }), 'semantic');
    const b = diffAt(setuptoolsWheel({ ...baz, requires: ['attrs'] }), hatchlingWheel({ ...baz, requires: ['attrs>=23'] }), 'semantic');
    expect(signatureOf('diff', a)).toEqual(signatureOf('diff', b));
    expect(signatureOf('diff', a).text).toBe('diff|wheel:content:dist-info/METADATA[Requires-Dist]');
  });

  it('is the same for the backend differences of two projects at level content', () => {
    const a = diffAt(setuptoolsWheel(), hatchlingWheel(), 'content');
    const b = diffAt(setuptoolsWheel(baz), hatchlingWheel(baz), 'content');
    expect(signatureOf('diff', a)).toEqual(signatureOf('diff', b));
    expect(signatureOf('diff', a).text).toContain('wheel:content:dist-info/WHEEL[Generator]');
    expect(signatureOf('diff', a).text).toContain('wheel:only-in-a:dist-info/top_level.txt');
    expect(signatureOf('diff', a).text).toBe(
      'diff|wheel:content:dist-info/METADATA[Requires-Dist]|wheel:content:dist-info/RECORD|wheel:content:dist-info/WHEEL[Generator]|wheel:only-in-a:dist-info/top_level.txt',
    );
    // family-config-files applies at content: each side is given the project it was built from
    const sa = diffAt(setuptoolsSdist(), hatchlingSdist(), 'content', { inputs: [SETUPTOOLS_INPUTS, HATCHLING_INPUTS] });
    const bazInputs: [FileMap, FileMap] = [projectInputs(SETUPTOOLS_PYPROJECT, BAZ_FILES), projectInputs(HATCHLING_PYPROJECT, BAZ_FILES)];
    const sb = diffAt(setuptoolsSdist(bazSdist), hatchlingSdist(bazSdist), 'content', { inputs: bazInputs });
    expect(signatureOf('diff', sa)).toEqual(signatureOf('diff', sb));
    expect(signatureOf('diff', sa).text).toBe('diff|sdist:content:PKG-INFO[Requires-Dist]|sdist:only-in-a:egg-info/*|sdist:only-in-a:setup.cfg');
    // without the project files the two configurations show, in both projects alike
    const na = diffAt(setuptoolsSdist(), hatchlingSdist(), 'content');
    const nb = diffAt(setuptoolsSdist(bazSdist), hatchlingSdist(bazSdist), 'content');
    expect(signatureOf('diff', na)).toEqual(signatureOf('diff', nb));
    expect(signatureOf('diff', na).text).toBe(
      'diff|sdist:content:PKG-INFO[Requires-Dist]|sdist:content:pyproject.toml|sdist:only-in-a:egg-info/*|sdist:only-in-a:setup.cfg',
    );
  });

  it('is one folder-name class for any spelling of the dist-info or top folder at content, and nothing at semantic', () => {
    const w = diffAt(setuptoolsWheel({ distInfo: 'Foo.Bar-1.0.dist-info' }), setuptoolsWheel(), 'content');
    const wb = diffAt(setuptoolsWheel({ ...baz, distInfo: 'Baz-2.0.dist-info' }), setuptoolsWheel(baz), 'content');
    expect(signatureOf('diff', w).text).toBe('diff|wheel:folder-name:(artifact)');
    expect(signatureOf('diff', w)).toEqual(signatureOf('diff', wb));
    expect(signatureOf('diff', diffAt(setuptoolsWheel({ distInfo: 'Foo.Bar-1.0.dist-info' }), setuptoolsWheel(), 'semantic')).text).toBe('diff|');
    const s = diffAt(hatchlingSdist({ topFolder: 'Foo.Bar-1.0' }), hatchlingSdist(), 'content');
    expect(signatureOf('diff', s).text).toBe('diff|sdist:folder-name:(artifact)');
  });

  it('gives one class per changed metadata field, so that a field seen once covers the same field next to another', () => {
    // finding 1: Requires-Dist and Version differ in one METADATA
    const first = diffAt(hatchlingWheel(), hatchlingWheel({ requires: ['click>=8.1', "requests>=2.0; python_version < '3.9'"], version: '1.1' }), 'content');
    expect(first.filter((d) => d.path === '{dist-info}/METADATA')).toHaveLength(1);
    const s1 = signatureOf('diff', first);
    expect(s1.classes).toContain('wheel:content:dist-info/METADATA[Requires-Dist]');
    expect(s1.classes).toContain('wheel:content:dist-info/METADATA[Version]');
    expect(s1.classes.some((c) => c.includes('[Requires-Dist,Version]'))).toBe(false);
    expect(s1.text).toBe('diff|wheel:content:dist-info/METADATA[Requires-Dist]|wheel:content:dist-info/METADATA[Version]|wheel:content:dist-info/RECORD');
    // finding 2, in another project: only Requires-Dist differs; every class of it is covered by finding 1
    const second = diffAt(hatchlingWheel(baz), hatchlingWheel({ ...baz, requires: ['attrs>=23'] }), 'content');
    const s2 = signatureOf('diff', second);
    expect(s2.text).toBe('diff|wheel:content:dist-info/METADATA[Requires-Dist]|wheel:content:dist-info/RECORD');
    expect(s2.classes.every((c) => s1.classes.includes(c))).toBe(true);
    expect(s2.id).not.toBe(s1.id);
    // finding 3: Requires-Dist next to Summary; Summary is new, so it is not covered
    const third = edited(hatchlingWheel({ requires: ['attrs'] }), (es) =>
      es.map((e) => (e.path.endsWith('/METADATA') ? fileEntry(e.path, new TextDecoder().decode(e.data).replace('Summary: A test project', 'Summary: Another')) : e)),
    );
    const s3 = signatureOf('diff', diffAt(hatchlingWheel(), third, 'content'));
    expect(s3.classes).toContain('wheel:content:dist-info/METADATA[Requires-Dist]');
    expect(s3.classes).toContain('wheel:content:dist-info/METADATA[Summary]');
    expect(s3.classes.filter((c) => !s1.classes.includes(c))).toEqual(['wheel:content:dist-info/METADATA[Summary]']);
  });

  it('differs for different kinds, artifacts, path classes, fields and properties', () => {
    const missing = diffAt(setuptoolsWheel(), hatchlingWheel({ files: without(PACKAGE_FILES, 'foo_bar/data/schema.json') }), 'semantic');
    const changed = diffAt(setuptoolsWheel(), hatchlingWheel({ files: { ...PACKAGE_FILES, 'foo_bar/data/schema.json': '{}\n' } }), 'semantic');
    const exec = diffAt(setuptoolsWheel(), hatchlingWheel({ executable: ['foo_bar/data/schema.json'] }), 'semantic');
    const requires = diffAt(setuptoolsWheel(), hatchlingWheel({ requires: ['click>=8.1', "requests>=2.0; python_version < '3.9'"] }), 'semantic');
    const version = diffAt(setuptoolsWheel(), hatchlingWheel({ version: '1.1' }), 'semantic');
    const sdistMissing = diffAt(setuptoolsSdist(), hatchlingSdist({ files: without(PACKAGE_FILES, 'foo_bar/data/schema.json') }), 'semantic', {
      inputs: [SETUPTOOLS_INPUTS, HATCHLING_INPUTS],
    });
    const moduleMissing = diffAt(setuptoolsWheel(), hatchlingWheel({ files: without(PACKAGE_FILES, 'foo_bar/core.py') }), 'semantic');
    const ids = [missing, changed, exec, requires, version, sdistMissing, moduleMissing].map((d) => signatureOf('diff', d).id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(signatureOf('roundtrip', missing).id).not.toBe(signatureOf('diff', missing).id);
    expect(signatureOf('diff', version).text).toBe('diff|wheel:content:dist-info/METADATA[Version]');
  });

  it('differs for only-in-a and only-in-b of the same path', () => {
    const a: Difference[] = [{ artifact: 'wheel', kind: 'only-in-a', path: 'x.py' }];
    const b: Difference[] = [{ artifact: 'wheel', kind: 'only-in-b', path: 'x.py' }];
    expect(signatureOf('diff', a).id).not.toBe(signatureOf('diff', b).id);
  });
});

describe('summarize', () => {
  const labels: [string, string] = ['setuptools 80.9.0', 'hatchling 1.27.0'];
  it('says what differs first, and how many more', () => {
    expect(summarize([], labels)).toBe('no difference');
    const diffs = diffAt(setuptoolsWheel(), hatchlingWheel({ files: without(PACKAGE_FILES, 'foo_bar/data/schema.json') }), 'semantic');
    expect(summarize(diffs, labels)).toBe("only setuptools 80.9.0's wheel has foo_bar/data/schema.json (+1 more)");
    expect(summarize([{ artifact: 'sdist', kind: 'only-in-b', path: 'x.txt' }], labels)).toBe("only hatchling 1.27.0's sdist has x.txt");
    expect(summarize([{ artifact: 'wheel', kind: 'content', path: 'a.py' }], labels)).toBe('wheel member a.py differs');
    expect(summarize([{ artifact: 'wheel', kind: 'executable', path: 'a.py', a: 'false', b: 'true' }], labels)).toBe(
      'wheel member a.py differs in its executable bit',
    );
    expect(summarize([{ artifact: 'wheel', kind: 'filename', path: '', a: 'x.whl', b: 'y.whl' }], labels)).toBe('wheel filenames differ (x.whl vs y.whl)');
    expect(summarize([{ artifact: 'wheel', kind: 'folder-name', path: '', a: 'Foo.Bar-1.0.dist-info', b: 'foo_bar-1.0.dist-info' }], labels)).toBe(
      'wheel folder names differ (Foo.Bar-1.0.dist-info vs foo_bar-1.0.dist-info)',
    );
    expect(summarize(diffAt(setuptoolsSdist({ topFolder: 'Foo.Bar-1.0' }), setuptoolsSdist(), 'content'), labels)).toBe(
      'sdist folder names differ (Foo.Bar-1.0 vs foo_bar-1.0)',
    );
    expect(summarize([{ artifact: 'wheel', kind: 'mtime', path: 'a.py', a: '1', b: '2' }], labels)).toBe('wheel mtime a.py');
    expect(summarize([{ artifact: 'sdist', kind: 'build-failed', path: '', a: 'built x', b: 'hook-error: boom' }], labels)).toBe(
      'sdist builds with one backend only (built x | hook-error: boom)',
    );
  });
  it('is at most 300 characters', () => {
    const long = summarize([{ artifact: 'wheel', kind: 'content', path: 'x/'.repeat(400) + 'a.py' }], labels);
    expect(long.length).toBe(300);
  });
});

describe('archive-level kinds', () => {
  it('class mtime, mode and owner differences by artifact and kind only', () => {
    const d = (path: string) => ({ artifact: 'sdist' as const, kind: 'mtime' as const, path, a: '1', b: '2' });
    expect(differenceClass(d('x-1/PKG-INFO'))).toBe('sdist:mtime');
    expect(signatureOf('reproducible', [d('x-1/a.py')]).id).toBe(signatureOf('reproducible', [d('y-2/b/c.txt'), d('y-2/setup.cfg')]).id);
  });
});
