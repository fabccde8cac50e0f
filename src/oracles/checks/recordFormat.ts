import { hashFormatProblem } from '../../pep/record.js';
import type { CheckFinding, SpecCheck } from '../types.js';
import { quote, SPEC } from './_shared.js';
import { recordOf } from './_record.js';

export const recordFormat: SpecCheck = {
  code: 'W010',
  title: 'RECORD is UTF-8 CSV with path,hash,size rows, sha256-or-better hashes in urlsafe base64 without padding, and decimal sizes',
  severity: 'error',
  artifact: 'wheel',
  spec: SPEC.record,
  run(ctx) {
    const found = recordOf(ctx);
    if (found === undefined) return [];
    const { entry, record } = found;
    const findings: CheckFinding[] = [];
    const add = (message: string): void => void findings.push({ path: entry.path, message });
    if (!record.utf8) add('RECORD is not valid UTF-8');
    for (const problem of record.problems) add(`line ${problem.line}: ${problem.message}`);
    for (const row of record.rows) {
      if (row.path === '') add(`line ${row.line}: the path is empty`);
      const hash = hashFormatProblem(row.hash);
      if (hash !== null) add(`line ${row.line} (${quote(row.path)}): ${hash}`);
      if (row.size !== '' && !/^[0-9]+$/.test(row.size)) add(`line ${row.line} (${quote(row.path)}): size ${quote(row.size)} is not a decimal number of bytes`);
    }
    return findings;
  },
};
