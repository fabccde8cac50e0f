import { parseMetadata, type ParsedMetadata } from '../../pep/coreMetadata.js';
import type { ArtifactContext } from '../types.js';
import { distInfoFile } from './_shared.js';

/** The parsed `.dist-info/WHEEL` file (email-header format, like METADATA), with its path. */
export function wheelFile(ctx: ArtifactContext): { path: string; parsed: ParsedMetadata } | undefined {
  const entry = distInfoFile(ctx, 'WHEEL');
  return entry === undefined ? undefined : { path: entry.path, parsed: parseMetadata(entry.data) };
}
