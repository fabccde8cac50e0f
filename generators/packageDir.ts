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
import { shrinkTowards } from './_internals/extraShrinks.js';

export function packageDir(): fc.Arbitrary<string> {
  // Without a generation context (a corpus model, an extra shrink's candidate) too.
  return shrinkTowards(fc.constantFrom(...PACKAGE_DIRS), () => PACKAGE_DIRS[0]);
}

/** `m` without `packageDir` when its layout is flat; `m` itself otherwise. */
export function withoutPackageDirInFlatLayout(m: ProjectModel): ProjectModel {
  if (m.packageDir === undefined || m.layout === 'src') return m;
  const { packageDir: _drop, ...rest } = m;
  return rest;
}
