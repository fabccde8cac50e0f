import { fieldsOf, METADATA_VERSIONS } from '../../pep/coreMetadata.js';
import type { SpecCheck } from '../types.js';
import { quote, SPEC } from './_shared.js';

export const metadataVersion: SpecCheck = {
  code: 'M002',
  title: 'Metadata-Version is present and one the specification defines',
  severity: 'error',
  artifact: 'both',
  spec: SPEC.metadataVersion,
  run(ctx) {
    const meta = ctx.metadata;
    if (meta === undefined) return [];
    const field = fieldsOf(meta.parsed, 'metadata-version')[0];
    if (field === undefined) return [{ path: meta.path, message: 'Metadata-Version is missing' }];
    const value = field.value.trim();
    if ((METADATA_VERSIONS as readonly string[]).includes(value)) return [];
    return [{ path: meta.path, message: `Metadata-Version ${quote(field.value)} is not one of ${METADATA_VERSIONS.join(', ')}` }];
  },
};
