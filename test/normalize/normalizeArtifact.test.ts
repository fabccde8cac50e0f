import { describe, expect, it } from 'vitest';
import type { ArchiveView } from '../../src/archive/types.js';
import { normalizeArtifact, rulesFor, semanticFilename, withoutPy2 } from '../../src/normalize/normalizeArtifact.js';
import { UNCHANGED_CONFIG } from '../../src/normalize/rules/familyConfig.js';
import { RULES, ruleByName } from '../../src/normalize/rules/index.js';
import { LEVELS } from '../../src/normalize/types.js';
import {
  BUILD_TIME,
  HATCHLING_INPUTS,
  README,
  SETUPTOOLS_INPUTS,
  SETUPTOOLS_PYPROJECT,
  archiveBytes,
  canon,
  dirEntry,
  edited,
  fileEntry,
  hatchlingSdist,
  hatchlingWheel,
  memberText,
  recordRow,
  setuptoolsSdist,
  setuptoolsWheel,
  utf8,
} from './fixtures.js';

/** The archive-format rules, first at every level above bytes, for both artifacts. */
const ARCHIVE_FORMAT = ['member-order', 'timestamps', 'ownership', 'compression', 'mode-executable-only'];
/** Rules at level content, in order: the folder rename comes before the field and RECORD rules. */
const CONTENT_WHEEL = [...ARCHIVE_FORMAT, 'dist-info-folder', 'metadata-as-fields', 'record-as-set'];
const CONTENT_SDIST = [...ARCHIVE_FORMAT, 'sdist-top-folder', 'metadata-as-fields', 'family-config-files', 'pdm-rewritten-pyproject'];

describe('rules per level', () => {
  it('applies no rule at level bytes', () => {
    expect(rulesFor('bytes', 'wheel')).toEqual([]);
    expect(rulesFor('bytes', 'sdist')).toEqual([]);
    expect(canon(setuptoolsWheel(), 'bytes').rules).toEqual([]);
  });

  it('applies the archive-format, folder, field and config rules at level content', () => {
    expect(canon(setuptoolsWheel(), 'content').rules).toEqual(CONTENT_WHEEL);
    expect(canon(setuptoolsSdist(), 'content').rules).toEqual(CONTENT_SDIST);
    expect(rulesFor('content', 'wheel').map((r) => r.name)).toEqual(CONTENT_WHEEL);
    expect(rulesFor('content', 'sdist').map((r) => r.name)).toEqual(CONTENT_SDIST);
  });

  it('runs every rule in the documented order', () => {
    expect(RULES.map((r) => r.name)).toEqual([
      ...ARCHIVE_FORMAT,
      'sdist-top-folder',
      'dist-info-folder',
      'metadata-as-fields',
      'record-as-set',
      'family-config-files',
      'pdm-rewritten-pyproject',
      'setuptools-egg-info',
      'setuptools-generated-setup-cfg',
      'top-level-txt',
      'pdm-empty-entry-points',
      'poetry-generated-setup-py',
      'poetry-automatic-classifiers',
      'poetry-specifier-sets',
      'flit-import-names',
      'import-name-form',
      'uv-pyproject-orig',
      'metadata-version',
      'dynamic-field',
      'field-whitespace',
      'unordered-fields',
      'entry-points-as-sets',
      'wheel-generator',
      'wheel-python-tag-py2',
      'requirement-normal-form',
      'name-version-normal-form',
      'record-paths-only',
    ]);
  });

  it('adds the backend-specific and normal-form rules at level semantic, in order', () => {
    expect(canon(setuptoolsWheel(), 'semantic').rules).toEqual([
      ...CONTENT_WHEEL,
      'top-level-txt',
      'pdm-empty-entry-points',
      'poetry-automatic-classifiers',
      'poetry-specifier-sets',
      'flit-import-names',
      'import-name-form',
      'metadata-version',
      'dynamic-field',
      'field-whitespace',
      'unordered-fields',
      'entry-points-as-sets',
      'wheel-generator',
      'wheel-python-tag-py2',
      'requirement-normal-form',
      'name-version-normal-form',
      'record-paths-only',
    ]);
    expect(canon(setuptoolsSdist(), 'semantic').rules).toEqual([
      ...CONTENT_SDIST,
      'setuptools-egg-info',
      'setuptools-generated-setup-cfg',
      'poetry-generated-setup-py',
      'poetry-automatic-classifiers',
      'poetry-specifier-sets',
      'flit-import-names',
      'import-name-form',
      'uv-pyproject-orig',
      'metadata-version',
      'dynamic-field',
      'field-whitespace',
      'unordered-fields',
      'requirement-normal-form',
      'name-version-normal-form',
    ]);
  });

  it('reports the same rules for both sides, whatever they contain', () => {
    expect(canon(hatchlingWheel(), 'semantic').rules).toEqual(canon(setuptoolsWheel(), 'semantic').rules);
    expect(canon(hatchlingSdist(), 'semantic').rules).toEqual(canon(setuptoolsSdist(), 'semantic').rules);
  });

  it('has one named, one-line documented rule for each thing DESIGN.md says semantic ignores', () => {
    const names = RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const r of RULES) {
      expect(r.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(r.doc.trim().length).toBeGreaterThan(10);
      expect(r.doc).not.toContain('\n');
      expect(r.artifacts.length).toBeGreaterThan(0);
      expect(ruleByName(r.name)).toBe(r);
    }
    expect(ruleByName('setuptools-egg-info')).toMatchObject({ level: 'semantic', artifacts: ['sdist'] });
    expect(ruleByName('setuptools-generated-setup-cfg')).toMatchObject({ level: 'semantic', artifacts: ['sdist'] });
    expect(ruleByName('top-level-txt')).toMatchObject({ level: 'semantic', artifacts: ['wheel'] });
    expect(ruleByName('wheel-generator')).toMatchObject({ level: 'semantic', artifacts: ['wheel'] });
    expect(ruleByName('requirement-normal-form')?.level).toBe('semantic');
    expect(ruleByName('name-version-normal-form')?.level).toBe('semantic');
    for (const n of ['member-order', 'timestamps', 'ownership', 'compression', 'metadata-as-fields', 'record-as-set']) {
      expect(ruleByName(n)?.level).toBe('content');
    }
    expect(ruleByName('sdist-top-folder')).toMatchObject({ level: 'content', artifacts: ['sdist'] });
    expect(ruleByName('dist-info-folder')).toMatchObject({ level: 'content', artifacts: ['wheel'] });
    expect(ruleByName('family-config-files')).toMatchObject({ level: 'content', artifacts: ['sdist'] });
    expect(ruleByName('no-such-rule')).toBeUndefined();
  });

  it('never applies a semantic rule at level content', () => {
    for (const artifact of ['wheel', 'sdist'] as const) {
      expect(rulesFor('content', artifact).every((r) => r.level === 'content')).toBe(true);
      for (const r of rulesFor('content', artifact)) expect(rulesFor('semantic', artifact)).toContain(r);
    }
  });
});

describe('level bytes keeps everything', () => {
  const view = setuptoolsSdist();
  const c = canon(view, 'bytes');

  it('keeps mode, mtime and owner of every file member, and the stored order (directories included)', () => {
    const pkg = c.members.get('foo_bar-1.0/PKG-INFO')!;
    expect(pkg).toMatchObject({ mode: 0o644, mtime: BUILD_TIME, owner: '1000:1000 runner:docker', executable: false });
    expect(c.order).toEqual(view.entries.map((e) => e.path));
    expect(c.order).toContain('foo_bar-1.0/foo_bar.egg-info/');
  });

  it('never lists directory members', () => {
    expect([...c.members.keys()].some((p) => p.endsWith('/'))).toBe(false);
    expect(c.members.size).toBe(view.entries.filter((e) => e.type !== 'dir').length);
  });

  it('keeps texts, paths and the filename as stored', () => {
    expect(c.filename).toBe('foo_bar-1.0.tar.gz');
    expect(memberText(c, 'foo_bar-1.0/setup.cfg')).toBe('[egg_info]\ntag_build = \ntag_date = 0\n\n');
    expect(memberText(c, 'foo_bar-1.0/PKG-INFO')).toMatch(/^Metadata-Version: 2\.4\nName: Foo\.Bar\n/);
    expect(c.archiveSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('has no owner for zip members', () => {
    expect(canon(setuptoolsWheel(), 'bytes').members.get('foo_bar/core.py')!.owner).toBeUndefined();
  });
});

describe('level content', () => {
  const c = canon(setuptoolsWheel(), 'content');

  it('drops mode, mtime and owner details but keeps the executable bit', () => {
    const m = c.members.get('foo_bar/cli.py')!;
    expect(m.mode).toBeUndefined();
    expect(m.mtime).toBeUndefined();
    expect(m.owner).toBeUndefined();
    expect(c.order).toBeUndefined();
    const exec = canon(setuptoolsWheel({ executable: ['foo_bar/cli.py'] }), 'content').members.get('foo_bar/cli.py')!;
    expect(exec.executable).toBe(true);
    expect(m.executable).toBe(false);
  });

  it('compares METADATA and WHEEL as fields sorted by name', () => {
    expect(memberText(c, '{dist-info}/WHEEL')).toBe(
      'Generator: setuptools (80.9.0)\nRoot-Is-Purelib: true\nTag: py3-none-any\nWheel-Version: 1.0\n',
    );
    expect(memberText(c, '{dist-info}/METADATA')).toBe(
      [
        'Description-Content-Type: text/markdown',
        'Metadata-Version: 2.4',
        'Name: Foo.Bar',
        'Provides-Extra: test',
        'Requires-Dist: requests>=2.0; python_version < "3.9"',
        'Requires-Dist: click>=8.0',
        'Requires-Dist: pytest>=7; extra == "test"',
        'Requires-Python: >=3.8',
        'Summary: A test project',
        'Version: 1.0',
        '',
        '# Foo.Bar',
        '',
        'A test project.',
        '',
      ].join('\n'),
    );
  });

  it('compares RECORD as a sorted set of rows (hashes kept)', () => {
    const record = memberText(c, '{dist-info}/RECORD')!;
    const rows = record.trimEnd().split('\n');
    expect(rows).toEqual([...rows].sort());
    expect(rows).toContain('{dist-info}/RECORD,,');
    expect(rows.find((r) => r.startsWith('foo_bar/core.py,'))).toMatch(/^foo_bar\/core\.py,sha256=[A-Za-z0-9_-]{43},\d+$/);
    // the same rows in another order give the same text
    const shuffled = edited(setuptoolsWheel(), (es) =>
      es.map((e) => (e.path.endsWith('/RECORD') ? fileEntry(e.path, new TextDecoder().decode(e.data).trimEnd().split('\n').reverse().join('\r\n') + '\r\n') : e)),
    );
    expect(memberText(canon(shuffled, 'content'), '{dist-info}/RECORD')).toBe(record);
  });

  it('renames the .dist-info members to {dist-info}/... and records the folder name', () => {
    expect([...c.members.keys()].sort()).toEqual([
      'foo_bar/__init__.py',
      'foo_bar/cli.py',
      'foo_bar/core.py',
      'foo_bar/data/schema.json',
      '{dist-info}/METADATA',
      '{dist-info}/RECORD',
      '{dist-info}/WHEEL',
      '{dist-info}/entry_points.txt',
      '{dist-info}/top_level.txt',
    ]);
    expect(c.folders).toEqual(['foo_bar-1.0.dist-info']);
    const older = canon(setuptoolsWheel({ distInfo: 'Foo.Bar-1.0.dist-info' }), 'content');
    expect(older.folders).toEqual(['Foo.Bar-1.0.dist-info']);
    expect([...older.members.keys()].sort()).toEqual([...c.members.keys()].sort());
  });

  it('writes RECORD rows with the {dist-info}/ paths, keeping each hash and size', () => {
    const view = setuptoolsWheel({ distInfo: 'Foo.Bar-1.0.dist-info' });
    const stored = (p: string): Uint8Array => view.entries.find((e) => e.path === p)!.data;
    const renamed = (p: string): string => p.replace(/^Foo\.Bar-1\.0\.dist-info\//, '{dist-info}/');
    const expected = view.entries
      .filter((e) => !e.path.endsWith('/RECORD'))
      .map((e) => recordRow(renamed(e.path), stored(e.path)))
      .concat(['{dist-info}/RECORD,,'])
      .sort();
    const record = memberText(canon(view, 'content'), '{dist-info}/RECORD')!;
    expect(record).toBe(expected.join('\n') + '\n');
    expect(record).toContain(recordRow('{dist-info}/METADATA', stored('Foo.Bar-1.0.dist-info/METADATA')) + '\n');
    expect(record).toContain(recordRow('{dist-info}/WHEEL', stored('Foo.Bar-1.0.dist-info/WHEEL')) + '\n');
    expect(record).not.toContain('Foo.Bar-1.0.dist-info/');
    // the same wheel with another spelling of the folder gives the same RECORD at content
    expect(memberText(canon(setuptoolsWheel(), 'content'), '{dist-info}/RECORD')).toBe(record);
  });

  it('keeps the filename, the generated setup.cfg and egg-info (paths relative to the top folder)', () => {
    const s = canon(setuptoolsSdist(), 'content');
    expect(s.filename).toBe('foo_bar-1.0.tar.gz');
    expect(s.members.has('setup.cfg')).toBe(true);
    expect(s.members.has('foo_bar.egg-info/PKG-INFO')).toBe(true);
    expect(c.members.has('{dist-info}/top_level.txt')).toBe(true);
    expect(s.folders).toEqual(['foo_bar-1.0']);
    expect([...s.members.keys()].sort()).toEqual([
      'PKG-INFO',
      'README.md',
      'foo_bar.egg-info/PKG-INFO',
      'foo_bar.egg-info/SOURCES.txt',
      'foo_bar.egg-info/dependency_links.txt',
      'foo_bar.egg-info/entry_points.txt',
      'foo_bar.egg-info/requires.txt',
      'foo_bar.egg-info/top_level.txt',
      'foo_bar/__init__.py',
      'foo_bar/cli.py',
      'foo_bar/core.py',
      'foo_bar/data/schema.json',
      'pyproject.toml',
      'setup.cfg',
    ]);
  });

  it('replaces a config file equal to its input by the placeholder at content too', () => {
    const own = canon(setuptoolsSdist(), 'content', SETUPTOOLS_INPUTS);
    expect(memberText(own, 'pyproject.toml')).toBe(UNCHANGED_CONFIG);
    expect(memberText(canon(hatchlingSdist(), 'content', HATCHLING_INPUTS), 'pyproject.toml')).toBe(UNCHANGED_CONFIG);
    expect(memberText(canon(setuptoolsSdist(), 'content'), 'pyproject.toml')).toBe(SETUPTOOLS_PYPROJECT);
    expect(memberText(canon(setuptoolsSdist(), 'content', HATCHLING_INPUTS), 'pyproject.toml')).toBe(SETUPTOOLS_PYPROJECT);
    // bytes keeps the file as stored
    expect(memberText(canon(setuptoolsSdist(), 'bytes', SETUPTOOLS_INPUTS), 'foo_bar-1.0/pyproject.toml')).toBe(SETUPTOOLS_PYPROJECT);
  });

  it('keeps the stored paths of an sdist whose members do not share one top folder', () => {
    const two: ArchiveView = {
      format: 'sdist',
      filename: 'foo_bar-1.0.tar.gz',
      entries: [
        dirEntry('foo_bar-1.0/'),
        fileEntry('foo_bar-1.0/PKG-INFO', 'Metadata-Version: 2.4\nName: Foo.Bar\nVersion: 1.0\n'),
        fileEntry('foo_bar-1.0/foo_bar/core.py', 'x = 1\n'),
        fileEntry('other-1.0/README.md', README),
      ],
      problems: [],
    };
    for (const level of ['content', 'semantic'] as const) {
      const v = canon(two, level);
      expect([...v.members.keys()].sort(), level).toEqual(['foo_bar-1.0/PKG-INFO', 'foo_bar-1.0/foo_bar/core.py', 'other-1.0/README.md']);
      expect(v.folders, level).toEqual(['foo_bar-1.0', 'other-1.0']);
    }
    // a file next to the one folder: no single top folder either
    const stray = { ...two, entries: [...two.entries.slice(0, 3), fileEntry('stray.txt', 'x\n')] };
    const v = canon(stray, 'content');
    expect([...v.members.keys()].sort()).toEqual(['foo_bar-1.0/PKG-INFO', 'foo_bar-1.0/foo_bar/core.py', 'stray.txt']);
    expect(v.folders).toEqual(['foo_bar-1.0']);
  });
});

describe('level semantic, wheels', () => {
  const c = canon(setuptoolsWheel(), 'semantic');

  it('renames the dist-info folder and drops top_level.txt', () => {
    expect([...c.members.keys()].sort()).toEqual([
      'foo_bar/__init__.py',
      'foo_bar/cli.py',
      'foo_bar/core.py',
      'foo_bar/data/schema.json',
      '{dist-info}/METADATA',
      '{dist-info}/RECORD',
      '{dist-info}/WHEEL',
      '{dist-info}/entry_points.txt',
    ]);
  });

  it('drops Generator from WHEEL', () => {
    expect(memberText(c, '{dist-info}/WHEEL')).toBe('Root-Is-Purelib: true\nTag: py3-none-any\nWheel-Version: 1.0\n');
  });

  it('drops Metadata-Version and writes names, versions and requirements in normal form, sorted', () => {
    expect(memberText(c, '{dist-info}/METADATA')).toBe(
      [
        'Description-Content-Type: text/markdown',
        'Name: foo-bar',
        'Provides-Extra: test',
        'Requires-Dist: click>=8',
        'Requires-Dist: pytest>=7; extra == "test"',
        'Requires-Dist: requests>=2; python_version < "3.9"',
        'Requires-Python: >=3.8',
        'Summary: A test project',
        'Version: 1.0',
        '',
        '# Foo.Bar',
        '',
        'A test project.',
        '',
      ].join('\n'),
    );
  });

  it('dedupes repeated requirements (compared as sets)', () => {
    const twice = canon(setuptoolsWheel({ requires: ['click>=8.0', 'Click >= 8.0'] }), 'semantic');
    const once = canon(setuptoolsWheel({ requires: ['click>=8.0'] }), 'semantic');
    expect(memberText(twice, '{dist-info}/METADATA')).toBe(memberText(once, '{dist-info}/METADATA'));
  });

  it('lists RECORD as the paths it names, after the renames and drops', () => {
    expect(memberText(c, '{dist-info}/RECORD')).toBe(
      [
        'foo_bar/__init__.py',
        'foo_bar/cli.py',
        'foo_bar/core.py',
        'foo_bar/data/schema.json',
        '{dist-info}/METADATA',
        '{dist-info}/RECORD',
        '{dist-info}/WHEEL',
        '{dist-info}/entry_points.txt',
        '',
      ].join('\n'),
    );
  });

  it('reads quoted RECORD paths', () => {
    const files = { 'foo_bar/__init__.py': '', 'foo_bar/a,b.txt': 'x\n' };
    const v = edited(hatchlingWheel({ files }), (es) =>
      es.map((e) => {
        if (!e.path.endsWith('/RECORD')) return e;
        const text = new TextDecoder().decode(e.data).replace(/^foo_bar\/a,b\.txt,/m, '"foo_bar/a,b.txt",');
        return fileEntry(e.path, text);
      }),
    );
    expect(memberText(canon(v, 'semantic'), '{dist-info}/RECORD')).toContain('foo_bar/a,b.txt\n');
  });

  it('normalizes the filename: name and version; py2.py3 kept when Requires-Python excludes Python 2', () => {
    expect(c.filename).toBe('foo-bar-1.0-py3-none-any.whl');
    expect(canon(setuptoolsWheel({ filename: 'Foo.Bar-1.0-py2.py3-none-any.whl' }), 'semantic').filename).toBe('foo-bar-1.0-py2.py3-none-any.whl');
  });

  it('ignores a py2 tag next to py3 in WHEEL when Requires-Python admits 2.7, but not a py2-only wheel', () => {
    const universal = edited(hatchlingWheel(), (es) =>
      es.map((e) =>
        e.path.endsWith('/WHEEL')
          ? fileEntry(e.path, 'Wheel-Version: 1.0\nGenerator: x\nRoot-Is-Purelib: true\nTag: py2-none-any\nTag: py3-none-any\n')
          : e.path.endsWith('/METADATA')
            ? fileEntry(e.path, new TextDecoder().decode(e.data).replace(/^Requires-Python:.*\n/m, ''))
            : e,
      ),
    );
    expect(memberText(canon(universal, 'semantic'), '{dist-info}/WHEEL')).toBe(memberText(c, '{dist-info}/WHEEL'));
    const py2only = edited(hatchlingWheel(), (es) =>
      es.map((e) => (e.path.endsWith('/WHEEL') ? fileEntry(e.path, 'Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py2-none-any\n') : e)),
    );
    expect(memberText(canon(py2only, 'semantic'), '{dist-info}/WHEEL')).toContain('Tag: py2-none-any');
  });
});

describe('level semantic, sdists', () => {
  const c = canon(setuptoolsSdist(), 'semantic', SETUPTOOLS_INPUTS);

  it('strips the top folder and drops egg-info and the generated setup.cfg', () => {
    expect([...c.members.keys()].sort()).toEqual([
      'PKG-INFO',
      'README.md',
      'foo_bar/__init__.py',
      'foo_bar/cli.py',
      'foo_bar/core.py',
      'foo_bar/data/schema.json',
      'pyproject.toml',
    ]);
    expect(c.filename).toBe('foo-bar-1.0.tar.gz');
  });

  it('drops egg-info under src/ too', () => {
    const v = setuptoolsSdist();
    v.entries.push(fileEntry('foo_bar-1.0/src/foo_bar.egg-info/PKG-INFO', 'Name: x\n'));
    expect([...canon(v, 'semantic').members.keys()].some((p) => p.includes('egg-info'))).toBe(false);
  });

  it.each([
    ['the generated one', '[egg_info]\ntag_build = \ntag_date = 0\n\n', false],
    ['the generated one without the blank line', '[egg_info]\ntag_build =\ntag_date = 0\n', false],
    ['the generated one with CRLF', '[egg_info]\r\ntag_build = \r\ntag_date = 0\r\n\r\n', false],
    ['one with a tag_build value', '[egg_info]\ntag_build = .dev\ntag_date = 0\n', true],
    ['the project\'s own, with egg_info appended', '[metadata]\nname = foo\n\n[egg_info]\ntag_build = \ntag_date = 0\n\n', true],
    ['a project setup.cfg', '[flake8]\nmax-line-length = 100\n', true],
  ])('setup.cfg: %s is kept: %s', (_what, text, kept) => {
    const v = edited(setuptoolsSdist(), (es) => es.map((e) => (e.path === 'foo_bar-1.0/setup.cfg' ? fileEntry(e.path, text) : e)));
    expect(canon(v, 'semantic').members.has('setup.cfg')).toBe(kept);
  });

  // BUG (src/normalize/rules/setuptools.ts, setuptools-generated-setup-cfg, after
  // the rule-order change): the rule strips one leading folder itself
  // (`topFolder(path)[1] === 'setup.cfg'`) because it used to run before
  // sdist-top-folder; now it runs after it, so it strips the first real folder
  // and drops `foo_bar/setup.cfg` (package data) at semantic: a real
  // difference is hidden. Expected to keep failing until the rule is fixed.
  it('keeps a package data file that happens to look like the generated setup.cfg', () => {
    const v = setuptoolsSdist();
    v.entries.push(fileEntry('foo_bar-1.0/foo_bar/setup.cfg', '[egg_info]\ntag_build = \ntag_date = 0\n'));
    expect(canon(v, 'semantic').members.has('foo_bar/setup.cfg')).toBe(true);
  });

  it("replaces a config file equal to that side's own input by a placeholder, and only then", () => {
    const placeholder = memberText(c, 'pyproject.toml');
    expect(placeholder).not.toBe(SETUPTOOLS_PYPROJECT);
    expect(memberText(canon(hatchlingSdist(), 'semantic', HATCHLING_INPUTS), 'pyproject.toml')).toBe(placeholder);
    // without inputs, or with another input, the file is compared as it is
    expect(memberText(canon(setuptoolsSdist(), 'semantic'), 'pyproject.toml')).toBe(SETUPTOOLS_PYPROJECT);
    expect(memberText(canon(setuptoolsSdist(), 'semantic', HATCHLING_INPUTS), 'pyproject.toml')).toBe(SETUPTOOLS_PYPROJECT);
    // a backend that rewrote the project's pyproject.toml shows
    const rewritten = setuptoolsSdist({ pyproject: SETUPTOOLS_PYPROJECT + '\n[tool.added]\n' });
    expect(memberText(canon(rewritten, 'semantic', SETUPTOOLS_INPUTS), 'pyproject.toml')).toContain('[tool.added]');
    // and a data file called pyproject.toml deeper down is not a config file
    const deep = setuptoolsSdist({ files: { 'foo_bar/__init__.py': '', 'foo_bar/pyproject.toml': SETUPTOOLS_PYPROJECT } });
    const inputs = { ...SETUPTOOLS_INPUTS, 'foo_bar/pyproject.toml': SETUPTOOLS_PYPROJECT };
    expect(memberText(canon(deep, 'semantic', inputs), 'foo_bar/pyproject.toml')).toBe(SETUPTOOLS_PYPROJECT);
  });

  it('normalizes PKG-INFO like METADATA', () => {
    expect(memberText(c, 'PKG-INFO')).toBe(memberText(canon(setuptoolsWheel(), 'semantic'), '{dist-info}/METADATA'));
  });

  it('strips the top folder at level content too, recording its name; bytes keeps it', () => {
    const view = setuptoolsSdist({ topFolder: 'Foo.Bar-1.0' });
    const content = canon(view, 'content');
    expect(content.members.has('Foo.Bar-1.0/PKG-INFO')).toBe(false);
    expect(content.members.has('PKG-INFO')).toBe(true);
    expect(content.folders).toEqual(['Foo.Bar-1.0']);
    expect(canon(view, 'semantic').folders).toEqual(['Foo.Bar-1.0']);
    const bytes = canon(view, 'bytes');
    expect(bytes.members.has('Foo.Bar-1.0/PKG-INFO')).toBe(true);
    expect(bytes.folders).toEqual(['Foo.Bar-1.0']);
  });
});

describe('special members', () => {
  const view: ArchiveView = {
    format: 'sdist',
    filename: 'foo_bar-1.0.tar.gz',
    entries: [
      dirEntry('foo_bar-1.0/'),
      fileEntry('foo_bar-1.0/logo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3])),
      fileEntry('foo_bar-1.0/latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9])),
      { path: 'foo_bar-1.0/link', type: 'symlink', mode: 0o777, size: 0, mtime: 0, linkTarget: 'README.md', data: new Uint8Array(0) },
      { path: 'foo_bar-1.0/hard', type: 'hardlink', mode: 0o644, size: 0, mtime: 0, linkTarget: 'foo_bar-1.0/README.md', data: new Uint8Array(0) },
      { path: 'foo_bar-1.0/fifo', type: 'other', mode: 0o644, size: 0, mtime: 0, data: new Uint8Array(0) },
    ],
    problems: [],
  };

  it('compares binary and non-UTF-8 members by hash, links and others by a description', () => {
    for (const level of LEVELS) {
      const c = normalizeArtifact(view, archiveBytes(view), level);
      const at = (p: string): string => (level === 'bytes' ? `foo_bar-1.0/${p}` : p);
      expect(c.members.get(at('logo.png'))!.text).toBeNull();
      expect(c.members.get(at('logo.png'))!.size).toBe(8);
      expect(c.members.get(at('latin1.txt'))!.text).toBeNull();
      expect(c.members.get(at('link'))!.text).toBe('<symlink -> README.md>');
      expect(c.members.get(at('hard'))!.text).toBe('<hardlink -> foo_bar-1.0/README.md>');
      expect(c.members.get(at('fifo'))!.text).toBe('<other>');
    }
  });

  it('hashes text members by their normalized text', () => {
    const c = canon(setuptoolsWheel(), 'semantic');
    const other = canon(hatchlingWheel(), 'semantic');
    expect(c.members.get('{dist-info}/METADATA')!.sha256).toBe(other.members.get('{dist-info}/METADATA')!.sha256);
  });

  it('passes the archive problems through', () => {
    const v = setuptoolsWheel({ problems: [{ code: 'duplicate-member', path: 'foo_bar/core.py', message: 'twice' }] });
    for (const level of LEVELS) expect(canon(v, level).problems).toEqual(v.problems);
  });

  it('does not change the view it was given', () => {
    const v = setuptoolsSdist();
    const before = JSON.stringify(v.entries.map((e) => [e.path, e.mode, e.mtime, e.uid, Buffer.from(e.data).toString('base64')]));
    for (const level of LEVELS) canon(v, level, SETUPTOOLS_INPUTS);
    expect(JSON.stringify(v.entries.map((e) => [e.path, e.mode, e.mtime, e.uid, Buffer.from(e.data).toString('base64')]))).toBe(before);
    expect(new TextDecoder().decode(v.entries.find((e) => e.path.endsWith('/PKG-INFO'))!.data)).toMatch(/^Metadata-Version/);
    expect(utf8('x')).toEqual(new Uint8Array([0x78]));
  });
});

describe('semanticFilename', () => {
  it.each([
    ['Foo.Bar-1.0-py3-none-any.whl', 'wheel', 'foo-bar-1.0-py3-none-any.whl'],
    ['foo_bar-1.0-py3-none-any.whl', 'wheel', 'foo-bar-1.0-py3-none-any.whl'],
    ['foo_bar-1.0.0rc1-py3-none-any.whl', 'wheel', 'foo-bar-1.0.0rc1-py3-none-any.whl'],
    ['foo_bar-1.0-py2.py3-none-any.whl', 'wheel', 'foo-bar-1.0-py2.py3-none-any.whl'],
    ['foo_bar-1.0-cp312-cp312-manylinux_2_17_x86_64.whl', 'wheel', 'foo-bar-1.0-cp312-cp312-manylinux_2_17_x86_64.whl'],
    ['Foo.Bar-1.0.tar.gz', 'sdist', 'foo-bar-1.0.tar.gz'],
    ['foo_bar-1.0.0.tar.gz', 'sdist', 'foo-bar-1.0.0.tar.gz'],
    ['foo_bar-01.0.zip', 'sdist', 'foo-bar-1.0.zip'],
    ['weird.bin', 'sdist', 'weird.bin'],
    ['not-a-wheel.whl', 'wheel', 'not-a-wheel.whl'],
  ] as const)('%s -> %s', (filename, format, expected) => {
    expect(semanticFilename(filename, format)).toBe(expected);
  });

  it('keeps the versions apart', () => {
    expect(semanticFilename('foo-1.0-py3-none-any.whl', 'wheel')).not.toBe(semanticFilename('foo-1.0.1-py3-none-any.whl', 'wheel'));
  });

  it('withoutPy2 drops py2 only next to py3', () => {
    expect(withoutPy2('py2.py3')).toBe('py3');
    expect(withoutPy2('py2')).toBe('py2');
    expect(withoutPy2('cp312')).toBe('cp312');
  });

  // BUG (src/normalize/normalizeArtifact.ts, semanticFilename): a wheel
  // filename with the optional build tag has six parts; the function keeps
  // parts[0], parts[1] and the last three, so the build tag is silently
  // dropped. Its doc says only name and version are normalized ("tags
  // kept"), and no named rule covers build tags, yet two wheels differing
  // only in their build number compare equal by filename at semantic.
  it('keeps the build tag of a wheel filename', () => {
    expect(semanticFilename('foo_bar-1.0-1-py3-none-any.whl', 'wheel')).toBe('foo-bar-1.0-1-py3-none-any.whl');
  });
});

describe('semanticFilename with ignorePy2', () => {
  it('drops py2 next to py3 only when asked', () => {
    expect(semanticFilename('foo_bar-1.0-py2.py3-none-any.whl', 'wheel', { ignorePy2: true })).toBe('foo-bar-1.0-py3-none-any.whl');
    expect(semanticFilename('foo_bar-1.0-py2-none-any.whl', 'wheel', { ignorePy2: true })).toBe('foo-bar-1.0-py2-none-any.whl');
  });
});

describe('requirement-normal-form and self-referencing extras', () => {
  it('compares a literal self-reference as the expansion hatchling 1.24+ writes', async () => {
    const { requirementNormalForm } = await import('../../src/normalize/rules/metadata.js');
    const member = (lines: string[]) => ({ path: 'a-1.dist-info/METADATA', text: ['Metadata-Version: 2.4', 'Name: Acme_Tool', 'Version: 1', ...lines, ''].join('\n') });
    const apply = (lines: string[]) => (requirementNormalForm.apply([member(lines) as never], { artifact: 'wheel', level: 'semantic', pathMaps: [] }) as { text: string }[])[0]!.text;
    const literal = apply(['Requires-Dist: click>=8; extra == "cli"', 'Requires-Dist: Acme_Tool[cli]; extra == "all"']);
    const expanded = apply(["Requires-Dist: click>=8; extra == 'all'", "Requires-Dist: click>=8; extra == 'cli'"]);
    expect(literal).toBe(expanded);
    // Dropping the expansion is still a difference.
    expect(apply(['Requires-Dist: click>=8; extra == "cli"'])).not.toBe(literal);
  });
});
