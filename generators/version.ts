/**
 * `version(options?)`: a PEP 440 version as a user might write it:
 * `[v][N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]`, in the normal form
 * mostly and in other permitted spellings sometimes (`1.0-RC1`, `v1.0`,
 * `1.0.0-alpha.1`, `1.0-1`, `1.0.post`, `1.0_dev`, `1.0+Local-7`, ...). Every
 * spelling is one that setuptools and hatchling accept (no surrounding white
 * space, no leading zeros).
 *
 * With `normalized: true`, only normal forms (no `v`, canonical labels and
 * separators, explicit numbers, lowercase local labels with dots).
 *
 * Shrinks toward `0`.
 */
import fc from 'fast-check';
import { shrinkTowards } from './_internals/extraShrinks.js';
import { orNull } from './_internals/optional.js';
import { asString, canonicalNat, incompatible } from './_internals/unmap.js';
import { PRE_RELEASE_LABELS, releaseSegment, versionNumber } from './_internals/versionParts.js';

export interface VersionOptions {
  /** Most release components (default 4). */
  maxReleaseLength?: number;
  /** Pre-release segment sometimes (default true). */
  pre?: boolean;
  /** Post-release segment sometimes (default true). */
  post?: boolean;
  /** Development release segment sometimes (default true). */
  dev?: boolean;
  /** An epoch `N!` sometimes (default true). */
  epoch?: boolean;
  /** A local label `+...` sometimes (default true). */
  local?: boolean;
  /** Only normalized spellings (default false: other spellings sometimes). */
  normalized?: boolean;
}

const SEPARATORS = ['', '.', '-', '_'] as const;
type Sep = (typeof SEPARATORS)[number];
const PRE_SPELLINGS = ['a', 'b', 'rc', 'alpha', 'beta', 'c', 'pre', 'preview', 'A', 'B', 'RC', 'Alpha', 'BETA'] as const;
type PreSpelling = (typeof PRE_SPELLINGS)[number];
const POST_SPELLINGS = ['post', 'rev', 'r', 'POST'] as const;
type PostSpelling = (typeof POST_SPELLINGS)[number];
const DEV_SPELLINGS = ['dev', 'DEV', 'Dev'] as const;
type DevSpelling = (typeof DEV_SPELLINGS)[number];
const PREFIXES = ['', 'v', 'V'] as const;
type Prefix = (typeof PREFIXES)[number];

/** A labelled segment as written: separator, label, separator, number (null: implicit 0). */
type Labelled<L extends string> = [Sep, L, Sep, number | null];

interface VersionParts {
  prefix: Prefix;
  epoch: number | null;
  release: string;
  pre: Labelled<PreSpelling> | null;
  /** `['-', n]`: the implicit post-release `1.0-1`. */
  post: Labelled<PostSpelling> | ['-', number] | null;
  dev: Labelled<DevSpelling> | null;
  local: string | null;
}

function labelled(l: Labelled<string>): string {
  return `${l[0]}${l[1]}${l[2]}${l[3] === null ? '' : l[3]}`;
}

function format(v: VersionParts): string {
  return (
    v.prefix +
    (v.epoch === null ? '' : `${v.epoch}!`) +
    v.release +
    (v.pre === null ? '' : labelled(v.pre)) +
    (v.post === null ? '' : v.post.length === 2 ? `-${v.post[1]}` : labelled(v.post)) +
    (v.dev === null ? '' : labelled(v.dev)) +
    (v.local === null ? '' : `+${v.local}`)
  );
}

const PARTS = new RegExp(
  '^(v|V)?(?:([0-9]+)!)?([0-9]+(?:\\.[0-9]+)*)' +
    `(?:([-_.]?)(${[...PRE_SPELLINGS].sort((a, b) => b.length - a.length).join('|')})((?:[-_.](?=[0-9]))?)([0-9]+)?)?` +
    `(?:-([0-9]+)|([-_.]?)(${[...POST_SPELLINGS].sort((a, b) => b.length - a.length).join('|')})((?:[-_.](?=[0-9]))?)([0-9]+)?)?` +
    `(?:([-_.]?)(${DEV_SPELLINGS.join('|')})((?:[-_.](?=[0-9]))?)([0-9]+)?)?` +
    '(?:\\+([A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*))?$',
);

function optNat(text: string | undefined): number | null {
  return text === undefined ? null : canonicalNat(text, 'version');
}

function parse(value: unknown): VersionParts {
  const text = asString(value, 'version');
  const m = PARTS.exec(text) ?? incompatible('version');
  const g = (i: number): string | undefined => m[i];
  const v: VersionParts = {
    prefix: (g(1) ?? '') as Prefix,
    epoch: optNat(g(2)),
    release: g(3) ?? '',
    pre: g(5) === undefined ? null : [(g(4) ?? '') as Sep, g(5) as PreSpelling, (g(6) ?? '') as Sep, optNat(g(7))],
    post:
      g(8) !== undefined
        ? ['-', canonicalNat(g(8), 'version')]
        : g(10) === undefined
          ? null
          : [(g(9) ?? '') as Sep, g(10) as PostSpelling, (g(11) ?? '') as Sep, optNat(g(12))],
    dev: g(14) === undefined ? null : [(g(13) ?? '') as Sep, g(14) as DevSpelling, (g(15) ?? '') as Sep, optNat(g(16))],
    local: g(17) ?? null,
  };
  // Only parses that give the text back (no ambiguity in what was generated).
  return format(v) === text ? v : incompatible('version');
}

/** A spelling: the normal one (first, where shrinking goes) or, sometimes, one of the others. */
function spelling<T>(normal: T, others: readonly T[], normalized: boolean): fc.Arbitrary<T> {
  if (normalized || others.length === 0) return fc.constant(normal);
  return shrinkTowards(
    fc.oneof({ withCrossShrink: true }, { weight: 6, arbitrary: fc.constant(normal) }, { weight: 1, arbitrary: fc.constantFrom(...others) }),
    () => normal,
  );
}

function segment<L extends string>(
  labels: fc.Arbitrary<L>,
  normalSep: Sep,
  normalized: boolean,
): fc.Arbitrary<Labelled<L>> {
  return fc.tuple(
    spelling<Sep>(normalSep, SEPARATORS.filter((s) => s !== normalSep), normalized),
    labels,
    spelling<Sep>('', ['.', '-', '_'], normalized),
    normalized ? versionNumber() : shrinkTowards(fc.oneof({ withCrossShrink: true }, { weight: 8, arbitrary: versionNumber() }, { weight: 1, arbitrary: fc.constant(null) }), () => 0),
  ).filter(([, , sep, n]) => n !== null || sep === ''); // `1.0a.` is not a version
}

/** A local label: alphanumeric segments joined by `.` (or `-`, `_` when not normalized). */
function localLabel(normalized: boolean): fc.Arbitrary<string> {
  const part = fc.oneof(
    { withCrossShrink: true },
    fc.nat({ max: 99 }).map(
      (n) => String(n),
      (v) => canonicalNat(asString(v, 'local segment'), 'local segment'),
    ),
    fc.string({ unit: fc.constantFrom(...(normalized ? 'abcdefghxyz' : 'abcdefghxyzABX').split('')), minLength: 1, maxLength: 5 }),
  );
  const sep = spelling<string>('.', ['-', '_'], normalized);
  return fc.tuple(part, fc.array(fc.tuple(sep, part), { maxLength: 2 })).map(
    ([first, more]) => first + more.map(([s, p]) => s + p).join(''),
    (value) => {
      const [first = '', ...rest] = asString(value, 'local label').split(/([-_.])/);
      const more: [string, string][] = [];
      for (let i = 0; i < rest.length; i += 2) more.push([rest[i] ?? '', rest[i + 1] ?? '']);
      return [first, more];
    },
  );
}

export function version(options: VersionOptions = {}): fc.Arbitrary<string> {
  const { normalized = false } = options;
  if (normalized) return spelledVersion(options, true);
  // Normal forms mostly; other spellings in one version of five.
  return shrinkTowards(
    fc.oneof(
      { withCrossShrink: true },
      { weight: 4, arbitrary: spelledVersion(options, true) },
      { weight: 1, arbitrary: spelledVersion(options, false) },
    ),
    () => '0',
  );
}

function spelledVersion(options: VersionOptions, normalized: boolean): fc.Arbitrary<string> {
  const { maxReleaseLength = 4, pre = true, post = true, dev = true, epoch = true, local = true } = options;
  const preLabel = shrinkTowards(
    fc.oneof(
      { withCrossShrink: true },
      { weight: 6, arbitrary: fc.constantFrom(...PRE_RELEASE_LABELS) },
      { weight: normalized ? 0 : 1, arbitrary: fc.constantFrom(...PRE_SPELLINGS.filter((s) => !(PRE_RELEASE_LABELS as readonly string[]).includes(s))) },
    ),
    () => 'a' as PreSpelling,
  ) as fc.Arbitrary<PreSpelling>;
  const postSegment: fc.Arbitrary<VersionParts['post']> = normalized
    ? segment(fc.constant('post' as const), '.', true)
    : shrinkTowards(
        fc.oneof(
          { withCrossShrink: true },
          { weight: 6, arbitrary: segment(spelling<PostSpelling>('post', ['rev', 'r', 'POST'], false), '.', false) },
          { weight: 1, arbitrary: versionNumber().map((n): ['-', number] => ['-', n], (v) => (Array.isArray(v) && v[0] === '-' ? v[1] : incompatible('post'))) },
        ),
        () => ['.', 'post', '', 0],
      );
  return fc
    .record({
      prefix: spelling<Prefix>('', ['v', 'V'], normalized),
      epoch: epoch ? orNull(versionNumber(), 0.1) : fc.constant(null),
      release: releaseSegment(1, maxReleaseLength),
      pre: pre ? orNull(segment(preLabel, '', normalized), 0.25) : fc.constant(null),
      post: post ? orNull(postSegment, 0.2) : fc.constant(null),
      dev: dev ? orNull(segment(spelling<DevSpelling>('dev', ['DEV', 'Dev'], normalized), '.', normalized), 0.2) : fc.constant(null),
      local: local ? orNull(localLabel(normalized), 0.1) : fc.constant(null),
    })
    .map(format, parse);
}
