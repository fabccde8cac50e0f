import type { ArchiveView } from '../../archive/types.js';
import type { FileMap } from '../../render/fileMap.js';

/**
 * The files of an sdist as a project folder: its single top folder
 * stripped, regular files only. Null when the archive cannot be unpacked
 * safely (problems, several top folders): the spec property reports those.
 */
export function sdistAsProject(view: ArchiveView): FileMap | null {
  if (view.problems.length > 0) return null;
  const files: FileMap = {};
  let top: string | undefined;
  for (const e of view.entries) {
    const slash = e.path.indexOf('/');
    const head = slash < 0 ? e.path : e.path.slice(0, slash);
    if (top === undefined) top = head;
    else if (head !== top) return null;
    if (e.type !== 'file' || slash < 0) continue;
    const rel = e.path.slice(slash + 1).replace(/\/+$/, '');
    if (rel !== '') files[rel] = e.data;
  }
  return files;
}
