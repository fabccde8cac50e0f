/**
 * The backend-independent files of a project (packages, modules, data) and
 * the facts about them that configurations need (paths, dotted names, data
 * lists). Every family renders these files identically; only configuration
 * differs.
 */
import { allPackages, type PackageModel, type ProjectModel } from '../../model/projectModel.js';
import type { FileMap } from '../fileMap.js';

/** Folder holding the top-level packages and modules, relative to the project root: `''` or `'src/'`. */
export function importRoot(model: ProjectModel): '' | 'src/' {
  return model.layout === 'src' ? 'src/' : '';
}

/** Every package, module and data file of the model, path -> content. */
export function sourceFiles(model: ProjectModel): FileMap {
  const root = importRoot(model);
  const files: FileMap = {};
  const writePackage = (pkg: PackageModel, folder: string): void => {
    const dir = `${folder}${pkg.name}/`;
    files[`${dir}__init__.py`] = pkg.init;
    for (const module of pkg.modules) files[`${dir}${module.name}.py`] = module.source;
    for (const data of pkg.data) files[`${dir}${data.path}`] = data.content;
    for (const sub of pkg.subpackages) writePackage(sub, dir);
  };
  for (const pkg of model.packages) writePackage(pkg, root);
  for (const module of model.modules) files[`${root}${module.name}.py`] = module.source;
  return files;
}

/** Paths of the top-level package folders and module files (no trailing `/`), sorted. */
export function topLevelPaths(model: ProjectModel): string[] {
  const root = importRoot(model);
  return [...model.packages.map((p) => `${root}${p.name}`), ...model.modules.map((m) => `${root}${m.name}.py`)].sort();
}

/** Dotted names of every package, sorted. */
export function dottedPackageNames(model: ProjectModel): string[] {
  return allPackages(model)
    .map((p) => p.dotted)
    .sort();
}

/** Top-level module names, sorted. */
export function topLevelModuleNames(model: ProjectModel): string[] {
  return model.modules.map((m) => m.name).sort();
}

/** Dotted package name -> its data file paths (relative to the package folder, sorted); only packages with data. */
export function packageDataPaths(model: ProjectModel): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const withData = allPackages(model).filter(({ pkg }) => pkg.data.length > 0);
  for (const { dotted, pkg } of withData.sort((a, b) => (a.dotted < b.dotted ? -1 : 1))) {
    out[dotted] = pkg.data.map((d) => d.path).sort();
  }
  return out;
}

/** A FileMap whose keys are inserted in sorted order (deterministic iteration). */
export function sortedFileMap(files: FileMap): FileMap {
  const out: FileMap = {};
  for (const path of Object.keys(files).sort()) out[path] = files[path] as string | Uint8Array;
  return out;
}
