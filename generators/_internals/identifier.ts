/** ASCII Python identifiers that are not keywords (the raw material of import names). */
import fc from 'fast-check';
import { DIGITS, LOWER, UPPER, weightedChar } from './chars.js';
import { PYTHON_KEYWORDS } from './reservedNames.js';
import { asString, incompatible } from './unmap.js';

export interface IdentifierConstraints {
  /** Maximum length, at least 1. */
  maxLength: number;
  /** Whether uppercase letters may appear (rarely). */
  mixedCase: boolean;
}

const keywords = new Set(PYTHON_KEYWORDS);

/** `[A-Za-z_][A-Za-z0-9_]*`, mostly lowercase, never a keyword; shrinks toward `a`. */
export function identifier({ maxLength, mixedCase }: IdentifierConstraints): fc.Arbitrary<string> {
  const upperWeight = mixedCase ? 2 : 0;
  const first = weightedChar([24, LOWER], [2, '_'], [upperWeight, UPPER]);
  const rest = weightedChar([24, LOWER], [5, DIGITS], [3, '_'], [upperWeight, UPPER]);
  return fc
    .tuple(first, fc.string({ unit: rest, maxLength: Math.max(0, maxLength - 1) }))
    .map(
      ([head, tail]) => head + tail,
      (value): [string, string] => {
        const text = asString(value, 'identifier');
        return text.length > 0 ? [text.slice(0, 1), text.slice(1)] : incompatible('identifier');
      },
    )
    .filter((name) => !keywords.has(name));
}
