/**
 * Specifier sets as the versions they allow: sorted, disjoint intervals on
 * a line of release points, their intersection, whether a set allows
 * nothing, one canonical spelling (poetry-core rewrites sets: `~=` as a
 * range, bounds merged), and membership of a version. Handles releases and
 * `.dev0` bounds (as poetry writes them); anything else is "not handled" (null).
 */
import { parseVersion } from './version.js';
/**
 * A point on the version line for release `R`: rank 0 is just before R's
 * dev and pre-releases (R.dev0), 1 is R itself (with local versions), 2 is
 * just after R (before R.post0), 3 is after all of R's post-releases.
 */
export interface Point {
  release: number[];
  rank: 0 | 1 | 2 | 3;
}
/** `[lo, hi)`; null is minus (lo) or plus (hi) infinity. */
export interface Interval {
  lo: Point | null;
  hi: Point | null;
}

function compareRelease(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function comparePoint(a: Point, b: Point): number {
  return compareRelease(a.release, b.release) || a.rank - b.rank;
}

const cmpLo = (a: Point | null, b: Point | null): number => (a === null ? (b === null ? 0 : -1) : b === null ? 1 : comparePoint(a, b));
const cmpHi = (a: Point | null, b: Point | null): number => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : comparePoint(a, b));
const nonEmpty = (i: Interval): boolean => i.lo === null || i.hi === null || comparePoint(i.lo, i.hi) < 0;

/** Intersection of two unions of disjoint, sorted intervals. */
function intersect(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const x of a) {
    for (const y of b) {
      const i = { lo: cmpLo(x.lo, y.lo) >= 0 ? x.lo : y.lo, hi: cmpHi(x.hi, y.hi) <= 0 ? x.hi : y.hi };
      if (nonEmpty(i)) out.push(i);
    }
  }
  out.sort((p, q) => cmpLo(p.lo, q.lo));
  const merged: Interval[] = [];
  for (const i of out) {
    const last = merged[merged.length - 1];
    if (last !== undefined && last.hi !== null && i.lo !== null && comparePoint(i.lo, last.hi) <= 0) {
      if (cmpHi(i.hi, last.hi) > 0) last.hi = i.hi;
    } else merged.push({ ...i });
  }
  return merged;
}

const bumpLast = (r: readonly number[]): number[] => [...r.slice(0, -1), (r[r.length - 1] ?? 0) + 1];
const point = (release: number[], rank: Point['rank']): Point => ({ release, rank });

/** A specifier version: a release, optionally `.dev0` (as poetry writes bounds); anything else is not handled. */
function specVersion(text: string): { release: number[]; dev0: boolean } | null {
  const m = /^v?([0-9]+(?:\.[0-9]+)*)(\.?dev0?)?$/i.exec(text.trim());
  if (m === null) return null;
  return { release: (m[1] as string).split('.').map(Number), dev0: m[2] !== undefined };
}

/** One specifier (`>=1.0`, `==2.*`, `~=1.4`, ...) as intervals, or null when it is outside what is handled. */
function specifierIntervals(spec: string): Interval[] | null {
  const m = /^\s*(~=|===|==|!=|<=|>=|<|>)\s*(\S+?)\s*$/.exec(spec);
  if (m === null) return null;
  const [, op, raw = ''] = m;
  if (op === '===') return null;
  const wildcard = raw.endsWith('.*');
  const v = specVersion(wildcard ? raw.slice(0, -2) : raw);
  if (v === null || (wildcard && v.dev0)) return null;
  const R = v.release;
  if (wildcard) {
    if (op === '==') return [{ lo: point(R, 0), hi: point(bumpLast(R), 0) }];
    if (op === '!=') return [{ lo: null, hi: point(R, 0) }, { lo: point(bumpLast(R), 0), hi: null }];
    return null;
  }
  if (v.dev0) {
    if (op === '>=') return [{ lo: point(R, 0), hi: null }];
    if (op === '<') return [{ lo: null, hi: point(R, 0) }];
    return null;
  }
  switch (op) {
    case '>=':
      return [{ lo: point(R, 1), hi: null }];
    case '>':
      return [{ lo: point(R, 3), hi: null }];
    case '<':
      return [{ lo: null, hi: point(R, 0) }];
    case '<=':
      return [{ lo: null, hi: point(R, 2) }];
    case '==':
      return [{ lo: point(R, 1), hi: point(R, 2) }];
    case '!=':
      return [{ lo: null, hi: point(R, 1) }, { lo: point(R, 2), hi: null }];
    case '~=':
      return R.length < 2 ? null : [{ lo: point(R, 1), hi: point(bumpLast(R.slice(0, -1)), 0) }];
    default:
      return null;
  }
}

/**
 * A comma-separated specifier set as the sorted, disjoint intervals of the
 * versions it allows (releases, and the dev/pre/post releases around them),
 * or null when it uses something this does not handle (`===`, pre-release
 * bounds, `||`, ...). `[]` is the empty (unsatisfiable) set.
 */
export function specifierSetIntervals(specifiers: string): Interval[] | null {
  let set: Interval[] = [{ lo: null, hi: null }];
  const parts = specifiers.split(',').filter((s) => s.trim() !== '');
  for (const part of parts) {
    const intervals = specifierIntervals(part);
    if (intervals === null) return null;
    set = intersect(set, intervals);
  }
  return set;
}

/** True when the specifier set allows no version at all (false when unknown). */
export function isUnsatisfiable(specifiers: string): boolean {
  return specifierSetIntervals(specifiers)?.length === 0;
}

const releaseText = (r: readonly number[]): string => {
  const trimmed = [...r];
  while (trimmed.length > 1 && trimmed[trimmed.length - 1] === 0) trimmed.pop();
  return trimmed.join('.');
};

/** The prefix `P` with `[P.dev0, bumpLast(P).dev0)` equal to `[a, b)`, if any. */
function wildcardPrefix(a: Point, b: Point): number[] | null {
  if (a.rank !== 0 || b.rank !== 0) return null;
  const p = releaseText(a.release).split('.').map(Number);
  for (let len = p.length; len <= Math.max(p.length, a.release.length, b.release.length) + 1; len++) {
    const candidate = [...p, ...Array<number>(len - p.length).fill(0)];
    if (compareRelease(bumpLast(candidate), b.release) === 0) return candidate;
  }
  return null;
}

/**
 * The canonical spelling of a set of intervals as specifiers: `==R`, `==P.*`,
 * or lower bound, excluded points and prefixes, upper bound; null when the
 * set has no such spelling (then the original is kept).
 */
function spell(set: Interval[]): string | null {
  const first = set[0];
  const last = set[set.length - 1];
  if (first === undefined || last === undefined) return null; // unsatisfiable: keep as written
  if (set.length === 1 && first.lo !== null && first.hi !== null) {
    if (first.lo.rank === 1 && first.hi.rank === 2 && compareRelease(first.lo.release, first.hi.release) === 0) return `==${releaseText(first.lo.release)}`;
    const prefix = wildcardPrefix(first.lo, first.hi);
    if (prefix !== null) return `==${prefix.join('.')}.*`;
  }
  const out: string[] = [];
  const lo = first.lo;
  if (lo !== null) {
    const r = releaseText(lo.release);
    if (lo.rank === 0) out.push(`>=${r}.dev0`);
    else if (lo.rank === 1) out.push(`>=${r}`);
    else if (lo.rank === 2) out.push(`>=${r}`, `!=${r}`);
    else out.push(`>${r}`);
  }
  for (let i = 0; i + 1 < set.length; i++) {
    const a = set[i]?.hi;
    const b = set[i + 1]?.lo;
    if (a == null || b == null) return null;
    if (a.rank === 1 && b.rank === 2 && compareRelease(a.release, b.release) === 0) {
      out.push(`!=${releaseText(a.release)}`);
      continue;
    }
    const prefix = wildcardPrefix(a, b);
    if (prefix === null) return null;
    out.push(`!=${prefix.join('.')}.*`);
  }
  const hi = last.hi;
  if (hi !== null) {
    const r = releaseText(hi.release);
    if (hi.rank === 0) out.push(`<${r}`);
    else if (hi.rank === 1) out.push(`<=${r}`, `!=${r}`);
    else if (hi.rank === 2) out.push(`<=${r}`);
    else return null;
  }
  return out.join(',');
}

/** A specifier set in canonical spelling, or null when it is not handled (kept as written). */
export function rangeSpelling(specifiers: string): string | null {
  const set = specifierSetIntervals(specifiers);
  return set === null ? null : spell(set);
}

/**
 * Whether a version lies in a set of intervals: R's dev and pre-releases
 * (and their post-releases, `Ra1.post1`) sit between points (R, 0) and
 * (R, 1), R (and R+local) at (R, 1), R's post-releases between (R, 2) and
 * (R, 3); another epoch is beyond every point.
 */
export function intervalsContain(set: readonly Interval[], version: string): boolean {
  const parsed = parseVersion(version);
  if (!parsed.ok) return false;
  const v = parsed.value;
  const release = v.release.map(Number);
  const rank = v.pre !== undefined ? 0.5 : v.post !== undefined ? 2.5 : v.dev !== undefined ? 0.5 : 1;
  const cmp = (p: Point): number => (v.epoch !== 0n ? 1 : compareRelease(release, p.release) || rank - p.rank);
  return set.some((i) => (i.lo === null || cmp(i.lo) >= 0) && (i.hi === null || cmp(i.hi) < 0));
}
