import { isValidVersion } from '../../pep/version.js';
import { first } from '../../pep/coreMetadata.js';
import type { SpecCheck } from '../types.js';
import { quote, SPEC } from './_shared.js';

export const metadataVersionField: SpecCheck = {
  code: 'M004',
  title: 'Version is present and a valid PEP 440 version',
  severity: 'error',
  artifact: 'both',
  spec: SPEC.version,
  run(ctx) {
    const meta = ctx.metadata;
    if (meta === undefined) return [];
    const version = first(meta.parsed, 'version');
    if (version === undefined) return [{ path: meta.path, message: 'Version is missing' }];
    return isValidVersion(version) ? [] : [{ path: meta.path, message: `Version ${quote(version)} is not a valid PEP 440 version` }];
  },
};
