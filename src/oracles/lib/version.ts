/**
 * PEP 440 versions as the version-specifiers specification defines them:
 * which strings are valid (the normalization rules accept some variant
 * spellings) and their normal form. Written from the specification's
 * "Normalization" section.
 */

const PRE_SPELLINGS: Readonly<Record<string, string>> = {
  a: 'a',
  alpha: 'a',
  b: 'b',
  beta: 'b',
  c: 'rc',
  rc: 'rc',
  pre: 'rc',
  preview: 'rc',
};

const SEP = '[-_.]?';
const VERSION = new RegExp(
  '^v?' +
    '(?:(?<epoch>[0-9]+)!)?' +
    '(?<release>[0-9]+(?:\\.[0-9]+)*)' +
    `(?:${SEP}(?<pre>alpha|beta|preview|pre|a|b|c|rc)${SEP}(?<preN>[0-9]+)?)?` +
    `(?:-(?<postImplicit>[0-9]+)|${SEP}(?<post>post|rev|r)${SEP}(?<postN>[0-9]+)?)?` +
    `(?:${SEP}(?<dev>dev)${SEP}(?<devN>[0-9]+)?)?` +
    '(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?$',
  'i',
);

/** The parts of a parsed version, already in normal spelling. */
export interface ParsedVersion {
  epoch: number;
  release: number[];
  pre?: { kind: 'a' | 'b' | 'rc'; n: number };
  post?: number;
  dev?: number;
  local?: string;
}

function int(digits: string | undefined): number {
  return digits === undefined ? 0 : Number.parseInt(digits, 10);
}

/**
 * Parses a version (surrounding white space is ignored, as the
 * specification allows), or returns null when it is not a PEP 440 version.
 */
export function parseVersion(text: string): ParsedVersion | null {
  const m = VERSION.exec(text.trim());
  const g = m?.groups;
  if (!g) return null;
  const parsed: ParsedVersion = { epoch: int(g.epoch), release: g.release!.split('.').map((d) => int(d)) };
  if (g.pre !== undefined) parsed.pre = { kind: PRE_SPELLINGS[g.pre.toLowerCase()] as 'a' | 'b' | 'rc', n: int(g.preN) };
  if (g.postImplicit !== undefined) parsed.post = int(g.postImplicit);
  else if (g.post !== undefined) parsed.post = int(g.postN);
  if (g.dev !== undefined) parsed.dev = int(g.devN);
  if (g.local !== undefined) {
    parsed.local = g.local
      .toLowerCase()
      .split(/[-_.]/)
      .map((s) => (/^[0-9]+$/.test(s) ? String(int(s)) : s))
      .join('.');
  }
  return parsed;
}

/** True when `text` is a valid PEP 440 version. */
export function isValidVersion(text: string): boolean {
  return parseVersion(text) !== null;
}

/** The normal form of a parsed version, e.g. `1!2.0rc1.post0.dev3+abc.1`. */
export function formatVersion(v: ParsedVersion): string {
  let out = v.epoch !== 0 ? `${v.epoch}!` : '';
  out += v.release.join('.');
  if (v.pre) out += `${v.pre.kind}${v.pre.n}`;
  if (v.post !== undefined) out += `.post${v.post}`;
  if (v.dev !== undefined) out += `.dev${v.dev}`;
  if (v.local !== undefined) out += `+${v.local}`;
  return out;
}

/** The normal form of a version, or null when it is not a PEP 440 version. */
export function normalizeVersion(text: string): string | null {
  const v = parseVersion(text);
  return v === null ? null : formatVersion(v);
}
