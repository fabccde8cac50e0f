import { renderFor } from '../../render/forBackend.js';
import { outcomeOf, type PropertyDef } from '../property.js';
import { judgeBuild, problemsAsDifferences } from './specProblems.js';
import { buildTagDifferences, withModelSettings } from './_configSettings.js';
import { metadataAgainstModel } from './_modelMetadata.js';
import { mustNotShipDifferences } from './_mustNotShip.js';
import { legacySetupPyDifferences } from './_legacySetupPy.js';
import { forceIncludedDifferences } from './_forceIncluded.js';
import { executableModeDifferences } from './_fileModes.js';
import { dataPathEdgeDifferences } from './_dataPathEdges.js';
import { symlinkedDataDifferences } from './_symlinkedData.js';
import { readArtifact } from '../../archive/index.js';

/**
 * `spec`: each artifact of one backend satisfies the wheel, sdist and core
 * metadata specifications (checks in src/oracles/, codes in docs/rules/).
 */
export const specProperty: PropertyDef = {
  name: 'spec',
  doc: 'one backend: wheel, sdist and core-metadata specifications hold (RECORD, names, dist-info, WHEEL, PKG-INFO, Metadata-Version rules), and METADATA says what the project says (name, version, summary, requires-python, keywords, classifiers, extras, URLs)',
  needsB: false,
  defaultLevel: () => 'content',
  sides: ['artifact', 'specification'],
  async evaluate(model, ctx) {
    const files = renderFor(model, ctx.a.backend);
    const families = [ctx.a.backend.family];
    const built = await ctx.a.build(files, withModelSettings(ctx.build, model, ctx.a.backend.family, families));
    ctx.stats.projects++;
    ctx.stats.builds += 2;
    if (!built.sdist.ok && !built.wheel.ok) {
      ctx.stats.rejected.a++;
      ctx.stats.bothRejected++;
      return { status: 'rejected', rules: [], reason: `the backend builds neither artifact: ${built.wheel.error.message}` };
    }
    if (!built.sdist.ok || !built.wheel.ok) ctx.stats.rejected.a++;
    const { problems, wheel } = await judgeBuild(built, ctx.judge);
    // What the model's config settings ask of the wheel's file name (a build tag).
    // And what the model says of the core metadata fields every backend writes alike.
    // And what its excluded files say must not ship (or, excluded from the sdist only, must).
    // And hatchling's support-legacy, a generated setup.py in the sdist.
    // And that its executable files stay executable in both artifacts.
    // And that its data path edges (long and case-colliding names) ship in both.
    // And that its symlinked data ships dereferenced in the wheel (a link or a copy in the sdist).
    const needsSdist =
      (model.excludedFiles ?? []).length > 0 || model.hatchling?.supportLegacy === true || (model.executableFiles ?? []).length > 0 || (model.dataPathEdges ?? []).length > 0 || model.symlinkedData === true;
    const sdist = built.sdist.ok && needsSdist ? await readArtifact('sdist', built.sdist.filename, built.sdist.bytes) : null;
    const expected = [
      ...buildTagDifferences(model, families, built.wheel),
      ...metadataAgainstModel(model, wheel, { family: ctx.a.backend.family, ...(ctx.a.backend.version === undefined ? {} : { version: ctx.a.backend.version }) }),
      ...mustNotShipDifferences(model, sdist, wheel),
      ...legacySetupPyDifferences(model, ctx.a.backend.family, sdist),
      // And the files force-include maps into the first package.
      ...forceIncludedDifferences(model, wheel),
      ...executableModeDifferences(model, sdist, wheel),
      ...dataPathEdgeDifferences(model, sdist, wheel),
      ...symlinkedDataDifferences(model, sdist, wheel),
    ];
    return outcomeOf('spec', [...problemsAsDifferences(problems), ...expected], ['artifact', 'specification'], files, []);
  },
};
