/**
 * `moduleSource()`: the text of a small valid Python module: empty, a
 * constant, a function, or a docstring followed by one of those. Every
 * non-empty source ends with a newline.
 *
 * Shrinks toward the empty module.
 */
import fc from 'fast-check';
import { printableLine } from './_internals/chars.js';
import { identifier } from './_internals/identifier.js';
import { shrinkTowards } from './_internals/extraShrinks.js';
import { asString, incompatible } from './_internals/unmap.js';

/** A Python string literal for printable ASCII (JSON's escapes are valid Python escapes). */
function stringLiteral(text: string): string {
  return JSON.stringify(text);
}

/** The text of a literal written by `stringLiteral`, or throw. */
function literalText(literal: string | undefined): string {
  if (literal === undefined) return incompatible('string literal');
  let text: unknown;
  try {
    text = JSON.parse(literal);
  } catch {
    return incompatible('string literal');
  }
  return typeof text === 'string' && stringLiteral(text) === literal ? text : incompatible('string literal');
}

function matching(value: unknown, pattern: RegExp): RegExpExecArray {
  return pattern.exec(asString(value, 'module source')) ?? incompatible('module source');
}

export function moduleSource(): fc.Arbitrary<string> {
  const name = identifier({ maxLength: 8, mixedCase: false });
  const intConstant = fc.record({ name, value: fc.integer({ min: -1000, max: 1000 }) }).map(
    ({ name, value }) => `${name.toUpperCase()} = ${value}\n`,
    (source) => {
      const [, constant = '', value = ''] = matching(source, /^([A-Z0-9_]+) = (-?(?:0|[1-9][0-9]*))\n$/);
      return { name: constant.toLowerCase(), value: Number(value) };
    },
  );
  const stringConstant = fc.record({ name, value: printableLine(30) }).map(
    ({ name, value }) => `${name.toUpperCase()} = ${stringLiteral(value)}\n`,
    (source) => {
      const [, constant = '', literal] = matching(source, /^([A-Z0-9_]+) = (".*")\n$/);
      return { name: constant.toLowerCase(), value: literalText(literal) };
    },
  );
  const func = fc.record({ name, parameter: name, addend: fc.nat({ max: 100 }) }).map(
    ({ name, parameter, addend }) => `def ${name}(${parameter}):\n    return ${parameter} + ${addend}\n`,
    (source) => {
      const [, fn = '', parameter = '', addend = ''] = matching(
        source,
        /^def ([a-z0-9_]+)\(([a-z0-9_]+)\):\n {4}return \2 \+ (0|[1-9][0-9]*)\n$/,
      );
      return { name: fn, parameter, addend: Number(addend) };
    },
  );
  const body = fc.oneof({ withCrossShrink: true }, intConstant, stringConstant, func);
  const documented = fc.record({ doc: printableLine(40), body }).map(
    ({ doc, body }) => `${stringLiteral(doc)}\n\n${body}`,
    (source) => {
      const [, literal, rest = ''] = matching(source, /^(".*")\n\n([\s\S]*)$/);
      return { doc: literalText(literal), body: rest };
    },
  );
  return shrinkTowards(
    fc.oneof(
      { withCrossShrink: true },
      { weight: 2, arbitrary: fc.constant('') },
      { weight: 5, arbitrary: body },
      { weight: 2, arbitrary: documented },
    ),
    () => '',
  );
}
