import { isValidName } from '../../pep/name.js';
import { splitStem, stemNormalizationProblem } from '../../pep/stem.js';
import { isValidVersion } from '../../pep/version.js';
import type { SpecCheck } from '../types.js';
import { SPEC } from './_shared.js';

export const sdistTopFolderNormalized: SpecCheck = {
  code: 'S004',
  title: 'The sdist top-level folder spells the name and version in normal form',
  severity: 'warning',
  artifact: 'sdist',
  spec: SPEC.sdistFormat,
  run(ctx) {
    const top = ctx.sdist?.top;
    const split = top === undefined ? null : splitStem(top);
    if (top === undefined || split === null || !isValidName(split.name) || !isValidVersion(split.version)) return [];
    const problem = stemNormalizationProblem(top);
    return problem === null ? [] : [{ path: `${top}/`, message: `top-level folder '${top}': ${problem}` }];
  },
};
