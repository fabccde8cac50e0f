/**
 * `licenseFiles(options?)`: license files (PEP 639 `license-files`) at the
 * project root and in sub-folders (`LICENSE`, `COPYING`, `NOTICE`,
 * `LICENSES/MIT.txt`, `LICENSES/third_party/...`), distinct paths, each
 * with a few lines of text.
 *
 * Shrinks toward one empty-ish `LICENSE`.
 */
import fc from 'fast-check';
import type { ProjectFileModel } from '../src/model/projectModel.js';
import { licenseText } from './license.js';
import { LICENSE_FILE_PATHS } from './_internals/licenseParts.js';

export interface LicenseFilesOptions {
  /** Most files (default 3). */
  maxFiles?: number;
  /** Letters beyond ASCII in the texts sometimes (default true). */
  nonAscii?: boolean;
}

export function licenseFiles(options: LicenseFilesOptions = {}): fc.Arbitrary<ProjectFileModel[]> {
  const { maxFiles = 3, nonAscii = true } = options;
  const file = fc.record({ path: fc.constantFrom(...LICENSE_FILE_PATHS), content: licenseText(nonAscii) });
  return fc.uniqueArray(file, { minLength: 1, maxLength: Math.max(1, maxFiles), selector: (f) => f.path.toLowerCase() });
}
