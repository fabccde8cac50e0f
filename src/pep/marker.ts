/**
 * Environment markers (PEP 508) as a typed tree, parsed as
 * `packaging.markers.Marker` parses them, with its normal form
 * (`str(Marker(text))`: single spaces, quoted values, `extra` values and the
 * members of `extras`/`dependency_groups` normalized, redundant parentheses dropped).
 */
import { pyStringLiteral } from './_internals/pyText.js';
import { PepSyntaxError, Tokenizer } from './_internals/tokenizer.js';
import { canonicalizeName } from './name.js';
import type { Parsed } from './result.js';

export type MarkerOperator = '===' | '==' | '~=' | '!=' | '<=' | '>=' | '<' | '>' | 'in' | 'not in';
export type MarkerOperand = { kind: 'variable'; name: string } | { kind: 'value'; value: string };
export interface MarkerComparison {
  kind: 'comparison';
  left: MarkerOperand;
  op: MarkerOperator;
  right: MarkerOperand;
}
/** `terms[0] ops[0] terms[1] ...`, as written (and/or not regrouped); a parenthesized group is a nested MarkerGroup. */
export interface MarkerGroup {
  kind: 'group';
  terms: (MarkerComparison | MarkerGroup)[];
  ops: ('and' | 'or')[];
}
export type Marker = MarkerGroup;

const SET_VARIABLES = new Set(['extras', 'dependency_groups']);

/** Parses one marker expression up to where it stops (the caller checks what follows). */
export function readMarker(t: Tokenizer): MarkerGroup {
  const terms = [readAtom(t)];
  const ops: ('and' | 'or')[] = [];
  for (let op = t.read('BOOLOP'); op !== null; op = t.read('BOOLOP')) {
    ops.push(op as 'and' | 'or');
    terms.push(readAtom(t));
  }
  return { kind: 'group', terms, ops };
}

function readAtom(t: Tokenizer): MarkerComparison | MarkerGroup {
  t.consume('WS');
  let atom: MarkerComparison | MarkerGroup;
  if (t.check('LEFT_PARENTHESIS')) {
    atom = t.enclosed('LEFT_PARENTHESIS', 'RIGHT_PARENTHESIS', 'marker expression', () => {
      t.consume('WS');
      const inner = readMarker(t);
      t.consume('WS');
      return inner;
    });
  } else {
    t.consume('WS');
    const left = readOperand(t);
    t.consume('WS');
    const op = readOperator(t);
    t.consume('WS');
    const right = readOperand(t);
    t.consume('WS');
    atom = normalizeNames({ kind: 'comparison', left, op, right });
  }
  t.consume('WS');
  return atom;
}

function readOperand(t: Tokenizer): MarkerOperand {
  const variable = t.read('VARIABLE');
  if (variable !== null) {
    const name = variable.replace(/\./g, '_');
    return { kind: 'variable', name: name === 'python_implementation' ? 'platform_python_implementation' : name };
  }
  const start = t.position;
  const quoted = t.read('QUOTED_STRING');
  if (quoted === null) t.fail('expected a marker variable or quoted string');
  const value = pyStringLiteral(quoted);
  if (value === null) t.fail('invalid quoted string', start);
  return { kind: 'value', value };
}

function readOperator(t: Tokenizer): MarkerOperator {
  if (t.read('IN') !== null) return 'in';
  if (t.read('NOT') !== null) {
    t.expect('WS', "whitespace after 'not'");
    t.expect('IN', "'in' after 'not'");
    return 'not in';
  }
  const op = t.read('OP');
  if (op === null) t.fail('expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in');
  return op as MarkerOperator;
}

/** `extra` values and members of set-valued variables are compared normalized. */
function normalizeNames(c: MarkerComparison): MarkerComparison {
  const { left, right } = c;
  if (left.kind === 'variable' && left.name === 'extra' && right.kind === 'value') return { ...c, right: { kind: 'value', value: canonicalizeName(right.value) } };
  if (right.kind === 'variable' && left.kind === 'value' && (right.name === 'extra' || SET_VARIABLES.has(right.name))) {
    return { ...c, left: { kind: 'value', value: canonicalizeName(left.value) } };
  }
  return c;
}

/** Strict: the marker tree, or why `text` is not a marker. */
export function parseMarker(text: string): Parsed<Marker> {
  const t = new Tokenizer(text);
  try {
    const marker = readMarker(t);
    t.expect('END', 'end of marker expression');
    return { ok: true, value: marker };
  } catch (e) {
    if (e instanceof PepSyntaxError) return { ok: false, error: e.message };
    throw e;
  }
}

function formatOperand(o: MarkerOperand): string {
  if (o.kind === 'variable') return o.name;
  if (!o.value.includes('"')) return `"${o.value}"`;
  if (!o.value.includes("'")) return `'${o.value}'`;
  throw new Error('a marker value cannot hold both quote characters');
}

function formatTerm(term: MarkerComparison | MarkerGroup, first: boolean): string {
  if (term.kind === 'comparison') return `${formatOperand(term.left)} ${term.op} ${formatOperand(term.right)}`;
  if (term.terms.length === 1) return formatTerm(term.terms[0]!, first);
  const inner = term.terms.map((x, i) => (i === 0 ? '' : `${term.ops[i - 1]} `) + formatTerm(x, false)).join(' ');
  return first ? inner : `(${inner})`;
}

/** Strict: `str(Marker(text))`; fails where packaging cannot write a value holding both quote characters. */
export function formatMarker(marker: Marker): Parsed<string> {
  try {
    return { ok: true, value: formatTerm(marker, true) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

/** Strict: the normal form of a marker's text. */
export function normalMarker(text: string): Parsed<string> {
  const m = parseMarker(text);
  return m.ok ? formatMarker(m.value) : m;
}

/** Every value compared with `extra` (`extra == "x"`), normalized. */
export function markerExtras(marker: Marker): string[] {
  const out: string[] = [];
  const visit = (term: MarkerComparison | MarkerGroup): void => {
    if (term.kind === 'group') return term.terms.forEach(visit);
    const { left, right } = term;
    if (left.kind === 'variable' && left.name === 'extra' && right.kind === 'value') out.push(right.value);
    else if (right.kind === 'variable' && right.name === 'extra' && left.kind === 'value') out.push(left.value);
  };
  visit(marker);
  return out;
}

/**
 * Lenient: one spelling for markers that mean the same, for comparing two
 * backends' Requires-Dist: the normal form, with double quotes where the
 * value allows, and the operands of a top-level `and` (with no top-level
 * `or`) sorted. A value holding both quotes is written as it came.
 */
export function markerComparisonForm(marker: Marker): string {
  let root: MarkerGroup = marker;
  while (root.terms.length === 1 && root.terms[0]!.kind === 'group') root = root.terms[0]!;
  const term = (t: MarkerComparison | MarkerGroup): string => {
    try {
      return formatTerm(t, false);
    } catch {
      return t.kind === 'comparison' ? `${operandText(t.left)} ${t.op} ${operandText(t.right)}` : '(?)';
    }
  };
  const parts = root.terms.map(term);
  if (parts.length > 1 && root.ops.every((op) => op === 'and')) parts.sort();
  return parts.map((p, i) => (i === 0 ? p : `${root.ops[i - 1]} ${p}`)).join(' ');
}

const operandText = (o: MarkerOperand): string => (o.kind === 'variable' ? o.name : JSON.stringify(o.value));

/** Lenient: the comparison form of a marker's text, or its white space collapsed when it does not parse. */
export function markerTextComparisonForm(text: string): string {
  const m = parseMarker(text);
  return m.ok ? markerComparisonForm(m.value) : text.trim().replace(/\s+/g, ' ');
}
