import type { ProjectModel } from '../model/projectModel.js';
import { canonicalAtom } from '../compare/atoms.js';
import type { AtomBook, Target } from './atomBook.js';
import { minimalModels, shrinkWithin } from './shrinkBudget.js';
import type { PropertyOutcome } from './types.js';

type Failed = PropertyOutcome & { status: 'fail' };

/**
 * Atoms coupled with a finding's atom (issue #13, design.md "One change,
 * several atoms"). The finding's minimal project (shrunk keeping its atom X)
 * may show other new atoms. For each such atom Y, the project is shrunk again
 * keeping Y (X may go): when Y's own minimal project still shows X, each
 * atom's minimal project shows the other, and no project the shrinker found
 * tells them apart, so X and Y are one behaviour change, recorded in the book
 * as coupled (one finding listing both). When Y's minimal project loses X, Y
 * is a change of its own, left for the search to report (it was not covered).
 *
 * A change the smallest projects show (one empty module or package: a
 * universal change, such as Metadata-Version) is never coupled: every project
 * shows every universal change, and they are told apart atom by atom as the
 * baseline does. Nor is an atom whose own shrinking was cut short, nor one
 * that is part of another named change (a field of the wheel's METADATA
 * following the sdist's PKG-INFO, when X is not: setuptools 66.1.1 → 80.9.0,
 * dependency `a-a[a-Aa]`, where `requires.txt` keeps the extra as written
 * (67.3.1) and METADATA copies PKG-INFO's spelling (75.6.0).
 *
 * The limit: two independent changes triggered by the same feature (both need
 * an entry point, say) show together in every project, so they are coupled
 * too; only bisecting over releases (`twinbuild changes`) can tell them
 * apart, when they came in different releases.
 */
export async function coupledAtoms(
  model: ProjectModel,
  out: Failed,
  target: Target,
  book: AtomBook,
  opts: {
    /** The outcome of a candidate, or undefined when a backend of the run cannot express it. */
    evaluate: (m: ProjectModel) => Promise<PropertyOutcome | undefined>;
    /** When the coupling checks stop (what is not checked by then is left apart). */
    deadline: number;
  },
): Promise<string[]> {
  const x = target.atom;
  const smallest = (m: ProjectModel): boolean => minimalModels(m).some((s) => JSON.stringify(s) === JSON.stringify(m));
  if (x === undefined || smallest(model)) return [];
  // An atom of a named change (the wheel copy following the sdist's) other than X's is that change, not coupled with X.
  const xChange = target.change ?? x;
  const others = book.unitsOf(out).filter((u) => u !== x && !book.isKnownUnit(out, u) && (book.changeOf(out, u) === xChange || book.changeOf(out, u) === canonicalAtom(u)));
  const coupled: string[] = [];
  for (const y of others) {
    if (performance.now() > opts.deadline) break;
    const own: Target = { classes: new Set([y]), atom: y };
    const shows = async (m: ProjectModel): Promise<boolean> => {
      const o = await opts.evaluate(m);
      return o !== undefined && book.same(o, own);
    };
    const reduced = await shrinkWithin(model, shows, { deadline: opts.deadline, costly: false });
    const final = await opts.evaluate(reduced.model);
    if (!reduced.complete || smallest(reduced.model)) continue;
    if (final?.status === 'fail' && book.unitsOf(final).includes(x) && book.unitsOf(final).includes(y)) coupled.push(y);
  }
  if (coupled.length > 0) book.couple(target, coupled);
  return coupled;
}
