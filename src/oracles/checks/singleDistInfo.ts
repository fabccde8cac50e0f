import type { SpecCheck } from '../types.js';
import { SPEC } from './_shared.js';

export const singleDistInfo: SpecCheck = {
  code: 'W003',
  title: 'The wheel has exactly one .dist-info folder, at the top level',
  severity: 'error',
  artifact: 'wheel',
  spec: SPEC.wheelContents,
  run(ctx) {
    const dirs = ctx.wheel?.distInfoDirs ?? [];
    if (dirs.length === 1) return [];
    if (dirs.length === 0) return [{ message: 'the wheel has no top-level {name}-{version}.dist-info folder' }];
    return dirs.map((dir) => ({
      path: `${dir}/`,
      message: `the wheel has ${dirs.length} top-level .dist-info folders (${dirs.join(', ')}); it must have exactly one`,
    }));
  },
};
