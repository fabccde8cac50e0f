import type { ArchiveView } from '../../archive/types.js';
import type { Difference } from '../../compare/types.js';
import { forceIncludedPlaces } from '../../model/forceIncluded.js';
import type { ProjectModel } from '../../model/projectModel.js';

/**
 * The wheel against the model's force-included files
 * (`ProjectModel.forceIncluded`): each must be in the wheel inside the first
 * package (`<pkg>/<path>`) with its content. A missing file is a
 * `spec-problem` with code `force-include:missing`, other content
 * `force-include:content` (the code never names the path, so one failed
 * mapping is one signature). A failed or unreadable wheel gives none.
 */
export function forceIncludedDifferences(model: ProjectModel, wheel: ArchiveView | null): Difference[] {
  const places = forceIncludedPlaces(model);
  if (places.length === 0 || wheel === null) return [];
  const members = new Map(wheel.entries.filter((e) => e.type === 'file').map((e) => [e.path, e.data]));
  const out: Difference[] = [];
  for (const { file, projectPath, wheelPath } of places) {
    const data = members.get(wheelPath);
    if (data === undefined) {
      out.push({ artifact: 'wheel', kind: 'spec-problem', code: 'force-include:missing', path: wheelPath, a: `lacks ${wheelPath}, which force-include maps from ${projectPath}` });
    } else if (new TextDecoder().decode(data) !== file.content) {
      out.push({ artifact: 'wheel', kind: 'spec-problem', code: 'force-include:content', path: wheelPath, a: `${wheelPath} is not the content of ${projectPath}` });
    }
  }
  return out;
}
