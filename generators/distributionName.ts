/**
 * `distributionName(options?)`: a PEP 508 distribution name as a user might
 * write it: alphanumeric segments joined by `-`, `_` or `.` (sometimes two
 * separators in a row), uppercase letters sometimes. Always matches
 * `^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$` (case-insensitively).
 *
 * Shrinks toward `a`.
 */
import fc from 'fast-check';
import { DIGITS, LOWER, UPPER, charFrom, weightedChar } from './_internals/chars.js';
import { shrinkTowards } from './_internals/extraShrinks.js';
import { asString } from './_internals/unmap.js';

export interface DistributionNameOptions {
  /** Most alphanumeric segments (default 3). */
  maxSegments?: number;
  /** Longest segment (default 8). */
  maxSegmentLength?: number;
  /** Uppercase letters sometimes (default true). */
  mixedCase?: boolean;
  /** Runs of two separators such as `a-_b` sometimes (default true). */
  separatorRuns?: boolean;
}

type Parts = [first: string, more: [separator: string, segment: string][]];

function parse(value: unknown): Parts {
  const [first = '', ...rest] = asString(value, 'distribution name').split(/([-_.]+)/);
  const more: [string, string][] = [];
  for (let i = 0; i < rest.length; i += 2) more.push([rest[i] ?? '', rest[i + 1] ?? '']);
  return [first, more];
}

export function distributionName(options: DistributionNameOptions = {}): fc.Arbitrary<string> {
  const { maxSegments = 3, maxSegmentLength = 8, mixedCase = true, separatorRuns = true } = options;
  const char = weightedChar([16, LOWER], [3, DIGITS], [mixedCase ? 2 : 0, UPPER]);
  const segment = fc.string({ unit: char, minLength: 1, maxLength: maxSegmentLength });
  const single = charFrom('-_.');
  const separator = separatorRuns
    ? shrinkTowards(
        fc.oneof(
          { withCrossShrink: true },
          { weight: 10, arbitrary: single },
          { weight: 1, arbitrary: fc.string({ unit: single, minLength: 2, maxLength: 2 }) },
        ),
        () => '-',
      )
    : single;
  return fc
    .tuple(segment, fc.array(fc.tuple(separator, segment), { maxLength: Math.max(0, maxSegments - 1) }))
    .map(([first, more]) => first + more.map(([sep, seg]) => sep + seg).join(''), parse);
}
