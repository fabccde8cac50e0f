/** The small pieces: the capped collector, name helpers, sniffing, the problem table, dispatch. */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readCapped } from '../../src/archive/capped.js';
import { readArtifact } from '../../src/archive/index.js';
import { decodeUtf8, decodeZipName, duplicateKey, escapesRoot } from '../../src/archive/names.js';
import { PROBLEM_CODES } from '../../src/archive/problems.js';
import { sniffContainer } from '../../src/archive/sniff.js';
import { packTar, utf8 } from './fixtures.js';

describe('readCapped', () => {
  const chunks = (n: number, size: number) => Array.from({ length: n }, () => new Uint8Array(size).fill(7));

  it('collects a stream at or under the cap', async () => {
    const read = await readCapped(Readable.from(chunks(3, 10)), 30);
    expect(read).toEqual({ kind: 'data', data: new Uint8Array(30).fill(7) });
  });

  it('counts the bytes that arrive, stopping and destroying the stream past the cap', async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 1000;
        this.push(new Uint8Array(1000));
      },
    });
    const read = await readCapped(endless, 2500);
    expect(read).toEqual({ kind: 'over-cap', bytes: 3000 });
    expect(endless.destroyed).toBe(true);
    expect(produced).toBeLessThan(100_000);
  });

  it('reports a stream error and chunks that are not bytes', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('boom'));
      },
    });
    expect(await readCapped(failing, 10)).toEqual({ kind: 'error', error: new Error('boom') });
    const read = await readCapped(Readable.from(['text']), 10);
    expect(read.kind).toBe('error');
  });
});

describe('name helpers', () => {
  it.each([
    ['/abs', true],
    ['\\abs', true],
    ['C:evil', true],
    ['c:\\evil', true],
    ['a/../b', true],
    ['..', true],
    ['a\\..\\b', true],
    ['a/b/', false],
    ['a/..b/c..', false],
    ['a/./b', false],
    ['', false],
  ])('escapesRoot(%j) is %s', (path, expected) => {
    expect(escapesRoot(path)).toBe(expected);
  });

  it('decodes zip names as UTF-8 when flagged, else CP437', () => {
    expect(decodeZipName(utf8('naïve'), true)).toEqual({ text: 'naïve', valid: true });
    expect(decodeZipName(utf8('plain.py'), false)).toEqual({ text: 'plain.py', valid: true });
    expect(decodeZipName(Uint8Array.from([0x80, 0xe1, 0xff]), false)).toEqual({ text: 'Çß\u00a0', valid: false });
    expect(decodeUtf8(Uint8Array.from([0x61, 0xff]))).toEqual({ text: 'a\uFFFD', valid: false });
  });

  it('treats a trailing slash as the same name for duplicates', () => {
    expect(duplicateKey('a/b/')).toBe(duplicateKey('a/b'));
    expect(duplicateKey('./a')).not.toBe(duplicateKey('a'));
  });
});

describe('sniffContainer', () => {
  it('recognizes gzip, zip and ustar by magic bytes', async () => {
    expect(sniffContainer(Uint8Array.from([0x1f, 0x8b, 8]))).toBe('tar.gz');
    expect(sniffContainer(utf8('PK\x03\x04rest'))).toBe('zip');
    expect(sniffContainer(utf8('PK\x05\x06'))).toBe('zip');
    expect(sniffContainer(await packTar([{ header: { name: 'a' } }], false))).toBe('tar');
    expect(sniffContainer(utf8('PKx'))).toBeUndefined();
    expect(sniffContainer(new Uint8Array(0))).toBeUndefined();
  });
});

describe('PROBLEM_CODES', () => {
  it('documents every code in one line', () => {
    expect(Object.keys(PROBLEM_CODES).sort()).toEqual([
      'archive-unreadable',
      'duplicate-member',
      'entry-cap',
      'hardlink',
      'member-escapes',
      'non-utf8-name',
      'size-cap',
      'special-member',
      'symlink',
    ]);
    for (const text of Object.values(PROBLEM_CODES)) expect(text).not.toContain('\n');
  });
});

describe('readArtifact', () => {
  it('reads a wheel with the zip reader and an sdist with the tar reader', async () => {
    const tgz = await packTar([{ header: { name: 'demo-1.0/PKG-INFO', mtime: new Date(0) }, data: utf8('x') }]);
    const asSdist = await readArtifact('sdist', 'demo-1.0.tar.gz', tgz);
    expect(asSdist.format).toBe('sdist');
    expect(asSdist.entries.map((e) => e.path)).toEqual(['demo-1.0/PKG-INFO']);
    const asWheel = await readArtifact('wheel', 'demo-1.0.whl', tgz);
    expect(asWheel.format).toBe('wheel');
    expect(asWheel.problems.map((p) => p.code)).toEqual(['archive-unreadable']);
    expect(asWheel.container).toBe('tar.gz');
  });

  it('passes limits through', async () => {
    const tgz = await packTar([{ header: { name: 'a' } }, { header: { name: 'b' } }]);
    const view = await readArtifact('sdist', 'x.tar.gz', tgz, { maxEntries: 1 });
    expect(view.problems.map((p) => p.code)).toEqual(['entry-cap']);
  });
});
