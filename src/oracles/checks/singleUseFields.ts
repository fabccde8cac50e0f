import { FIELDS, fieldsOf } from '../../pep/coreMetadata.js';
import type { CheckFinding, SpecCheck } from '../types.js';
import { SPEC } from './_shared.js';

export const singleUseFields: SpecCheck = {
  code: 'M005',
  title: 'Fields that are not multiple-use appear at most once',
  severity: 'error',
  artifact: 'both',
  spec: SPEC.coreMetadata,
  run(ctx) {
    const meta = ctx.metadata;
    if (meta === undefined) return [];
    const findings: CheckFinding[] = [];
    for (const [key, spec] of FIELDS) {
      if (spec.multiple) continue;
      const fields = fieldsOf(meta.parsed, key);
      if (fields.length > 1) {
        findings.push({ path: meta.path, message: `${spec.name} appears ${fields.length} times (lines ${fields.map((f) => f.line).join(', ')}); it is a single-use field` });
      }
      if (key === 'description' && fields.length > 0 && meta.parsed.body !== null && meta.parsed.body.trim() !== '') {
        findings.push({ path: meta.path, message: 'the description is given twice: in a Description field and in the message body' });
      }
    }
    return findings;
  },
};
