/**
 * `keywords(options?)`: distinct keywords, each one to two words (letters,
 * sometimes beyond ASCII), never containing a comma, in no particular order.
 *
 * Shrinks toward `["a"]`.
 */
import fc from 'fast-check';
import { words } from './_internals/chars.js';

export interface KeywordsOptions {
  /** Most keywords (default 4). */
  maxKeywords?: number;
  /** Letters beyond ASCII sometimes (default true). */
  nonAscii?: boolean;
}

export function keywords(options: KeywordsOptions = {}): fc.Arbitrary<string[]> {
  const { maxKeywords = 4, nonAscii = true } = options;
  return fc.uniqueArray(words(2, { nonAscii, maxLength: 7 }), { minLength: 1, maxLength: Math.max(1, maxKeywords) });
}
