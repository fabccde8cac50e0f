import { canonicalizeName, isValidName } from '../../pep/name.js';
import { fieldsOf } from '../../pep/coreMetadata.js';
import type { CheckFinding, SpecCheck } from '../types.js';
import { declaredMetadataVersion, quote, SPEC } from './_shared.js';

const NORMALIZED_EXTRA = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const providesExtra: SpecCheck = {
  code: 'M010',
  title: 'Provides-Extra names are valid, normalized from Metadata-Version 2.3, and distinct after normalization',
  severity: 'error',
  artifact: 'both',
  spec: SPEC.providesExtra,
  run(ctx) {
    const meta = ctx.metadata;
    if (meta === undefined) return [];
    const declared = declaredMetadataVersion(ctx);
    const strict = declared !== undefined && declared.rank >= 203;
    const findings: CheckFinding[] = [];
    const seen = new Map<string, string>();
    for (const field of fieldsOf(meta.parsed, 'provides-extra')) {
      const value = field.value.trim();
      if (strict && !NORMALIZED_EXTRA.test(value)) {
        const hint = isValidName(value) ? ` (normalized: '${canonicalizeName(value)}')` : '';
        findings.push({ path: meta.path, message: `Provides-Extra ${quote(field.value)} (line ${field.line}) is not a normalized extra name${hint}, required from Metadata-Version 2.3` });
      } else if (!strict && !isValidName(value)) {
        findings.push({ path: meta.path, message: `Provides-Extra ${quote(field.value)} (line ${field.line}) is not a valid name` });
      }
      const key = canonicalizeName(value);
      const before = seen.get(key);
      if (before !== undefined) {
        findings.push({ path: meta.path, message: `Provides-Extra ${quote(value)} (line ${field.line}) clashes with ${quote(before)} once normalized` });
      } else seen.set(key, value);
    }
    return findings;
  },
};
