import { describe, expect, it } from 'vitest';
import { abstractPath, atomSignature, atomsOf } from '../../src/compare/atoms.js';
import type { Difference } from '../../src/compare/types.js';
import { AtomBook } from '../../src/fuzz/atomBook.js';
import { signatureOf } from '../../src/fuzz/signature.js';
import { failedDiff } from './fixtures.js';

const only = (side: 'a' | 'b', path: string, artifact: 'wheel' | 'sdist' = 'wheel'): Difference => ({ artifact, kind: side === 'a' ? 'only-in-a' : 'only-in-b', path });
const content = (path: string, diff: string, artifact: 'wheel' | 'sdist' = 'wheel'): Difference => ({ artifact, kind: 'content', path, diff });
const udiff = (minus: string[], plus: string[]): string => ['--- a', '+++ b', '@@ -1 +1 @@', ...minus.map((l) => `-${l}`), ...plus.map((l) => `+${l}`)].join('\n');

describe('atoms: one per independent change', () => {
  it('abstracts the .data, .dist-info and .egg-info folder names', () => {
    expect(abstractPath('a-Aa-0.data/data/a.ini')).toBe('{data}/data/a.ini');
    expect(abstractPath('a_aa-0.dist-info/METADATA')).toBe('{dist-info}/METADATA');
    expect(abstractPath('src/a.egg-info/PKG-INFO')).toBe('src/{egg-info}/PKG-INFO');
  });

  it('a renamed .data folder is one atom, whatever files it holds', () => {
    const diffs = ['a.ini', 'a.json', 'sub/a.xml'].flatMap((f) => [only('a', `a-Aa-0.data/data/${f}`), only('b', `a_aa-0.data/data/${f}`)]);
    expect(atomsOf(diffs)).toEqual(['wheel:folder-name:{data}']);
    // ... and the same with one extension only: the same atom.
    expect(atomsOf(diffs.slice(0, 2))).toEqual(['wheel:folder-name:{data}']);
  });

  it('a file missing inside .data is classed by its file-name rule, as anywhere else', () => {
    expect(atomsOf([only('a', 'x-1.data/scripts/run')])).toEqual(['wheel:only-in-a:(no extension)']);
    expect(atomsOf([only('a', 'x-1.data/data/share/a.JSON')])).toEqual(atomsOf([only('a', 'a/b.json')]));
  });

  it('an artifact renamed is one atom: its filename, the folder named after it, naming problems of one side', () => {
    // setuptools 66.1.1 vs 78.1.1 (PEP 625): the 15-minute run gave four findings for this one change.
    const diffs: Difference[] = [
      { artifact: 'sdist', kind: 'filename', path: '', a: 'Aa-0.tar.gz', b: 'aa-0.tar.gz' },
      { artifact: 'sdist', kind: 'folder-name', path: '', a: 'Aa-0', b: 'aa-0' },
      { artifact: 'wheel', kind: 'filename', path: '', a: 'Aa-0-py3-none-any.whl', b: 'aa-0-py3-none-any.whl' },
      { artifact: 'wheel', kind: 'folder-name', path: '', a: 'Aa-0.dist-info', b: 'aa-0.dist-info' },
      { artifact: 'sdist', kind: 'spec-problem', path: 'Aa-0.tar.gz', code: 'S002', a: "S002 (error) name 'Aa' should be 'aa'" },
      { artifact: 'sdist', kind: 'spec-problem', path: 'Aa-0/', code: 'S004', a: "S004 (warning) name 'Aa' should be 'aa'" },
      { artifact: 'wheel', kind: 'spec-problem', path: 'Aa-0-py3-none-any.whl', code: 'W002', a: 'W002' },
      { artifact: 'wheel', kind: 'spec-problem', path: 'Aa-0.dist-info/', code: 'W005', a: 'W005' },
    ];
    expect(atomsOf(diffs)).toEqual(['sdist:filename:(artifact)', 'wheel:filename:(artifact)']);
    // A folder renamed on its own (the filename unchanged) stays its own change; its naming problem is that rename.
    expect(atomsOf([diffs[1]!, diffs[5]!])).toEqual(['sdist:folder-name:(artifact)']);
    expect(atomsOf([diffs[0]!, diffs[4]!, { artifact: 'sdist', kind: 'spec-problem', path: 'PKG-INFO', code: 'M006', a: 'M006' }])).toEqual([
      'sdist:filename:(artifact)',
      'sdist:spec:M006:a',
    ]);
    // A naming problem both sides share is no change of the rename.
    expect(atomsOf([diffs[0]!, { ...diffs[4]!, b: 'S002' }])).toContain('sdist:spec:S002');
  });

  it("the wheel's .data folder renamed with the wheel is that rename; renamed alone it is its own atom", () => {
    // setuptools 66.1.1 vs 78.1.1, project `a-Aa` with a data file: the 15-minute run gave it a finding of its own.
    const wheel: Difference = { artifact: 'wheel', kind: 'filename', path: '', a: 'a_Aa-0-py3-none-any.whl', b: 'a_aa-0-py3-none-any.whl' };
    const data = [only('a', 'a_Aa-0.data/data/a.txt'), only('b', 'a_aa-0.data/data/a.txt')];
    expect(atomsOf([wheel, ...data])).toEqual(['wheel:filename:(artifact)']);
    expect(atomsOf(data)).toEqual(['wheel:folder-name:{data}']);
    // A wheel renamed some other way leaves the .data rename its own change.
    expect(atomsOf([{ ...wheel, a: 'b-0-py3-none-any.whl', b: 'c-0-py3-none-any.whl' }, ...data])).toEqual([
      'wheel:filename:(artifact)',
      'wheel:folder-name:{data}',
    ]);
  });

  it('license files moved under .dist-info/licenses/ are one atom, whatever their names', () => {
    // setuptools 76 -> 77: the 15-minute run gave three findings (LICENSE, LICENSE.txt, licenses/*) for this change.
    const moved = (name: string): Difference[] => [only('a', `a-0.dist-info/${name}`), only('b', `a-0.dist-info/licenses/${name}`)];
    const atom = 'wheel:moved:{dist-info}/->{dist-info}/licenses/';
    expect(atomsOf(moved('LICENSE'))).toEqual([atom]);
    expect(atomsOf(moved('LICENSE.txt'))).toEqual([atom]);
    expect(atomsOf([...moved('COPYING'), ...moved('NOTICE')])).toEqual([atom]);
    // Moved back out is the other direction; a file only on one side, or a namesake in an unrelated folder, is no move.
    expect(atomsOf([only('a', 'a-0.dist-info/licenses/LICENSE'), only('b', 'a-0.dist-info/LICENSE')])).toEqual(['wheel:moved:{dist-info}/licenses/->{dist-info}/']);
    expect(atomsOf([only('b', 'a-0.dist-info/licenses/LICENSE')])).toEqual(['wheel:only-in-b:dist-info/licenses/*']);
    expect(atomsOf([only('a', 'a/__init__.py'), only('b', 'b/__init__.py')])).not.toContain(expect.stringContaining(':moved:'));
    // The RECORD rows of the moved files are that move, not a change of their own.
    const record = content('a-0.dist-info/RECORD', udiff(['a-0.dist-info/LICENSE,sha256=x,1'], ['a-0.dist-info/licenses/LICENSE,sha256=x,1']));
    expect(atomsOf([...moved('LICENSE'), record])).toEqual([atom]);
  });

  it('each changed core-metadata field is its own atom', () => {
    const d = content('{dist-info}/METADATA', udiff(['Metadata-Version: 2.1', 'Summary: x'], ['Metadata-Version: 2.4', 'Summary: y']));
    expect(atomsOf([d])).toEqual(['wheel:content:dist-info/METADATA[Metadata-Version]', 'wheel:content:dist-info/METADATA[Summary]']);
  });

  it('PKG-INFO and the egg-info copy of it give the same atoms, whatever the combination of fields', () => {
    const one = content('PKG-INFO', udiff(['Metadata-Version: 2.1'], ['Metadata-Version: 2.2', 'Dynamic: license']), 'sdist');
    const copy = content('a.egg-info/PKG-INFO', udiff(['Metadata-Version: 2.1'], ['Metadata-Version: 2.2', 'Requires-Dist: b']), 'sdist');
    expect(atomsOf([one, copy])).toEqual(['sdist:content:PKG-INFO[Dynamic]', 'sdist:content:PKG-INFO[Metadata-Version]', 'sdist:content:PKG-INFO[Requires-Dist]']);
    // Two combinations of fields share their atoms: the second is new only by Requires-Dist.
    expect(atomsOf([copy])).toEqual(['sdist:content:PKG-INFO[Metadata-Version]', 'sdist:content:PKG-INFO[Requires-Dist]']);
  });

  it("a hook's output repeating the wheels' change is no atom of its own; alone it is one", () => {
    const d = udiff(['Summary: é'], ['Summary: ?']);
    const wheel = content('{dist-info}/METADATA', d);
    const hooks = ['prepare_metadata_for_build_wheel', 'build_editable'].map((h) => content(`${h}:{dist-info}/METADATA`, d));
    expect(atomsOf([wheel, ...hooks])).toEqual(['wheel:content:dist-info/METADATA[Summary]']);
    expect(atomsOf(hooks.slice(1))).toEqual(['wheel:content:build_editable:dist-info/METADATA[Summary]']);
  });

  it('each WHEEL field is its own atom', () => {
    const d = content('{dist-info}/WHEEL', udiff(['Generator: setuptools (80.9.0)', 'Tag: py3-none-any'], ['Generator: other (1.0)', 'Tag: py2.py3-none-any']));
    expect(atomsOf([d])).toEqual(['wheel:content:dist-info/WHEEL[Generator]', 'wheel:content:dist-info/WHEEL[Tag]']);
  });

  it('RECORD rows of members that differ anyway are no atom; other RECORD changes are one', () => {
    const record = content('{dist-info}/RECORD', udiff(['a/data.json,sha256=x,3'], []));
    expect(atomsOf([only('a', 'a/data.json'), record])).toEqual(['wheel:only-in-a:*.json']);
    const alone = content('{dist-info}/RECORD', udiff(['a/__init__.py,sha256=x,3'], ['a/__init__.py,sha256=y,3']));
    expect(atomsOf([alone])).toEqual(['wheel:content:dist-info/RECORD']);
  });

  it('atom signatures are stable, one per atom', () => {
    const s = atomSignature('diff', 'wheel:folder-name:{data}');
    expect(s.text).toBe('diff|wheel:folder-name:{data}');
    expect(s.classes).toEqual(['wheel:folder-name:{data}']);
    expect(s.id).toMatch(/^[0-9a-f]{12}$/);
    expect(atomSignature('diff', 'wheel:folder-name:{data}').id).toBe(s.id);
  });
});

const fail = failedDiff;

describe('the atom book: one finding per new atom', () => {
  const generator = content('{dist-info}/WHEEL', udiff(['Generator: a'], ['Generator: b']));
  const summary = content('{dist-info}/METADATA', udiff(['Summary: é'], ['Summary: e']));
  const extra = only('b', 'a/extra.txt');

  it('targets one new atom, covers only it, and lets the others come and go while shrinking', () => {
    const book = new AtomBook('diff');
    const first = fail([generator, summary]);
    const t = book.targetOf(first);
    expect(t.atom).toBe('wheel:content:dist-info/METADATA[Summary]');
    expect(book.same(fail([summary]), t)).toBe(true);
    expect(book.same(fail([summary, extra]), t)).toBe(true);
    expect(book.same(fail([generator]), t)).toBe(false);
    expect(book.cover(first, t)).toBe(true);
    expect(book.cover(first, t)).toBe(false);
    // The Generator change is still new: the next failure showing it is about it.
    expect(book.isKnown(fail([generator, summary]))).toBe(false);
    expect(book.targetOf(fail([generator, summary])).atom).toBe('wheel:content:dist-info/WHEEL[Generator]');
    expect(book.isKnown(fail([summary]))).toBe(true);
  });

  it('--allow takes atoms and atom signatures, and whole-set signatures as before', () => {
    const atom = 'wheel:content:dist-info/WHEEL[Generator]';
    expect(new AtomBook('diff', new Set([atom])).isKnown(fail([generator]))).toBe(true);
    expect(new AtomBook('diff', new Set([atomSignature('diff', atom).id])).isKnown(fail([generator]))).toBe(true);
    expect(new AtomBook('diff', new Set([atomSignature('diff', atom).id])).isKnown(fail([generator, extra]))).toBe(false);
    const whole = fail([generator, extra]);
    expect(new AtomBook('diff', new Set([whole.signature.id])).isKnown(whole)).toBe(true);
  });

  it('a saved file recording an atom signature targets that atom', () => {
    const book = new AtomBook('diff');
    const out = fail([generator, summary]);
    const sig = atomSignature('diff', 'wheel:content:dist-info/WHEEL[Generator]').id;
    expect(book.stillShows(out, sig)).toBe(true);
    expect(book.targetOf(out, sig).atom).toBe('wheel:content:dist-info/WHEEL[Generator]');
    expect(book.stillShows(out, out.signature.id)).toBe(true);
  });

  it('single-backend properties keep their class-set signatures', () => {
    const book = new AtomBook('spec');
    const out = { ...fail([generator, summary]), signature: signatureOf('spec', [generator, summary]) };
    const t = book.targetOf(out);
    expect(t.atom).toBeUndefined();
    expect(book.signatureFor(out, t)).toBe(out.signature);
    expect(book.same({ ...fail([generator]), signature: signatureOf('spec', [generator]) }, t)).toBe(true);
    expect(book.same({ ...fail([generator, extra]), signature: signatureOf('spec', [generator, extra]) }, t)).toBe(false);
  });
});
