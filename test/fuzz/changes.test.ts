import { describe, expect, it } from 'vitest';
import { compare } from '@renovatebot/pep440';
import type { Difference } from '../../src/compare/types.js';
import { atomMatch, findChanges, showsAtom } from '../../src/fuzz/changes.js';
import type { Finding } from '../../src/fuzz/types.js';
import type { ProjectModel } from '../../src/model/projectModel.js';

const udiff = (minus: string[], plus: string[]): string => ['--- a', '+++ b', '@@ -1 +1 @@', ...minus.map((l) => `-${l}`), ...plus.map((l) => `+${l}`)].join('\n');
const metadata = (minus: string[], plus: string[]): Difference => ({ artifact: 'wheel', kind: 'content', path: '{dist-info}/METADATA', diff: udiff(minus, plus) });
const model = (name: string): ProjectModel => ({ name, version: '0', description: null, dependencies: [], layout: 'flat', packages: [], modules: [{ name: 'a', source: '' } as never] });
const finding = (atom: string, name: string): Finding =>
  ({ signature: atom, signatureText: `diff|${atom}`, atom, property: 'diff', summary: atom, differences: [], seed: 1, path: '', corpusFile: null,
    foundAfterMs: 0, shrinkMs: 0, shrinks: 0, shrinkComplete: true, model: model(name), project: { files: {} }, level: 'content', rules: [] }) as Finding;

const MV = 'wheel:content:dist-info/METADATA[Metadata-Version]';
const SUMMARY = 'wheel:content:dist-info/METADATA[Summary]';
// A fake family history: Metadata-Version changes in 1.4, Summary in 1.6 (1.5 is not on the index, as a yanked one is not).
const RELEASES = ['1.0', '1.1', '1.2', '1.3', '1.4', '1.6', '1.7', '2.0b1'];
const differencesAt = (v: string): Difference[] => {
  const minus: string[] = [];
  const plus: string[] = [];
  if (compare(v, '1.4') >= 0) (minus.push('Metadata-Version: 2.1'), plus.push('Metadata-Version: 2.4'));
  if (compare(v, '1.6') >= 0) (minus.push('Summary: x'), plus.push('Summary: y'));
  return minus.length ? [metadata(minus, plus)] : [];
};

describe('findChanges', () => {
  it('bisects each atom the search found to its own first release, oldest first, without printing', async () => {
    const checked: [string, string][] = [];
    const log = await findChanges({
      family: 'hatchling',
      from: '1.0',
      to: '1.7',
      releases: RELEASES,
      search: async () => [finding(SUMMARY, 'b'), finding(MV, 'a')],
      check: async (f, v) => {
        checked.push([f.atom!, v]);
        const d = differencesAt(v);
        return { failed: d.length > 0, differences: d, detail: d.length ? 'differs' : 'pass' };
      },
    });
    expect(log.releases).toEqual(['1.1', '1.2', '1.3', '1.4', '1.6', '1.7']);
    expect(log.changes.map((c) => [c.atom, c.firstRelease, c.lastGood])).toEqual([
      [MV, '1.4', '1.3'],
      [SUMMARY, '1.6', '1.4'],
    ]);
    // The Summary change is told apart from the Metadata-Version one though 1.4 and 1.6 both differ from 1.0.
    expect(checked).toContainEqual([SUMMARY, '1.4']);
    expect(log.changes[0]!.model.name).toBe('a');
    expect(log.changes[0]!.signature).toBe(`diff|${MV}`);
    expect(log.changes[0]!.checks).toBe(checked.filter(([a]) => a === MV).length);
  });

  it('keeps a change it cannot bisect, with the reason, last', async () => {
    const log = await findChanges({
      family: 'hatchling',
      from: '1.0',
      to: '1.7',
      releases: RELEASES,
      search: async () => [finding(MV, 'a'), finding(SUMMARY, 'b')],
      // Summary already differs at 1.0 (a nondeterministic build): bisect refuses the good end.
      check: async (f, v) => {
        const d = f.atom === SUMMARY ? [metadata(['Summary: x'], ['Summary: y'])] : differencesAt(v);
        return { failed: d.length > 0, differences: d, detail: '' };
      },
    });
    expect(log.changes.map((c) => c.atom)).toEqual([MV, SUMMARY]);
    expect(log.changes[1]!.firstRelease).toBeNull();
    expect(log.changes[1]!.note).toMatch(/already shows/);
  });

  it('leaves out findings without an atom', async () => {
    const f = { ...finding(MV, 'a'), atom: undefined };
    const log = await findChanges({ family: 'hatchling', from: '1.0', to: '1.7', releases: RELEASES, search: async () => [f], check: async () => ({ failed: true, differences: [], detail: '' }) });
    expect(log.changes).toEqual([]);
  });
});

describe('showsAtom', () => {
  it("matches the atom's signature parts against the atoms of the outcome", () => {
    expect(atomMatch(MV)).toEqual([MV]);
    expect(showsAtom(true, differencesAt('1.6'), MV)).toBe(true);
    expect(showsAtom(true, differencesAt('1.4'), SUMMARY)).toBe(false);
    expect(showsAtom(false, differencesAt('1.6'), MV)).toBe(false);
  });
});
