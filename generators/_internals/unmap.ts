/**
 * Support for shrinking values without their generation context.
 *
 * Every `map` in the generators has an unmapper, so a model that was not
 * produced by this run (a replayed corpus file, a value built by a shrink
 * step such as subpackage promotion) can still be shrunk by fast-check.
 * An unmapper throws `IncompatibleValue` when the value cannot come from the
 * arbitrary; fast-check then simply does not shrink that way.
 */
import fc from 'fast-check';

export class IncompatibleValue extends Error {
  constructor(what: string) {
    super(`not a value of ${what}`);
  }
}

export function incompatible(what: string): never {
  throw new IncompatibleValue(what);
}

/** `value` as a string, or throw. */
export function asString(value: unknown, what: string): string {
  return typeof value === 'string' ? value : incompatible(what);
}

/** A decimal number written without sign or leading zeros, or throw. */
export function canonicalNat(text: string | undefined, what: string): number {
  if (text === undefined || !/^(0|[1-9][0-9]*)$/.test(text)) incompatible(what);
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : incompatible(what);
}

/**
 * Always `[]` — like `fc.constant([])`, but it recognizes any empty array
 * (not just its own instance) when shrinking without context, and it hands
 * out a fresh array each time.
 */
export function emptyList<T>(): fc.Arbitrary<T[]> {
  return fc.constant(null).map(
    (): T[] => [],
    (value) => (Array.isArray(value) && value.length === 0 ? null : incompatible('an empty list')),
  );
}
