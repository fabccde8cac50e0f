import { FIELDS, metadataVersionRank } from '../../pep/coreMetadata.js';
import type { CheckFinding, SpecCheck } from '../types.js';
import { declaredMetadataVersion, SPEC } from './_shared.js';

export const fieldsInVersion: SpecCheck = {
  code: 'M006',
  title: 'Every field exists in the declared Metadata-Version',
  severity: 'error',
  artifact: 'both',
  spec: SPEC.coreMetadata,
  run(ctx) {
    const meta = ctx.metadata;
    const declared = declaredMetadataVersion(ctx);
    if (meta === undefined || declared === undefined) return [];
    const findings: CheckFinding[] = [];
    const reported = new Set<string>();
    for (const field of meta.parsed.fields) {
      const spec = FIELDS.get(field.key);
      if (spec === undefined || reported.has(field.key) || metadataVersionRank(spec.since) <= declared.rank) continue;
      reported.add(field.key);
      findings.push({
        path: meta.path,
        message: `${spec.name} (line ${field.line}) was added in Metadata-Version ${spec.since}, but the file declares Metadata-Version ${declared.text}`,
      });
    }
    return findings;
  },
};
