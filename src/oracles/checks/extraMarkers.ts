import { canonicalizeName } from '../../pep/name.js';
import { parseRequirement, requirementMarkerExtras } from '../../pep/requirement.js';
import { fieldsOf } from '../../pep/coreMetadata.js';
import type { CheckFinding, SpecCheck } from '../types.js';
import { declaredMetadataVersion, quote, SPEC } from './_shared.js';

export const extraMarkers: SpecCheck = {
  code: 'M012',
  title: 'Requires-Dist markers only test extras that Provides-Extra declares',
  severity: 'warning',
  artifact: 'both',
  spec: SPEC.providesExtra,
  run(ctx) {
    const meta = ctx.metadata;
    if (meta === undefined) return [];
    const declaredVersion = declaredMetadataVersion(ctx);
    if (declaredVersion !== undefined && declaredVersion.rank < 201) return [];
    const declared = new Set(fieldsOf(meta.parsed, 'provides-extra').map((f) => canonicalizeName(f.value.trim())));
    const findings: CheckFinding[] = [];
    for (const field of fieldsOf(meta.parsed, 'requires-dist')) {
      const result = parseRequirement(field.value);
      if (!result.ok) continue;
      for (const extra of requirementMarkerExtras(result.value)) {
        if (!declared.has(canonicalizeName(extra))) {
          findings.push({ path: meta.path, message: `Requires-Dist ${quote(field.value)} (line ${field.line}) depends on extra '${extra}', which no Provides-Extra declares` });
        }
      }
    }
    return findings;
  },
};
