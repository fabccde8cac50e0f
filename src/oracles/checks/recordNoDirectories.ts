import type { CheckFinding, SpecCheck } from '../types.js';
import { SPEC } from './_shared.js';
import { isFolder, recordOf } from './_record.js';

export const recordNoDirectories: SpecCheck = {
  code: 'W015',
  title: 'RECORD lists no folders',
  severity: 'warning',
  artifact: 'wheel',
  spec: SPEC.record,
  run(ctx) {
    const found = recordOf(ctx);
    if (found === undefined) return [];
    const findings: CheckFinding[] = [];
    for (const row of found.record.rows) {
      if (row.path !== '' && isFolder(ctx, row.path)) findings.push({ path: row.path, message: `RECORD (line ${row.line}) lists the folder ${row.path}` });
    }
    return findings;
  },
};
