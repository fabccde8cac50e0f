/**
 * SPDX license expression syntax (SPDX specification, annex "SPDX license
 * expressions"), restricted as the license-expression specification
 * (PEP 639) restricts it: custom identifiers are `LicenseRef-[idstring]`
 * only, and the stored expression is case-normalized, so the operators are
 * upper case. Identifiers are checked for their form only; whether one is
 * on the SPDX License List is not checked (the list is not bundled).
 */

type Token = { kind: 'open' } | { kind: 'close' } | { kind: 'word'; text: string };

const ID = /^[A-Za-z0-9.-]+$/;
const LICENSE_REF = /^LicenseRef-[A-Za-z0-9.-]+$/;
const OPERATORS = new Set(['AND', 'OR', 'WITH']);

function tokenize(text: string): Token[] | string {
  const tokens: Token[] = [];
  const re = /\s*(?:(\()|(\))|([^\s()]+))/y;
  let pos = 0;
  while (pos < text.length) {
    if (/^\s*$/.test(text.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) return `unexpected text '${text.slice(pos)}'`;
    pos = re.lastIndex;
    if (m[1]) tokens.push({ kind: 'open' });
    else if (m[2]) tokens.push({ kind: 'close' });
    else tokens.push({ kind: 'word', text: m[3]! });
  }
  return tokens;
}

class SpdxError extends Error {}

class Parser {
  i = 0;
  constructor(private readonly tokens: Token[]) {}

  fail(message: string): never {
    throw new SpdxError(message);
  }

  peekWord(): string | undefined {
    const t = this.tokens[this.i];
    return t?.kind === 'word' ? t.text : undefined;
  }

  parse(): void {
    if (this.tokens.length === 0) this.fail('the expression is empty');
    this.or();
    if (this.i < this.tokens.length) {
      const t = this.tokens[this.i]!;
      this.fail(t.kind === 'close' ? "unbalanced ')'" : `expected AND, OR or WITH before '${t.kind === 'word' ? t.text : '('}'`);
    }
  }

  or(): void {
    this.and();
    while (this.operator('OR')) this.and();
  }

  and(): void {
    this.term();
    while (this.operator('AND')) this.term();
  }

  operator(op: string): boolean {
    const w = this.peekWord();
    if (w === op) {
      this.i++;
      return true;
    }
    if (w !== undefined && w.toUpperCase() === op) this.fail(`operator '${w}' must be written '${op}' (the expression must be case-normalized)`);
    return false;
  }

  term(): void {
    const t = this.tokens[this.i];
    if (t === undefined) this.fail('the expression ends where a license identifier is expected');
    if (t.kind === 'open') {
      this.i++;
      this.or();
      if (this.tokens[this.i]?.kind !== 'close') this.fail("missing ')'");
      this.i++;
      return;
    }
    if (t.kind === 'close') this.fail("unexpected ')'");
    this.i++;
    this.licenseId(t.text);
    if (this.operator('WITH')) {
      const e = this.tokens[this.i];
      if (e?.kind !== 'word' || OPERATORS.has(e.text.toUpperCase())) this.fail("expected a license exception identifier after 'WITH'");
      this.i++;
      if (!ID.test(e.text)) this.fail(`'${e.text}' is not a valid license exception identifier`);
    }
  }

  licenseId(word: string): void {
    if (OPERATORS.has(word.toUpperCase())) this.fail(`operator '${word}' where a license identifier is expected`);
    if (/^licenseref-/i.test(word)) {
      if (!word.startsWith('LicenseRef-')) this.fail(`'${word}' must be written with the prefix 'LicenseRef-' (case-normalized)`);
      if (!LICENSE_REF.test(word)) this.fail(`'${word}' is not a valid LicenseRef: after 'LicenseRef-' only letters, digits, '.' and '-' are allowed`);
      return;
    }
    if (/^documentref-/i.test(word)) this.fail(`'${word}': DocumentRef identifiers are not allowed in License-Expression`);
    const id = word.endsWith('+') ? word.slice(0, -1) : word;
    if (!ID.test(id)) this.fail(`'${word}' is not a valid license identifier (letters, digits, '.' and '-', optionally followed by '+')`);
  }
}

/** Why `text` is not a valid license expression, or null when it is. */
export function licenseExpressionProblem(text: string): string | null {
  const tokens = tokenize(text);
  if (typeof tokens === 'string') return tokens;
  try {
    new Parser(tokens).parse();
    return null;
  } catch (error) {
    if (error instanceof SpdxError) return error.message;
    throw error;
  }
}
