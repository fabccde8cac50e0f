/**
 * `description(options?)`: a one-line summary of printable ASCII, or null
 * (no `description` key at all).
 *
 * Shrinks toward null.
 */
import fc from 'fast-check';
import { printableLine } from './_internals/chars.js';

export interface DescriptionOptions {
  /** Longest summary (default 60). */
  maxLength?: number;
  /** Null sometimes (default true). */
  nullable?: boolean;
}

export function description(options: DescriptionOptions = {}): fc.Arbitrary<string | null> {
  const { maxLength = 60, nullable = true } = options;
  const text = printableLine(maxLength);
  return nullable ? fc.option(text, { nil: null, freq: 4 }) : text;
}
