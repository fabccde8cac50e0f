/**
 * Dependency specifiers (PEP 508, the dependency-specifiers specification)
 * as written in Requires-Dist: a recursive-descent parser that reports
 * what is wrong and collects the extras that markers compare `extra` with.
 */
import { isValidName } from './names.js';
import { specifierClauseProblem } from './specifiers.js';

export interface ParsedRequirement {
  name: string;
  extras: string[];
  /** Values compared with the `extra` marker variable (`extra == "x"`). */
  markerExtras: string[];
}

export type RequirementResult = { ok: true; value: ParsedRequirement } | { ok: false; error: string };

/** Marker variables of the specification, and the legacy dotted spellings tools still accept. */
const MARKER_VARIABLES = new Set([
  'python_version',
  'python_full_version',
  'os_name',
  'sys_platform',
  'platform_release',
  'platform_system',
  'platform_version',
  'platform_machine',
  'platform_python_implementation',
  'implementation_name',
  'implementation_version',
  'extra',
  'extras',
  'dependency_groups',
  'os.name',
  'sys.platform',
  'platform.version',
  'platform.machine',
  'platform.python_implementation',
  'python_implementation',
]);

const IDENTIFIER = /[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?/y;
const MARKER_OPS = ['===', '==', '!=', '<=', '>=', '~=', '<', '>'];

class ParseError extends Error {}

class Parser {
  pos = 0;
  readonly markerExtras: string[] = [];

  constructor(readonly text: string) {}

  fail(message: string): never {
    throw new ParseError(`${message} at position ${this.pos + 1}`);
  }

  ws(): boolean {
    const start = this.pos;
    while (this.pos < this.text.length && (this.text[this.pos] === ' ' || this.text[this.pos] === '\t')) this.pos++;
    return this.pos > start;
  }

  peek(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }

  eat(s: string): boolean {
    if (!this.peek(s)) return false;
    this.pos += s.length;
    return true;
  }

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  identifier(what: string): string {
    IDENTIFIER.lastIndex = this.pos;
    const m = IDENTIFIER.exec(this.text);
    if (!m) this.fail(`expected ${what}`);
    this.pos += m[0].length;
    return m[0];
  }

  requirement(): ParsedRequirement {
    this.ws();
    const name = this.identifier('a distribution name');
    if (!isValidName(name)) this.fail(`invalid name '${name}'`);
    this.ws();
    const extras: string[] = [];
    if (this.eat('[')) {
      this.ws();
      if (!this.eat(']')) {
        for (;;) {
          extras.push(this.identifier('an extra name'));
          this.ws();
          if (this.eat(']')) break;
          if (!this.eat(',')) this.fail("expected ',' or ']' in the extras");
          this.ws();
        }
      }
      this.ws();
    }
    if (this.eat('@')) {
      this.ws();
      const start = this.pos;
      while (!this.atEnd() && !/\s/.test(this.text[this.pos]!)) this.pos++;
      if (this.pos === start) this.fail("expected a URL after '@'");
      const hadSpace = this.ws();
      if (this.atEnd()) return { name, extras, markerExtras: this.markerExtras };
      if (!hadSpace) this.fail('expected white space after the URL');
      if (!this.eat(';')) this.fail("expected ';' and a marker after the URL");
      this.marker();
      return { name, extras, markerExtras: this.markerExtras };
    }
    if (this.eat('(')) {
      this.versionMany(true);
      this.ws();
      if (!this.eat(')')) this.fail("expected ')' after the version specifier");
    } else if (MARKER_OPS.some((op) => this.peek(op))) {
      this.versionMany(false);
    }
    this.ws();
    if (this.eat(';')) this.marker();
    this.ws();
    if (!this.atEnd()) this.fail(`unexpected '${this.text.slice(this.pos)}'`);
    return { name, extras, markerExtras: this.markerExtras };
  }

  /** version_one (',' version_one)* (',' wsp*)? — up to ';', ')' or the end. */
  versionMany(parenthesized: boolean): void {
    const stop = parenthesized ? /[),]/ : /[;,]/;
    for (;;) {
      this.ws();
      const start = this.pos;
      while (!this.atEnd() && !stop.test(this.text[this.pos]!)) this.pos++;
      const clause = this.text.slice(start, this.pos);
      if (clause.trim() === '') this.fail('expected a version specifier');
      const problem = specifierClauseProblem(clause);
      if (problem !== null) {
        this.pos = start;
        this.fail(problem);
      }
      if (!this.eat(',')) return;
      this.ws();
      if (this.atEnd() || this.peek(parenthesized ? ')' : ';')) return;
    }
  }

  marker(): void {
    this.ws();
    this.markerOr();
    this.ws();
    if (!this.atEnd()) this.fail(`unexpected '${this.text.slice(this.pos)}' in the marker`);
  }

  markerOr(): void {
    this.markerAnd();
    while (this.keyword('or')) this.markerAnd();
  }

  markerAnd(): void {
    this.markerExpr();
    while (this.keyword('and')) this.markerExpr();
  }

  keyword(word: string): boolean {
    const save = this.pos;
    this.ws();
    if (this.peek(word) && !/[A-Za-z0-9_.]/.test(this.text[this.pos + word.length] ?? '')) {
      this.pos += word.length;
      return true;
    }
    this.pos = save;
    return false;
  }

  markerExpr(): void {
    this.ws();
    if (this.eat('(')) {
      this.markerOr();
      this.ws();
      if (!this.eat(')')) this.fail("expected ')' in the marker");
      return;
    }
    const left = this.markerVar();
    const op = this.markerOp();
    const right = this.markerVar();
    if (left.kind === 'string' && right.kind === 'string') return;
    const variable = left.kind === 'variable' ? left.value : right.value;
    const other = left.kind === 'variable' ? right : left;
    if (variable === 'extra' && other.kind === 'string' && (op === '==' || op === '!=')) this.markerExtras.push(other.value);
  }

  markerVar(): { kind: 'variable' | 'string'; value: string } {
    this.ws();
    const quote = this.text[this.pos];
    if (quote === '"' || quote === "'") {
      const end = this.text.indexOf(quote, this.pos + 1);
      if (end < 0) this.fail('unterminated string in the marker');
      const value = this.text.slice(this.pos + 1, end);
      this.pos = end + 1;
      return { kind: 'string', value };
    }
    const m = /[A-Za-z_][A-Za-z0-9_.]*/y;
    m.lastIndex = this.pos;
    const word = m.exec(this.text)?.[0];
    if (word === undefined) this.fail('expected a marker variable or a quoted string');
    if (!MARKER_VARIABLES.has(word)) this.fail(`unknown marker variable '${word}'`);
    this.pos += word.length;
    return { kind: 'variable', value: word };
  }

  markerOp(): string {
    this.ws();
    for (const op of MARKER_OPS) if (this.eat(op)) return op;
    if (this.keyword('in')) return 'in';
    if (this.keyword('not')) {
      if (this.keyword('in')) return 'not in';
      this.fail("expected 'in' after 'not'");
    }
    this.fail('expected a marker operator');
  }
}

/** Parses one Requires-Dist value. */
export function parseRequirement(text: string): RequirementResult {
  if (/[\r\n]/.test(text)) return { ok: false, error: 'the value spans several lines' };
  const parser = new Parser(text);
  try {
    return { ok: true, value: parser.requirement() };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, error: error.message };
    throw error;
  }
}
