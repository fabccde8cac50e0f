import { COPIED_CHANGE, atomParts, atomSignature, atomsOf, canonicalAtom, copiedAtoms, coreAtomOf, usesAtoms } from '../compare/atoms.js';
import type { Signature } from './signature.js';
import type { PropertyOutcome } from './types.js';

type Failed = PropertyOutcome & { status: 'fail' };

/**
 * What a failure is shrunk for: the diff property shrinks for one atom (the
 * other atoms may come and go); the other properties for their class set
 * (a candidate may show no class outside it).
 */
export interface Target {
  classes: ReadonlySet<string>;
  atom?: string;
  /** diff: the behaviour change the atom is part of, when it is not the atom alone (`changeOf`). */
  change?: string;
}

/**
 * The book of what a run has reported (src/compare/atoms.ts): a failure is
 * new if it shows an atom (or, for the single-backend properties, a
 * difference class) no finding, baseline or --allow entry covers. A
 * core-metadata atom (`core-metadata[F]`: field F changed the same way in the
 * sdist's copy and the wheel's) and its per-copy parts cover each other: once
 * it is reported, F changed in one copy only (the other changed differently,
 * or could not be compared because its artifact failed) is no new change; and
 * it is none itself once both parts are reported.
 *
 * Atoms of one behaviour change (design.md, "One change, several atoms"):
 * the wheel's METADATA following the sdist's PKG-INFO is one change,
 * `COPIED_CHANGE`, in whichever fields a project shows it (copiedAtoms); and
 * atoms found coupled (`couple`: each one's minimal project shows the other)
 * are one change named after the finding's atom. Once a change is reported,
 * an atom of it in any later project is known, and is listed with the change
 * (`atomsOfChange`).
 */
export class AtomBook {
  private readonly covered = new Set<string>();
  private readonly cache = new WeakMap<object, string[]>();
  private readonly copiedCache = new WeakMap<object, string[]>();
  /** Reported changes of several atoms: change → the atoms seen of it. */
  private readonly changes = new Map<string, Set<string>>();
  /** Atoms coupled into a reported change → that change. */
  private readonly coupledTo = new Map<string, string>();
  constructor(
    private readonly property: string,
    private readonly allow?: ReadonlySet<string>,
  ) {}

  /** The atoms (diff) or classes (others) of a failure. */
  unitsOf(out: Failed): string[] {
    if (!usesAtoms(this.property)) return out.signature.classes;
    let a = this.cache.get(out);
    if (!a) this.cache.set(out, (a = atomsOf(out.differences)));
    return a;
  }

  /**
   * The behaviour change atom `u` of `out` is part of: the change it was
   * coupled into, `COPIED_CHANGE` for a field of the wheel's METADATA that
   * now follows the sdist's PKG-INFO, else the atom itself.
   */
  changeOf(out: Failed, u: string): string {
    const atom = canonicalAtom(u);
    const coupled = this.coupledTo.get(atom);
    if (coupled !== undefined) return coupled;
    let copied = this.copiedCache.get(out);
    if (!copied) this.copiedCache.set(out, (copied = copiedAtoms(out.differences)));
    return copied.includes(u) ? COPIED_CHANGE : atom;
  }

  /** Whether `u` of `out` is no new change: reported, allowed, or part of a reported change (then listed with it). */
  isKnownUnit(out: Failed, u: string): boolean {
    if (this.knownUnit(u)) return true;
    if (!usesAtoms(this.property)) return false;
    // The sdist failed on one side: the wheel's change of a field has no copy to be compared with, and is known when
    // that field's core-metadata change would be (reported, or its sdist part reported and the wheel copy following it).
    const core = coreAtomOf(canonicalAtom(u));
    const sdistFailed = out.differences.some((d) => d.kind === 'build-failed' && d.artifact === 'sdist' && d.path === '');
    if (sdistFailed && u.startsWith('wheel:content:') && core !== undefined && this.knownUnit(core)) return true;
    const change = this.changeOf(out, u);
    if (this.allow?.has(change)) return true; // --allow of a change (`wheel:copied:PKG-INFO->dist-info/METADATA`)
    const seen = this.changes.get(change);
    if (seen === undefined) return false;
    seen.add(canonicalAtom(u));
    return true;
  }

  /** The atoms seen of a reported change, sorted (the finding's own atom among them). */
  atomsOfChange(change: string): string[] {
    return [...(this.changes.get(change) ?? [])].sort();
  }

  /** Records `atoms` as part of the reported change of `target` (each one's minimal project shows the other). */
  couple(target: Target, atoms: readonly string[]): void {
    if (target.atom === undefined) return;
    const change = target.change ?? canonicalAtom(target.atom);
    const seen = this.changes.get(change) ?? new Set<string>();
    for (const a of atoms.map(canonicalAtom)) {
      this.covered.add(a);
      this.coupledTo.set(a, change);
      seen.add(a);
    }
    this.changes.set(change, seen);
  }

  private knownUnit(u: string): boolean {
    if (!usesAtoms(this.property)) return this.covered.has(u);
    const inBook = (a: string): boolean =>
      this.covered.has(canonicalAtom(a)) || (this.allow !== undefined && (this.allow.has(a) || this.allow.has(atomSignature(this.property, a).id)));
    const core = coreAtomOf(canonicalAtom(u));
    const parts = atomParts(u);
    // Once the wheel's METADATA follows the sdist's PKG-INFO (a reported change), a field changed the same way in
    // both copies is the sdist's change of it copied: known once the sdist's part is (setuptools 66.1.1 → 78.1.1,
    // extra `a.a`: normalized in PKG-INFO in 68.2.0, copied into METADATA in 75.6.0).
    const copied = (p: string): boolean => p.startsWith('wheel:content:') && this.changes.has(COPIED_CHANGE);
    return inBook(u) || (core !== undefined && inBook(core)) || (parts.length > 0 && parts.every((p) => inBook(p) || copied(p)));
  }

  isKnown(out: Failed): boolean {
    return (this.allow?.has(out.signature.id) ?? false) || this.unitsOf(out).every((u) => this.isKnownUnit(out, u));
  }

  /** What to shrink `out` for; `savedSignature` picks the atom a saved corpus file is about. */
  targetOf(out: Failed, savedSignature?: string): Target {
    if (!usesAtoms(this.property)) return { classes: new Set(out.signature.classes) };
    const fresh = this.unitsOf(out).filter((u) => !this.isKnownUnit(out, u));
    const saved = savedSignature === undefined ? undefined : fresh.find((u) => atomSignature(this.property, u).id === savedSignature);
    const atom = saved ?? fresh[0] ?? this.unitsOf(out)[0]!;
    const change = this.changeOf(out, atom);
    return { classes: new Set([atom]), atom, ...(change !== canonicalAtom(atom) ? { change } : {}) };
  }

  /** Whether a saved entry's signature is still what `out` shows (a whole-set signature, or one of its atoms). */
  stillShows(out: Failed, savedSignature: string | undefined): boolean {
    if (savedSignature === undefined) return false;
    return out.signature.id === savedSignature || (usesAtoms(this.property) && this.unitsOf(out).some((u) => atomSignature(this.property, u).id === savedSignature));
  }

  /** Whether a shrink candidate's failure still shows the target's problem and nothing known only. */
  same(out: PropertyOutcome, target: Target | undefined): boolean {
    if (out.status !== 'fail' || target === undefined || this.isKnown(out)) return false;
    const units = this.unitsOf(out);
    if (target.atom !== undefined) return units.includes(target.atom) && !this.covered.has(canonicalAtom(target.atom)) && (target.change === undefined || !this.changes.has(target.change));
    return units.every((c) => target.classes.has(c));
  }

  /** The signature a finding about `target` carries. */
  signatureFor(out: Failed, target?: Target): Signature {
    return target?.atom !== undefined ? atomSignature(this.property, target.atom) : out.signature;
  }

  /** Records `target` as reported; false when it was already (another lane reported it meanwhile). */
  cover(out: Failed, target?: Target): boolean {
    if (target?.atom !== undefined) {
      const atom = canonicalAtom(target.atom);
      if (this.covered.has(atom) || (target.change !== undefined && this.changes.has(target.change))) return false;
      this.covered.add(atom);
      const change = target.change ?? atom;
      // The change's atoms this project shows (the finding's own, and e.g. other fields the wheel copy now follows in).
      const seen = new Set([atom, ...(usesAtoms(this.property) ? this.unitsOf(out).filter((u) => this.changeOf(out, u) === change).map(canonicalAtom) : [])]);
      this.changes.set(change, seen);
      return true;
    }
    if (this.isKnown(out)) return false;
    out.signature.classes.forEach((c) => this.covered.add(c));
    return true;
  }
}
