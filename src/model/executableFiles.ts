/**
 * Executable files (`ProjectModel.executableFiles`, issue #12: file modes
 * outside setuptools scripts), from the model alone: where each lies, what
 * kind it is (`executableKind`: an executable module or executable package
 * data), whether a model's executable files fit it
 * (`executableFilesProblem`, read by the generator and the corpus checks),
 * and which files of the project, the wheel and an installation must carry
 * the execute bit (`executableProjectPaths`, `executableWheelPaths`).
 *
 * What the backends do with modes (read in their sources, checked by
 * building; docs/design.md "Executable files"): hatchling, flit-core,
 * pdm-backend, poetry-core and uv_build normalize every file to 0o644 or
 * 0o755 (owner execute bit kept) in both archives; setuptools' sdist keeps
 * the mode on disk, its wheel keeps it for package data (build_py copies
 * package data with `preserve_mode`) and drops it for modules (distutils'
 * `build_module` copies with `preserve_mode=False`), which the capability
 * table keeps out (`file-mode:executable-module`). pypa/installer makes an
 * installed file executable when its zip mode has any execute bit.
 */
import { importFiles, importRoot } from './modelFiles.js';
import type { ExecutableFileModel, ProjectModel } from './projectModel.js';

/** `module` for a `.py` file directly in the package folder, `data` for any other path. */
export function executableKind(f: ExecutableFileModel): 'module' | 'data' {
  return !f.path.includes('/') && f.path.endsWith('.py') ? 'module' : 'data';
}

/** The folder (from the project root, ending in `/`) that holds the executable files: the first top-level package's. */
function executableBase(model: ProjectModel): string {
  const first = model.packages[0];
  if (first === undefined) throw new Error('executableFiles needs a top-level package');
  return `${importRoot(model)}${first.name}/`;
}

/** Project paths (from the root) of the executable files, in model order; empty without them. */
export function executableProjectPaths(model: ProjectModel): string[] {
  const files = model.executableFiles ?? [];
  if (files.length === 0) return [];
  const base = executableBase(model);
  return files.map((f) => `${base}${f.path}`);
}

/** Wheel paths (the import root stripped) of the executable files: where an installer puts them below purelib. */
export function executableWheelPaths(model: ProjectModel): string[] {
  const root = importRoot(model);
  return executableProjectPaths(model).map((p) => p.slice(root.length));
}

/** Paths relative to the folder of `packages[0]` of the executable package data files (not modules). */
export function executableDataPaths(model: ProjectModel): string[] {
  return (model.executableFiles ?? []).filter((f) => executableKind(f) === 'data').map((f) => f.path);
}

/**
 * Why a model's executable files do not fit it (null when they do): without
 * a top-level package, a module path that is no identifier, a data path
 * without an extension or with a Python one (a `.py` file in a subfolder
 * would be a module of a package that does not exist), a path listed twice
 * or naming (without case, as macOS and Windows file systems compare) a
 * file or folder of the package tree.
 */
export function executableFilesProblem(model: ProjectModel): string | null {
  const shipped = Object.keys(importFiles({ ...model, executableFiles: [] }));
  const files = model.executableFiles ?? [];
  if (files.length === 0) return null;
  const first = model.packages[0];
  if (first === undefined) return 'needs a top-level package (the files sit in the folder of packages[0])';
  const seen = new Set<string>();
  const base = executableBase(model);
  const others = shipped.map((s) => s.toLowerCase());
  for (const f of files) {
    if (executableKind(f) === 'module') {
      if (!/^[A-Za-z_][A-Za-z0-9_]*\.py$/.test(f.path) || f.path === '__init__.py') return `${f.path}: an executable module needs an identifier name (not __init__)`;
    } else if (/\.(py|pyc|pyo|pyi|pth)$/i.test(f.path) || !/\.[A-Za-z0-9]+$/.test(f.path)) {
      return `${f.path}: executable package data needs an extension that is not a Python one`;
    }
    const path = `${base}${f.path}`.toLowerCase();
    if (seen.has(path)) return `${f.path} is listed twice`;
    seen.add(path);
    const hit = others.find((low) => low === path || low.startsWith(`${path}/`) || path.startsWith(`${low}/`));
    if (hit !== undefined) return `${f.path} collides with a file of the package tree: ${hit}`;
  }
  return null;
}
