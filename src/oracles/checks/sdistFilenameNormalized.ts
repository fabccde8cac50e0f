import { isValidName } from '../../pep/name.js';
import { splitStem, stemNormalizationProblem } from '../../pep/stem.js';
import { isValidVersion } from '../../pep/version.js';
import type { SpecCheck } from '../types.js';
import { SPEC } from './_shared.js';
import { sdistStem } from './_sdistName.js';

export const sdistFilenameNormalized: SpecCheck = {
  code: 'S002',
  title: 'The sdist filename spells the name and version in normal form (PEP 625)',
  severity: 'error',
  artifact: 'sdist',
  spec: SPEC.sdistFileName,
  run(ctx) {
    const stem = sdistStem(ctx.filename);
    const split = stem === undefined ? null : splitStem(stem);
    if (stem === undefined || split === null || !isValidName(split.name) || !isValidVersion(split.version)) return [];
    const problem = stemNormalizationProblem(stem);
    return problem === null ? [] : [{ path: ctx.filename, message: `sdist filename '${ctx.filename}': ${problem}` }];
  },
};
