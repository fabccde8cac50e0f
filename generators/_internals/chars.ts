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

/** Lowercase letters beyond ASCII (all single NFC code points, lowercase under toLowerCase). */
export const NON_ASCII_LOWER = 'éèüöäñøåçžłß';
/** Capitals beyond ASCII. */
export const NON_ASCII_UPPER = 'ÉÜÖÅØŁŽ';
/** A few CJK characters (no case). */
export const CJK = '日本語数据文件';

export interface WordOptions {
  /** Longest word (default 8). */
  maxLength?: number;
  /** Letters beyond ASCII sometimes (default true). */
  nonAscii?: boolean;
  /** A capital first letter sometimes (default true). */
  capitalized?: boolean;
}

/** One word of letters (ASCII mostly, others sometimes); shrinks toward `a`. */
export function word(options: WordOptions = {}): fc.Arbitrary<string> {
  const { maxLength = 8, nonAscii = true, capitalized = true } = options;
  const first = weightedChar([20, LOWER], [capitalized ? 6 : 0, UPPER], [nonAscii ? 1 : 0, NON_ASCII_UPPER], [nonAscii ? 1 : 0, CJK]);
  const rest = weightedChar([30, LOWER], [nonAscii ? 3 : 0, NON_ASCII_LOWER], [nonAscii ? 1 : 0, CJK]);
  return fc.tuple(first, fc.string({ unit: rest, maxLength: Math.max(0, maxLength - 1) })).map(
    ([head, tail]) => head + tail,
    (value): [string, string] => {
      if (typeof value !== 'string' || value.length === 0) throw new Error('not a word');
      const chars = [...value];
      return [chars[0] as string, chars.slice(1).join('')];
    },
  );
}

/** Words joined by single spaces (`minWords` at least 1); shrinks toward `a`. */
export function words(maxWords: number, options: WordOptions = {}, minWords = 1): fc.Arbitrary<string> {
  return fc.array(word(options), { minLength: Math.max(1, minWords), maxLength: Math.max(1, maxWords) }).map(
    (list) => list.join(' '),
    (value) => {
      if (typeof value !== 'string') throw new Error('not words');
      return value.split(' ');
    },
  );
}

/** Printable text lines: ASCII mostly, non-ASCII letters sometimes; no line breaks. */
export function textLine(maxLength: number, minLength = 0, nonAscii = true): fc.Arbitrary<string> {
  const unit = nonAscii ? weightedChar([40, PRINTABLE_ASCII], [2, NON_ASCII_LOWER], [1, CJK]) : charFrom(PRINTABLE_ASCII);
  return fc.string({ unit, minLength, maxLength });
}
