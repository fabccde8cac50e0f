import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataFiles } from '../../generators/dataFiles.js';
import { shrinkTo } from './shrink.js';
import { dataFileProblems } from './validators.js';

describe('dataFiles', () => {
  it('gives the same values for the same seed', () => {
    expect(fc.sample(dataFiles(), { seed: 42, numRuns: 50 })).toEqual(fc.sample(dataFiles(), { seed: 42, numRuns: 50 }));
  });

  it('only produces unique, glob-safe, non-Python paths', () => {
    fc.assert(
      fc.property(dataFiles({ maxFiles: 8 }), (files) => {
        expect(dataFileProblems('pkg', files)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('uses several extensions, folders, empty files', () => {
    const files = fc.sample(dataFiles({ minFiles: 1 }), { seed: 1, numRuns: 1000 }).flat();
    const extensions = new Set(files.map((f) => f.path.slice(f.path.lastIndexOf('.') + 1)));
    for (const ext of ['txt', 'json', 'csv', 'dat', 'cfg', 'md']) expect(extensions.has(ext), ext).toBe(true);
    expect(files.some((f) => f.path.split('/').length === 3)).toBe(true);
    expect(files.some((f) => !f.path.includes('/'))).toBe(true);
    expect(files.some((f) => f.content === '')).toBe(true);
    expect(files.some((f) => f.content.split('\n').length > 2)).toBe(true);
    // Names with spaces and letters beyond ASCII, text beyond ASCII, files of a few KiB: each sometimes, none usually.
    const share = (pred: (f: (typeof files)[number]) => boolean): number => files.filter(pred).length / files.length;
    for (const pred of [(f: (typeof files)[number]) => f.path.includes(' '), (f: (typeof files)[number]) => /[^\x00-\x7f]/.test(f.path), (f: (typeof files)[number]) => /[^\x00-\x7f]/.test(f.content), (f: (typeof files)[number]) => f.content.length >= 2048]) {
      expect(share(pred)).toBeGreaterThan(0.005);
      expect(share(pred)).toBeLessThan(0.3);
    }
    const plain = fc.sample(dataFiles({ minFiles: 1, spaces: false, nonAscii: false, large: false }), { seed: 1, numRuns: 500 }).flat();
    expect(plain.every((f) => /^[\x21-\x7e]+$/.test(f.path) && /^[\x00-\x7f]*$/.test(f.content) && f.content.length < 2048)).toBe(true);
  });

  it('honours its options', () => {
    const flat = fc.sample(dataFiles({ minFiles: 2, maxFiles: 2, maxFolderDepth: 0 }), { seed: 1, numRuns: 200 });
    expect(flat.every((files) => files.length === 2 && files.every((f) => !f.path.includes('/')))).toBe(true);
  });

  it('can shrink values it did not generate', () => {
    const arb = dataFiles({ maxFiles: 8 });
    expect(fc.sample(arb, { seed: 2, numRuns: 500 }).filter((v) => !arb.canShrinkWithoutContext(JSON.parse(JSON.stringify(v))))).toEqual([]);
  });

  it('shrinks toward one empty a.txt', () => {
    expect(shrinkTo(dataFiles(), (files) => files.length > 0).minimal).toEqual([{ path: 'a.txt', content: '' }]);
    expect(shrinkTo(dataFiles(), (files) => files.some((f) => f.path.endsWith('.csv'))).minimal).toEqual([{ path: 'a.csv', content: '' }]);
    // Two files: both one-letter names at the root, empty (the second cannot also be `a.txt`).
    const two = shrinkTo(dataFiles(), (files) => files.length >= 2).minimal;
    expect(two).toHaveLength(2);
    expect(two[0]).toEqual({ path: 'a.txt', content: '' });
    expect(two[1]?.path).toMatch(/^[a-z]\.[a-z]+$/);
    expect(two[1]?.content).toBe('');
  });
});
