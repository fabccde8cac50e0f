import type { SpecCheck } from '../types.js';
import { SPEC } from './_shared.js';

export const wheelFilename: SpecCheck = {
  code: 'W001',
  title: 'The wheel filename is {name}-{version}(-{build})?-{python}-{abi}-{platform}.whl',
  severity: 'error',
  artifact: 'wheel',
  spec: SPEC.wheelFileName,
  run(ctx) {
    const parsed = ctx.wheel?.filename;
    if (parsed === undefined || parsed.ok) return [];
    return [{ path: ctx.filename, message: `wheel filename '${ctx.filename}' ${parsed.error}` }];
  },
};
