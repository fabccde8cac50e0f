/**
 * The reference checks' codes (P = pypa/packaging is the judge): what the
 * judge worker (src/oracles/judge/_python/twinbuild_judge.py) reports, one
 * page each at docs/rules/CODE.md like the TypeScript checks of SPEC_CHECKS.
 * Codes are stable and never reused.
 */
import type { SpecCheck } from '../types.js';

/** A check the judge worker runs: everything of a SpecCheck but its TypeScript body. */
export type ReferenceCheck = Omit<SpecCheck, 'run'>;

const CORE = 'https://packaging.python.org/en/latest/specifications/core-metadata/';

export const REFERENCE_CHECKS: readonly ReferenceCheck[] = Object.freeze([
  {
    code: 'P001',
    title: 'packaging.utils.parse_wheel_filename accepts the wheel filename',
    severity: 'error',
    artifact: 'wheel',
    spec: 'https://packaging.python.org/en/latest/specifications/binary-distribution-format/#file-name-convention',
  },
  {
    code: 'P002',
    title: 'packaging.utils.parse_sdist_filename accepts the sdist filename',
    severity: 'error',
    artifact: 'sdist',
    spec: 'https://packaging.python.org/en/latest/specifications/source-distribution-format/#source-distribution-file-name',
  },
  {
    code: 'P003',
    title: 'packaging.metadata.Metadata.from_email(validate=True) accepts every core metadata field',
    severity: 'error',
    artifact: 'both',
    spec: CORE,
  },
  {
    code: 'P004',
    title: 'Every Classifier is a current trove classifier (trove-classifiers)',
    severity: 'error',
    artifact: 'both',
    spec: `${CORE}#classifier-multiple-use`,
  },
  {
    code: 'P005',
    title: 'Every Requires-Dist marker evaluates with packaging.markers for each extra',
    severity: 'error',
    artifact: 'both',
    spec: 'https://packaging.python.org/en/latest/specifications/dependency-specifiers/#environment-markers',
  },
  {
    code: 'P006',
    title: 'License-Expression is in the canonical form of packaging.licenses.canonicalize_license_expression',
    severity: 'error',
    artifact: 'both',
    spec: `${CORE}#license-expression`,
  },
  {
    code: 'P007',
    title: 'Every WHEEL Tag parses with packaging.tags.parse_tag to one tag, and they are the filename tags',
    severity: 'error',
    artifact: 'wheel',
    spec: 'https://packaging.python.org/en/latest/specifications/binary-distribution-format/#file-contents',
  },
]);

const BY_CODE = new Map(REFERENCE_CHECKS.map((c) => [c.code, c]));

/** The check behind a code the worker reported (undefined for a code this version does not know). */
export function referenceCheck(code: string): ReferenceCheck | undefined {
  return BY_CODE.get(code);
}
