/**
 * `importName(options?)`: the name of a package or module segment — an ASCII
 * Python identifier that is not a keyword and not a reserved project name
 * (`setup`, `build`, `dist`, `src`, `test`, `tests`, `docs`, ...). With
 * `topLevel`, also never a standard-library or build-tool module, which a
 * flat-layout project could shadow while its backend runs.
 *
 * Shrinks toward `a`.
 */
import fc from 'fast-check';
import { identifier } from './_internals/identifier.js';
import { isReservedImportName } from './_internals/reservedNames.js';

export interface ImportNameOptions {
  /** The name of a top-level package or module (default false). */
  topLevel?: boolean;
  /** Longest name (default 10). */
  maxLength?: number;
  /** Uppercase letters sometimes (default true). */
  mixedCase?: boolean;
}

export function importName(options: ImportNameOptions = {}): fc.Arbitrary<string> {
  const { topLevel = false, maxLength = 10, mixedCase = true } = options;
  return identifier({ maxLength, mixedCase }).filter((name) => !isReservedImportName(name, topLevel));
}
