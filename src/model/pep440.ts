/**
 * PEP 440 versions: parsing of every permitted spelling and the normal form
 * (PEP 440, "Normalization"). Used for feature statistics and validation.
 */

export interface Pep440Version {
  epoch: number;
  release: number[];
  /** `['a' | 'b' | 'rc', n]` */
  pre: [string, number] | null;
  post: number | null;
  dev: number | null;
  /** Local label segments as written, lowercased. */
  local: string[] | null;
  /** The normal form. */
  normalized: string;
}

// The permissive grammar of PEP 440's appendix, anchored, case-insensitive.
const VERSION =
  /^\s*v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\.[0-9]+)*)(?<pre>[-_.]?(?<preL>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>[0-9]+)?)?(?<post>(?:-(?<postN1>[0-9]+))|(?:[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?))?(?<dev>[-_.]?(?<devL>dev)[-_.]?(?<devN>[0-9]+)?)?(?:\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?\s*$/i;

const PRE_LABELS: Record<string, string> = { a: 'a', alpha: 'a', b: 'b', beta: 'b', c: 'rc', rc: 'rc', pre: 'rc', preview: 'rc' };

const num = (text: string | undefined): number => (text === undefined ? 0 : Number(text));

/** The parts and normal form of a PEP 440 version, or null when `text` is not one. */
export function parsePep440(text: string): Pep440Version | null {
  const m = VERSION.exec(text);
  const g = m?.groups;
  if (!g) return null;
  const epoch = num(g['epoch']);
  const release = (g['release'] ?? '0').split('.').map(Number);
  const pre: [string, number] | null = g['pre'] !== undefined ? [PRE_LABELS[(g['preL'] ?? '').toLowerCase()] ?? 'rc', num(g['preN'])] : null;
  const post = g['post'] !== undefined ? num(g['postN1'] ?? g['postN2']) : null;
  const dev = g['dev'] !== undefined ? num(g['devN']) : null;
  const local = g['local'] !== undefined ? g['local'].toLowerCase().split(/[-_.]/).map((s) => (/^[0-9]+$/.test(s) ? String(Number(s)) : s)) : null;
  const normalized =
    (epoch !== 0 ? `${epoch}!` : '') +
    release.join('.') +
    (pre ? `${pre[0]}${pre[1]}` : '') +
    (post !== null ? `.post${post}` : '') +
    (dev !== null ? `.dev${dev}` : '') +
    (local ? `+${local.join('.')}` : '');
  return { epoch, release, pre, post, dev, local, normalized };
}
