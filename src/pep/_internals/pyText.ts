/**
 * Python's notion of text where packaging's parsers depend on it: which
 * characters `\s` and `\w` match in a `str` pattern, code-point string
 * order (`sorted()` on `str`), and `ast.literal_eval` of one string literal.
 */

/** Every character `str.isspace()` accepts (Python's `\s` in a `str` pattern). */
const PY_SPACE = new Set('\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000');

/** The inside of a regular-expression class for Python's `\s`. */
export const PY_SPACE_CHARS = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
/** A regular-expression class source for Python's `\s`. */
export const PY_SPACE_CLASS = `[${PY_SPACE_CHARS}]`;

/** A regular-expression class source for Python's `\w` (letters, numbers, `_`). */
export const PY_WORD_CLASS = '[\\p{L}\\p{N}_]';

/** Python's `\b` as a JavaScript lookaround (use with the `u` flag). */
export const PY_WORD_BOUNDARY = `(?:(?<=${PY_WORD_CLASS})(?!${PY_WORD_CLASS})|(?<!${PY_WORD_CLASS})(?=${PY_WORD_CLASS}))`;

/** `str.strip()` with no argument. */
export function pyStrip(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && PY_SPACE.has(text[start]!)) start++;
  while (end > start && PY_SPACE.has(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/** Python's `<` on `str`: code point order (JavaScript's default sort compares UTF-16 units). */
export function comparePyStr(a: string, b: string): number {
  if (a === b) return 0;
  const ca = [...a];
  const cb = [...b];
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const x = ca[i]!.codePointAt(0)!;
    const y = cb[i]!.codePointAt(0)!;
    if (x !== y) return x - y;
  }
  return ca.length - cb.length;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\n': '',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/**
 * The value of one quoted Python string literal (`'...'` or `"..."`, no
 * prefix) as `ast.literal_eval` gives it, or null where it raises. `\N{...}`
 * escapes are refused (this has no Unicode name table).
 */
export function pyStringLiteral(literal: string): string | null {
  if (literal.includes('\0')) return null;
  const body = literal.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\r' || c === '\n') return null; // a single-quoted literal cannot span lines
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = body[i + 1];
    if (next === undefined) return null; // the backslash escapes the closing quote
    if (next === '\r') {
      i += body[i + 2] === '\n' ? 2 : 1;
      continue;
    }
    if (next in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[next];
      i++;
      continue;
    }
    const octal = /^[0-7]{1,3}/.exec(body.slice(i + 1));
    if (octal) {
      out += String.fromCodePoint(Number.parseInt(octal[0], 8));
      i += octal[0].length;
      continue;
    }
    const width = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
    if (width > 0) {
      const hex = body.slice(i + 2, i + 2 + width);
      if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) return null;
      const cp = Number.parseInt(hex, 16);
      if (cp > 0x10ffff) return null;
      out += String.fromCodePoint(cp);
      i += 1 + width;
      continue;
    }
    if (next === 'N') return null;
    out += '\\' + next; // an unknown escape keeps its backslash
    i++;
  }
  return out;
}
