import type { SpecCheck } from '../types.js';
import { fileAt, SPEC } from './_shared.js';

export const sdistPyproject: SpecCheck = {
  code: 'S006',
  title: 'The top-level folder holds pyproject.toml',
  severity: 'warning',
  artifact: 'sdist',
  spec: SPEC.sdistFormat,
  run(ctx) {
    const top = ctx.sdist?.top;
    if (top === undefined) return [];
    const path = `${top}/pyproject.toml`;
    return fileAt(ctx, path) === undefined ? [{ path, message: `${path} is missing (without it the sdist is in the legacy, unstandardized format)` }] : [];
  },
};
