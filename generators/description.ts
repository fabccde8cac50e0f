/**
 * `description(options?)`: a one-line summary of printable text (ASCII
 * mostly, letters beyond ASCII sometimes), or null (no `description` key at
 * all).
 *
 * Shrinks toward null.
 */
import fc from 'fast-check';
import { printableLine, textLine } from './_internals/chars.js';

export interface DescriptionOptions {
  /** Longest summary (default 60). */
  maxLength?: number;
  /** Null sometimes (default true). */
  nullable?: boolean;
  /** Letters beyond ASCII sometimes (default true). */
  nonAscii?: boolean;
  /** Leading or trailing spaces allowed (default true; setup.cfg cannot keep them). */
  edgeWhitespace?: boolean;
}

export function description(options: DescriptionOptions = {}): fc.Arbitrary<string | null> {
  const { maxLength = 60, nullable = true, nonAscii = true, edgeWhitespace = true } = options;
  const line = nonAscii
    ? fc.oneof({ withCrossShrink: true }, { weight: 5, arbitrary: printableLine(maxLength) }, { weight: 1, arbitrary: textLine(maxLength) })
    : printableLine(maxLength);
  const text = edgeWhitespace ? line : line.filter((s) => s.trim() === s);
  return nullable ? fc.option(text, { nil: null, freq: 4 }) : text;
}
