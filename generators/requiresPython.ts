/**
 * `requiresPython(options?)`: a PEP 440 specifier set for `requires-python`,
 * with every operator (`>=`, `>`, `<`, `<=`, `==`, `!=`, `~=`, `===`, and
 * the `==3.*` / `!=3.9.*` wildcards), one or two clauses joined by `,` or
 * `, `, sometimes with a space after the operator (`>= 3.8`). Every set
 * admits some Python 3 release.
 *
 * `strict` (default true) keeps to what every tested backend accepts: an
 * arbitrary-equality clause (`===`) names a full `X.Y.Z` version and comes
 * last. (setuptools 80 rejects `===3.10,>=3`, where PEP 508's grammar ends
 * the `===` version at the comma; hatchling 1.27 fails to build a wheel for
 * `===3.11`, which no `X.Y.Z` it tries equals, and tags the wheel of `<=3`
 * `py2` only: reported as real differences.)
 *
 * Shrinks toward `>=3`.
 */
import fc from 'fast-check';
import { shrinkTowards } from './_internals/extraShrinks.js';
import { asString, canonicalNat, incompatible } from './_internals/unmap.js';

export interface RequiresPythonOptions {
  /** Most clauses (default 2). */
  maxClauses?: number;
  /** Spaces after operators and commas sometimes (default true). */
  spaces?: boolean;
  /** Only sets every tested backend accepts (default true): see above. */
  strict?: boolean;
}

const OPERATORS = ['>=', '>', '<', '<=', '==', '!=', '~=', '==='] as const;
type Operator = (typeof OPERATORS)[number];

interface Clause {
  op: Operator;
  space: boolean;
  /** Python version components after the major version 3 (or 2). */
  major: 2 | 3;
  rest: number[];
  wildcard: boolean;
}

const CLAUSE = /^(~=|===|==|!=|<=|>=|<|>)( ?)([23])((?:\.(?:0|[1-9][0-9]*))*)(\.\*)?$/;

function formatClause(c: Clause): string {
  return `${c.op}${c.space ? ' ' : ''}${[c.major, ...c.rest].join('.')}${c.wildcard ? '.*' : ''}`;
}

function parseClause(value: string): Clause {
  const m = CLAUSE.exec(value) ?? incompatible('requires-python clause');
  const rest = (m[4] ?? '')
    .split('.')
    .slice(1)
    .map((n) => canonicalNat(n, 'requires-python clause'));
  return { op: m[1] as Operator, space: m[2] === ' ', major: Number(m[3]) as 2 | 3, rest, wildcard: m[5] !== undefined };
}

function valid(c: Clause): boolean {
  if (c.wildcard && c.op !== '==' && c.op !== '!=') return false;
  if (c.op === '~=' && c.rest.length < 1) return false;
  if (c.op === '===' && c.space) return false;
  // Python 2 only in lower bounds and exclusions (`>=2.7`, `!=2.*`).
  if (c.major === 2 && !['>=', '>', '!='].includes(c.op)) return false;
  // ... and only of Python versions that exist: `>=2.7`, `!=2.*`.
  if (c.major === 2 && !(c.rest.length === 1 && c.rest[0] === 7 && !c.wildcard) && !(c.op === '!=' && c.wildcard && c.rest.length === 0)) return false;
  return true;
}

function compareRelease(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Whether the final release `v` satisfies clause `c` (PEP 440 semantics for final releases). */
function admits(c: Clause, v: readonly number[]): boolean {
  const spec = [c.major, ...c.rest];
  const prefix = (n: number): boolean => spec.slice(0, n).every((x, i) => (v[i] ?? 0) === x);
  switch (c.op) {
    case '==':
      return c.wildcard ? prefix(spec.length) : compareRelease(v, spec) === 0;
    case '!=':
      return c.wildcard ? !prefix(spec.length) : compareRelease(v, spec) !== 0;
    case '>=':
      return compareRelease(v, spec) >= 0;
    case '>':
      return compareRelease(v, spec) > 0;
    case '<=':
      return compareRelease(v, spec) <= 0;
    case '<':
      return compareRelease(v, spec) < 0;
    case '~=':
      return compareRelease(v, spec) >= 0 && prefix(spec.length - 1);
    case '===':
      return v.join('.') === spec.join('.');
  }
}

/** Some release `M.Y.Z` with Y below 100 and Z in `patches` satisfies every clause. */
function admitsSome(clauses: readonly Clause[], major: number, patches: readonly number[]): boolean {
  for (let y = 0; y < 100; y++) {
    for (const z of patches) if (clauses.every((c) => admits(c, [major, y, z]))) return true;
  }
  return false;
}

/**
 * The set admits some Python 3 release, and the wheel tag that hatchling
 * derives from it names Python 3: hatchling first probes `M.Y.100` and, only
 * when that finds nothing, every `M.Y.Z`; so a set that admits `2.Y.100` but
 * no `3.Y.100` (`<=3`) would be tagged `py2` alone (reported as a real
 * difference; `strict` avoids it).
 */
function admitsPython3(clauses: readonly Clause[], strict: boolean): boolean {
  if (!admitsSome(clauses, 3, [0, 1, 2, 3, 5, 10, 13, 20, 99, 100])) return false;
  return !strict || admitsSome(clauses, 3, [100]) || !admitsSome(clauses, 2, [100]);
}

export function requiresPython(options: RequiresPythonOptions = {}): fc.Arbitrary<string> {
  const { maxClauses = 2, spaces = true, strict = true } = options;
  const op = shrinkTowards(
    fc.oneof({ withCrossShrink: true }, { weight: 8, arbitrary: fc.constant('>=' as Operator) }, { weight: 7, arbitrary: fc.constantFrom(...OPERATORS) }),
    () => '>=' as Operator,
  );
  const minor = fc.oneof({ withCrossShrink: true }, { weight: 5, arbitrary: fc.integer({ min: 0, max: 14 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 20 }) });
  const oneClause = fc
    .record({
      op,
      space: spaces ? fc.oneof({ withCrossShrink: true }, { weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }) : fc.constant(false),
      major: shrinkTowards(fc.oneof({ withCrossShrink: true }, { weight: 12, arbitrary: fc.constant(3 as const) }, { weight: 1, arbitrary: fc.constant(2 as const) }), () => 3 as const),
      rest: fc.array(minor, { maxLength: 2 }),
      wildcard: fc.oneof({ withCrossShrink: true }, { weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    })
    .filter(valid)
    .filter((c) => !strict || c.op !== '===' || c.rest.length === 2);
  const separator = spaces ? fc.constantFrom<string>(', ', ',') : fc.constant<string>(',');
  return fc
    .tuple(oneClause, fc.array(fc.tuple(separator, oneClause), { maxLength: Math.max(0, maxClauses - 1) }))
    .filter(([first, more]) => {
      const clauses = [first, ...more.map(([, c]) => c)];
      if (strict && clauses.slice(0, -1).some((c) => c.op === '===')) return false;
      return admitsPython3(clauses, strict);
    })
    .map(
      ([first, more]) => formatClause(first) + more.map(([sep, c]) => sep + formatClause(c)).join(''),
      (value) => {
        const parts = asString(value, 'requires-python').split(/(, ?)/);
        const more: [string, Clause][] = [];
        for (let i = 1; i < parts.length; i += 2) more.push([parts[i] ?? '', parseClause(parts[i + 1] ?? '')]);
        return [parseClause(parts[0] ?? ''), more];
      },
    );
}
