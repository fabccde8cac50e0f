import { isValidName } from '../../pep/name.js';
import { first } from '../../pep/coreMetadata.js';
import type { SpecCheck } from '../types.js';
import { quote, SPEC } from './_shared.js';

export const metadataName: SpecCheck = {
  code: 'M003',
  title: 'Name is present and a valid distribution name',
  severity: 'error',
  artifact: 'both',
  spec: SPEC.name,
  run(ctx) {
    const meta = ctx.metadata;
    if (meta === undefined) return [];
    const name = first(meta.parsed, 'name');
    if (name === undefined) return [{ path: meta.path, message: 'Name is missing' }];
    if (isValidName(name)) return [];
    return [{ path: meta.path, message: `Name ${quote(name)} is not a valid name (ASCII letters, digits, '.', '_' and '-', starting and ending with a letter or digit)` }];
  },
};
