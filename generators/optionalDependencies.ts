/**
 * `optionalDependencies(options?)`: `[project.optional-dependencies]`
 * (`ExtraModel[]`): extras whose names come in any valid spelling
 * (`Dev_Tools`, `test.x`, `DOCS`; distinct once normalized), each with zero
 * or more requirements (with extras and markers sometimes).
 *
 * Shrinks toward `[{ name: "a", requirements: [] }]`.
 */
import fc from 'fast-check';
import type { ExtraModel } from '../src/model/projectModel.js';
import { distributionName } from './distributionName.js';
import { requirement, type RequirementOptions } from './requirement.js';
import { canonicalizeName } from '../src/pep/name.js';
import { requirementName } from '../src/pep/requirement.js';

export interface OptionalDependenciesOptions {
  /** Most extras (default 3). */
  maxExtras?: number;
  /** Most requirements per extra (default 2). */
  maxRequirements?: number;
  requirement?: RequirementOptions;
}

export function optionalDependencies(options: OptionalDependenciesOptions = {}): fc.Arbitrary<ExtraModel[]> {
  const { maxExtras = 3, maxRequirements = 2 } = options;
  const extra = fc.record({
    name: distributionName({ maxSegments: 2, maxSegmentLength: 6 }),
    requirements: fc.uniqueArray(requirement(options.requirement), {
      maxLength: maxRequirements,
      selector: (r) => canonicalizeName(requirementName(r)),
    }),
  });
  return fc.uniqueArray(extra, { minLength: 1, maxLength: Math.max(1, maxExtras), selector: (e) => canonicalizeName(e.name) });
}
