/**
 * `packageDir()`: a folder other than `src/` for the src layout's import
 * tree (`ProjectModel.packageDir`), from `PACKAGE_DIRS` (`lib`, `python`,
 * `source`, `code`, `lib/python`, `python/src`); and
 * `withoutPackageDirInFlatLayout`, which drops it from a flat model (the
 * folder belongs to the src layout), so that the generator draws it
 * independently of the layout and a shrink to the flat layout drops it.
 *
 * Shrinks toward `lib`; the part itself shrinks toward absent (`src/`).
 */
import fc from 'fast-check';
import { PACKAGE_DIRS } from '../src/model/packageDir.js';
import type { ProjectModel } from '../src/model/projectModel.js';

export function packageDir(): fc.Arbitrary<string> {
  return fc.constantFrom(...PACKAGE_DIRS);
}

/** `m` without `packageDir` when its layout is flat; `m` itself otherwise. */
export function withoutPackageDirInFlatLayout(m: ProjectModel): ProjectModel {
  if (m.packageDir === undefined || m.layout === 'src') return m;
  const { packageDir: _drop, ...rest } = m;
  return rest;
}
