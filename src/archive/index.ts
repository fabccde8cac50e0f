import { readSdist } from './readSdist.js';
import { readWheel } from './readWheel.js';
import type { ArchiveView, ReadLimits } from './types.js';

export { readSdist } from './readSdist.js';
export { readWheel } from './readWheel.js';
export { PROBLEM_CODES, type ProblemCode } from './problems.js';
export * from './types.js';

/** Reads a built artifact with the reader for its kind (see `readWheel`, `readSdist`). */
export function readArtifact(
  kind: 'wheel' | 'sdist',
  filename: string,
  bytes: Uint8Array,
  limits?: Partial<ReadLimits>,
): Promise<ArchiveView> {
  return kind === 'wheel' ? readWheel(filename, bytes, limits) : readSdist(filename, bytes, limits);
}
