/**
 * A symlinked package data file (`ProjectModel.symlinkedData`, issue #12):
 * `data/current.txt`, a symbolic link with the relative target `v1.txt`,
 * beside the regular file `data/v1.txt`, both in the folder of the first
 * top-level package (`symlinkedDataFiles`), and whether they fit the model
 * (`symlinkedDataProblem`).
 *
 * The wheel format has no symbolic links: a backend that ships the link
 * ships the target's content at the link's path (dereferences it). An sdist
 * may hold the link as a link (a tar symlink member whose target is a member
 * of the archive, as the sdist specification allows) or as a copy of the
 * target; both forms unpack to the same project, so `diff` compares a
 * resolvable sdist link as its target's content (src/normalize/normalizeArtifact.ts).
 */
import { importFiles, importRoot } from './modelFiles.js';
import type { ProjectModel } from './projectModel.js';

/** The link, relative to the folder of `packages[0]`. */
export const SYMLINK_PATH = 'data/current.txt';
/** The link's target as written in the link (relative to the link's folder). */
export const SYMLINK_TARGET = 'v1.txt';
/** The target file, relative to the folder of `packages[0]`. */
export const SYMLINK_TARGET_PATH = 'data/v1.txt';
/** The target's content, which the link's path must hold in the wheel. */
export const SYMLINK_CONTENT = 'version 1\n';

/** One file of the symlinked data: a regular file, or a link (`symlink` set) whose content is its target's. */
export interface SymlinkedDataFile {
  path: string;
  content: string;
  symlink?: string;
}

/** The files of the model's symlinked data (relative to the folder of `packages[0]`); empty without it. */
export function symlinkedDataFiles(model: ProjectModel): SymlinkedDataFile[] {
  if (model.symlinkedData !== true || model.packages[0] === undefined) return [];
  return [
    { path: SYMLINK_TARGET_PATH, content: SYMLINK_CONTENT },
    { path: SYMLINK_PATH, content: SYMLINK_CONTENT, symlink: SYMLINK_TARGET },
  ];
}

/**
 * Why a model's symlinked data does not fit it (null when it does): without
 * a top-level package, or a file whose path names (without case) a file or
 * folder of the package tree.
 */
export function symlinkedDataProblem(model: ProjectModel): string | null {
  if (model.symlinkedData === undefined) return null;
  if (model.symlinkedData !== true) return 'must be true when present';
  const first = model.packages[0];
  if (first === undefined) return 'needs a top-level package (the files sit in the folder of packages[0])';
  const base = `${importRoot(model)}${first.name}/`.toLowerCase();
  const { symlinkedData: _s, ...rest } = model;
  const shipped = Object.keys(importFiles(rest)).map((s) => s.toLowerCase());
  for (const f of symlinkedDataFiles(model)) {
    const path = `${base}${f.path.toLowerCase()}`;
    const hit = shipped.find((low) => low === path || low.startsWith(`${path}/`) || path.startsWith(`${low}/`));
    if (hit !== undefined) return `${f.path} collides with a file of the package tree: ${hit}`;
  }
  return null;
}
