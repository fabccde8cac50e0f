import type { CheckFinding, SpecCheck } from '../types.js';
import { fileAt, SPEC } from './_shared.js';

export const requiredDistInfoFiles: SpecCheck = {
  code: 'W006',
  title: 'The .dist-info folder holds METADATA, WHEEL and RECORD',
  severity: 'error',
  artifact: 'wheel',
  spec: SPEC.wheelDistInfo,
  run(ctx) {
    const dir = ctx.wheel?.distInfo;
    if (dir === undefined) return [];
    const findings: CheckFinding[] = [];
    for (const name of ['METADATA', 'WHEEL', 'RECORD']) {
      const path = `${dir}/${name}`;
      if (fileAt(ctx, path) !== undefined) continue;
      const other = ctx.members.get(path);
      findings.push({ path, message: other === undefined ? `${path} is missing` : `${path} is a ${other.type}, not a regular file` });
    }
    return findings;
  },
};
