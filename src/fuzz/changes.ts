import { atomSignature, atomsOf } from '../compare/atoms.js';
import type { Family } from '../backends/types.js';
import type { ProjectModel } from '../model/projectModel.js';
import { bisectReleases, releasesBetween, showsBehaviour, type BisectResult } from './bisect.js';
import type { Finding } from './types.js';

/**
 * A changelog between two releases of one family (issue #13): the search
 * (`diff` of --from as A against --to as B) finds one finding per atom
 * (behaviour change); each atom is then bisected over the releases between,
 * with its minimal project, to the first release that shows it. Core only:
 * the search and the per-release check are given, nothing is printed.
 */

/** One behaviour change between the two releases. */
export interface Change {
  /** The atom (src/compare/atoms.ts), e.g. `sdist:content:PKG-INFO:Metadata-Version`. */
  atom: string;
  /** The atom's signature (`diff|ATOM`) and its id. */
  signature: string;
  signatureId: string;
  /** The minimal project that shows the change (the finding's shrunk model). */
  model: ProjectModel;
  /** The first release that shows it, or null when bisecting it failed (see `note`). */
  firstRelease: string | null;
  /** The last release that does not. */
  lastGood: string | null;
  /** Releases checked while bisecting. */
  checks: number;
  /** Why there is no first release (e.g. the older release already shows it: a nondeterministic build). */
  note?: string;
  finding: Finding;
}

export interface Changelog {
  family: Family;
  from: string;
  to: string;
  /** The releases bisected over (after `from`, up to and including `to`). */
  releases: string[];
  changes: Change[];
}

/** The search step: findings of `diff` between the two releases, each about one atom. */
export type SearchStep = () => Promise<Finding[]>;

/** Whether `version` (as B, against `from` as A) shows the change of `finding`, with a line saying why. */
export type ReleaseCheck = (finding: Finding, version: string) => Promise<{ failed: boolean; differences: Finding['differences']; detail: string }>;

export interface ChangesOptions {
  family: Family;
  from: string;
  to: string;
  /** Every release of the family the index offers (pip index versions: yanked releases are absent). */
  releases: readonly string[];
  search: SearchStep;
  check: ReleaseCheck;
  /** Called after each atom is bisected (for progress). */
  onChange?: (c: Change) => void;
}

/** The match parts of an atom's signature (what `bisect --match` would be given). */
export function atomMatch(atom: string): string[] {
  return atomSignature('diff', atom).classes;
}

/** Whether a check's outcome shows the atom: its differences' atoms hold every part of the atom's signature. */
export function showsAtom(failed: boolean, differences: Finding['differences'], atom: string): boolean {
  return showsBehaviour(failed, failed ? ['diff', ...atomsOf(differences)].join('|') : undefined, atomMatch(atom));
}

/** Run the search, then bisect every finding's atom over the releases between; changes oldest first. */
export async function findChanges(opts: ChangesOptions): Promise<Changelog> {
  const releases = releasesBetween([...opts.releases], opts.from, opts.to);
  const findings = await opts.search();
  const changes: Change[] = [];
  for (const finding of findings) {
    const atom = finding.atom;
    if (atom === undefined) continue; // only diff findings have atoms; the search runs diff only
    const sig = atomSignature('diff', atom);
    let result: BisectResult | undefined;
    let note: string | undefined;
    let checks = 0;
    try {
      result = await bisectReleases(opts.from, releases, async (v) => {
        checks++;
        const r = await opts.check(finding, v);
        return { bad: showsAtom(r.failed, r.differences, atom), detail: r.detail };
      });
    } catch (e) {
      note = (e as Error).message;
    }
    const change: Change = {
      atom,
      signature: sig.text,
      signatureId: sig.id,
      model: finding.model,
      firstRelease: result?.firstBad ?? null,
      lastGood: result?.lastGood ?? null,
      checks,
      ...(note !== undefined ? { note } : {}),
      finding,
    };
    opts.onChange?.(change);
    changes.push(change);
  }
  const order = (c: Change): number => (c.firstRelease === null ? releases.length : releases.indexOf(c.firstRelease));
  changes.sort((x, y) => order(x) - order(y) || (x.atom < y.atom ? -1 : x.atom > y.atom ? 1 : 0));
  return { family: opts.family, from: opts.from, to: opts.to, releases, changes };
}
