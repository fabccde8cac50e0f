/**
 * Files that must not ship (`ProjectModel.excludedFiles`, issue #12), from
 * the model alone: where each excluded file lies, what its rule names
 * (`excludePattern`), whether a model's excluded files fit it
 * (`excludedFilesProblem`, read by the generator and the corpus checks), and
 * what must and must not ship (`shipExpectation`, read by the `spec`
 * and `install` properties, and the differences `roundtrip` expects).
 * Renderers spell the patterns their family's way
 * (src/render/_internals/projectFiles.ts: `excludePatterns`).
 */
import { declaredRootFiles, importFiles, importRoot, strayFiles } from './modelFiles.js';
import type { ExcludedFileModel, ProjectModel } from './projectModel.js';

/** The folder (from the project root, ending in `/`) that holds the excluded files: the first top-level package's. */
export function excludedBase(model: ProjectModel): string {
  const first = model.packages[0];
  if (first === undefined) throw new Error('excludedFiles needs a top-level package');
  return `${importRoot(model)}${first.name}/`;
}

/** An excluded file's path from the project root. */
export function excludedPath(model: ProjectModel, f: ExcludedFileModel): string {
  return `${excludedBase(model)}${f.path}`;
}

/**
 * What the rule of an excluded file names, from the project root: the file
 * (`path`), `folder/*.ext` (`glob`: its folder and extension), or the folder
 * below the package folder it is in (`folder`, no trailing `/`).
 */
export function excludePattern(model: ProjectModel, f: ExcludedFileModel): string {
  const path = excludedPath(model, f);
  if (f.rule === 'path') return path;
  if (f.rule === 'folder') return `${excludedBase(model)}${f.path.slice(0, f.path.indexOf('/'))}`;
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  return `${path.slice(0, slash + 1)}*${name.slice(name.lastIndexOf('.'))}`;
}

/** Whether a project path falls under an excluded file's rule (see `excludePattern`). */
export function excludeRuleMatches(model: ProjectModel, f: ExcludedFileModel, path: string): boolean {
  const pattern = excludePattern(model, f);
  if (f.rule === 'path') return path === pattern;
  if (f.rule === 'folder') return path.startsWith(`${pattern}/`);
  const dir = pattern.slice(0, pattern.lastIndexOf('/') + 1);
  return path.startsWith(dir) && path.endsWith(pattern.slice(dir.length + 1));
}

/**
 * Why a model's excluded files do not fit it (null when they do): without a
 * top-level package, a path listed twice or colliding with a file the
 * project ships, a rule that matches a shipped file or an excluded file of
 * the other scope.
 */
export function excludedFilesProblem(model: ProjectModel): string | null {
  const excluded = model.excludedFiles ?? [];
  if (excluded.length === 0) return null;
  if (model.packages.length === 0) return 'needs a top-level package (the files sit in the folder of packages[0])';
  // MANIFEST.in, the one root file the model does not declare, never lies in a package folder.
  const shipped = Object.keys({ ...importFiles(model), ...declaredRootFiles(model), ...strayFiles(model) });
  const seen = new Set<string>();
  for (const x of excluded) {
    const path = excludedPath(model, x).toLowerCase();
    if (seen.has(path)) return `${x.path} is listed twice`;
    seen.add(path);
    const hit = shipped.find((s) => {
      const low = s.toLowerCase();
      return low === path || low.startsWith(`${path}/`) || path.startsWith(`${low}/`) || excludeRuleMatches(model, x, s);
    });
    if (hit !== undefined) return `${x.path} collides with, or its ${x.rule} rule matches, a file the project ships: ${hit}`;
    const other = excluded.find((y) => y.scope !== x.scope && excludeRuleMatches(model, x, excludedPath(model, y)));
    if (other !== undefined) return `the ${x.rule} rule of ${x.path} also matches ${other.path}, excluded with another scope`;
  }
  return null;
}

/** One excluded file's expectation: where it must not be, and where it must be (a wheel path). */
export interface ExcludedExpectation {
  file: ExcludedFileModel;
  /** Path in the sdist (below its top folder), from the project root. */
  sdistPath: string;
  /** Path in the wheel (the import root stripped). */
  wheelPath: string;
  /** Whether the wheel must not ship it (`both`) or must ship it (`sdist`: the sdist only excludes it). */
  inWheel: 'absent' | 'present';
}

/**
 * What must and must not ship, from the model's excluded files: every
 * excluded file is absent from the sdist; a `both` file is absent from the
 * wheel, an `sdist` file is present in it (the wheel ships the whole
 * package folder). The one place the `spec` property's must-not-ship check
 * reads.
 */
export function shipExpectation(model: ProjectModel): ExcludedExpectation[] {
  const root = importRoot(model);
  return (model.excludedFiles ?? []).map((file) => {
    const sdistPath = excludedPath(model, file);
    return { file, sdistPath, wheelPath: sdistPath.slice(root.length), inWheel: file.scope === 'both' ? 'absent' : 'present' };
  });
}
