import { onlyResolvableLinks, symlinkFileTarget } from '../../archive/links.js';
import type { ArchiveView } from '../../archive/types.js';
import { EXECUTABLE_MODE, type FileMap } from '../../render/fileMap.js';

/**
 * The files of an sdist as a project folder: its single top folder
 * stripped, regular files only; a member with the owner's execute bit is
 * written executable (`EXECUTABLE_MODE`), as unpacking the sdist with its
 * modes would (pip and build keep them), so that a wheel built from the
 * sdist sees the executable files the sdist carries. A symbolic link to a
 * regular file of the sdist (the only problem tolerated) is written back as
 * a link (`SymlinkFile`), as unpacking would. Null when the archive cannot be unpacked
 * safely (problems, several top folders): the spec property reports those.
 */
export function sdistAsProject(view: ArchiveView): FileMap | null {
  if (view.problems.length > 0 && !onlyResolvableLinks(view)) return null;
  const files: FileMap = {};
  let top: string | undefined;
  for (const e of view.entries) {
    const slash = e.path.indexOf('/');
    const head = slash < 0 ? e.path : e.path.slice(0, slash);
    if (top === undefined) top = head;
    else if (head !== top) return null;
    if ((e.type !== 'file' && e.type !== 'symlink') || slash < 0) continue;
    const rel = e.path.slice(slash + 1).replace(/\/+$/, '');
    if (e.type === 'symlink') {
      const target = symlinkFileTarget(view, e);
      if (target === null || e.linkTarget === undefined) return null;
      if (rel !== '') files[rel] = { content: target.data, symlink: e.linkTarget };
      continue;
    }
    if (rel !== '') files[rel] = e.mode !== null && (e.mode & 0o100) !== 0 ? { content: e.data, mode: EXECUTABLE_MODE } : e.data;
  }
  return files;
}
