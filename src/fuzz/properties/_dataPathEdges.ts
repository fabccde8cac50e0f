import type { ArchiveView } from '../../archive/types.js';
import type { Difference } from '../../compare/types.js';
import { edgeFiles } from '../../model/dataPathEdges.js';
import { importRoot } from '../../model/modelFiles.js';
import type { ProjectModel } from '../../model/projectModel.js';

/**
 * The artifacts against the model's data path edges
 * (`ProjectModel.dataPathEdges`): every file of every edge (a long name, a
 * long path, both case twins) must be in the sdist (below its top folder)
 * and in the wheel, byte for byte. A missing or altered file is a
 * `spec-problem` whose code names the edge, never the path
 * (`must-ship:long-name`, `must-ship:long-path`, `must-ship:case-twins`).
 * A failed or unreadable artifact gives none.
 */
export function dataPathEdgeDifferences(model: ProjectModel, sdist: ArchiveView | null, wheel: ArchiveView | null): Difference[] {
  const edges = model.dataPathEdges ?? [];
  const first = model.packages[0];
  if (edges.length === 0 || first === undefined) return [];
  const root = importRoot(model);
  const decoder = new TextDecoder();
  const contents = (view: ArchiveView | null, strip: (p: string) => string): Map<string, string> | null =>
    view === null || view.problems.length > 0 ? null : new Map(view.entries.filter((e) => e.type === 'file').map((e) => [strip(e.path), decoder.decode(e.data)]));
  const inSdist = contents(sdist, (p) => p.slice(p.indexOf('/') + 1));
  const inWheel = contents(wheel, (p) => p);
  const out: Difference[] = [];
  for (const edge of edges) {
    const code = `must-ship:${edge}`;
    for (const f of edgeFiles(edge)) {
      const wheelPath = `${first.name}/${f.path}`;
      const projectPath = `${root}${wheelPath}`;
      for (const [artifact, files, path] of [['sdist', inSdist, projectPath], ['wheel', inWheel, wheelPath]] as const) {
        if (files === null) continue;
        const got = files.get(path);
        if (got === undefined) out.push({ artifact, kind: 'spec-problem', code, path, a: `lacks ${path} (${edge})` });
        else if (got !== f.content) out.push({ artifact, kind: 'spec-problem', code, path, a: `ships ${path} (${edge}) with other content: ${JSON.stringify(got.slice(0, 40))}` });
      }
    }
  }
  return out;
}
