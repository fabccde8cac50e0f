import type { CheckFinding, SpecCheck } from '../types.js';
import { SPEC } from './_shared.js';

export const sdistSingleTopFolder: SpecCheck = {
  code: 'S003',
  title: 'Everything in the sdist is inside one top-level folder',
  severity: 'error',
  artifact: 'sdist',
  spec: SPEC.sdistFormat,
  run(ctx) {
    const layout = ctx.sdist;
    if (layout === undefined || ctx.view.entries.length === 0) return [];
    const findings: CheckFinding[] = [];
    if (layout.topDirs.length === 0) findings.push({ message: 'the sdist has no top-level {name}-{version} folder' });
    if (layout.topDirs.length > 1) {
      for (const dir of layout.topDirs) {
        findings.push({ path: `${dir}/`, message: `the sdist has ${layout.topDirs.length} top-level folders (${layout.topDirs.join(', ')}); it must have exactly one` });
      }
    }
    for (const file of layout.topFiles) findings.push({ path: file, message: `${file} is at the top level, outside the {name}-{version} folder` });
    return findings;
  },
};
