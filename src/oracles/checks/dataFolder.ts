import type { CheckFinding, SpecCheck } from '../types.js';
import { folderStem, SPEC } from './_shared.js';

const SCHEME_KEYS = new Set(['purelib', 'platlib', 'headers', 'scripts', 'data']);

export const dataFolder: SpecCheck = {
  code: 'W017',
  title: 'A .data folder is named like the .dist-info folder and holds only purelib, platlib, headers, scripts and data',
  severity: 'error',
  artifact: 'wheel',
  spec: SPEC.wheelData,
  run(ctx) {
    const distInfo = ctx.wheel?.distInfo;
    const expected = distInfo === undefined ? undefined : `${folderStem(distInfo, '.dist-info')}.data`;
    const findings: CheckFinding[] = [];
    const namedWrong = new Set<string>();
    for (const entry of ctx.view.entries) {
      const parts = entry.path.replace(/\/+$/, '').split('/');
      const top = parts[0]!;
      const inside = parts.length > 1 || entry.type === 'dir';
      if (!inside || !top.endsWith('.data')) continue;
      if (expected !== undefined && top !== expected && !namedWrong.has(top)) {
        namedWrong.add(top);
        findings.push({ path: `${top}/`, message: `'${top}' is not named after the .dist-info folder; expected '${expected}'` });
      }
      if (entry.type === 'dir') {
        if (parts.length >= 2 && !SCHEME_KEYS.has(parts[1]!)) {
          findings.push({ path: entry.path, message: `'${parts[1]}' in ${top} is not an install scheme key (purelib, platlib, headers, scripts, data)` });
        }
        continue;
      }
      if (parts.length === 2) {
        findings.push({ path: entry.path, message: `${entry.path} sits directly in ${top}; files go in one of its purelib, platlib, headers, scripts or data folders` });
      } else if (!SCHEME_KEYS.has(parts[1]!)) {
        findings.push({ path: entry.path, message: `'${parts[1]}' in ${entry.path} is not an install scheme key (purelib, platlib, headers, scripts, data)` });
      } else if (parts[1] === 'scripts' && parts.length > 3) {
        findings.push({ path: entry.path, message: `${entry.path} is in a subfolder of scripts; the scripts folder may only contain regular files` });
      }
    }
    return findings;
  },
};
