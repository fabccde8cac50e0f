/**
 * Wheel checks: the hand-built wheel passes every check, and each planted
 * defect is reported with exactly the expected codes and paths.
 */
import { describe, expect, it } from 'vitest';
import { readWheel } from '../../src/archive/index.js';
import { checkWheel } from '../../src/oracles/index.js';
import { DEFAULT_METADATA, DEFAULT_WHEEL, recordHash, wheelView, zip, type WheelOptions } from './fixtures/artifacts.js';
import { at, found, setField } from './helpers.js';

const DI = 'foo_bar-1.0.dist-info';

async function check(options: WheelOptions = {}) {
  return found(checkWheel(await wheelView(options)));
}

/** Rewrites the RECORD row of `path`. */
function editRow(path: string, edit: (row: string[]) => string[] | null) {
  return (rows: string[][]): string[][] => rows.flatMap((row) => (row[0] === path ? [edit(row)].filter((r): r is string[] => r !== null) : [row]));
}

describe('a correct wheel', () => {
  it('passes every check', async () => {
    expect(checkWheel(await wheelView())).toEqual([]);
  });

  it('passes with a build tag, compressed tag sets, CRLF RECORD, quoted paths and a .data folder', async () => {
    const wheel = 'Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: py2-none-any\nTag: py3-none-any\nBuild: 1a\n';
    const problems = await check({
      filename: 'foo_bar-1.0-1a-py2.py3-none-any.whl',
      wheel,
      files: { 'foo_bar/a,b.txt': 'comma', 'foo_bar-1.0.data/scripts/tool': '#!python\n', 'foo_bar-1.0.data/data/share/x': 'x' },
      record: (rows) => rows.map((r) => r.map((f) => (f.includes(',') ? `"${f}"` : f)).join(',')).join('\r\n') + '\r\n',
    });
    expect(problems).toEqual([]);
  });
});

describe('A001 archive problems', () => {
  it('maps the reader problems, keeping their codes', async () => {
    const view = await wheelView({
      extra: [{ name: 'foo_bar/link.py', kind: 'symlink', data: 'cli.py' }],
      record: (rows) => [...rows, ['foo_bar/link.py', '', '']],
    });
    const problems = checkWheel(view);
    expect(found(problems)).toEqual([at('A001', 'foo_bar/link.py')]);
    expect(problems[0]!.message).toMatch(/^\[symlink\]/);
  });

  it('reports duplicate members', async () => {
    expect(await check({ extra: [{ name: 'foo_bar/cli.py', data: 'def main() -> None:\n    pass\n' }] })).toEqual([at('A001', 'foo_bar/cli.py')]);
  });
});

describe('W001 wheel filename', () => {
  it.each([
    'foo_bar-1.0-py3-none.whl',
    'foo_bar-1.0-py3-none-any.zip',
    'foo_bar-1.0-abc-py3-none-any.whl',
    'foo_bar-1.0~1-py3-none-any.whl',
    'foo_bar-1.0-py3-none-any+x.whl',
    'foo_bar-1.0-py3..py2-none-any.whl',
  ])('%s', async (filename) => {
    expect(await check({ filename })).toEqual([at('W001', filename)]);
  });
});

describe('W002 normalized wheel filename', () => {
  it('reports a name that is not normalized', async () => {
    expect(await check({ filename: 'Foo.Bar-1.0-py3-none-any.whl' })).toEqual([at('W002', 'Foo.Bar-1.0-py3-none-any.whl')]);
  });

  it('reports a version that is not normalized', async () => {
    const problems = await check({
      filename: 'foo_bar-1.0_post1-py3-none-any.whl',
      distInfo: 'foo_bar-1.0.post1.dist-info',
      metadata: setField(DEFAULT_METADATA, 'Version', '1.0.post1'),
    });
    expect(problems).toEqual([at('W002', 'foo_bar-1.0_post1-py3-none-any.whl')]);
  });
});

describe('W003 one .dist-info folder', () => {
  it('reports two', async () => {
    expect(await check({ files: { 'other-1.0.dist-info/METADATA': DEFAULT_METADATA } })).toEqual([
      at('W003', 'foo_bar-1.0.dist-info/'),
      at('W003', 'other-1.0.dist-info/'),
    ]);
  });

  it('reports none', async () => {
    const bytes = zip([{ name: 'foo_bar/__init__.py', data: '' }]);
    expect(found(checkWheel(await readWheel('foo_bar-1.0-py3-none-any.whl', bytes)))).toEqual([at('W003', undefined)]);
  });
});

describe('W004 .dist-info named after the filename', () => {
  it('reports another name', async () => {
    expect(await check({ distInfo: 'foo_baz-1.0.dist-info' })).toEqual([at('W004', 'foo_baz-1.0.dist-info/')]);
  });
});

describe('W005 normalized .dist-info name', () => {
  it('reports the setuptools < 75.8.1 spelling', async () => {
    expect(await check({ distInfo: 'Foo.Bar-1.0.dist-info' })).toEqual([at('W005', 'Foo.Bar-1.0.dist-info/')]);
  });
});

describe('W006 METADATA, WHEEL, RECORD', () => {
  it('reports a missing WHEEL', async () => {
    expect(await check({ files: { [`${DI}/WHEEL`]: null } })).toEqual([at('W006', `${DI}/WHEEL`)]);
  });

  it('reports a missing METADATA', async () => {
    expect(await check({ files: { [`${DI}/METADATA`]: null } })).toEqual([at('W006', `${DI}/METADATA`)]);
  });
});

describe('W007 METADATA agrees with the filename', () => {
  it('reports another version', async () => {
    expect(await check({ metadata: setField(DEFAULT_METADATA, 'Version', '1.1') })).toEqual([at('W007', `${DI}/METADATA`)]);
  });

  it('reports another name', async () => {
    expect(await check({ metadata: setField(DEFAULT_METADATA, 'Name', 'Foo.Baz') })).toEqual([at('W007', `${DI}/METADATA`)]);
  });
});

describe('W008 WHEEL fields', () => {
  it('reports a missing Root-Is-Purelib and a Wheel-Version 2.0', async () => {
    const wheel = 'Wheel-Version: 2.0\nTag: py3-none-any\n';
    expect(await check({ wheel })).toEqual([at('W008', `${DI}/WHEEL`), at('W008', `${DI}/WHEEL`)]);
  });

  it('reports a compressed Tag line once, as W008 (W009 reads it as its expanded tags, which match the filename)', async () => {
    const problems = await check({ filename: 'foo_bar-1.0-py2.py3-none-any.whl', wheel: DEFAULT_WHEEL.replace('py3-none-any', 'py2.py3-none-any') });
    expect(problems).toEqual([at('W008', `${DI}/WHEEL`)]);
  });

  it('reports a WHEEL without tags', async () => {
    expect(await check({ wheel: 'Wheel-Version: 1.0\nRoot-Is-Purelib: yes\n' })).toEqual([at('W008', `${DI}/WHEEL`), at('W008', `${DI}/WHEEL`)]);
  });
});

describe('W009 WHEEL tags agree with the filename', () => {
  it('reports other tags', async () => {
    expect(await check({ wheel: DEFAULT_WHEEL.replace('py3-none-any', 'py2-none-any') })).toEqual([at('W009', `${DI}/WHEEL`), at('W009', `${DI}/WHEEL`)]);
  });

  it('expands a compressed Tag line: a tag it adds to the filename\'s is reported, with the line it came from', async () => {
    const problems = checkWheel(await wheelView({ wheel: DEFAULT_WHEEL.replace('py3-none-any', 'py2.py3-none-any') }));
    expect(found(problems)).toEqual([at('W008', `${DI}/WHEEL`), at('W009', `${DI}/WHEEL`)]);
    expect(problems[1]!.message).toBe("WHEEL lists tag 'py2-none-any' (from 'py2.py3-none-any'), which is not in the filename's tags (py3-none-any)");
  });

  it('still reports a filename tag that a compressed Tag line leaves out', async () => {
    const problems = checkWheel(await wheelView({ filename: 'foo_bar-1.0-py2.py3-none-any.whl', wheel: DEFAULT_WHEEL.replace('py3-none-any', 'py3.py4-none-any') }));
    expect(problems.map((p) => `${p.code} ${p.message}`)).toEqual([
      "W008 Tag 'py3.py4-none-any' (line 4) is a compressed tag set; WHEEL lists each expanded tag on its own Tag line",
      'W009 the filename has tag py2-none-any, which WHEEL does not list',
      "W009 WHEEL lists tag 'py4-none-any' (from 'py3.py4-none-any'), which is not in the filename's tags (py2-none-any, py3-none-any)",
    ]);
  });

  it('reports a build tag missing from WHEEL', async () => {
    expect(await check({ filename: 'foo_bar-1.0-1-py3-none-any.whl' })).toEqual([at('W009', `${DI}/WHEEL`)]);
  });
});

describe('W010 RECORD format', () => {
  it('reports an md5 hash', async () => {
    const problems = await check({ record: editRow('foo_bar/cli.py', (r) => [r[0]!, 'md5=AAAAAAAAAAAAAAAAAAAAAA', r[2]!]) });
    expect(problems).toEqual([at('W010', `${DI}/RECORD`)]);
  });

  it('reports a padded digest', async () => {
    expect(await check({ record: editRow('foo_bar/cli.py', (r) => [r[0]!, `${r[1]}=`, r[2]!]) })).toEqual([at('W010', `${DI}/RECORD`)]);
  });

  it('reports a size that is not a number, and a blank line', async () => {
    const problems = await check({ record: (rows) => [...editRow('foo_bar/cli.py', (r) => [r[0]!, r[1]!, '12kB'])(rows), []] });
    expect(problems).toEqual([at('W010', `${DI}/RECORD`), at('W010', `${DI}/RECORD`)]);
  });
});

describe('W011 every file listed', () => {
  it('reports a file missing from RECORD', async () => {
    expect(await check({ record: editRow('foo_bar/core.py', () => null) })).toEqual([at('W011', 'foo_bar/core.py')]);
  });

  it("reports RECORD's own row missing", async () => {
    expect(await check({ record: editRow(`${DI}/RECORD`, () => null) })).toEqual([at('W011', `${DI}/RECORD`)]);
  });

  it('does not ask for RECORD.jws to be listed', async () => {
    expect(await check({ extra: [{ name: `${DI}/RECORD.jws`, data: '{}' }] })).toEqual([]);
  });
});

describe('W012 no stray rows', () => {
  it('reports a row for a file that is not in the wheel', async () => {
    expect(await check({ record: (rows) => [['foo_bar/gone.py', recordHash('x'), '1'], ...rows] })).toEqual([at('W012', 'foo_bar/gone.py')]);
  });

  it('reports a row for RECORD.jws', async () => {
    const problems = await check({
      extra: [{ name: `${DI}/RECORD.jws`, data: '{}' }],
      record: (rows) => [...rows, [`${DI}/RECORD.jws`, recordHash('{}'), '2']],
    });
    expect(problems).toEqual([at('W012', `${DI}/RECORD.jws`)]);
  });
});

describe('W013 hashes and sizes', () => {
  it('reports a wrong hash', async () => {
    expect(await check({ record: editRow('foo_bar/cli.py', (r) => [r[0]!, recordHash('other'), r[2]!]) })).toEqual([at('W013', 'foo_bar/cli.py')]);
  });

  it('reports a wrong size', async () => {
    expect(await check({ record: editRow('foo_bar/cli.py', (r) => [r[0]!, r[1]!, '1']) })).toEqual([at('W013', 'foo_bar/cli.py')]);
  });

  it('reports a file without a hash', async () => {
    expect(await check({ record: editRow('foo_bar/cli.py', (r) => [r[0]!, '', r[2]!]) })).toEqual([at('W013', 'foo_bar/cli.py')]);
  });

  it("reports a hash on RECORD's own row", async () => {
    expect(await check({ record: editRow(`${DI}/RECORD`, (r) => [r[0]!, recordHash('x'), '']) })).toEqual([at('W013', `${DI}/RECORD`)]);
  });

  it('accepts sha512 and blake2b hashes', async () => {
    const sha512 = (await import('node:crypto')).createHash('sha512').update('def main() -> None:\n    pass\n').digest('base64url');
    const blake = (await import('node:crypto')).createHash('blake2b512').update('def answer() -> int:\n    return 42\n').digest('base64url');
    const problems = await check({
      record: (rows) =>
        editRow('foo_bar/core.py', (r) => [r[0]!, `blake2b=${blake}`, r[2]!])(editRow('foo_bar/cli.py', (r) => [r[0]!, `sha512=${sha512}`, r[2]!])(rows)),
    });
    expect(problems).toEqual([]);
  });
});

describe('W014 unique rows', () => {
  it('reports a path listed twice', async () => {
    expect(await check({ record: (rows) => [...rows, rows[0]!] })).toEqual([at('W014', 'foo_bar/__init__.py')]);
  });
});

describe('W015 no folders in RECORD', () => {
  it('reports folder rows', async () => {
    expect(await check({ record: (rows) => [...rows, ['foo_bar/', '', ''], ['foo_bar/data', '', '']] })).toEqual([
      at('W015', 'foo_bar/'),
      at('W015', 'foo_bar/data'),
    ]);
  });
});

describe('W016 no folder members', () => {
  it('reports folder members', async () => {
    expect(await check({ extra: [{ name: 'foo_bar/' }, { name: `${DI}/` }] })).toEqual([at('W016', 'foo_bar/'), at('W016', `${DI}/`)]);
  });
});

describe('W017 .data folder', () => {
  it('reports a .data folder named otherwise', async () => {
    expect(await check({ files: { 'foo-1.0.data/data/x': 'x' } })).toEqual([at('W017', 'foo-1.0.data/')]);
  });

  it('reports unknown scheme keys, loose files and script subfolders', async () => {
    const files = { 'foo_bar-1.0.data/share/x': 'x', 'foo_bar-1.0.data/x': 'x', 'foo_bar-1.0.data/scripts/sub/tool': 'x' };
    expect(await check({ files })).toEqual([
      at('W017', 'foo_bar-1.0.data/share/x'),
      at('W017', 'foo_bar-1.0.data/x'),
      at('W017', 'foo_bar-1.0.data/scripts/sub/tool'),
    ]);
  });
});

describe('W018 entry_points.txt', () => {
  const EP = `${DI}/entry_points.txt`;
  it.each([
    ['an entry before any section', 'foo = a:b\n[console_scripts]\n'],
    ["a ':' delimiter", '[console_scripts]\nfoo: a:b\n'],
    ['a call in the object reference', '[console_scripts]\nfoo = foo_bar.cli:main()\n'],
    ['a dash in the module', '[console_scripts]\nfoo = foo-bar.cli:main\n'],
    ['a dash in the group', '[my-group]\nfoo = foo_bar.cli:main\n'],
    ['a repeated name', '[console_scripts]\nfoo = a:b\nfoo = a:c\n'],
    ['a repeated section', '[console_scripts]\nfoo = a:b\n[console_scripts]\nbar = a:c\n'],
    ['an empty value', '[console_scripts]\nfoo =\n'],
  ])('reports %s', async (_, text) => {
    expect(await check({ entryPoints: text })).toEqual([at('W018', EP)]);
  });

  it('accepts extras, modules without attributes and comments', async () => {
    expect(await check({ entryPoints: '# generated\n[console_scripts]\nfoo = foo_bar.cli:main [cli]\n\n[pytest11]\nplugin = foo_bar.core\n' })).toEqual([]);
  });
});
