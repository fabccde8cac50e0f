import { describe, expect, it } from 'vitest';
import type { ArchiveEntry, ArchiveView } from '../../src/archive/types.js';
import { compareViews } from '../../src/compare/compareViews.js';
import { normalizeArtifact } from '../../src/normalize/normalizeArtifact.js';
import { recordRowPath, withRowPath } from '../../src/pep/record.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const file = (path: string, text: string): ArchiveEntry => ({ path, type: 'file', mode: 0o644, size: text.length, mtime: null, data: enc(text) });
const wheel = (filename: string, entries: ArchiveEntry[]): ArchiveView => ({ format: 'wheel', filename, entries, problems: [] });

describe('RECORD rows with quoted paths', () => {
  it('are renamed like the members, quoting kept where needed', () => {
    const row = '"Foo.Bar-1.0.dist-info/licenses/a,b.txt",sha256=abc,3';
    expect(recordRowPath(row)).toBe('Foo.Bar-1.0.dist-info/licenses/a,b.txt');
    expect(withRowPath(row, '{dist-info}/licenses/a,b.txt')).toBe('"{dist-info}/licenses/a,b.txt",sha256=abc,3');
    expect(withRowPath('x/y.py,sha256=abc,3', 'z/y.py')).toBe('z/y.py,sha256=abc,3');
  });

  it('do not make two spellings of the dist-info folder differ in RECORD at content level', () => {
    const make = (folder: string) =>
      wheel(`${folder.replace('.dist-info', '')}-py3-none-any.whl`, [
        file(`${folder}/licenses/a,b.txt`, 'abc'),
        file(`${folder}/METADATA`, 'Metadata-Version: 2.4\nName: foo.bar\nVersion: 1.0\n'),
        file(`${folder}/RECORD`, `"${folder}/licenses/a,b.txt",sha256=abc,3\n${folder}/METADATA,sha256=def,40\n${folder}/RECORD,,\n`),
      ]);
    const a = normalizeArtifact(make('Foo.Bar-1.0.dist-info'), new Uint8Array(), 'content');
    const b = normalizeArtifact(make('foo_bar-1.0.dist-info'), new Uint8Array(), 'content');
    const diffs = compareViews(a, b);
    expect(diffs.map((d) => `${d.kind} ${d.path}`)).toEqual(['filename ', 'folder-name ']);
  });
});

describe('a wheel with two .dist-info folders', () => {
  it('keeps both folders apart at every level (nothing merged or lost)', () => {
    const v = wheel('foo-1.0-py3-none-any.whl', [
      file('other-2.0.dist-info/METADATA', 'Metadata-Version: 2.4\nName: other\nVersion: 2.0\n'),
      file('foo-1.0.dist-info/METADATA', 'Metadata-Version: 2.4\nName: foo\nVersion: 1.0\n'),
    ]);
    for (const level of ['content', 'semantic'] as const) {
      const c = normalizeArtifact(v, new Uint8Array(), level);
      expect([...c.members.keys()].sort()).toEqual(['foo-1.0.dist-info/METADATA', 'other-2.0.dist-info/METADATA']);
    }
  });
});
