import type { SpecCheck } from '../types.js';
import { SPEC } from './_shared.js';

export const noDirectoryMembers: SpecCheck = {
  code: 'W016',
  title: 'The wheel has no folder members, only files',
  severity: 'warning',
  artifact: 'wheel',
  spec: SPEC.record,
  run(ctx) {
    return ctx.view.entries
      .filter((entry) => entry.type === 'dir')
      .map((entry) => ({ path: entry.path, message: `${entry.path} is a folder member; wheels hold files only (RECORD cannot list folders)` }));
  },
};
