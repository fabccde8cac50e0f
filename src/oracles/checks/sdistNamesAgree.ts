import { isValidName, sameName } from '../../pep/name.js';
import { splitStem, stemMatches } from '../../pep/stem.js';
import { isValidVersion, sameVersion } from '../../pep/version.js';
import { first } from '../../pep/coreMetadata.js';
import type { CheckFinding, SpecCheck } from '../types.js';
import { quote, SPEC } from './_shared.js';
import { sdistStem } from './_sdistName.js';

export const sdistNamesAgree: SpecCheck = {
  code: 'S007',
  title: 'The filename, the top-level folder and PKG-INFO agree on name and version',
  severity: 'error',
  artifact: 'sdist',
  spec: SPEC.sdistFormat,
  run(ctx) {
    const stem = sdistStem(ctx.filename);
    const top = ctx.sdist?.top;
    const meta = ctx.metadata?.parsed;
    const name = meta === undefined ? undefined : first(meta, 'name');
    const version = meta === undefined ? undefined : first(meta, 'version');
    const findings: CheckFinding[] = [];
    if (name !== undefined && version !== undefined && isValidName(name) && isValidVersion(version)) {
      const what = `PKG-INFO's Name ${quote(name)} and Version ${quote(version)}`;
      if (stem !== undefined && !stemMatches(stem, name, version)) {
        findings.push({ path: ctx.filename, message: `sdist filename '${ctx.filename}' does not match ${what}` });
      }
      if (top !== undefined && !stemMatches(top, name, version)) {
        findings.push({ path: `${top}/`, message: `top-level folder '${top}' does not match ${what}` });
      }
      return findings;
    }
    const a = stem === undefined ? null : splitStem(stem);
    const b = top === undefined ? null : splitStem(top);
    if (a !== null && top !== undefined && (b === null || !(sameName(a.name, b.name) && sameVersion(a.version, b.version)))) {
      findings.push({ path: `${top}/`, message: `top-level folder '${top}' does not match the sdist filename '${ctx.filename}'` });
    }
    return findings;
  },
};
