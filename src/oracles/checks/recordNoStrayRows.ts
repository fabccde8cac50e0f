import type { CheckFinding, SpecCheck } from '../types.js';
import { SPEC } from './_shared.js';
import { isFolder, recordOf, signatureFiles } from './_record.js';

export const recordNoStrayRows: SpecCheck = {
  code: 'W012',
  title: 'RECORD lists only files that are in the wheel, and not the signature files',
  severity: 'error',
  artifact: 'wheel',
  spec: SPEC.wheelDistInfo,
  run(ctx) {
    const found = recordOf(ctx);
    if (found === undefined) return [];
    const signatures = signatureFiles(ctx);
    // Members the reader could not read are missing from the entries; their rows are not stray.
    const unreadable = new Set(ctx.view.problems.flatMap((p) => (p.path === undefined ? [] : [p.path])));
    const findings: CheckFinding[] = [];
    const reported = new Set<string>();
    for (const row of found.record.rows) {
      if (row.path === '' || reported.has(row.path)) continue;
      if (signatures.has(row.path)) {
        reported.add(row.path);
        findings.push({ path: row.path, message: `RECORD (line ${row.line}) lists ${row.path}; RECORD.jws and RECORD.p7s must not be listed` });
        continue;
      }
      if (ctx.members.has(row.path) || unreadable.has(row.path) || isFolder(ctx, row.path)) continue;
      reported.add(row.path);
      findings.push({ path: row.path, message: `RECORD (line ${row.line}) lists ${row.path}, which is not in the wheel` });
    }
    return findings;
  },
};
