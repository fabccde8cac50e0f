/**
 * Character-level building blocks. Every character arbitrary shrinks toward
 * the first character of its first alphabet (usually `a`).
 */
import fc from 'fast-check';
import { shrinkTowards } from './extraShrinks.js';

export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const DIGITS = '0123456789';
/** Printable ASCII, space (0x20) to tilde (0x7e). */
export const PRINTABLE_ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i))
  .join('');

/** One character of `alphabet`. */
export function charFrom(alphabet: string): fc.Arbitrary<string> {
  return fc.constantFrom(...alphabet.split(''));
}

/**
 * One character drawn from several alphabets with weights; shrinks toward the
 * first alphabet (cross-shrinking), so a `Z` can shrink to `a`.
 */
export function weightedChar(...parts: readonly (readonly [weight: number, alphabet: string])[]): fc.Arbitrary<string> {
  const used = parts.filter(([weight, alphabet]) => weight > 0 && alphabet !== '');
  const alternatives = used.map(([weight, alphabet]) => ({ weight, arbitrary: charFrom(alphabet) }));
  const first = used[0]?.[1].slice(0, 1) ?? '';
  return shrinkTowards(fc.oneof({ withCrossShrink: true }, ...alternatives), () => first);
}

/** A string of printable ASCII characters without line breaks. */
export function printableLine(maxLength: number, minLength = 0): fc.Arbitrary<string> {
  return fc.string({ unit: charFrom(PRINTABLE_ASCII), minLength, maxLength });
}
