/**
 * `requirement(options?)`: a PEP 508 requirement string as a user might write
 * it: a distribution name, sometimes extras (`name[Extra_One,two]`), zero or
 * more comma-separated version specifiers (`>=1.0`, `==2.*`, `~=1.4`,
 * `!=1.3`, ...) and optionally a marker: one comparison
 * (`; python_version >= "3.8"`) or two joined by `and` / `or`. No URLs.
 *
 * Shrinks toward `a`.
 */
import fc from 'fast-check';
import { distributionName } from './distributionName.js';
import { simpleMarker } from './_internals/markers.js';
import { shrinkTowards } from './_internals/extraShrinks.js';
import { asString, emptyList, incompatible } from './_internals/unmap.js';
import { releaseSegment } from './_internals/versionParts.js';

export interface RequirementOptions {
  /** Most version specifiers (default 2). */
  maxSpecifiers?: number;
  /** A marker sometimes (default true). */
  markers?: boolean;
  /** Extras sometimes (default true). */
  extras?: boolean;
}

const COMPARISON_OPERATORS = ['>=', '<', '!=', '==', '<=', '>'] as const;

/**
 * `value` split into operator and version after checking it against `pattern`
 * (two groups). The operator type is asserted: the constantFrom it unmaps to
 * checks it.
 */
function splitSpecifier<Op extends string>(value: unknown, pattern: RegExp): { op: Op; version: string } {
  const m = pattern.exec(asString(value, 'specifier')) ?? incompatible('specifier');
  return { op: (m[1] ?? '') as Op, version: m[2] ?? '' };
}

function specifier(): fc.Arbitrary<string> {
  const comparison = fc
    .record({ op: fc.constantFrom(...COMPARISON_OPERATORS), version: releaseSegment(1, 3) })
    .map(
      ({ op, version }) => `${op}${version}`,
      (value) => splitSpecifier(value, /^(>=|<=|!=|==|<|>)([0-9.]+)$/),
    );
  const wildcard = fc
    .record({ op: fc.constantFrom('==', '!='), version: releaseSegment(1, 2) })
    .map(
      ({ op, version }) => `${op}${version}.*`,
      (value) => splitSpecifier(value, /^(==|!=)([0-9.]+)\.\*$/),
    );
  // `~=` needs at least two release components.
  const compatible = releaseSegment(2, 3).map(
    (version) => `~=${version}`,
    (value) => splitSpecifier(value, /^(~=)([0-9.]+)$/).version,
  );
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 4, arbitrary: comparison },
    { weight: 1, arbitrary: wildcard },
    { weight: 1, arbitrary: compatible },
  );
}

interface RequirementParts {
  name: string;
  extras: string[];
  specifiers: string[];
  marker: string | null;
}

function parse(value: unknown): RequirementParts {
  const text = asString(value, 'requirement');
  const semicolon = text.indexOf('; ');
  const head = semicolon === -1 ? text : text.slice(0, semicolon);
  const marker = semicolon === -1 ? null : text.slice(semicolon + 2);
  const name = /^[A-Za-z0-9._-]*/.exec(head)?.[0] ?? incompatible('requirement');
  let rest = head.slice(name.length);
  let extras: string[] = [];
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) incompatible('requirement');
    extras = rest.slice(1, close).split(',');
    rest = rest.slice(close + 1);
  }
  return { name, extras, specifiers: rest === '' ? [] : rest.split(','), marker };
}

/** Two comparisons joined by `and` / `or`; shrinks toward its first comparison's shape. */
function compoundMarker(): fc.Arbitrary<string> {
  return fc.tuple(simpleMarker(), fc.constantFrom('and', 'or'), simpleMarker()).map(
    ([a, op, b]) => `${a} ${op} ${b}`,
    (value) => {
      const m = /^(.+?") (and|or) ([a-z_]+ .+)$/.exec(asString(value, 'marker')) ?? incompatible('marker');
      return [m[1] ?? '', m[2] as 'and' | 'or', m[3] ?? ''];
    },
  );
}

function marker(): fc.Arbitrary<string> {
  return fc.oneof({ withCrossShrink: true }, { weight: 4, arbitrary: simpleMarker() }, { weight: 1, arbitrary: compoundMarker() });
}

export function requirement(options: RequirementOptions = {}): fc.Arbitrary<string> {
  const { maxSpecifiers = 2, markers = true, extras = true } = options;
  const extra = distributionName({ maxSegments: 2, separatorRuns: false });
  return fc
    .record({
      name: distributionName({ maxSegments: 2 }),
      extras: extras
        ? shrinkTowards(
            fc.oneof(
              { withCrossShrink: true },
              { weight: 5, arbitrary: emptyList<string>() },
              { weight: 1, arbitrary: fc.uniqueArray(extra, { minLength: 1, maxLength: 2, selector: (e) => e.toLowerCase() }) },
            ),
            () => [],
          )
        : emptyList<string>(),
      specifiers: fc.array(specifier(), { maxLength: maxSpecifiers }),
      marker: markers ? fc.option(marker(), { nil: null, freq: 3 }) : fc.constant(null),
    })
    .map(
      ({ name, extras, specifiers, marker }) =>
        name + (extras.length > 0 ? `[${extras.join(',')}]` : '') + specifiers.join(',') + (marker === null ? '' : `; ${marker}`),
      parse,
    );
}
