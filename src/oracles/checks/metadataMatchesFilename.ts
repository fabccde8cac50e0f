import { sameName } from '../../pep/name.js';
import { sameVersion } from '../../pep/version.js';
import { first } from '../../pep/coreMetadata.js';
import type { CheckFinding, SpecCheck } from '../types.js';
import { quote, SPEC } from './_shared.js';

export const metadataMatchesFilename: SpecCheck = {
  code: 'W007',
  title: 'METADATA Name and Version are the name and version in the wheel filename',
  severity: 'error',
  artifact: 'wheel',
  spec: SPEC.wheelContents,
  run(ctx) {
    const parsed = ctx.wheel?.filename;
    const meta = ctx.metadata;
    if (parsed === undefined || !parsed.ok || meta === undefined) return [];
    const findings: CheckFinding[] = [];
    const name = first(meta.parsed, 'name');
    const version = first(meta.parsed, 'version');
    if (name !== undefined && !sameName(name, parsed.value.name)) {
      findings.push({ path: meta.path, message: `Name ${quote(name)} is not the name '${parsed.value.name}' in the wheel filename` });
    }
    if (version !== undefined && !sameVersion(version, parsed.value.version)) {
      findings.push({ path: meta.path, message: `Version ${quote(version)} is not the version '${parsed.value.version}' in the wheel filename` });
    }
    return findings;
  },
};
