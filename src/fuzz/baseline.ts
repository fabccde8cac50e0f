import fc from 'fast-check';
import { projectModel } from '../../generators/projectModel.js';
import { isValidModel } from '../corpus/corpusFile.js';
import type { ProjectModel } from '../model/projectModel.js';
import { canRenderFor, targetOf } from '../render/forBackend.js';
import type { AtomBook, Target } from './atomBook.js';
import type { PropertyContext } from './properties.js';
import { minimalModels } from './shrinkBudget.js';
import type { PropertyOutcome } from './types.js';

type Failed = PropertyOutcome & { status: 'fail' };

/**
 * Baseline changes (issue #13): the atoms the smallest projects (one empty
 * module, one empty package) already show, e.g. Metadata-Version or the WHEEL
 * Generator between two releases. Each is returned once, with the first
 * smallest project that shows it, to be reported and then ignored in every
 * other project (so it neither hides nor bundles anything).
 */
export async function baselineFindings(
  seed: number,
  ctx: PropertyContext,
  book: AtomBook,
  evaluate: (m: ProjectModel, c: PropertyContext) => Promise<PropertyOutcome>,
): Promise<{ model: ProjectModel; out: Failed; target: Target }[]> {
  const runners = [ctx.a, ...(ctx.b ? [ctx.b] : [])];
  const [sample] = fc.sample(projectModel({ targets: runners.map((r) => targetOf(r.backend)) }), { seed, numRuns: 1 });
  if (!sample) return [];
  const found: { model: ProjectModel; out: Failed; target: Target }[] = [];
  const seen = new Set<string>();
  for (const m of minimalModels(sample)) {
    if (!isValidModel(m) || !runners.every((r) => canRenderFor(m, r.backend))) continue;
    const out = await evaluate(m, ctx);
    if (out.status !== 'fail') continue;
    for (const atom of book.unitsOf(out)) {
      if (seen.has(atom)) continue;
      seen.add(atom);
      found.push({ model: m, out, target: { classes: new Set([atom]), atom } });
    }
  }
  return found;
}
