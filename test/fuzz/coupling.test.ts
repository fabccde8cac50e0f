/**
 * Coupled atoms (src/fuzz/coupling.ts) with a fake evaluation: which atoms a
 * project shows depends on its features only, so the shrinker's minimal
 * projects are known.
 */
import { describe, expect, it } from 'vitest';
import type { Difference } from '../../src/compare/types.js';
import { AtomBook } from '../../src/fuzz/atomBook.js';
import { coupledAtoms } from '../../src/fuzz/coupling.js';
import type { PropertyOutcome } from '../../src/fuzz/types.js';
import type { ProjectModel } from '../../src/model/projectModel.js';
import { failedDiff } from '../compare/fixtures.js';

const MODEL: ProjectModel = { name: 'a', version: '0', description: 'é', dependencies: ['b'], layout: 'flat', packages: [], modules: [{ name: 'a', source: '' }] };
const only = (path: string): Difference => ({ artifact: 'wheel', kind: 'only-in-b', path });
const P = only('{dist-info}/planted.txt');
const Q = only('{dist-info}/planted-too.txt');
const PA = 'wheel:only-in-b:dist-info/planted.txt';
const QA = 'wheel:only-in-b:dist-info/planted-too.txt';

/** An evaluation: the differences each feature of a project brings. */
const evaluation = (byFeature: (m: ProjectModel) => Difference[]) => async (m: ProjectModel): Promise<PropertyOutcome> => {
  const diffs = byFeature(m);
  return diffs.length > 0 ? failedDiff(diffs) : ({ ...failedDiff([]), status: 'pass' } as unknown as PropertyOutcome);
};

async function couple(byFeature: (m: ProjectModel) => Difference[], atom: string): Promise<{ coupled: string[]; book: AtomBook }> {
  const book = new AtomBook('diff');
  const evaluate = evaluation(byFeature);
  const out = (await evaluate(MODEL)) as PropertyOutcome & { status: 'fail' };
  const target = { classes: new Set([atom]), atom };
  book.cover(out, target);
  const coupled = await coupledAtoms(MODEL, out, target, book, { evaluate, deadline: performance.now() + 60_000 });
  return { coupled, book };
}

describe('coupled atoms', () => {
  it('two atoms one feature brings (a dependency) are coupled: one change', async () => {
    const { coupled, book } = await couple((m) => (m.dependencies.length > 0 ? [P, Q] : []), PA);
    expect(coupled).toEqual([QA]);
    expect(book.atomsOfChange(PA)).toEqual([QA, PA]);
  });

  it('two atoms brought by different features (a dependency, a non-ASCII summary) are not', async () => {
    const { coupled } = await couple((m) => [...(m.dependencies.length > 0 ? [P] : []), ...(/[^\x00-\x7f]/.test(m.description ?? '') ? [Q] : [])], PA);
    expect(coupled).toEqual([]);
  });

  it('a universal change (the smallest project shows it) is never coupled', async () => {
    const { coupled } = await couple((m) => [...(m.dependencies.length > 0 ? [P] : []), Q], PA);
    expect(coupled).toEqual([]);
  });

  it('a field of the wheel copy following the sdist copy is not coupled with an atom of another change', async () => {
    const requires: Difference = { artifact: 'sdist', kind: 'content', path: 'a.egg-info/requires.txt', diff: '--- a\n+++ b\n@@ -1 +1 @@\n-b\n+B' };
    const pkgInfo: Difference = { artifact: 'sdist', kind: 'content', path: 'PKG-INFO', diff: '--- a\n+++ b\n@@ -1,3 +1,3 @@\n Name: a\n+Requires-Dist: a_a\n Version: 0' };
    const metadata: Difference = { artifact: 'wheel', kind: 'content', path: '{dist-info}/METADATA', diff: '--- a\n+++ b\n@@ -1,3 +1,3 @@\n Name: a\n-Requires-Dist: a-a\n+Requires-Dist: a_a\n Version: 0' };
    const { coupled } = await couple((m) => (m.dependencies.length > 0 ? [requires, pkgInfo, metadata] : []), 'sdist:content:egg-info/*');
    expect(coupled).toEqual(['sdist:content:PKG-INFO[Requires-Dist]']);
  });
});
