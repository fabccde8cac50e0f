/**
 * `forceIncluded()`: files kept under `assets/` at the project root that
 * hatchling's `force-include` maps into the first top-level package
 * (`ProjectModel.forceIncluded`): a schema, a template in a folder, a logo
 * in a nested folder, from a fixed vocabulary whose names no other
 * generator uses; and `withoutForceIncludedWithoutPackage`, which drops them
 * from a model with no top-level package (a metapackage, a project of
 * modules only), so that the generator draws them independently of the tree.
 *
 * Shrinks toward one empty `schema.json`; the part itself toward absent.
 */
import fc from 'fast-check';
import type { DataFileModel, ProjectModel } from '../src/model/projectModel.js';
import { textLine } from './_internals/chars.js';
import { asString, incompatible } from './_internals/unmap.js';

/** Paths relative to `assets/` (and to the package folder in the wheel). The first is where shrinking goes. */
export const FORCE_INCLUDED_PATHS = ['schema.json', 'templates/page.html', 'static/img/logo.svg'] as const;

export function forceIncluded(): fc.Arbitrary<DataFileModel[]> {
  const file = fc.record({
    path: fc.constantFrom(...FORCE_INCLUDED_PATHS),
    // Cross-shrinking lets a line of text shrink to the empty file.
    content: fc.oneof(
      { withCrossShrink: true },
      fc.constant(''),
      textLine(40, 1, false).map(
        (l) => `${l}\n`,
        (v) => {
          const t = asString(v, 'content');
          return t.endsWith('\n') ? t.slice(0, -1) : incompatible('content');
        },
      ),
    ),
  });
  return fc.uniqueArray(file, { minLength: 1, maxLength: 2, selector: (f) => f.path });
}

/** `m` without `forceIncluded` when it has no top-level package to receive them; `m` itself otherwise. */
export function withoutForceIncludedWithoutPackage(m: ProjectModel): ProjectModel {
  if (m.forceIncluded === undefined || m.packages.length > 0) return m;
  const { forceIncluded: _drop, ...rest } = m;
  return rest;
}
