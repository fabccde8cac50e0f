/**
 * `version(options?)`: a normalized PEP 440 version without epoch or local
 * label: `N(.N)*[{a|b|rc}N][.postN][.devN]`.
 *
 * Shrinks toward `0`.
 */
import fc from 'fast-check';
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
}

type PreLabel = (typeof PRE_RELEASE_LABELS)[number];
interface VersionParts {
  release: string;
  pre: [PreLabel, number] | null;
  post: number | null;
  dev: number | null;
}

const PARTS = /^([0-9]+(?:\.[0-9]+)*)(?:(a|b|rc)([0-9]+))?(?:\.post([0-9]+))?(?:\.dev([0-9]+))?$/;

function format(v: VersionParts): string {
  return (
    v.release +
    (v.pre === null ? '' : `${v.pre[0]}${v.pre[1]}`) +
    (v.post === null ? '' : `.post${v.post}`) +
    (v.dev === null ? '' : `.dev${v.dev}`)
  );
}

function parse(value: unknown): VersionParts {
  const m = PARTS.exec(asString(value, 'version')) ?? incompatible('version');
  const [, release = '', label, pre, post, dev] = m;
  return {
    release,
    pre: label === undefined ? null : [label as PreLabel, canonicalNat(pre, 'version')],
    post: post === undefined ? null : canonicalNat(post, 'version'),
    dev: dev === undefined ? null : canonicalNat(dev, 'version'),
  };
}

function optional<T>(enabled: boolean, arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return enabled ? fc.option(arbitrary, { nil: null, freq: 4 }) : fc.constant(null);
}

export function version(options: VersionOptions = {}): fc.Arbitrary<string> {
  const { maxReleaseLength = 4, pre = true, post = true, dev = true } = options;
  return fc
    .record({
      release: releaseSegment(1, maxReleaseLength),
      pre: optional(pre, fc.tuple(fc.constantFrom(...PRE_RELEASE_LABELS), versionNumber())),
      post: optional(post, versionNumber()),
      dev: optional(dev, versionNumber()),
    })
    .map(format, parse);
}
