import { atomParts, atomSignature, atomsOf, canonicalAtom, coreAtomOf, usesAtoms } from '../compare/atoms.js';
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
 */
export class AtomBook {
  private readonly covered = new Set<string>();
  private readonly cache = new WeakMap<object, string[]>();
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

  private knownUnit(u: string): boolean {
    if (!usesAtoms(this.property)) return this.covered.has(u);
    const inBook = (a: string): boolean =>
      this.covered.has(canonicalAtom(a)) || (this.allow !== undefined && (this.allow.has(a) || this.allow.has(atomSignature(this.property, a).id)));
    const core = coreAtomOf(canonicalAtom(u));
    const parts = atomParts(u);
    return inBook(u) || (core !== undefined && inBook(core)) || (parts.length > 0 && parts.every(inBook));
  }

  isKnown(out: Failed): boolean {
    return (this.allow?.has(out.signature.id) ?? false) || this.unitsOf(out).every((u) => this.knownUnit(u));
  }

  /** What to shrink `out` for; `savedSignature` picks the atom a saved corpus file is about. */
  targetOf(out: Failed, savedSignature?: string): Target {
    if (!usesAtoms(this.property)) return { classes: new Set(out.signature.classes) };
    const fresh = this.unitsOf(out).filter((u) => !this.knownUnit(u));
    const saved = savedSignature === undefined ? undefined : fresh.find((u) => atomSignature(this.property, u).id === savedSignature);
    const atom = saved ?? fresh[0] ?? this.unitsOf(out)[0]!;
    return { classes: new Set([atom]), atom };
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
    if (target.atom !== undefined) return units.includes(target.atom) && !this.covered.has(canonicalAtom(target.atom));
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
      if (this.covered.has(atom)) return false;
      this.covered.add(atom);
      return true;
    }
    if (this.isKnown(out)) return false;
    out.signature.classes.forEach((c) => this.covered.add(c));
    return true;
  }
}
