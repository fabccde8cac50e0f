import type { ArchiveEntry, ArchiveView } from './types.js';

/** A member name without leading `./` segments (as the oracles key members). */
function bare(path: string): string {
  return path.replace(/^(?:\.\/)+/, '');
}

/**
 * Resolves a link target inside the archive: symbolic links relative to the
 * link's folder, hard links relative to the archive root. Null when the
 * target is absolute or climbs out of the archive.
 */
export function resolveLink(entry: ArchiveEntry): string | null {
  const target = entry.linkTarget ?? '';
  if (target === '' || target.startsWith('/') || /^[A-Za-z]:/.test(target)) return null;
  const parts = entry.type === 'symlink' ? bare(entry.path).split('/').slice(0, -1) : [];
  for (const segment of bare(target).split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(segment);
  }
  return parts.join('/');
}

/**
 * The regular file a symbolic link member of `view` points to, following
 * links to links (at most 8): null when the target leaves the archive, is
 * not a member, is a folder or the chain is longer.
 */
export function symlinkFileTarget(view: ArchiveView, entry: ArchiveEntry): ArchiveEntry | null {
  const byPath = new Map(view.entries.map((e) => [bare(e.path).replace(/\/+$/, ''), e]));
  let at: ArchiveEntry = entry;
  for (let hop = 0; hop < 8 && at.type === 'symlink'; hop++) {
    const resolved = resolveLink(at);
    const next = resolved === null ? undefined : byPath.get(resolved);
    if (next === undefined) return null;
    at = next;
  }
  return at.type === 'file' ? at : null;
}

/**
 * Whether every problem of `view` is a symbolic link to a regular file
 * inside the archive (and there is at least one such problem): the links an
 * sdist may hold (`symlinkFileTarget`), which a reader can follow.
 */
export function onlyResolvableLinks(view: ArchiveView): boolean {
  if (view.problems.length === 0) return false;
  const byPath = new Map(view.entries.map((e) => [e.path, e]));
  return view.problems.every((p) => {
    const e = p.code === 'symlink' && p.path !== undefined ? byPath.get(p.path) : undefined;
    return e !== undefined && symlinkFileTarget(view, e) !== null;
  });
}
