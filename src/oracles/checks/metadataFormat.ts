import type { CheckFinding, SpecCheck } from '../types.js';
import { quote, SPEC } from './_shared.js';

export const metadataFormat: SpecCheck = {
  code: 'M001',
  title: 'Core metadata is UTF-8 text in email-header format',
  severity: 'error',
  artifact: 'both',
  spec: SPEC.coreMetadata,
  run(ctx) {
    const meta = ctx.metadata;
    if (meta === undefined) return [];
    const findings: CheckFinding[] = [];
    if (!meta.parsed.utf8) findings.push({ path: meta.path, message: `${meta.path} is not valid UTF-8` });
    for (const bad of meta.parsed.malformed) {
      findings.push({
        path: meta.path,
        message: `line ${bad.line}: ${quote(bad.text)} is not a 'Name: value' header line (Python's email parser reads it, and everything after it, as the description body)`,
      });
    }
    return findings;
  },
};
