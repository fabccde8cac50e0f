import { hashFormatProblem, recordDigest, splitHash } from '../../pep/record.js';
import type { CheckFinding, SpecCheck } from '../types.js';
import { SPEC } from './_shared.js';
import { recordOf } from './_record.js';

export const recordHashes: SpecCheck = {
  code: 'W013',
  title: "RECORD gives each file's correct hash and size, and an empty hash for RECORD itself",
  severity: 'error',
  artifact: 'wheel',
  spec: SPEC.wheelDistInfo,
  run(ctx) {
    const found = recordOf(ctx);
    if (found === undefined) return [];
    const findings: CheckFinding[] = [];
    for (const row of found.record.rows) {
      const entry = ctx.members.get(row.path);
      if (entry === undefined || entry.type !== 'file') continue;
      const add = (message: string): void => void findings.push({ path: row.path, message: `RECORD line ${row.line}: ${message}` });
      const self = entry === found.entry;
      if (self) {
        if (row.hash !== '') add(`RECORD's own row has hash '${row.hash}'; it must be empty (RECORD cannot hold its own hash)`);
      } else if (row.hash === '') {
        add(`${row.path} has no hash; every file but RECORD must have one`);
      } else if (hashFormatProblem(row.hash) === null) {
        const { algorithm, digest } = splitHash(row.hash)!;
        const actual = recordDigest(algorithm, entry.data);
        if (actual !== null && actual !== digest) add(`${row.path} has ${algorithm} ${actual}, RECORD says ${digest}`);
      }
      if (/^[0-9]+$/.test(row.size) && Number(row.size) !== entry.data.byteLength) {
        add(`${row.path} is ${entry.data.byteLength} bytes, RECORD says ${row.size}`);
      }
    }
    return findings;
  },
};
