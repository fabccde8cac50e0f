import { escapeName } from '../../pep/name.js';
import { normalizeVersion } from '../../pep/version.js';
import type { SpecCheck } from '../types.js';
import { SPEC } from './_shared.js';

export const wheelFilenameNormalized: SpecCheck = {
  code: 'W002',
  title: 'The wheel filename spells the name and version in normal form',
  severity: 'warning',
  artifact: 'wheel',
  spec: SPEC.wheelEscaping,
  run(ctx) {
    const parsed = ctx.wheel?.filename;
    if (parsed === undefined || !parsed.ok) return [];
    const { name, version } = parsed.value;
    const reasons: string[] = [];
    if (name !== escapeName(name)) reasons.push(`name '${name}' should be '${escapeName(name)}'`);
    const normal = normalizeVersion(version);
    if (normal !== null && normal !== version) reasons.push(`version '${version}' should be '${normal}'`);
    if (reasons.length === 0) return [];
    const expected = ctx.filename.replace(`${name}-${version}-`, `${escapeName(name)}-${normal ?? version}-`);
    return [{ path: ctx.filename, message: `wheel filename '${ctx.filename}': ${reasons.join('; ')} (expected '${expected}')` }];
  },
};
