import { parseSpecifierSet } from '../../pep/specifier.js';
import { fieldsOf } from '../../pep/coreMetadata.js';
import type { CheckFinding, SpecCheck } from '../types.js';
import { quote, SPEC } from './_shared.js';

export const requiresPython: SpecCheck = {
  code: 'M013',
  title: 'Requires-Python is a valid version specifier set',
  severity: 'error',
  artifact: 'both',
  spec: SPEC.requiresPython,
  run(ctx) {
    const meta = ctx.metadata;
    if (meta === undefined) return [];
    const findings: CheckFinding[] = [];
    for (const field of fieldsOf(meta.parsed, 'requires-python')) {
      const set = parseSpecifierSet(field.value);
      if (!set.ok) findings.push({ path: meta.path, message: `Requires-Python ${quote(field.value)} (line ${field.line}): ${set.error}` });
    }
    return findings;
  },
};
