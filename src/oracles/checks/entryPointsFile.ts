import { groupProblem, nameProblem, parseEntryPoints, valueProblem } from '../lib/entryPoints.js';
import { decodeUtf8 } from '../../pep/coreMetadata.js';
import type { CheckFinding, SpecCheck } from '../types.js';
import { distInfoFile, SPEC } from './_shared.js';

export const entryPointsFile: SpecCheck = {
  code: 'W018',
  title: 'entry_points.txt is UTF-8 INI with valid group names and name = module:attr [extras] entries',
  severity: 'error',
  artifact: 'wheel',
  spec: SPEC.entryPoints,
  run(ctx) {
    const entry = distInfoFile(ctx, 'entry_points.txt');
    if (entry === undefined) return [];
    const findings: CheckFinding[] = [];
    const add = (message: string): void => void findings.push({ path: entry.path, message });
    const { text, valid } = decodeUtf8(entry.data);
    if (!valid) add('entry_points.txt is not valid UTF-8');
    const file = parseEntryPoints(text);
    for (const problem of file.problems) add(`line ${problem.line}: ${problem.message}`);
    for (const group of file.groups) {
      const problem = groupProblem(group.name);
      if (problem !== null) add(`line ${group.line}: ${problem}`);
    }
    for (const ep of file.entries) {
      const problem = nameProblem(ep.name) ?? valueProblem(ep.value);
      if (problem !== null) add(`line ${ep.line}, [${ep.group}] ${ep.name}: ${problem}`);
    }
    return findings;
  },
};
