import type { SpecCheck } from '../types.js';
import { fileAt, SPEC } from './_shared.js';

export const sdistPkgInfo: SpecCheck = {
  code: 'S005',
  title: 'The top-level folder holds PKG-INFO',
  severity: 'error',
  artifact: 'sdist',
  spec: SPEC.sdistFormat,
  run(ctx) {
    const top = ctx.sdist?.top;
    if (top === undefined) return [];
    const path = `${top}/PKG-INFO`;
    return fileAt(ctx, path) === undefined ? [{ path, message: `${path} is missing` }] : [];
  },
};
