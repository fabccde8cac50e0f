/** Helpers to run fast-check's shrinker on a predicate and get the minimal value. */
import fc from 'fast-check';
import { expect } from 'vitest';

/**
 * Shrinks a value of `arb` for which `wanted` holds: runs the property
 * "`wanted` never holds", which fails, and returns fast-check's shrunk
 * counterexample together with the first failing (unshrunk) value.
 */
export function shrinkTo<T>(arb: fc.Arbitrary<T>, wanted: (value: T) => boolean, seed = 1): { first: T; minimal: T } {
  let first: T | undefined;
  const details = fc.check(
    fc.property(arb, (value) => {
      const holds = wanted(value);
      if (holds && first === undefined) first = value;
      return !holds;
    }),
    { seed, numRuns: 2000 },
  );
  expect(details.failed, `no generated value satisfied the predicate (seed ${seed})`).toBe(true);
  const minimal = details.counterexample?.[0];
  if (minimal === undefined || first === undefined) throw new Error('no counterexample');
  return { first, minimal };
}
