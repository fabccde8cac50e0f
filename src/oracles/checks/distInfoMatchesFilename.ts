import { stemMatches } from '../../pep/stem.js';
import type { SpecCheck } from '../types.js';
import { folderStem, SPEC } from './_shared.js';

export const distInfoMatchesFilename: SpecCheck = {
  code: 'W004',
  title: 'The .dist-info folder is named after the name and version in the wheel filename',
  severity: 'error',
  artifact: 'wheel',
  spec: SPEC.wheelContents,
  run(ctx) {
    const layout = ctx.wheel;
    if (layout === undefined || !layout.filename.ok || layout.distInfoDirs.length !== 1) return [];
    const dir = layout.distInfoDirs[0]!;
    const { name, version } = layout.filename.value;
    if (stemMatches(folderStem(dir, '.dist-info'), name, version)) return [];
    return [{ path: `${dir}/`, message: `'${dir}' does not name the distribution '${name}' version '${version}' of the wheel filename` }];
  },
};
