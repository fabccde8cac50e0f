import { renderFor } from '../../render/forBackend.js';
import { readArtifact } from '../../archive/index.js';
import { compareArtifacts } from '../../compare/compareBuilds.js';
import { outcomeOf, type PropertyDef } from '../property.js';
import { sdistAsProject } from './_sdistFiles.js';
import { isRecord, recordPaths } from '../../compare/atoms.js';
import type { Difference } from '../../compare/types.js';
import { shipExpectation } from '../../model/excludedFiles.js';
import type { ProjectModel } from '../../model/projectModel.js';

const SIDES: [string, string] = ['tree → wheel', 'tree → sdist → wheel'];

/**
 * `roundtrip`: the wheel built from the sdist equals the wheel built from the
 * tree. An sdist that leaves out a file the wheel needs (or adds one that
 * changes it) cannot rebuild its own wheel: a classic backend defect.
 * Files the configuration excludes from the sdist only are built as
 * configured; their absence from the sdist's wheel is no finding
 * (`withoutSdistOnlyExclusions`): the tree's wheel ships them and the
 * sdist's cannot, by the project's own choice.
 */
export const roundtripProperty: PropertyDef = {
  name: 'roundtrip',
  doc: 'one backend: tree -> sdist -> wheel equals tree -> wheel',
  needsB: false,
  defaultLevel: () => 'content',
  sides: SIDES,
  async evaluate(model, ctx) {
    const files = renderFor(model, ctx.a.backend);
    const tree = await ctx.a.build(files, ctx.build);
    ctx.stats.projects++;
    ctx.stats.builds += 2;
    if (!tree.sdist.ok || !tree.wheel.ok) {
      ctx.stats.rejected.a++;
      ctx.stats.bothRejected++;
      const err = !tree.sdist.ok ? tree.sdist.error : !tree.wheel.ok ? tree.wheel.error : undefined;
      return { status: 'rejected', rules: [], reason: `the backend does not build the tree: ${err?.message ?? ''}` };
    }
    const sdistFiles = sdistAsProject(await readArtifact('sdist', tree.sdist.filename, tree.sdist.bytes));
    if (!sdistFiles) {
      ctx.stats.rejected.a++; // counted, so that a run says how many projects it could not check
      return { status: 'rejected', rules: [], reason: 'the sdist cannot be unpacked safely (see the spec property)' };
    }
    const fromSdist = await ctx.a.buildOne('wheel', sdistFiles, ctx.build);
    ctx.stats.builds++;
    const cmp = await compareArtifacts(tree.wheel, fromSdist, ctx.level, SIDES);
    return outcomeOf('roundtrip', withoutSdistOnlyExclusions(model, cmp.differences), SIDES, files, cmp.rules);
  },
};

/**
 * The files the configuration excludes from the sdist only
 * (`ExcludedFileModel.scope` `sdist`) are in the tree's wheel and cannot be
 * in the sdist's: that is what the user asked for, not a defect. Their
 * members, and a RECORD that differs by their rows alone, are dropped; the
 * `spec` property checks that the sdist leaves them out and the wheel has them.
 */
export function withoutSdistOnlyExclusions(model: ProjectModel, differences: Difference[]): Difference[] {
  const paths = new Set(shipExpectation(model).filter((e) => e.inWheel === 'present').map((e) => e.wheelPath));
  if (paths.size === 0) return differences;
  return differences.filter((d) => {
    if (d.artifact !== 'wheel') return true;
    if (d.kind === 'only-in-a' && paths.has(d.path)) return false;
    const rows = isRecord(d) ? recordPaths(d.diff) : [];
    return !(rows.length > 0 && rows.every((p) => paths.has(p)));
  });
}
