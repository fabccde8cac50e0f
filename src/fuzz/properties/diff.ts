import { renderFor } from '../../render/forBackend.js';
import { compareBuilds } from '../../compare/compareBuilds.js';
import { outcomeOf, type PropertyDef } from '../property.js';
import { installedDiffEnabled, installedDifferences } from '../../install/installedDiff.js';
import { metadataChecks } from './metadata.js';
import { buildProblems, oneSided, oneSidedProblems } from './specProblems.js';
import { withModelSettings } from './_configSettings.js';

/** `diff`: A and B build the same model; normalized wheels and sdists must be equal. */
export const diffProperty: PropertyDef = {
  name: 'diff',
  doc: 'A and B build the same project; normalized wheel, sdist and metadata are equal',
  needsB: true,
  defaultLevel: (a, b) => (b && b.family !== a.family ? 'semantic' : 'content'),
  async evaluate(model, ctx) {
    const b = ctx.b!;
    const filesA = renderFor(model, ctx.a.backend);
    const filesB = renderFor(model, b.backend);
    // The model's config settings go to both sides, and only when both families document them.
    const families = [ctx.a.backend.family, b.backend.family];
    const ctxA = { ...ctx, build: withModelSettings(ctx.build, model, ctx.a.backend.family, families) };
    const ctxB = { ...ctx, build: withModelSettings(ctx.build, model, b.backend.family, families) };
    const [ra, rb] = await Promise.all([ctx.a.build(filesA, ctxA.build), b.build(filesB, ctxB.build)]);
    ctx.stats.projects++;
    ctx.stats.builds += 4;
    if (!ra.sdist.ok || !ra.wheel.ok) ctx.stats.rejected.a++;
    if (!rb.sdist.ok || !rb.wheel.ok) ctx.stats.rejected.b++;
    const cmp = await compareBuilds(ra, rb, ctx.level, ctx.labels, [filesA, filesB]);
    // A spec problem only one side has is a difference too (at the semantic level, RECORD hashes
    // and name spellings are not compared as content: this is where a wrong one shows).
    const [pa, pb] = await Promise.all([buildProblems(ra, ctx.judge), buildProblems(rb, ctx.judge)]);
    cmp.differences.push(...oneSidedProblems(pa, pb));
    // prepare_metadata_for_build_wheel and build_editable must agree with each side's own wheel:
    // an inconsistency only one side shows is a difference between them.
    if (ra.wheel.ok && rb.wheel.ok) {
      const [ma, mb] = await Promise.all([metadataChecks(ctx.a, filesA, ra.wheel, ctxA), metadataChecks(b, filesB, rb.wheel, ctxB)]);
      cmp.differences.push(...oneSided(ma.differences, mb.differences));
    }
    // Installed trees (semantic level, TWINBUILD_DIFF_INSTALLED=1): what only one side's installation gets wrong.
    if (installedDiffEnabled(ctx.level)) cmp.differences.push(...(await installedDifferences(model, ra.wheel, rb.wheel, ctx.build.timeoutSec, ctx.build.tmpRoot)));
    const rules = [...new Set([...cmp.rules.sdist, ...cmp.rules.wheel])];
    if (cmp.differences.length > 0) return outcomeOf('diff', cmp.differences, ctx.labels, filesA, rules);
    if (cmp.bothFailed.length > 0) {
      ctx.stats.bothRejected++;
      const err = !ra.wheel.ok ? ra.wheel.error.message : !ra.sdist.ok ? ra.sdist.error.message : '';
      return { status: 'rejected', rules, reason: `both backends failed to build the ${cmp.bothFailed.join(' and ')}: ${err}` };
    }
    return { status: 'pass', rules };
  },
};

