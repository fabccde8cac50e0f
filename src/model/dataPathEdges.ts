/**
 * Package data at the edges of what archives and file systems hold
 * (`ProjectModel.dataPathEdges`, issue #12: very long and case-colliding
 * paths), from the model alone: the files each edge adds to the folder of
 * the first top-level package (`dataPathEdgeFiles`), and whether they fit
 * the model (`dataPathEdgesProblem`).
 *
 * - `long-name`: a file whose name alone is 114 characters: no ustar header
 *   holds it (a name field of 100 bytes), so the sdist needs a pax or GNU
 *   long name, which every backend writes (Python's tarfile defaults to pax)
 *   and our archive reader reads (tar-stream).
 * - `long-path`: a file three folders deep whose path inside the sdist is
 *   over 150 characters, each part shorter than 100 (ustar's prefix field may
 *   hold the folders, or pax the whole path).
 * - `case-twins`: `CaseTwin.txt` and `casetwin.txt`, names that differ only
 *   in case, with different contents. Both must ship: no packaging
 *   specification forbids such names (the wheel and sdist formats compare
 *   names as bytes); a case-insensitive file system cannot install both,
 *   which no documented rule turns into a warning, so none is expected.
 */
import { importFiles, importRoot } from './modelFiles.js';
import type { DataFileModel, DataPathEdge, ProjectModel } from './projectModel.js';

export const LONG_DATA_NAME = `long-name-${'n'.repeat(100)}.txt`;
export const LONG_DATA_PATH = `long_folder_one_${'a'.repeat(30)}/long_folder_two_${'b'.repeat(30)}/long_folder_three_${'c'.repeat(30)}/deep.json`;
export const CASE_TWINS: readonly DataFileModel[] = [
  { path: 'CaseTwin.txt', content: 'upper\n' },
  { path: 'casetwin.txt', content: 'lower\n' },
];

/** The files one edge adds, relative to the folder of `packages[0]`. */
export function edgeFiles(edge: DataPathEdge): DataFileModel[] {
  if (edge === 'long-name') return [{ path: LONG_DATA_NAME, content: 'long name\n' }];
  if (edge === 'long-path') return [{ path: LONG_DATA_PATH, content: '{}\n' }];
  return CASE_TWINS.map((f) => ({ ...f }));
}

/** The files of the model's edges (relative to the folder of `packages[0]`), in model order; empty without them. */
export function dataPathEdgeFiles(model: ProjectModel): DataFileModel[] {
  return (model.dataPathEdges ?? []).flatMap(edgeFiles);
}

/**
 * Why a model's data path edges do not fit it (null when they do): without
 * a top-level package, an edge listed twice, or a file whose path names
 * (without case) a file or folder of the package tree.
 */
export function dataPathEdgesProblem(model: ProjectModel): string | null {
  const edges = model.dataPathEdges ?? [];
  if (edges.length === 0) return null;
  const first = model.packages[0];
  if (first === undefined) return 'needs a top-level package (the files sit in the folder of packages[0])';
  if (new Set(edges).size !== edges.length) return 'an edge is listed twice';
  const base = `${importRoot(model)}${first.name}/`.toLowerCase();
  const shipped = Object.keys(importFiles({ ...model, dataPathEdges: [] })).map((s) => s.toLowerCase());
  for (const f of dataPathEdgeFiles(model)) {
    const path = `${base}${f.path.toLowerCase()}`;
    const hit = shipped.find((low) => low === path || low.startsWith(`${path}/`) || path.startsWith(`${low}/`));
    if (hit !== undefined) return `${f.path} collides with a file of the package tree: ${hit}`;
  }
  return null;
}
