/**
 * The wheel's METADATA changed to follow the sdist's PKG-INFO (issue #13,
 * setuptools 75.6.0 "Preserve original PKG-INFO into METADATA"): its fields
 * keep their own atoms, and they are one behaviour change,
 * `wheel:copied:PKG-INFO->dist-info/METADATA`, in the atom book. The diffs are
 * the ones setuptools 66.1.1 and 78.1.1 give (a dependency `a_a`, an extra
 * `A_a`; replayed by hand).
 */
import { describe, expect, it } from 'vitest';
import { COPIED_CHANGE, atomsOf, copiedAtoms, fieldSides } from '../../src/compare/atoms.js';
import type { Difference } from '../../src/compare/types.js';
import { AtomBook } from '../../src/fuzz/atomBook.js';
import { failedDiff as fail } from './fixtures.js';

const metadata = (artifact: 'sdist' | 'wheel', lines: string[]): Difference => ({
  artifact,
  kind: 'content',
  path: artifact === 'sdist' ? 'PKG-INFO' : '{dist-info}/METADATA',
  diff: ['--- a', '+++ b', '@@ -1,4 +1,4 @@', ...lines].join('\n'),
});

const DEPENDENCY = [
  metadata('sdist', [' Name: a', '+Requires-Dist: a_a', ' Version: 0']),
  metadata('wheel', [' Name: a', '-Requires-Dist: a-a', '+Requires-Dist: a_a', ' Version: 0']),
];
const EXTRA = [
  metadata('sdist', [' Name: a', '-Provides-Extra: A_a', '+Provides-Extra: a-a', ' Version: 0']),
  metadata('wheel', [' Name: a', '-Provides-Extra: a_a', '+Provides-Extra: a-a', ' Version: 0']),
];

describe('the wheel copy following the sdist copy', () => {
  it('a dependency: PKG-INFO gains it (one change), METADATA re-spells it as PKG-INFO writes it (the copy)', () => {
    expect(atomsOf(DEPENDENCY)).toEqual(['sdist:content:PKG-INFO[Requires-Dist]', 'wheel:content:dist-info/METADATA[Requires-Dist]']);
    expect(copiedAtoms(DEPENDENCY)).toEqual(['wheel:content:dist-info/METADATA[Requires-Dist]']);
  });

  it('requirements reordered to PKG-INFO\'s order (66.1.1 → 80.9.0, dependencies `a-a; python_version >= "3.6"`, `y`) are the copy', () => {
    const reordered = [
      metadata('sdist', [' Name: a', '+Requires-Dist: a-a; python_version >= "3.6"', '+Requires-Dist: y', ' Version: 0']),
      metadata('wheel', [' Name: a', '-Requires-Dist: y', ' Requires-Dist: a-a; python_version >= "3.6"', '+Requires-Dist: y', ' Version: 0']),
    ];
    expect(copiedAtoms(reordered)).toEqual(['wheel:content:dist-info/METADATA[Requires-Dist]']);
  });

  it('an extra: both copies normalize it, from different spellings: the wheel one is the copy', () => {
    expect(copiedAtoms(EXTRA)).toEqual(['wheel:content:dist-info/METADATA[Provides-Extra]']);
  });

  it('the same change in both copies, METADATA moving away from PKG-INFO, a field removed, a PKG-INFO not shown: no copy', () => {
    const lines = [' Name: a', '-Provides-Extra: a_a', '+Provides-Extra: a-a', ' Version: 0'];
    expect(copiedAtoms([metadata('sdist', lines), metadata('wheel', lines)])).toEqual([]);
    // B's METADATA rewrites the Summary PKG-INFO keeps (test/fixtures/backends/tb_planted_atoms.py).
    expect(copiedAtoms([metadata('sdist', ['-Metadata-Version: 2.1', '+Metadata-Version: 2.2', ' Summary: é']), metadata('wheel', ['-Metadata-Version: 2.1', '+Metadata-Version: 2.2', '-Summary: é', '+Summary: e'])])).toEqual([]);
    expect(copiedAtoms([metadata('sdist', [' Name: a', '+Summary: x', ' Requires-Dist: b']), metadata('wheel', [' Name: a', '-Requires-Dist: b'])])).toEqual([]);
    expect(copiedAtoms([DEPENDENCY[1]!])).toEqual([]);
  });

  it('the book: once one field of the copy is reported, another field of it in another project is the same change', () => {
    const book = new AtomBook('diff');
    const dep = fail(DEPENDENCY);
    const t = book.targetOf(dep);
    expect(t).toMatchObject({ atom: 'sdist:content:PKG-INFO[Requires-Dist]' });
    expect(t.change).toBeUndefined();
    book.cover(dep, t);
    const copy = book.targetOf(dep);
    expect(copy).toMatchObject({ atom: 'wheel:content:dist-info/METADATA[Requires-Dist]', change: COPIED_CHANGE });
    expect(book.cover(dep, copy)).toBe(true);
    expect(book.isKnown(dep)).toBe(true);
    // The extra's project: its PKG-INFO change (extras normalized) is new, its METADATA change is the copy.
    const extra = fail(EXTRA);
    expect(book.isKnown(extra)).toBe(false);
    expect(book.targetOf(extra).atom).toBe('sdist:content:PKG-INFO[Provides-Extra]');
    book.cover(extra, book.targetOf(extra));
    expect(book.isKnown(extra)).toBe(true);
    expect(book.atomsOfChange(COPIED_CHANGE)).toEqual(['wheel:content:dist-info/METADATA[Provides-Extra]', 'wheel:content:dist-info/METADATA[Requires-Dist]']);
    // Now a field changed the same way in both copies is the sdist's change of it, copied: known once that is.
    const sameInBoth = (field: string) =>
      fail(['sdist', 'wheel'].map((copy) => metadata(copy as 'sdist' | 'wheel', [' Name: a', `-${field}: a.a`, `+${field}: a-a`, ' Version: 0'])));
    expect(atomsOf(sameInBoth('Provides-Extra').differences)).toEqual(['core-metadata[Provides-Extra]']);
    expect(book.isKnown(sameInBoth('Provides-Extra'))).toBe(true);
    expect(book.isKnown(sameInBoth('Summary'))).toBe(false);
    // A project whose sdist failed on one side (66.1.1 with --build-option=--build-number=0): the wheel's change of the
    // extra cannot be compared with a PKG-INFO, and is that known change (the 15-minute run's thirteenth finding before).
    const failed: Difference = { artifact: 'sdist', kind: 'build-failed', path: '', a: "system-exit: SystemExit: 'error: option --build-number not recognized'", b: 'built a-0.tar.gz' };
    const hidden = fail([failed, metadata('wheel', [' Name: a', '-Provides-Extra: a.a', '+Provides-Extra: a-a', ' Version: 0'])]);
    book.cover(hidden, { classes: new Set(), atom: book.unitsOf(hidden)[0]! });
    expect(book.isKnown(hidden)).toBe(true);
    expect(book.isKnown(fail([failed, metadata('wheel', ['-Summary: é', '+Summary: e'])]))).toBe(false);
    // A METADATA change that does not follow PKG-INFO stays new.
    expect(book.isKnown(fail([metadata('wheel', ['-Summary: é', '+Summary: e'])]))).toBe(false);
  });

  it('before the copy is reported, a field changed the same way in both copies is new', () => {
    const book = new AtomBook('diff');
    const extra = fail(EXTRA);
    book.cover(extra, book.targetOf(extra));
    const same = fail(['sdist', 'wheel'].map((copy) => metadata(copy as 'sdist' | 'wheel', [' Name: a', '-Provides-Extra: a.a', '+Provides-Extra: a-a'])));
    expect(book.isKnown(same)).toBe(false);
  });

  it('--allow of the change allows each field of it', () => {
    const book = new AtomBook('diff', new Set([COPIED_CHANGE, 'sdist:content:PKG-INFO[Requires-Dist]']));
    expect(book.isKnown(fail(DEPENDENCY))).toBe(true);
    expect(book.isKnown(fail(EXTRA))).toBe(false);
    expect(book.targetOf(fail(EXTRA)).atom).toBe('sdist:content:PKG-INFO[Provides-Extra]');
  });

  it('the book: coupled atoms are one change, listed together', () => {
    const book = new AtomBook('diff');
    const both = fail([
      { artifact: 'wheel', kind: 'only-in-b', path: '{dist-info}/planted.txt' },
      { artifact: 'wheel', kind: 'only-in-b', path: '{dist-info}/planted-too.txt' },
    ]);
    const t = book.targetOf(both);
    book.cover(both, t);
    expect(book.isKnown(both)).toBe(false);
    book.couple(t, ['wheel:only-in-b:dist-info/planted.txt']);
    expect(book.isKnown(both)).toBe(true);
    expect(book.atomsOfChange(t.atom!)).toEqual(['wheel:only-in-b:dist-info/planted-too.txt', 'wheel:only-in-b:dist-info/planted.txt']);
  });

  it('fieldSides: each side of each field as the diff shows it, continuation lines included', () => {
    const sides = fieldSides(['--- a', '+++ b', '@@ -1 +1 @@', ' Name: a', '-Summary: x', '+Summary: y', '+  more', ' Version: 0'].join('\n'));
    expect(sides.get('name')).toEqual({ a: ['Name: a'], b: ['Name: a'] });
    expect(sides.get('summary')).toEqual({ a: ['Summary: x'], b: ['Summary: y', '  more'] });
  });
});
