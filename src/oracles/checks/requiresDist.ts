import { parseRequirement } from '../../pep/requirement.js';
import { fieldsOf } from '../../pep/coreMetadata.js';
import type { CheckFinding, SpecCheck } from '../types.js';
import { quote, SPEC } from './_shared.js';

export const requiresDist: SpecCheck = {
  code: 'M011',
  title: 'Each Requires-Dist is a valid dependency specifier',
  severity: 'error',
  artifact: 'both',
  spec: SPEC.requiresDist,
  run(ctx) {
    const meta = ctx.metadata;
    if (meta === undefined) return [];
    const findings: CheckFinding[] = [];
    for (const field of fieldsOf(meta.parsed, 'requires-dist')) {
      const result = parseRequirement(field.value);
      if (!result.ok) findings.push({ path: meta.path, message: `Requires-Dist ${quote(field.value)} (line ${field.line}): ${result.error}` });
    }
    return findings;
  },
};
