import { FIELDS, fieldsOf } from '../../pep/coreMetadata.js';
import type { CheckFinding, SpecCheck } from '../types.js';
import { quote, SPEC } from './_shared.js';

export const dynamicField: SpecCheck = {
  code: 'M007',
  title: 'Dynamic names core metadata fields, never Name, Version or Metadata-Version',
  severity: 'error',
  artifact: 'both',
  spec: SPEC.dynamic,
  run(ctx) {
    const meta = ctx.metadata;
    if (meta === undefined) return [];
    const findings: CheckFinding[] = [];
    for (const field of fieldsOf(meta.parsed, 'dynamic')) {
      const value = field.value.trim().toLowerCase();
      if (value === 'name' || value === 'version' || value === 'metadata-version') {
        findings.push({ path: meta.path, message: `Dynamic: ${field.value.trim()} (line ${field.line}): Name, Version and Metadata-Version can never be dynamic` });
      } else if (!FIELDS.has(value)) {
        findings.push({ path: meta.path, message: `Dynamic ${quote(field.value)} (line ${field.line}) is not the name of a core metadata field` });
      }
    }
    return findings;
  },
};
