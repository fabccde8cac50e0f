/**
 * Optional parts of a model: a value that is there with some probability,
 * and records whose absent parts are absent keys (not `undefined` values),
 * so that generated models and models loaded from JSON look alike.
 */
import fc from 'fast-check';
import { shrinkTowards } from './extraShrinks.js';
import { incompatible } from './unmap.js';

/** `arb` with probability `probability` (0..1), else `undefined`; shrinks toward `undefined`. */
export function maybe<T>(arb: fc.Arbitrary<T>, probability: number): fc.Arbitrary<T | undefined> {
  const some = Math.round(Math.min(1, Math.max(0, probability)) * 1000);
  if (some === 0) return fc.constant(undefined);
  if (some === 1000) return arb;
  return shrinkTowards(
    fc.oneof(
      { withCrossShrink: true },
      { weight: 1000 - some, arbitrary: fc.constant(undefined) },
      { weight: some, arbitrary: arb },
    ),
    () => undefined,
  );
}

/**
 * `arb` (a record whose optional keys may hold `undefined`) with those keys
 * removed instead; unmapping puts them back, so values loaded from JSON
 * (where absent keys are simply missing) shrink too.
 */
export function omitUndefined<T extends object>(arb: fc.Arbitrary<T>, keys: readonly (keyof T & string)[]): fc.Arbitrary<T> {
  return arb.map(
    (value) => {
      const out = { ...value } as Record<string, unknown>;
      for (const k of keys) if (out[k] === undefined) delete out[k];
      return out as T;
    },
    (value) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return incompatible('record');
      const out = { ...(value as Record<string, unknown>) };
      for (const k of keys) if (!(k in out)) out[k] = undefined;
      return out as T;
    },
  );
}

/** `true` with probability `probability`, else absent (`undefined`); shrinks toward absent. */
export function flag(probability: number): fc.Arbitrary<true | undefined> {
  return maybe(fc.constant(true as const), probability);
}

/** `arb` with probability `probability`, else `null`; shrinks toward `null`. */
export function orNull<T>(arb: fc.Arbitrary<T>, probability: number): fc.Arbitrary<T | null> {
  return maybe(arb, probability).map(
    (v): T | null => (v === undefined ? null : v),
    (v): T | undefined => (v === null ? undefined : (v as T)),
  );
}
