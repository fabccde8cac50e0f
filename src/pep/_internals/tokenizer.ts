/**
 * The tokens of dependency specifiers and markers (PEP 508), matched at a
 * position as packaging's context-sensitive tokenizer matches them (Python's
 * `\b` and `\s` included), and the error every parse failure raises.
 */
import { SPECIFIER_SOURCE } from '../specifier.js';
import { PY_WORD_BOUNDARY as B } from './pyText.js';

const RULES = {
  LEFT_PARENTHESIS: /\(/y,
  RIGHT_PARENTHESIS: /\)/y,
  LEFT_BRACKET: /\[/y,
  RIGHT_BRACKET: /\]/y,
  SEMICOLON: /;/y,
  COMMA: /,/y,
  QUOTED_STRING: /'[^']*'|"[^"]*"/y,
  OP: /===|==|~=|!=|<=|>=|<|>/y,
  BOOLOP: new RegExp(`${B}(?:or|and)${B}`, 'uy'),
  IN: new RegExp(`${B}in${B}`, 'uy'),
  NOT: new RegExp(`${B}not${B}`, 'uy'),
  VARIABLE: new RegExp(
    `${B}(?:python_version|python_full_version|os[._]name|sys[._]platform|platform_(?:release|system)|platform[._](?:version|machine|python_implementation)|python_implementation|implementation_(?:name|version)|extras?|dependency_groups)${B}`,
    'uy',
  ),
  SPECIFIER: new RegExp(SPECIFIER_SOURCE, 'iy'),
  AT: /@/y,
  URL: /[^ \t]+/y,
  /** Lenient mode: a URL ends at `;` too (backends write `name @ URL; marker`). */
  URL_LENIENT: /[^ \t;]+/y,
  IDENTIFIER: new RegExp(`${B}[a-zA-Z0-9][a-zA-Z0-9._-]*${B}`, 'uy'),
  VERSION_PREFIX_TRAIL: /\.\*/y,
  VERSION_LOCAL_LABEL_TRAIL: /\+[a-z0-9]+(?:[-_.][a-z0-9]+)*/y,
  WS: /[ \t]+/y,
  END: /$(?![\s\S])/y,
} as const;

export type TokenName = keyof typeof RULES;

export class PepSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} at position ${position + 1}`);
  }
}

export class Tokenizer {
  position = 0;

  constructor(readonly source: string) {}

  /** The text of token `name` at the current position, or null. */
  peek(name: TokenName): string | null {
    const rule = RULES[name];
    rule.lastIndex = this.position;
    const m = rule.exec(this.source);
    return m === null ? null : m[0];
  }

  check(name: TokenName): boolean {
    return this.peek(name) !== null;
  }

  /** Reads token `name` when it is next; its text, or null. */
  read(name: TokenName): string | null {
    const text = this.peek(name);
    if (text !== null) this.position += text.length;
    return text;
  }

  consume(name: TokenName): void {
    this.read(name);
  }

  expect(name: TokenName, expected: string): string {
    const text = this.read(name);
    if (text === null) this.fail(`expected ${expected}`);
    return text;
  }

  fail(message: string, at = this.position): never {
    throw new PepSyntaxError(message, at);
  }

  /** Runs `body` inside `open` ... `close` when `open` is next, else just runs it. */
  enclosed<T>(open: TokenName, close: TokenName, around: string, body: () => T): T {
    const start = this.position;
    const opened = this.read(open) !== null;
    const value = body();
    if (opened && this.read(close) === null) this.fail(`expected matching ${close} for ${open}, after ${around}`, start);
    return value;
  }
}
