import { stemNormalizationProblem } from '../../pep/stem.js';
import type { SpecCheck } from '../types.js';
import { folderStem, SPEC } from './_shared.js';

export const distInfoNormalized: SpecCheck = {
  code: 'W005',
  title: 'The .dist-info folder spells the name and version in normal form',
  severity: 'warning',
  artifact: 'wheel',
  spec: SPEC.distInfoName,
  run(ctx) {
    const dir = ctx.wheel?.distInfo;
    if (dir === undefined) return [];
    const problem = stemNormalizationProblem(folderStem(dir, '.dist-info'));
    return problem === null ? [] : [{ path: `${dir}/`, message: `'${dir}': ${problem}` }];
  },
};
