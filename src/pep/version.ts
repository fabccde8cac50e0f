/**
 * PEP 440 versions as `packaging.version.Version` reads them: which strings
 * are valid (every permitted variant spelling, surrounding white space
 * allowed), the normal form (`str(Version(text))`) and the ordering.
 * Numbers are bigints: a release segment may exceed 2^53.
 */
import { PY_SPACE_CLASS } from './_internals/pyText.js';
import type { Parsed } from './result.js';

export type PreKind = 'a' | 'b' | 'rc';

/** A parsed version; `local` segments are numbers or lowercase labels. */
export interface Version {
  epoch: bigint;
  release: bigint[];
  pre?: { kind: PreKind; n: bigint };
  post?: bigint;
  dev?: bigint;
  local?: (bigint | string)[];
}

const PRE_SPELLINGS: Readonly<Record<string, PreKind>> = { a: 'a', alpha: 'a', b: 'b', beta: 'b', c: 'rc', rc: 'rc', pre: 'rc', preview: 'rc' };

/*
 * packaging's pattern (anchored, case-insensitive, white space around). It
 * uses possessive quantifiers on Python >= 3.11.5; no input tells them
 * apart from these greedy ones, since a separator given back never lets
 * another part match.
 */
const VERSION_SOURCE =
  `^${PY_SPACE_CLASS}*` +
  'v?' +
  '(?:(?<epoch>[0-9]+)!)?' +
  '(?<release>[0-9]+(?:\\.[0-9]+)*)' +
  '(?<pre>[._-]?(?<pre_l>alpha|a|beta|b|preview|pre|c|rc)[._-]?(?<pre_n>[0-9]+)?)?' +
  '(?<post>-(?<post_n1>[0-9]+)|[._-]?(?<post_l>post|rev|r)[._-]?(?<post_n2>[0-9]+)?)?' +
  '(?<dev>[._-]?(?<dev_l>dev)[._-]?(?<dev_n>[0-9]+)?)?' +
  '(?:\\+(?<local>[a-z0-9]+(?:[._-][a-z0-9]+)*))?' +
  `${PY_SPACE_CLASS}*$`;
const VERSION = new RegExp(VERSION_SOURCE, 'i');

const LOCAL_SEP = /[._-]/;

/** Strict: the parsed version, or why `text` is not a PEP 440 version. */
export function parseVersion(text: string): Parsed<Version> {
  const g = VERSION.exec(text)?.groups;
  if (!g) return { ok: false, error: `invalid version: '${text}'` };
  const version: Version = { epoch: g['epoch'] ? BigInt(g['epoch']) : 0n, release: g['release']!.split('.').map((d) => BigInt(d)) };
  if (g['pre_l'] !== undefined) version.pre = { kind: PRE_SPELLINGS[g['pre_l'].toLowerCase()]!, n: BigInt(g['pre_n'] ?? 0) };
  if (g['post'] !== undefined) version.post = BigInt(g['post_n1'] ?? g['post_n2'] ?? 0);
  if (g['dev'] !== undefined) version.dev = BigInt(g['dev_n'] ?? 0);
  if (g['local'] !== undefined) version.local = g['local'].split(LOCAL_SEP).map((s) => (/^[0-9]+$/.test(s) ? BigInt(s) : s.toLowerCase()));
  return { ok: true, value: version };
}

/** True when `text` is a valid PEP 440 version. */
export function isValidVersion(text: string): boolean {
  return VERSION.test(text);
}

/** The normal form, `str(Version(...))`: e.g. `1!2.0rc1.post0.dev3+abc.1`. */
export function formatVersion(v: Version): string {
  let out = v.epoch !== 0n ? `${v.epoch}!` : '';
  out += v.release.join('.');
  if (v.pre) out += `${v.pre.kind}${v.pre.n}`;
  if (v.post !== undefined) out += `.post${v.post}`;
  if (v.dev !== undefined) out += `.dev${v.dev}`;
  if (v.local !== undefined) out += `+${v.local.join('.')}`;
  return out;
}

/** Strict: the normal form, or why `text` is not a version. */
export function parseVersionNormal(text: string): Parsed<string> {
  const v = parseVersion(text);
  return v.ok ? { ok: true, value: formatVersion(v.value) } : v;
}

/** The normal form of a version, or null when `text` is not one. */
export function normalizeVersion(text: string): string | null {
  const v = parseVersion(text);
  return v.ok ? formatVersion(v.value) : null;
}

/** Lenient: the normal form, or `text` trimmed when it is not a version. */
export function normalVersion(text: string): string {
  return normalizeVersion(text) ?? text.trim();
}

/** Whether two versions are equal in normal form (exact text, trimmed, when either is invalid). */
export function sameVersion(a: string, b: string): boolean {
  const na = normalizeVersion(a);
  const nb = normalizeVersion(b);
  return na !== null && nb !== null ? na === nb : a.trim() === b.trim();
}

/** The release without trailing zeros (`1.0.0` compares equal to `1`). */
export function trimRelease(release: readonly bigint[]): bigint[] {
  let end = release.length;
  while (end > 0 && release[end - 1] === 0n) end--;
  return release.slice(0, end);
}

export const isPrerelease = (v: Version): boolean => v.pre !== undefined || v.dev !== undefined;

const cmpBig = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);

function cmpList<T>(a: readonly T[], b: readonly T[], cmp: (x: T, y: T) => number): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = cmp(a[i]!, b[i]!);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** The pre/post/dev ordering key: dev-only releases first, then a, b, rc, final; post after; dev before. */
function suffixKey(v: Version): bigint[] {
  const preRank = v.pre ? BigInt(['a', 'b', 'rc'].indexOf(v.pre.kind)) : v.post === undefined && v.dev !== undefined ? -1n : 3n;
  return [preRank, v.pre?.n ?? 0n, v.post === undefined ? 0n : 1n, v.post ?? 0n, v.dev === undefined ? 1n : 0n, v.dev ?? 0n];
}

function cmpLocal(a: bigint | string, b: bigint | string): number {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string') return -1; // labels sort before numbers
  if (typeof b === 'string') return 1;
  return cmpBig(a, b);
}

/** PEP 440 ordering: negative when `a` sorts before `b`. */
export function compareVersions(a: Version, b: Version, opts: { ignoreLocal?: boolean } = {}): number {
  return (
    cmpBig(a.epoch, b.epoch) ||
    cmpList(trimRelease(a.release), trimRelease(b.release), cmpBig) ||
    cmpList(suffixKey(a), suffixKey(b), cmpBig) ||
    (opts.ignoreLocal ? 0 : a.local === undefined ? (b.local === undefined ? 0 : -1) : b.local === undefined ? 1 : cmpList(a.local, b.local, cmpLocal))
  );
}

/** The version without its local label. */
export function publicVersion(v: Version): Version {
  const { local: _local, ...rest } = v;
  return rest;
}
