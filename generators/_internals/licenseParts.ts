/** Vocabulary of license metadata and license files. */

/**
 * SPDX license expressions (PEP 639): single identifiers, `OR` / `AND`,
 * parentheses, `WITH` exceptions, `LicenseRef-`, and lowercase spellings
 * that backends normalize. The first is where shrinking goes.
 */
export const SPDX_EXPRESSIONS = [
  'MIT',
  'Apache-2.0',
  'BSD-3-Clause',
  'GPL-3.0-or-later',
  'MPL-2.0',
  'ISC',
  'LGPL-2.1-only',
  'MIT OR Apache-2.0',
  'Apache-2.0 AND MIT',
  '(MIT OR Apache-2.0) AND BSD-3-Clause',
  'GPL-2.0-or-later WITH Classpath-exception-2.0',
  'LicenseRef-Proprietary',
  'mit',
  'apache-2.0 or mit',
] as const;

/**
 * Paths of license files (PEP 639 `license-files`), including files in
 * sub-folders. No path is a prefix folder of another's file name.
 */
export const LICENSE_FILE_PATHS = [
  'LICENSE',
  'LICENSE.txt',
  'LICENSE.md',
  'COPYING',
  'NOTICE',
  'AUTHORS.md',
  'LICENSES/MIT.txt',
  'LICENSES/Apache-2.0.txt',
  'LICENSES/third_party/BSD-3-Clause.txt',
] as const;

/** Paths of the file of `license = {file = ...}`, some matched by backends' default license globs, some not. */
export const LICENSE_TEXT_FILE_PATHS = ['LICENSE', 'LICENSE.txt', 'COPYING', 'legal/terms.txt'] as const;
