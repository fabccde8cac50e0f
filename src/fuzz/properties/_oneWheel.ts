/**
 * The one wheel a one-backend property starts from (metadata, install): built
 * from `files` and counted in the run's stats, or the `rejected` outcome
 * when the backend does not build it.
 */
import type { ArtifactResult } from '../../build/types.js';
import type { FileMap } from '../../render/fileMap.js';
import type { PropertyContext } from '../property.js';
import type { PropertyOutcome } from '../types.js';

export async function oneWheel(ctx: PropertyContext, files: FileMap): Promise<{ wheel: ArtifactResult & { ok: true } } | { rejected: PropertyOutcome }> {
  const wheel = await ctx.a.buildOne('wheel', files, ctx.build);
  ctx.stats.projects++;
  ctx.stats.builds++;
  if (wheel.ok) return { wheel };
  ctx.stats.rejected.a++;
  ctx.stats.bothRejected++;
  return { rejected: { status: 'rejected', rules: [], reason: `the backend does not build the wheel: ${wheel.error.message}` } };
}
