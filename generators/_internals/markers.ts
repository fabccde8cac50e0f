/** Simple PEP 508 environment markers: one comparison of a marker variable with a literal. */
import fc from 'fast-check';
import { asString, canonicalNat, incompatible } from './unmap.js';

/** String-valued marker variables and plausible values for each. */
const STRING_MARKERS: readonly (readonly [variable: string, values: readonly string[]])[] = [
  ['sys_platform', ['linux', 'win32', 'darwin']],
  ['os_name', ['posix', 'nt']],
  ['platform_system', ['Linux', 'Windows', 'Darwin']],
  ['implementation_name', ['cpython', 'pypy']],
  ['platform_machine', ['x86_64', 'aarch64', 'AMD64']],
];

const VERSION_OPERATORS = ['>=', '<', '==', '!=', '>', '<='] as const;
const COMPARISON = /^([a-z_]+) (==|!=|<=|>=|<|>) "([^"]*)"$/;

function parse(value: unknown, variable: string): { op: string; value: string } {
  const m = COMPARISON.exec(asString(value, 'marker'));
  if (m === null || m[1] !== variable) return incompatible(`${variable} marker`);
  return { op: m[2] ?? '', value: m[3] ?? '' };
}

/** `python_version >= "3.8"` and the like; shrinks toward `python_version >= "3.6"`. */
function pythonVersionMarker(): fc.Arbitrary<string> {
  return fc.record({ op: fc.constantFrom(...VERSION_OPERATORS), minor: fc.integer({ min: 6, max: 14 }) }).map(
    ({ op, minor }) => `python_version ${op} "3.${minor}"`,
    (marker) => {
      const { op, value } = parse(marker, 'python_version');
      if (!value.startsWith('3.')) incompatible('python_version marker');
      // `op` is checked by the constantFrom it unmaps to.
      return { op: op as (typeof VERSION_OPERATORS)[number], minor: canonicalNat(value.slice(2), 'python_version marker') };
    },
  );
}

function stringMarker(variable: string, values: readonly string[]): fc.Arbitrary<string> {
  return fc
    .record({ op: fc.constantFrom('==', '!='), value: fc.constantFrom(...values) })
    .map(
      ({ op, value }) => `${variable} ${op} "${value}"`,
      (marker) => parse(marker, variable) as { op: '==' | '!='; value: string },
    );
}

export function simpleMarker(): fc.Arbitrary<string> {
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 3, arbitrary: pythonVersionMarker() },
    ...STRING_MARKERS.map(([variable, values]) => ({ weight: 1, arbitrary: stringMarker(variable, values) })),
  );
}
