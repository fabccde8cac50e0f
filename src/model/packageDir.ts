/**
 * A package folder other than `src/` (`ProjectModel.packageDir`): which
 * values are valid, and the vocabulary the generator draws from.
 */
import { declaredRootFiles } from './modelFiles.js';
import type { ProjectModel } from './projectModel.js';

/**
 * The folders the generator writes (the first is where shrinking goes):
 * names real projects use for the import tree (`lib/`, `python/` beside
 * native code, `source/`), and two nested ones.
 */
export const PACKAGE_DIRS = ['lib', 'python', 'source', 'code', 'lib/python', 'python/src'] as const;

/** A segment of a package folder: a plain name (no dot, so never hidden, `.` or `..`). */
const SEGMENT = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;

/** Build output folders (setuptools' `build/`, everyone's `dist/`): never a package folder, nor below one. */
const BUILD_OUTPUT = new Set(['build', 'dist']);

/**
 * Why `packageDir` of `model` is not valid, or null: it needs the src
 * layout; it is 1 to 3 plain segments, not `src` nor below `build/` or
 * `dist/`; and no root file the model declares (readme, license files,
 * sdist-only files, `data/`, `scripts/`) is inside it or is it (compared
 * without case, as macOS and Windows file systems do).
 */
export function packageDirProblem(model: ProjectModel): string | null {
  const dir = model.packageDir;
  if (dir === undefined) return null;
  if (typeof dir !== 'string') return 'must be a string';
  if (model.layout !== 'src') return 'a package folder is the src layout\'s: set layout to "src"';
  const segments = dir.split('/');
  if (segments.length > 3 || !segments.every((s) => SEGMENT.test(s))) {
    return `must be 1 to 3 '/'-separated names of letters, digits, '_' and '-', each starting with a letter: ${JSON.stringify(dir).slice(0, 80)}`;
  }
  // `src` itself is the src layout without packageDir: one spelling for one project.
  if (dir === 'src') return 'is the default: write the src layout without packageDir';
  if (BUILD_OUTPUT.has(segments[0]!.toLowerCase())) return `'${segments[0]}/' is a build output folder, not a package folder`;
  const key = dir.toLowerCase();
  const clash = Object.keys(declaredRootFiles(model)).find((p) => {
    const lower = p.toLowerCase();
    return lower === key || lower.startsWith(`${key}/`) || key.startsWith(`${lower}/`);
  });
  return clash === undefined ? null : `the root file ${clash} would sit in the package folder ${dir}/`;
}
