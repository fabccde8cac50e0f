import { escapeName, isValidName } from '../../src/pep/name.js';
import { parseRequirement, requirementMarkerExtras } from '../../src/pep/requirement.js';
import { parseSpecifierSet } from '../../src/pep/specifier.js';
import { stemMatches, stemNormalizationProblem } from '../../src/pep/stem.js';
import { normalizeVersion } from '../../src/pep/version.js';
import { parseWheelFilename } from '../../src/pep/wheelFilename.js';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/pep/_internals/csv.js';
import { groupProblem, parseEntryPoints, valueProblem } from '../../src/oracles/lib/entryPoints.js';
import { parseMetadata } from '../../src/pep/coreMetadata.js';
import { hashFormatProblem } from '../../src/pep/record.js';
import { licenseExpressionProblem } from '../../src/oracles/lib/spdx.js';
import { utf8 } from './fixtures/artifacts.js';

describe('PEP 440 normal form', () => {
  it.each([
    ['1.0', '1.0'],
    ['1.0.0', '1.0.0'],
    ['v1.0', '1.0'],
    ['01.2.0-RC1', '1.2.0rc1'],
    ['1.0-1', '1.0.post1'],
    ['1.0.post', '1.0.post0'],
    ['1.0-r4', '1.0.post4'],
    ['1.0a', '1.0a0'],
    ['1.0_alpha_1', '1.0a1'],
    ['1.0c1', '1.0rc1'],
    ['1.0preview2', '1.0rc2'],
    ['1.0.DEV', '1.0.dev0'],
    ['0!1.0', '1.0'],
    ['1!2.0', '1!2.0'],
    ['1.0+AbC-01_x', '1.0+abc.1.x'],
    [' 1.0 ', '1.0'],
  ])('%j -> %j', (input, normal) => expect(normalizeVersion(input)).toBe(normal));

  it.each(['', 'one', '1.0.', '.1', '1.0+', '1.0+a..b', '1e3', '1.0-dev-x', '1.*'])('%j is not a version', (input) => {
    expect(normalizeVersion(input)).toBeNull();
  });
});

describe('names', () => {
  it('validates and escapes names', () => {
    expect(isValidName('Foo.Bar')).toBe(true);
    expect(isValidName('a')).toBe(true);
    expect(isValidName('-a')).toBe(false);
    expect(isValidName('Foo Bar')).toBe(false);
    expect(escapeName('FrIeNdLy-._.-bArD')).toBe('friendly_bard');
  });

  it('finds name and version in a stem whatever the split', () => {
    expect(stemMatches('foo-bar-1.0', 'Foo.Bar', '1.0')).toBe(true);
    expect(stemMatches('Foo.Bar-1.0', 'foo_bar', '1.0.0')).toBe(false);
    expect(stemMatches('foo_bar-01.0', 'foo-bar', '1.0')).toBe(true);
  });

  it('explains why a stem is not normalized', () => {
    expect(stemNormalizationProblem('foo_bar-1.0')).toBeNull();
    expect(stemNormalizationProblem('Foo.Bar-1.0')).toMatch(/should be 'foo_bar'/);
    expect(stemNormalizationProblem('foo_bar-1.0_rc1')).toMatch(/should be '1.0rc1'/);
    expect(stemNormalizationProblem('foo-bar-1.0')).toMatch(/2 '-'/);
  });

  it('parses wheel filenames and expands compressed tag sets', () => {
    const parsed = parseWheelFilename('foo-1.0-2b-py2.py3-none-any.macosx_11_0_arm64.whl');
    expect(parsed).toEqual({
      ok: true,
      value: {
        name: 'foo',
        version: '1.0',
        build: '2b',
        python: 'py2.py3',
        abi: 'none',
        platform: 'any.macosx_11_0_arm64',
        tags: ['py2-none-any', 'py2-none-macosx_11_0_arm64', 'py3-none-any', 'py3-none-macosx_11_0_arm64'],
      },
    });
    // An unescaped '-' in the name shifts every component: 'bar' is read as the version.
    expect(parseWheelFilename('foo-bar-1.0-py3-none-any.whl')).toMatchObject({ ok: false });
    expect(parseWheelFilename('foo-1.0-py3-none.whl')).toMatchObject({ ok: false });
    expect(parseWheelFilename('foo-1.0-py3-none-any.zip')).toMatchObject({ ok: false });
  });
});

describe('dependency specifiers', () => {
  it.each([
    'requests',
    'requests>=2.0',
    'requests >=2.0 , <3',
    'requests (>=2.0)',
    'requests (>=2.0) ; python_version < "3.9"',
    'Requests[security,socks] >= 2.8.1, == 2.8.*',
    'requests[]',
    'requests>=2.0,',
    "black; (extra == 'x' or os_name == 'nt') and extra == 'dev-tools'",
    'pip @ https://example.org/pip-1.0.zip#sha256=abc',
    'pip @ https://example.org/pip-1.0.zip ; python_version >= "3"',
    'a; python_version<"3"and os_name=="x"',
    'a; "linux" in sys_platform',
    'a; "x" not in platform_version',
    'a===foo',
    'a~=1.0',
    'a==1.0+local',
  ])('%j is valid', (text) => expect(parseRequirement(text)).toMatchObject({ ok: true }));

  it.each([
    '',
    'requests >=',
    'requests => 2.0',
    'requests >=2.0 junk',
    'requests; os_name = "nt"',
    'requests; os_name == nt',
    'requests; unknown_var == "x"',
    'requests; python_version < "3"  and',
    'requests (>=2.0',
    'requests[a b]',
    'pip @ https://example.org/x.zip; python_version >= "3"',
    'a~=1',
    'a>=1.0.*',
    'a>=1.0+local',
    '-a',
    'a\n  b',
  ])('%j is invalid', (text) => expect(parseRequirement(text)).toMatchObject({ ok: false }));

  it('collects the extras markers test', () => {
    const r = parseRequirement("black; (extra == 'x' or os_name == 'nt') and 'y' == extra");
    expect(r).toMatchObject({ ok: true, value: { name: 'black' } });
    expect(r.ok && requirementMarkerExtras(r.value)).toEqual(['x', 'y']);
  });

  it('validates specifier sets', () => {
    expect(parseSpecifierSet('>=3.8,!=3.9.*')).toMatchObject({ ok: true });
    expect(parseSpecifierSet('')).toEqual({ ok: true, value: [] });
    expect(parseSpecifierSet('>=3.8;')).toMatchObject({ ok: false });
    expect(parseSpecifierSet('=>3.8')).toMatchObject({ ok: false });
    // packaging's SpecifierSet drops empty clauses: `>=3.8,,<4` is the set `<4,>=3.8` (was refused here before).
    expect(parseSpecifierSet('>=3.8,,<4')).toMatchObject({ ok: true, value: [{ op: '>=', version: '3.8' }, { op: '<', version: '4' }] });
  });
});

describe('license expressions', () => {
  it.each([
    'MIT',
    'BSD-3-Clause',
    'MIT AND (Apache-2.0 OR BSD-2-Clause)',
    'MIT OR GPL-2.0-or-later OR (FSFUL AND BSD-2-Clause)',
    'GPL-3.0-only WITH Classpath-Exception-2.0 OR BSD-3-Clause',
    'LicenseRef-Special-License OR CC0-1.0 OR Unlicense',
    'LicenseRef-Proprietary',
    'GPL-2.0+',
    '(MIT)',
  ])('%j is valid', (text) => expect(licenseExpressionProblem(text)).toBeNull());

  it.each([
    '',
    'mit or apache-2.0',
    'MIT and Apache-2.0',
    'LicenseRef-License with spaces',
    'LicenseRef-License_with_underscores',
    'licenseref-foo',
    'MIT AND',
    'AND MIT',
    '(MIT',
    'MIT)',
    'MIT Apache-2.0',
    'MIT WITH',
    'DocumentRef-x:LicenseRef-y',
  ])('%j is invalid', (text) => expect(licenseExpressionProblem(text)).not.toBeNull());
});

describe('csv as Python reads it', () => {
  it('handles quotes, doubled quotes, CRLF and blank lines', () => {
    const result = parseCsv('a,b,c\r\n"x,y","say ""hi""",3\n\n"multi\nline",,\n');
    expect(result.records.map((r) => r.fields)).toEqual([['a', 'b', 'c'], ['x,y', 'say "hi"', '3'], [], ['multi\nline', '', '']]);
    expect(result.records.map((r) => r.line)).toEqual([1, 2, 3, 4]);
    expect(result.unterminatedQuoteLine).toBeUndefined();
  });

  it('reports an unterminated quote and reads a last line without a newline', () => {
    expect(parseCsv('a,b,c').records).toEqual([{ line: 1, fields: ['a', 'b', 'c'] }]);
    expect(parseCsv('a,"b,c\n').unterminatedQuoteLine).toBe(1);
  });

  it('checks RECORD hash columns', () => {
    expect(hashFormatProblem('')).toBeNull();
    expect(hashFormatProblem('sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU')).toBeNull();
    expect(hashFormatProblem('sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU=')).toMatch(/padding/);
    expect(hashFormatProblem('sha256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU')).toMatch(/urlsafe/);
    expect(hashFormatProblem('md5=1B2M2Y8AsgTpgAmY7PhCfg')).toMatch(/not permitted/);
    expect(hashFormatProblem('sha256')).toMatch(/algorithm=digest/);
    expect(hashFormatProblem('sha256=abc')).toMatch(/characters/);
  });
});

describe('entry_points.txt', () => {
  it('reads sections, entries, comments and continuation lines like configparser', () => {
    const file = parseEntryPoints('# c\n[console_scripts]\nfoo = a.b:c\n; c\nbar=a:b [x, y]\n  more\n\n[g.h]\nx = m\n');
    expect(file.problems).toEqual([]);
    expect(file.entries.map((e) => [e.group, e.name, e.value])).toEqual([
      ['console_scripts', 'foo', 'a.b:c'],
      ['console_scripts', 'bar', 'a:b [x, y]\nmore'],
      ['g.h', 'x', 'm'],
    ]);
  });

  it('reports what configparser refuses', () => {
    const file = parseEntryPoints('x = a:b\n[s]\nfoo: a:b\n= a:b\nfoo = a:b\nfoo = a:c\n[s]\n');
    expect(file.problems.map((p) => p.line)).toEqual([1, 3, 4, 6, 7]);
  });

  it('validates groups and object references', () => {
    expect(groupProblem('console_scripts')).toBeNull();
    expect(groupProblem('foo_bar.plugins')).toBeNull();
    expect(groupProblem('my-group')).not.toBeNull();
    expect(valueProblem('a.b:c.d')).toBeNull();
    expect(valueProblem('a.b : c [x,y]')).toBeNull();
    expect(valueProblem('pkg')).toBeNull();
    expect(valueProblem('a.b:c()')).not.toBeNull();
    expect(valueProblem('a-b:c')).not.toBeNull();
    expect(valueProblem('a:')).not.toBeNull();
    expect(valueProblem('')).not.toBeNull();
  });
});

describe('core metadata parsing', () => {
  it('reads fields, continuation lines, the body and malformed lines', () => {
    const meta = parseMetadata(utf8('Metadata-Version: 2.4\nname: x\nLicense: a\n  b\nbad line\n\nbody\n'));
    expect(meta.fields.map((f) => [f.key, f.value, f.line])).toEqual([
      ['metadata-version', '2.4', 1],
      ['name', 'x', 2],
      ['license', 'a\n  b', 3],
    ]);
    expect(meta.malformed).toEqual([{ line: 5, text: 'bad line' }]);
    expect(meta.body).toBe('body\n');
    expect(meta.utf8).toBe(true);
    expect(parseMetadata(new Uint8Array([0x4e, 0x3a, 0xff])).utf8).toBe(false);
  });
});
