import type { CheckFinding, SpecCheck } from '../types.js';
import { SPEC } from './_shared.js';
import { recordOf, signatureFiles } from './_record.js';

export const recordComplete: SpecCheck = {
  code: 'W011',
  title: 'RECORD lists every file of the wheel, itself included',
  severity: 'error',
  artifact: 'wheel',
  spec: SPEC.wheelDistInfo,
  run(ctx) {
    const found = recordOf(ctx);
    if (found === undefined) return [];
    const listed = new Set(found.record.rows.map((row) => row.path));
    const exempt = signatureFiles(ctx);
    const findings: CheckFinding[] = [];
    const seen = new Set<string>();
    for (const entry of ctx.view.entries) {
      if (entry.type === 'dir' || seen.has(entry.path) || exempt.has(entry.path)) continue;
      seen.add(entry.path);
      if (listed.has(entry.path)) continue;
      findings.push({
        path: entry.path,
        message: entry.path === found.entry.path ? 'RECORD does not list itself (it must have a row with an empty hash and size)' : `${entry.path} is not listed in RECORD`,
      });
    }
    return findings;
  },
};
