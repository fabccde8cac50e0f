/**
 * Version specifiers and specifier sets (the version-specifiers
 * specification) as `packaging.specifiers` reads them: which clauses are
 * valid, the normal form of a set (`str(SpecifierSet(text))`: clauses as
 * written, deduplicated, sorted) and whether a version is contained.
 */
import { comparePyStr, PY_SPACE_CHARS, PY_SPACE_CLASS, pyStrip } from './_internals/pyText.js';
import type { Parsed } from './result.js';
import { compareVersions, formatVersion, parseVersion, publicVersion, trimRelease, type Version } from './version.js';

export type SpecifierOperator = '~=' | '==' | '!=' | '<=' | '>=' | '<' | '>' | '===';

/** One clause: the operator and the version exactly as written (trimmed). */
export interface Specifier {
  op: SpecifierOperator;
  version: string;
}

const S = PY_SPACE_CLASS;
const PRE = '[-_.]?(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*';
const POST = '(?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)';
const DEV = '[-_.]?dev[-_.]?[0-9]*';
const LOCAL = '\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*';
const RELEASE = '(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*';

/** packaging's clause pattern (not anchored; the requirement tokenizer matches it at a position). */
export const SPECIFIER_SOURCE =
  '(?:' +
  `===${S}*[^${PY_SPACE_CHARS};)]*` +
  `|(?:==|!=)${S}*v?${RELEASE}(?:\\.\\*|(?:${PRE})?(?:${POST})?(?:${DEV})?(?:${LOCAL})?)?` +
  `|~=${S}*v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)+(?:${PRE})?(?:${POST})?(?:${DEV})?` +
  `|(?:<=|>=|<|>)${S}*v?${RELEASE}(?:${PRE})?(?:${POST})?(?:${DEV})?` +
  ')';

const CLAUSE = new RegExp(`^${S}*${SPECIFIER_SOURCE}${S}*$`, 'i');

/** Strict: one clause such as `>= 1.0`, or why it is not one. */
export function parseSpecifier(text: string): Parsed<Specifier> {
  if (!CLAUSE.test(text)) return { ok: false, error: `invalid specifier: '${text}'` };
  const spec = pyStrip(text);
  const width = spec.startsWith('===') ? 3 : /^(?:~=|==|!=|<=|>=)/.test(spec) ? 2 : 1;
  return { ok: true, value: { op: spec.slice(0, width) as SpecifierOperator, version: pyStrip(spec.slice(width)) } };
}

export const formatSpecifier = (s: Specifier): string => `${s.op}${s.version}`;

/** The clause's version, parsed (`.*` removed); null for `===` or a version packaging cannot read. */
function specVersion(s: Specifier): Version | null {
  if (s.op === '===') return null;
  const v = parseVersion(s.version.endsWith('.*') ? s.version.slice(0, -2) : s.version);
  return v.ok ? v.value : null;
}

/** What makes two clauses equal (packaging's `_canonical_spec`), or null when packaging cannot compute it. */
function canonicalKey(s: Specifier): string | null {
  if (s.op === '===' || s.version.endsWith('.*')) return `${s.op}${s.version}`;
  const v = specVersion(s);
  if (v === null) return null;
  const release = s.op === '~=' ? v.release : trimRelease(v.release);
  return `${s.op}${formatVersion({ ...v, release: release.length > 0 ? release : [0n] })}`;
}

/** Strict: the clauses of a comma-separated set (empty clauses dropped), or why one is invalid. */
export function parseSpecifierSet(text: string): Parsed<Specifier[]> {
  const out: Specifier[] = [];
  for (const part of text.split(',')) {
    if (pyStrip(part) === '') continue;
    const s = parseSpecifier(pyStrip(part));
    if (!s.ok) return s;
    out.push(s.value);
  }
  return { ok: true, value: out };
}

/**
 * The set's clauses as `str(SpecifierSet)` orders them: sorted by text,
 * equal clauses once. Fails where packaging fails (a clause whose version
 * its clause pattern accepts but its version parser does not, in a set of two or more).
 */
export function canonicalSpecifiers(specs: readonly Specifier[]): Parsed<Specifier[]> {
  if (specs.length <= 1) return { ok: true, value: [...specs] };
  const sorted = [...specs].sort((a, b) => comparePyStr(formatSpecifier(a), formatSpecifier(b)));
  const seen = new Set<string>();
  const out: Specifier[] = [];
  for (const s of sorted) {
    const key = canonicalKey(s);
    if (key === null) return { ok: false, error: `'${formatSpecifier(s)}' has a version packaging cannot compare` };
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return { ok: true, value: out };
}

/** Strict: `str(SpecifierSet(text))`. */
export function normalSpecifierSet(text: string): Parsed<string> {
  const set = parseSpecifierSet(text);
  if (!set.ok) return set;
  const canonical = canonicalSpecifiers(set.value);
  return canonical.ok ? { ok: true, value: canonical.value.map(formatSpecifier).join(',') } : canonical;
}

/** Whether release `v` starts with `prefix` (after padding `v` with zeros), in the same epoch. */
function prefixMatch(v: Version, prefix: Version): boolean {
  if (v.epoch !== prefix.epoch) return false;
  return prefix.release.every((n, i) => (v.release[i] ?? 0n) === n);
}

/** Same epoch, release (zero-padded) and pre-release. */
const sameBase = (a: Version, b: Version): boolean =>
  compareVersions({ epoch: a.epoch, release: a.release, ...(a.pre ? { pre: a.pre } : {}) }, { epoch: b.epoch, release: b.release, ...(b.pre ? { pre: b.pre } : {}) }) === 0;

/**
 * Whether one clause contains a version (pre-releases allowed, as
 * `contains(v, prereleases=True)`); `text` is the version as given (for `===`).
 */
export function specifierContains(s: Specifier, v: Version | null, text: string): boolean {
  if (s.op === '===') return text.toLowerCase() === s.version.toLowerCase();
  if (v === null) return false;
  const sv = specVersion(s);
  if (sv === null) return false;
  const candidate = publicVersion(v);
  if (s.version.endsWith('.*')) return prefixMatch(candidate, sv) === (s.op === '==');
  switch (s.op) {
    case '==':
    case '!=': {
      const equal = sv.local === undefined ? compareVersions(candidate, sv) === 0 : compareVersions(v, sv) === 0;
      return equal === (s.op === '==');
    }
    case '<=':
      return compareVersions(candidate, sv) <= 0;
    case '>=':
      return compareVersions(candidate, sv) >= 0;
    case '<':
      // Below V and below V's own pre-releases (V.dev0), unless V is a pre-release itself.
      return compareVersions(candidate, sv.pre === undefined && sv.dev === undefined ? { ...sv, dev: 0n } : sv) < 0;
    case '>':
      if (compareVersions(candidate, sv) <= 0) return false;
      // Above V and above V's own post-releases, unless V is a post- or dev release itself.
      return !(sv.post === undefined && sv.dev === undefined && candidate.post !== undefined && sameBase(candidate, sv));
    case '~=': {
      const prefix: Version = { epoch: sv.epoch, release: sv.release.slice(0, -1) };
      return compareVersions(candidate, sv) >= 0 && prefixMatch(candidate, prefix);
    }
  }
}

/** Whether every clause of a set contains `text` (pre-releases allowed); an empty set contains every version. */
export function specifierSetContains(specs: readonly Specifier[], text: string): boolean {
  const parsed = parseVersion(text);
  const v = parsed.ok ? parsed.value : null;
  if (v === null && !specs.some((s) => s.op === '===')) return false;
  if (v === null && specs.length === 0) return false;
  return specs.every((s) => specifierContains(s, v, text));
}
