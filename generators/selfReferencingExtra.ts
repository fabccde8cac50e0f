/**
 * `selfReferencingExtra()`: the name of an extra that pulls in every other
 * extra of the project through a requirement on the project itself
 * (`SelfReferencingExtraModel`; `all = ["<name>[cli,test]"]`), in any
 * valid spelling (`all`, `Full`, `every_thing`). The project model keeps it
 * only next to at least one other extra of a distinct name
 * (`withoutLoneSelfReferencingExtra`).
 *
 * Shrinks toward `{ name: "all" }`.
 */
import fc from 'fast-check';
import type { ProjectModel, SelfReferencingExtraModel } from '../src/model/projectModel.js';
import { canonicalizeName } from '../src/pep/name.js';
import { distributionName } from './distributionName.js';

export function selfReferencingExtra(): fc.Arbitrary<SelfReferencingExtraModel> {
  const name = fc.oneof(
    { withCrossShrink: true },
    { weight: 3, arbitrary: fc.constantFrom('all', 'All', 'full') },
    { weight: 1, arbitrary: distributionName({ maxSegments: 2, maxSegmentLength: 6 }) },
  );
  return name.map(
    (n) => ({ name: n }),
    (v) => {
      if (typeof v !== 'object' || v === null || typeof (v as { name?: unknown }).name !== 'string') throw new Error('not a self-referencing extra');
      return (v as { name: string }).name;
    },
  );
}

/**
 * The model without its self-referencing extra when it has no other extra,
 * or one of the same name once normalized (the extra would name nothing, or
 * itself: a cycle hatchling refuses).
 */
export function withoutLoneSelfReferencingExtra(m: ProjectModel): ProjectModel {
  const self = m.selfReferencingExtra;
  if (self === undefined) return m;
  const extras = m.optionalDependencies ?? [];
  if (extras.length > 0 && !extras.some((e) => canonicalizeName(e.name) === canonicalizeName(self.name))) return m;
  const { selfReferencingExtra: _dropped, ...rest } = m;
  return rest;
}
