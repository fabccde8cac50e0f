import { symlinkFileTarget } from '../../archive/links.js';
import type { ArchiveView } from '../../archive/types.js';
import type { Difference } from '../../compare/types.js';
import { importRoot } from '../../model/modelFiles.js';
import type { ProjectModel } from '../../model/projectModel.js';
import { symlinkedDataFiles } from '../../model/symlinkedData.js';

/**
 * The artifacts against the model's symlinked data
 * (`ProjectModel.symlinkedData`): the wheel must hold the link's target
 * content at the link's path (a wheel has no links: the backend dereferences
 * it) and the target at its own; the sdist (below its top folder) must hold
 * each path either as a regular file with that content or as a symbolic
 * link to a member file with that content (the sdist specification allows
 * both). A missing or altered file is a `spec-problem` with the code
 * `must-ship:symlink`, never the path. An unreadable artifact gives none;
 * an sdist whose only problems are such links is read.
 */
export function symlinkedDataDifferences(model: ProjectModel, sdist: ArchiveView | null, wheel: ArchiveView | null): Difference[] {
  const files = symlinkedDataFiles(model);
  const first = model.packages[0];
  if (files.length === 0 || first === undefined) return [];
  const root = importRoot(model);
  const decoder = new TextDecoder();
  const code = 'must-ship:symlink';
  const read = (view: ArchiveView | null, strip: (p: string) => string, links: boolean): Map<string, string> | null => {
    if (view === null) return null;
    if (view.problems.some((p) => !(links && p.code === 'symlink'))) return null;
    const out = new Map<string, string>();
    for (const e of view.entries) {
      const file = e.type === 'file' ? e : links && e.type === 'symlink' ? symlinkFileTarget(view, e) : null;
      if (file !== null) out.set(strip(e.path), decoder.decode(file.data));
    }
    return out;
  };
  const inSdist = read(sdist, (p) => p.slice(p.indexOf('/') + 1), true);
  const inWheel = read(wheel, (p) => p, false);
  const out: Difference[] = [];
  for (const f of files) {
    const wheelPath = `${first.name}/${f.path}`;
    const projectPath = `${root}${wheelPath}`;
    const what = f.symlink === undefined ? 'the link target' : `a symlink to ${f.symlink}`;
    for (const [artifact, got, path] of [['sdist', inSdist, projectPath], ['wheel', inWheel, wheelPath]] as const) {
      if (got === null) continue;
      const content = got.get(path);
      if (content === undefined) out.push({ artifact, kind: 'spec-problem', code, path, a: `lacks ${path} (${what})` });
      else if (content !== f.content) out.push({ artifact, kind: 'spec-problem', code, path, a: `ships ${path} (${what}) with other content: ${JSON.stringify(content.slice(0, 40))}` });
    }
  }
  return out;
}
