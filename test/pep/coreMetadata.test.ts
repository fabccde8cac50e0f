import { describe, expect, it } from 'vitest';
import { formatHeaderFile, parseHeaderFile, sortFields } from '../../src/pep/coreMetadata.js';

describe('parseHeaderFile / formatHeaderFile', () => {
  it('reads fields, continuation lines and the body', () => {
    const text = 'Metadata-Version: 2.4\nName: Foo.Bar\nLicense: MIT\n        with more text\nRequires-Dist: a\nRequires-Dist: b\n\n# Foo.Bar\n\nText.\n';
    const h = parseHeaderFile(text);
    expect(h.fields).toEqual([
      ['Metadata-Version', '2.4'],
      ['Name', 'Foo.Bar'],
      ['License', 'MIT\n        with more text'],
      ['Requires-Dist', 'a'],
      ['Requires-Dist', 'b'],
    ]);
    expect(h.body).toBe('# Foo.Bar\n\nText.\n');
  });

  it('has no body when the file ends after the headers', () => {
    expect(parseHeaderFile('Wheel-Version: 1.0\nTag: py3-none-any\n').body).toBeNull();
    expect(parseHeaderFile('Wheel-Version: 1.0\nTag: py3-none-any').body).toBeNull();
  });

  it('reads CRLF files like LF files', () => {
    expect(parseHeaderFile('Name: foo\r\nVersion: 1.0\r\n\r\nbody\r\n')).toEqual(parseHeaderFile('Name: foo\nVersion: 1.0\n\nbody\n'));
  });

  it('formats to one canonical text (trailing blank lines of the body dropped)', () => {
    const a = formatHeaderFile(parseHeaderFile('Name: foo\nVersion: 1.0\n\nbody\n\n\n'));
    const b = formatHeaderFile(parseHeaderFile('Name:foo\nVersion: 1.0\n\nbody'));
    expect(a).toBe('Name: foo\nVersion: 1.0\n\nbody\n');
    expect(b).toBe(a);
    expect(formatHeaderFile(parseHeaderFile('Wheel-Version: 1.0\n\n'))).toBe('Wheel-Version: 1.0\n');
  });

  it('keeps a value that differs in more than its first space different', () => {
    const a = formatHeaderFile(parseHeaderFile('Summary: A test project\n'));
    const b = formatHeaderFile(parseHeaderFile('Summary: A  test project\n'));
    expect(a).not.toBe(b);
  });
});

describe('sortFields', () => {
  it('sorts by name case-insensitively and keeps the order of repeated fields', () => {
    const fields: [string, string][] = [
      ['Version', '1.0'],
      ['requires-dist', 'b'],
      ['Name', 'foo'],
      ['Requires-Dist', 'a'],
      ['Classifier', 'Z'],
      ['Classifier', 'A'],
    ];
    expect(sortFields(fields)).toEqual([
      ['Classifier', 'Z'],
      ['Classifier', 'A'],
      ['Name', 'foo'],
      ['requires-dist', 'b'],
      ['Requires-Dist', 'a'],
      ['Version', '1.0'],
    ]);
  });
});
