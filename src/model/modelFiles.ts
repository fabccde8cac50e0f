/**
 * The files of a project that follow from the model alone, the same for
 * every family and every configuration style: where the import packages live
 * (`importRoot`), the files the wheel ships (`importFiles`), the stray
 * bytecode beside them (`strayFiles`), and the root files the model declares
 * (`declaredRootFiles`). Renderers write these unchanged
 * (src/render/_internals/projectFiles.ts adds `MANIFEST.in` and each family
 * its configuration); model checks read their paths.
 */
import {
  readmePath,
  type ModuleModel,
  type NamespaceModel,
  type PackageModel,
  type ProjectModel,
  FORCE_INCLUDE_DIR,
  SCRIPTS_DIR,
  WHEEL_DATA_DIR,
  versionModule,
  withVersionLine,
} from './projectModel.js';
import { activeDynamicMetadata, dynamicMetadataFiles, withDocstring } from './dynamicMetadata.js';
import { edgeFiles } from './dataPathEdges.js';
import { symlinkedDataFiles } from './symlinkedData.js';

/** Project files as text: `/`-separated path from the project root -> content. */
export type TextFiles = Record<string, string>;

/**
 * Folder holding the top-level packages and modules, relative to the project
 * root, with a final `/`: `''` (flat), `'src/'`, or the model's `packageDir`.
 */
export function importRoot(model: ProjectModel): string {
  return model.layout === 'src' ? `${packageDirOf(model)}/` : '';
}

/** The folder of the src layout without its final `/`: `packageDir`, else `src` (meaningful for the src layout only). */
export function packageDirOf(model: ProjectModel): string {
  return model.packageDir ?? 'src';
}

/** The files of one regular package tree, under `dir` (ending in `/`). */
function writePackage(files: TextFiles, pkg: PackageModel, folder: string): void {
  const dir = `${folder}${pkg.name}/`;
  files[`${dir}__init__.py`] = pkg.init;
  for (const module of pkg.modules) files[`${dir}${module.name}.py`] = module.source;
  for (const stub of pkg.stubs ?? []) files[`${dir}${stub.name}.pyi`] = stub.source;
  if (pkg.typed === true) files[`${dir}py.typed`] = '';
  for (const data of pkg.data) files[`${dir}${data.path}`] = data.content;
  for (const sub of pkg.subpackages) writePackage(files, sub, dir);
}

function writeModules(files: TextFiles, modules: readonly ModuleModel[], dir: string): void {
  for (const module of modules) files[`${dir}${module.name}.py`] = module.source;
}

function writeNamespace(files: TextFiles, ns: NamespaceModel, folder: string): void {
  const dir = `${folder}${ns.name}/`;
  for (const pkg of ns.packages) writePackage(files, pkg, dir);
  writeModules(files, ns.modules, dir);
  for (const sub of ns.namespaces) writeNamespace(files, sub, dir);
}

/**
 * The files the wheel ships: every package, namespace folder, module, stub,
 * `py.typed` and data file, the executable files (whose modes
 * `executableProjectPaths` gives), the data path edges' files and the
 * symlinked data (the link as its target's content); with a
 * dynamic version, the version module ends with `__version__ = "<version>"`,
 * and with a dynamic description it starts with the summary as its docstring
 * (for every family alike).
 */
export function importFiles(model: ProjectModel): TextFiles {
  const root = importRoot(model);
  const files: TextFiles = {};
  for (const pkg of model.packages) writePackage(files, pkg, root);
  for (const ns of model.namespacePackages ?? []) writeNamespace(files, ns, root);
  writeModules(files, model.modules, root);
  const docHolder = versionModule(model);
  if (docHolder !== null && activeDynamicMetadata(model).description) {
    const path = `${root}${docHolder.path}`;
    files[path] = withDocstring(files[path]!, model.description!);
  }
  // Executable files (src/model/executableFiles.ts) sit in the folder of the first top-level package.
  const first = model.packages[0];
  if (first !== undefined) for (const f of model.executableFiles ?? []) files[`${root}${first.name}/${f.path}`] = f.content;
  // So do the data files at the edges of archives and file systems (src/model/dataPathEdges.ts).
  if (first !== undefined) for (const f of (model.dataPathEdges ?? []).flatMap(edgeFiles)) files[`${root}${first.name}/${f.path}`] = f.content;
  // And the symlinked data file with its target (src/model/symlinkedData.ts), the link as its target's content:
  // what the wheel ships at its path (the renderers write it as a link).
  if (first !== undefined) for (const f of symlinkedDataFiles(model)) files[`${root}${first.name}/${f.path}`] = f.content;
  const holder = versionFile(model);
  if (holder !== null) files[holder] = withVersionLine(files[holder]!, model.version);
  return files;
}

/** Path (from the project root) of the file holding `__version__` when the model's version is dynamic, else null. */
export function versionFile(model: ProjectModel): string | null {
  if (model.dynamicVersion !== true) return null;
  const holder = versionModule(model);
  return holder === null ? null : `${importRoot(model)}${holder.path}`;
}

/** Stand-in content of a stray bytecode file (the backends never read it). */
export const STRAY_BYTECODE = 'not bytecode: a stray file no wheel may ship\n';

/**
 * Files of the source tree that no wheel may contain (`strayBytecode`):
 * `__pycache__/<module>.cpython-311.pyc` beside the modules of each folder
 * and/or `<module>.pyc` next to each module, for every `.py` file the wheel
 * ships. Empty without `strayBytecode`.
 */
export function strayFiles(model: ProjectModel): TextFiles {
  const mode = model.strayBytecode;
  const files: TextFiles = {};
  if (mode === undefined) return files;
  for (const path of Object.keys(importFiles(model))) {
    if (!path.endsWith('.py')) continue;
    const slash = path.lastIndexOf('/');
    const dir = path.slice(0, slash + 1);
    const stem = path.slice(slash + 1, -3);
    if (mode !== 'beside') files[`${dir}__pycache__/${stem}.cpython-311.pyc`] = STRAY_BYTECODE;
    if (mode !== 'pycache') files[`${dir}${stem}.pyc`] = STRAY_BYTECODE;
  }
  return files;
}

/**
 * The root files the model declares: the readme file, the license file of
 * `license = {file}`, the license files, the sdist-only files, the wheel
 * data files (under `data/`), scripts (under `scripts/`), force-included
 * files (under `assets/`) and the requirements files of dynamic metadata
 * (`dynamicMetadataFiles`).
 */
export function declaredRootFiles(model: ProjectModel): TextFiles {
  const files: TextFiles = {};
  const readme = readmePath(model.readme);
  if (readme !== null) files[readme] = model.readme!.text;
  if (model.license?.kind === 'file') files[model.license.path] = model.license.content;
  for (const f of model.licenseFiles ?? []) files[f.path] = f.content;
  for (const f of model.sdistFiles ?? []) files[f.path] = f.content;
  for (const f of model.wheelData ?? []) files[`${WHEEL_DATA_DIR}/${f.path}`] = f.content;
  for (const f of model.scriptFiles ?? []) files[`${SCRIPTS_DIR}/${f.path}`] = f.content;
  for (const f of model.forceIncluded ?? []) files[`${FORCE_INCLUDE_DIR}/${f.path}`] = f.content;
  Object.assign(files, dynamicMetadataFiles(model));
  return files;
}

/**
 * The other root file the readme's path names too (compared without case, as
 * macOS and Windows file systems do), or null: a readme elsewhere must not
 * be the sdist-only `docs/index.md` or a license file.
 */
export function readmeCollision(model: ProjectModel): string | null {
  const readme = readmePath(model.readme);
  if (readme === null) return null;
  const others = Object.keys(declaredRootFiles({ ...model, readme: undefined }));
  const key = readme.toLowerCase();
  return others.find((p) => p.toLowerCase() === key || p.toLowerCase().startsWith(`${key}/`) || key.startsWith(`${p.toLowerCase()}/`)) ?? null;
}
