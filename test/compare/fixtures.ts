/** Shared outcomes for the atom tests. */
import type { Difference } from '../../src/compare/types.js';
import { signatureOf } from '../../src/fuzz/signature.js';
import type { PropertyOutcome } from '../../src/fuzz/types.js';

/** A failed `diff` outcome with these differences (signed as the property signs them). */
export const failedDiff = (differences: Difference[]): PropertyOutcome & { status: 'fail' } => ({
  status: 'fail',
  rules: [],
  differences,
  signature: signatureOf('diff', differences),
  summary: '',
  files: new Map() as never,
});
