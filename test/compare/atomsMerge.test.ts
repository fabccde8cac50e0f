/**
 * Atoms that merge what one behaviour change shows in two places (issue #13,
 * the 15-minute setuptools 66.1.1 vs 78.1.1 run gave 19 findings for 12
 * changes): one core-metadata field in both copies, one spec problem by two
 * checkers or in both copies, one build failure in several builds, the
 * `.egg-info/` folder renamed with the Name. The difference texts are those
 * of that run's corpus files.
 */
import { describe, expect, it } from 'vitest';
import { atomParts, atomsOf, coreAtomOf, failureAtom, failureKey, fieldChanges, problemField, showsSavedAtom } from '../../src/compare/atoms.js';
import type { Difference } from '../../src/compare/types.js';
import { AtomBook } from '../../src/fuzz/atomBook.js';
import { failedDiff } from './fixtures.js';

const udiff = (lines: string[]): string => ['--- a', '+++ b', '@@ -1 +1 @@', ...lines].join('\n');
const pkgInfo = (lines: string[], path = 'PKG-INFO'): Difference => ({ artifact: 'sdist', kind: 'content', path, diff: udiff(lines) });
const metadata = (lines: string[], path = '{dist-info}/METADATA'): Difference => ({ artifact: 'wheel', kind: 'content', path, diff: udiff(lines) });
const only = (side: 'a' | 'b', path: string, artifact: 'wheel' | 'sdist' = 'sdist'): Difference => ({ artifact, kind: side === 'a' ? 'only-in-a' : 'only-in-b', path });
const problem = (artifact: 'sdist' | 'wheel', code: string, message: string, side: 'a' | 'b' = 'a'): Difference => ({
  artifact,
  kind: 'spec-problem',
  code,
  path: artifact === 'sdist' ? 'a-0/PKG-INFO' : 'a-0.dist-info/METADATA',
  [side]: `${code} (error) ${message}`,
});
const M006 = (artifact: 'sdist' | 'wheel', side: 'a' | 'b' = 'a'): Difference =>
  problem(artifact, 'M006', 'License-File (line 6) was added in Metadata-Version 2.4, but the file declares Metadata-Version 2.1', side);
const P003 = (artifact: 'sdist' | 'wheel', side: 'a' | 'b' = 'a'): Difference =>
  problem(artifact, 'P003', 'license-file: license-file introduced in metadata version 2.4, not 2.1', side);

const VERSION = ['-Metadata-Version: 2.1', '+Metadata-Version: 2.4', ' Name: a', ' Version: 0'];
const USAGE =
  "system-exit: SystemExit: 'usage: hook_worker.py [global_opts] cmd1 [cmd1_opts] [cmd2 [cmd2_opts] ...]\\n   or: hook_worker.py --help [cmd1 cmd2 ...]\\n   or: hook_worker.py --help-commands\\n   or: hook_worker.py cmd --help\\n\\nerror: option --build-number not recognized'";
const STDERR =
  ' (stderr: …ta*. / warnings.warn(msg, _BetaConfiguration) / /root/.cache/twinbuild/envs/setuptools-66.1.1-py3.11/lib/python3.11/site-packages/setuptools/config/pyprojecttoml.py:108: _BetaConfiguration: Support for `[tool.setuptools]` in `pyproject.toml` is still *beta*. / warnings.warn(msg, _BetaConfiguration))';
const sdistFailed = (text = USAGE, side: 'a' | 'b' = 'a'): Difference => ({
  artifact: 'sdist',
  kind: 'build-failed',
  path: '',
  a: side === 'a' ? text : 'built a-0.tar.gz',
  b: side === 'b' ? text : 'built a-0.tar.gz',
});
const editableFailed = (text = USAGE): Difference => ({
  artifact: 'wheel',
  kind: 'build-failed',
  path: 'build_editable:{dist-info}/METADATA',
  a: `differs from its own wheel (${text}${STDERR})`,
  b: 'agrees with its own wheel',
});

describe('one core-metadata field changed the same way in both copies is one atom', () => {
  it('Metadata-Version and Dynamic in PKG-INFO, its egg-info copy and METADATA: one atom each', () => {
    const dynamic = ['+Dynamic: license-file', ...VERSION];
    const atoms = atomsOf([pkgInfo(dynamic), pkgInfo(dynamic, 'a.egg-info/PKG-INFO'), metadata(dynamic)]);
    expect(atoms).toEqual(['core-metadata[Dynamic]', 'core-metadata[Metadata-Version]']);
  });

  it('the same field changed differently stays two atoms (Requires-Dist added to PKG-INFO, re-spelled in METADATA)', () => {
    const atoms = atomsOf([
      pkgInfo([...VERSION, '+Requires-Dist: n[Aa,a]']),
      pkgInfo([...VERSION, '+Requires-Dist: n[Aa,a]'], 'a.egg-info/PKG-INFO'),
      metadata([...VERSION, '-Requires-Dist: n[a,aa]', '+Requires-Dist: n[Aa,a]']),
    ]);
    expect(atoms).toEqual(['core-metadata[Metadata-Version]', 'sdist:content:PKG-INFO[Requires-Dist]', 'wheel:content:dist-info/METADATA[Requires-Dist]']);
  });

  it('values are compared after normalization, every changed line of the field (extras: a_a in both, or not)', () => {
    const same = ['-Provides-Extra: a_a', '+Provides-Extra: a-a'];
    expect(atomsOf([pkgInfo(same), metadata(same)])).toEqual(['core-metadata[Provides-Extra]']);
    // 66.1.1's METADATA already lower-cased DiE1j-7umlf; only its PKG-INFO did not: two changes.
    const sdist = ['-Provides-Extra: DiE1j-7umlf', '-Provides-Extra: e.Hcvi', '+Provides-Extra: die1j-7umlf', '+Provides-Extra: e-hcvi'];
    const wheel = [' Provides-Extra: die1j-7umlf', '-Provides-Extra: e.hcvi', '+Provides-Extra: e-hcvi'];
    expect(atomsOf([pkgInfo(sdist), metadata(wheel)])).toEqual(['sdist:content:PKG-INFO[Provides-Extra]', 'wheel:content:dist-info/METADATA[Provides-Extra]']);
  });

  it('a continuation line belongs to its field: a multi-line value changed differently is two atoms', () => {
    const a = ['-License: x', '-         y', '+License: x', '+         z'];
    const b = ['-License: x', '-         y', '+License: x', '+         w'];
    expect(fieldChanges(udiff(a)).get('license')).toEqual(['+         z', '+License: x', '-         y', '-License: x']);
    expect(atomsOf([pkgInfo(a), metadata(a)])).toEqual(['core-metadata[License]']);
    expect(atomsOf([pkgInfo(a), metadata(b)])).toEqual(['sdist:content:PKG-INFO[License]', 'wheel:content:dist-info/METADATA[License]']);
  });

  it('a field spelled two ways is one field (Author-email written Author-Email)', () => {
    const lines = ['-Author-email: a@example.org', '+Author-Email: Unknown <a@example.org>'];
    expect(atomsOf([pkgInfo(lines), metadata(lines)])).toEqual(['core-metadata[Author-email]']);
  });

  it('a change in one copy only is that copy’s, the other copy unchanged, changed otherwise, or not compared', () => {
    expect(atomsOf([metadata(['-Summary: é', '+Summary: e'])])).toEqual(['wheel:content:dist-info/METADATA[Summary]']);
    expect(atomsOf([pkgInfo(['-Summary: é', '+Summary: e']), metadata(['-Summary: é', '+Summary: ?'])])).toEqual([
      'sdist:content:PKG-INFO[Summary]',
      'wheel:content:dist-info/METADATA[Summary]',
    ]);
    // setuptools 66.1.1 refuses the sdist of a --build-option project: its wheel's METADATA is the one copy compared.
    expect(atomsOf([sdistFailed(), metadata(VERSION)])).toEqual([failureAtom(sdistFailed()), 'wheel:content:dist-info/METADATA[Metadata-Version]']);
  });

  it("a hook's METADATA is no copy: it repeats the wheel's change or is its own atom", () => {
    const lines = ['-Summary: é', '+Summary: ?'];
    expect(atomsOf([pkgInfo(lines), metadata(lines), metadata(lines, 'build_editable:{dist-info}/METADATA')])).toEqual(['core-metadata[Summary]']);
    expect(atomsOf([pkgInfo(lines), metadata(lines, 'build_editable:{dist-info}/METADATA')])).toEqual([
      'sdist:content:PKG-INFO[Summary]',
      'wheel:content:build_editable:dist-info/METADATA[Summary]',
    ]);
  });
});

describe('one spec problem is one atom, whichever checker and copy report it', () => {
  it('the judge’s P003 of the field twinbuild’s M006 reports, on the same artifact and side, is that problem', () => {
    expect(problemField(M006('sdist'))).toBe('license-file');
    expect(problemField(P003('sdist'))).toBe('license-file');
    expect(atomsOf([M006('sdist'), P003('sdist')])).toEqual(['sdist:spec:M006:a']);
    // P003 alone, about another field, or on the other side stays its own atom.
    expect(atomsOf([P003('sdist')])).toEqual(['sdist:spec:P003:a']);
    expect(atomsOf([M006('sdist'), problem('sdist', 'P003', "requires-dist: invalid requirement: 'a b'")])).toEqual(['sdist:spec:M006:a', 'sdist:spec:P003:a']);
    expect(atomsOf([M006('sdist'), P003('sdist', 'b')])).toEqual(['sdist:spec:M006:a', 'sdist:spec:P003:b']);
    // A message that names no field first is about no field: nothing to merge.
    expect(problemField(problem('sdist', 'P005', "the marker of Requires-Dist 'a; x' cannot be evaluated"))).toBeUndefined();
  });

  it('the same problem in PKG-INFO and METADATA is one core-metadata atom; different fields stay two', () => {
    expect(atomsOf([M006('sdist'), P003('sdist'), M006('wheel'), P003('wheel')])).toEqual(['core-metadata:spec:M006:a']);
    const dynamic = problem('wheel', 'M006', 'Dynamic (line 2) was added in Metadata-Version 2.2, but the file declares Metadata-Version 2.1');
    expect(atomsOf([M006('sdist'), dynamic])).toEqual(['sdist:spec:M006:a', 'wheel:spec:M006:a']);
    expect(atomsOf([M006('sdist'), M006('wheel', 'b')])).toEqual(['sdist:spec:M006:a', 'wheel:spec:M006:b']);
  });
});

describe('one build failure is one atom, keyed on its normalized error', () => {
  it('the refused --build-option in build_sdist and in build_editable: one atom', () => {
    const atoms = atomsOf([sdistFailed(), editableFailed()]);
    expect(atoms).toEqual([failureAtom(sdistFailed())]);
    expect(failureAtom(editableFailed())).toBe(failureAtom(sdistFailed()));
    expect(atoms[0]).toMatch(/^build-failed:a:system-exit: .*option --build-number not recognized' #[0-9a-f]{6}$/);
  });

  it('another error, or the other side failing, is another atom', () => {
    const keyError = sdistFailed("exception: KeyError: 'dynamic'");
    expect(failureAtom(keyError)).toBe("build-failed:a:exception: KeyError: 'dynamic'");
    expect(atomsOf([sdistFailed(), keyError])).toHaveLength(2);
    expect(failureAtom(sdistFailed(USAGE, 'b'))).not.toBe(failureAtom(sdistFailed()));
  });

  it("the stderr tail is dropped, but kept as the reason of a bare SystemExit; paths are masked", () => {
    expect(failureKey(`exception: ValueError: bad${STDERR}`)).toBe('exception: ValueError: bad');
    const uv = (term: string): string => `system-exit: SystemExit: 1 (stderr: Caused by: / 0: \`project.license\` is not a valid SPDX expression: ${term})`;
    expect(failureKey(uv('mit'))).toContain('not a valid SPDX expression: mit');
    expect(failureKey(uv('mit'))).not.toBe(failureKey(uv('bsd')));
    expect(failureKey("exception: FileNotFoundError: [Errno 2] No such file or directory: '/tmp/tb-x1/a/README.md'")).toBe(
      failureKey("exception: FileNotFoundError: [Errno 2] No such file or directory: '/tmp/tb-y2/a/README.md'"),
    );
    expect(failureKey('exception: E: a|b')).not.toContain('|');
  });
});

describe('the .egg-info folder renamed with the Name is that Name change', () => {
  // setuptools 66.1.1 vs 78.1.1, name `a--a`: 66.1.1 writes Name a-a and a_a.egg-info/, 78.1.1 a--a and a__a.egg-info/.
  const egg = (stem: string, side: 'a' | 'b'): Difference[] => ['PKG-INFO', 'SOURCES.txt', 'top_level.txt'].map((f) => only(side, `${stem}.egg-info/${f}`));
  const name = metadata(['-Metadata-Version: 2.1', '-Name: a-a', '+Metadata-Version: 2.4', '+Name: a--a', ' Version: 0']);

  it('is the Name atom of core metadata, as the same change with name a_a (no folder renamed) is', () => {
    expect(atomsOf([...egg('a_a', 'a'), ...egg('a__a', 'b'), name, pkgInfo(['-Metadata-Version: 2.1', '+Metadata-Version: 2.4', ' Name: a--a'])])).toEqual([
      'core-metadata[Metadata-Version]',
      'core-metadata[Name]',
    ]);
    const aa = ['-Name: a-a', '+Name: a_a'];
    expect(atomsOf([pkgInfo(aa, 'a_a.egg-info/PKG-INFO'), metadata(aa)])).toEqual(['core-metadata[Name]']);
  });

  it('renamed otherwise (Name unchanged, or not the name of the folder) it stays its own atom', () => {
    expect(atomsOf([...egg('a_a', 'a'), ...egg('a__a', 'b')])).toEqual(['sdist:folder-name:{egg-info}']);
    expect(atomsOf([...egg('b', 'a'), ...egg('c', 'b'), name])).toEqual(['sdist:folder-name:{egg-info}', 'wheel:content:dist-info/METADATA[Metadata-Version]', 'wheel:content:dist-info/METADATA[Name]']);
  });
});

describe('a license file shipped on the side whose License-File alone names it is that License-File change', () => {
  // setuptools 66.1.1 vs 78.1.1, `license = {file = "COPYING"}`: 78.1.1 lists it and ships it; the first run gave two findings.
  const listed = ['+Dynamic: license-file', '+License-File: COPYING', ...VERSION];
  const shipped = only('b', 'a-0.dist-info/licenses/COPYING', 'wheel');

  it('is no atom of its own, under licenses/ or directly in .dist-info/', () => {
    expect(atomsOf([pkgInfo(listed), metadata(listed), shipped])).toEqual(['core-metadata[Dynamic]', 'core-metadata[License-File]', 'core-metadata[Metadata-Version]']);
    expect(atomsOf([metadata(['+License-File: COPYING']), only('b', 'a-0.dist-info/COPYING', 'wheel')])).toEqual(['wheel:content:dist-info/METADATA[License-File]']);
    // Left out on the side whose field no longer names it: the same.
    expect(atomsOf([metadata(['-License-File: COPYING']), only('a', 'a-0.dist-info/COPYING', 'wheel')])).toEqual(['wheel:content:dist-info/METADATA[License-File]']);
  });

  it('a file the field does not name, or names on both sides, stays its own atom', () => {
    expect(atomsOf([metadata(['+License-File: LICENSE']), shipped])).toEqual(['wheel:content:dist-info/METADATA[License-File]', 'wheel:only-in-b:dist-info/licenses/*']);
    expect(atomsOf([metadata([' License-File: COPYING', '+Summary: x']), shipped])).toEqual(['wheel:content:dist-info/METADATA[Summary]', 'wheel:only-in-b:dist-info/licenses/*']);
    expect(atomsOf([metadata(['-License-File: COPYING']), shipped])).toContain('wheel:only-in-b:dist-info/licenses/*');
    expect(showsSavedAtom([pkgInfo(listed), metadata(listed), shipped], 'wheel:only-in-b:dist-info/licenses/*')).toBe(true);
  });
});

describe('files saved before these rules still show their atom', () => {
  it('a per-copy, per-checker or per-build name is shown by what it merged into', () => {
    const dynamic = [pkgInfo(['+Dynamic: license-file', ...VERSION]), metadata(['+Dynamic: license-file', ...VERSION]), M006('sdist'), P003('sdist'), M006('wheel'), P003('wheel')];
    for (const old of ['sdist:content:PKG-INFO[Dynamic]', 'wheel:content:dist-info/METADATA[Metadata-Version]', 'sdist:spec:P003:a', 'sdist:spec:M006:a', 'wheel:spec:P003:a'])
      expect(showsSavedAtom(dynamic, old), old).toBe(true);
    expect(showsSavedAtom(dynamic, 'core-metadata[Dynamic]')).toBe(true);
    expect(showsSavedAtom(dynamic, 'sdist:content:PKG-INFO[Summary]')).toBe(false);
    const failure = [sdistFailed(), editableFailed()];
    expect(showsSavedAtom(failure, 'sdist:build-failed:(artifact)')).toBe(true);
    expect(showsSavedAtom(failure, 'wheel:build-failed:build_editable:dist-info/METADATA')).toBe(true);
    expect(showsSavedAtom([sdistFailed()], 'wheel:build-failed:build_editable:dist-info/METADATA')).toBe(false);
    expect(showsSavedAtom([...egg2('a_a', 'a'), ...egg2('a__a', 'b'), metadata(['-Name: a-a', '+Name: a--a'])], 'sdist:folder-name:{egg-info}')).toBe(true);
  });
});

function egg2(stem: string, side: 'a' | 'b'): Difference[] {
  return ['PKG-INFO', 'SOURCES.txt'].map((f) => only(side, `${stem}.egg-info/${f}`));
}

const fail = failedDiff;

describe('the atom book: a core-metadata atom and its per-copy parts cover each other', () => {
  it('names the parts of each core-metadata atom', () => {
    expect(atomParts('core-metadata[Name]')).toEqual(['sdist:content:PKG-INFO[Name]', 'wheel:content:dist-info/METADATA[Name]']);
    expect(atomParts('core-metadata:spec:M006:a')).toEqual(['sdist:spec:M006:a', 'wheel:spec:M006:a']);
    expect(atomParts('wheel:content:dist-info/WHEEL[Generator]')).toEqual([]);
    expect(coreAtomOf('wheel:content:dist-info/METADATA[Author-Email]')).toBe('core-metadata[Author-email]');
    expect(coreAtomOf('wheel:content:dist-info/WHEEL[Generator]')).toBeUndefined();
  });

  it('once Metadata-Version of core metadata is reported, the one copy of a project whose sdist failed is no new change', () => {
    // The 15-minute run: a --build-option project (the sdist of 66.1.1 fails) showed the baseline change in its wheel only.
    const book = new AtomBook('diff');
    const baseline = fail([pkgInfo(VERSION), metadata(VERSION)]);
    const t = book.targetOf(baseline);
    expect(t.atom).toBe('core-metadata[Metadata-Version]');
    book.cover(baseline, t);
    const failure = fail([sdistFailed(), metadata(VERSION)]);
    expect(book.targetOf(failure).atom).toBe(failureAtom(sdistFailed()));
    book.cover(failure, book.targetOf(failure));
    expect(book.isKnown(failure)).toBe(true);
    // A change of a field that core metadata has not reported is still new.
    expect(book.isKnown(fail([sdistFailed(), metadata(['-Summary: é', '+Summary: e'])]))).toBe(false);
  });

  it('both parts reported (extras normalized in PKG-INFO, then METADATA copied from it), the same change in both copies is known', () => {
    const book = new AtomBook('diff');
    const sdistOnly = fail([pkgInfo(['-Provides-Extra: Aa', '+Provides-Extra: aa'])]);
    book.cover(sdistOnly, book.targetOf(sdistOnly));
    const both = fail([pkgInfo(['-Provides-Extra: a_a', '+Provides-Extra: a-a']), metadata(['-Provides-Extra: a_a', '+Provides-Extra: a-a'])]);
    expect(book.isKnown(both)).toBe(false);
    const differently = fail([pkgInfo(['-Provides-Extra: a_A', '+Provides-Extra: a-a']), metadata(['-Provides-Extra: a_a', '+Provides-Extra: a-a'])]);
    expect(book.targetOf(differently).atom).toBe('wheel:content:dist-info/METADATA[Provides-Extra]');
    book.cover(differently, book.targetOf(differently));
    expect(book.isKnown(both)).toBe(true);
  });

  it('--allow of a core-metadata atom allows its parts too', () => {
    const book = new AtomBook('diff', new Set(['core-metadata[Summary]']));
    expect(book.isKnown(fail([metadata(['-Summary: é', '+Summary: e'])]))).toBe(true);
    expect(book.isKnown(fail([metadata(['-Version: 1', '+Version: 2'])]))).toBe(false);
  });
});
