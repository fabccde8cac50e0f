import type { CheckFinding, SpecCheck } from '../types.js';
import { SPEC } from './_shared.js';
import { recordOf } from './_record.js';

export const recordUniqueRows: SpecCheck = {
  code: 'W014',
  title: 'RECORD lists each path only once',
  severity: 'error',
  artifact: 'wheel',
  spec: SPEC.record,
  run(ctx) {
    const found = recordOf(ctx);
    if (found === undefined) return [];
    const lines = new Map<string, number[]>();
    for (const row of found.record.rows) lines.set(row.path, [...(lines.get(row.path) ?? []), row.line]);
    const findings: CheckFinding[] = [];
    for (const [path, at] of lines) {
      if (at.length > 1) findings.push({ path, message: `RECORD lists ${path} ${at.length} times (lines ${at.join(', ')})` });
    }
    return findings;
  },
};
