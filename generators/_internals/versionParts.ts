/** Pieces of PEP 440 versions, shared by `version` and `requirement`. */
import fc from 'fast-check';
import { asString, canonicalNat } from './unmap.js';

/** A non-negative version component: usually small, sometimes large; shrinks toward 0. */
export function versionNumber(): fc.Arbitrary<number> {
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 8, arbitrary: fc.nat({ max: 20 }) },
    { weight: 1, arbitrary: fc.nat({ max: 99_999 }) },
  );
}

/** A release segment `N(.N)*` with between `minLength` and `maxLength` components. */
export function releaseSegment(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.array(versionNumber(), { minLength, maxLength }).map(
    (parts) => parts.join('.'),
    (value) =>
      asString(value, 'release segment')
        .split('.')
        .map((part) => canonicalNat(part, 'release segment')),
  );
}

export const PRE_RELEASE_LABELS = ['a', 'b', 'rc'] as const;
