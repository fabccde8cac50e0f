/**
 * The backend-independent files of a project (packages, modules, data, stubs,
 * readme, license files, sdist-only files) and the facts about them that
 * configurations need (paths, dotted names, data lists). Every family renders
 * these files identically; only configuration differs.
 */
import { excludePattern, excludedBase, excludedPath } from '../../model/excludedFiles.js';
import { declaredRootFiles, importFiles, importRoot, strayFiles } from '../../model/modelFiles.js';
import { allNamespaces, allPackages, type ExcludedFileModel, type PackageModel, type ProjectModel, readmePath, WHEEL_DATA_DIR, SCRIPTS_DIR } from '../../model/projectModel.js';
import { dynamicMetadataFiles } from '../../model/dynamicMetadata.js';
import { EXECUTABLE_MODE, type FileMap } from '../fileMap.js';
import { executableDataPaths, executableProjectPaths } from '../../model/executableFiles.js';
import { dataPathEdgeFiles } from '../../model/dataPathEdges.js';
import { symlinkedDataFiles } from '../../model/symlinkedData.js';

/** Package data of the first top-level package beyond its own `data`: executable data, the data path edges' files and the symlinked data (paths relative to its folder). */
function firstPackageExtraData(model: ProjectModel): string[] {
  return [...executableDataPaths(model), ...dataPathEdgeFiles(model).map((f) => f.path), ...symlinkedDataFiles(model).map((f) => f.path)];
}

// The files that follow from the model alone live in src/model/modelFiles.ts; renderers take them from here.
export { STRAY_BYTECODE, importFiles, importRoot, packageDirOf, strayFiles, versionFile } from '../../model/modelFiles.js';

/**
 * Files at the project root that the configuration refers to or the sdist
 * must ship: the model's own (`declaredRootFiles`: readme, license files,
 * sdist-only files, wheel data, scripts) and `MANIFEST.in` when there are
 * sdist-only files.
 */
export function rootFiles(model: ProjectModel): FileMap {
  const files: FileMap = declaredRootFiles(model);
  const manifest = manifestIn(model);
  if (manifest !== null) files['MANIFEST.in'] = manifest;
  return files;
}

/**
 * Every file of the project except the family's own configuration
 * (`pyproject.toml`, `setup.cfg`, `setup.py`): `importFiles` plus
 * `rootFiles`, the executable files with their mode (`EXECUTABLE_MODE`). A
 * renderer writes these unchanged and adds its configuration.
 */
export function sourceFiles(model: ProjectModel): FileMap {
  const files: FileMap = { ...importFiles(model), ...rootFiles(model), ...strayFiles(model), ...excludedFileMap(model) };
  for (const path of executableProjectPaths(model)) files[path] = { content: files[path] as string, mode: EXECUTABLE_MODE };
  const first = model.packages[0];
  for (const f of symlinkedDataFiles(model)) if (f.symlink !== undefined && first !== undefined) files[`${importRoot(model)}${first.name}/${f.path}`] = { content: f.content, symlink: f.symlink };
  return files;
}

/**
 * The exclude patterns (see `excludePattern`) of the excluded files whose
 * scope is one of `scopes`, deduplicated in model order; `folder` spells a
 * folder pattern the family's way (`dir`, `dir/**`, ...). Empty without
 * excluded files.
 */
export function excludePatterns(model: ProjectModel, scopes: readonly ExcludedFileModel['scope'][], folder: (dir: string) => string = (d) => d): string[] {
  const chosen = (model.excludedFiles ?? []).filter((f) => scopes.includes(f.scope));
  return [...new Set(chosen.map((f) => (f.rule === 'folder' ? folder(excludePattern(model, f)) : excludePattern(model, f))))];
}

/** The excluded files, by project path (empty without `excludedFiles`). */
export function excludedFileMap(model: ProjectModel): FileMap {
  const files: FileMap = {};
  for (const f of model.excludedFiles ?? []) files[excludedPath(model, f)] = f.content;
  return files;
}

/**
 * `MANIFEST.in` lines for excluded files (setuptools reads them; other
 * families ship the file as is): `graft` of the package folder (so that the
 * exclusion has something to remove), the rule of each excluded file
 * (`exclude` of the path or the glob, `prune` of the folder), and
 * `global-exclude *.py[cod]` so the graft never takes stray bytecode.
 */
export function manifestExcludeLines(model: ProjectModel): string[] {
  const excluded = model.excludedFiles ?? [];
  if (excluded.length === 0) return [];
  const lines = [`graft ${excludedBase(model).slice(0, -1)}`];
  for (const f of excluded) lines.push(`${f.rule === 'folder' ? 'prune' : 'exclude'} ${excludePattern(model, f)}`);
  return [...new Set(lines), 'global-exclude *.py[cod]'];
}

/**
 * `MANIFEST.in` (the same text for every family, so that every sdist ships
 * the same files): one `include` line per root file the sdist needs, when
 * the model has sdist-only files, a `license = {file}` (which setuptools
 * ships by itself only when `[project]` names it), a readme under another
 * name (which the `setup.py` style reads with `open()`, unseen by
 * setuptools' sdist) or requirements files of dynamic metadata; null
 * otherwise. setuptools reads it;
 * other families ship it as a plain file (`sdistOnlyPaths` lists it).
 */
export function manifestIn(model: ProjectModel): string | null {
  const sdist = model.sdistFiles ?? [];
  const dataLines = [...manifestPackageDataLines(model), ...manifestExcludeLines(model)];
  // The file of `license = {file}` reaches setuptools' sdist by itself only in the pyproject style.
  // The requirements files of dynamic metadata (setuptools 80.9.0 ships the files its configuration reads by itself; named here for every release).
  const dynamicFiles = Object.keys(dynamicMetadataFiles(model));
  // A readme under another name (`ReadmeModel.path`): the setup.py style reads it with open(), so setuptools' sdist ships it only when MANIFEST.in names it.
  const readmeElsewhere = model.readme?.path !== undefined && model.readme.form !== 'inline';
  if (sdist.length === 0 && model.license?.kind !== 'file' && dataLines.length === 0 && dynamicFiles.length === 0 && !readmeElsewhere) return null;
  const paths = new Set<string>([...sdist.map((f) => f.path), ...dynamicFiles]);
  const readme = readmePath(model.readme);
  if (readme !== null) paths.add(readme);
  if (model.license?.kind === 'file') paths.add(model.license.path);
  for (const f of model.licenseFiles ?? []) paths.add(f.path);
  return [...paths].sort().map((p) => `include ${p}\n`).join('') + dataLines.map((l) => `${l}\n`).join('');
}

/** How setuptools is told about package data (see `SetuptoolsOptionsModel.packageData`). */
export function setuptoolsPackageDataStyle(model: ProjectModel): 'exact' | 'glob' | 'manifest' {
  return model.setuptools?.packageData ?? 'exact';
}

/** The non-Python files of a package, relative to its folder: data, `py.typed`, stubs. */
function nonPythonFiles(pkg: PackageModel): string[] {
  return [...pkg.data.map((d) => d.path), ...(pkg.typed === true ? ['py.typed'] : []), ...(pkg.stubs ?? []).map((s) => `${s.name}.pyi`)];
}

/** A glob for one non-Python file that matches it and its kind only: `folder/*.ext`, `py.typed`, `*.pyi`. */
function kindGlob(path: string): string {
  if (path === 'py.typed') return path;
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  return `${path.slice(0, slash + 1)}*${name.slice(name.lastIndexOf('.'))}`;
}

/**
 * `package-data` as patterns: for each package with non-Python files, one
 * `folder/*.ext` per folder and extension, `py.typed`, `*.pyi` (sorted).
 * They match exactly the files `packageDataPaths` lists: data files always
 * have an extension that is never `.py`, and a package folder holds nothing
 * else but modules and subpackage folders.
 */
export function packageDataGlobs(model: ProjectModel): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [dotted, paths] of Object.entries(packageDataPaths(model))) out[dotted] = [...new Set(paths.map(kindGlob))].sort();
  return out;
}

/**
 * `MANIFEST.in` lines for the `manifest` package-data style: one
 * `recursive-include FOLDER PATTERNS` per top-level package or namespace
 * folder that holds non-Python files, with `*.ext`, `py.typed` and `*.pyi`
 * patterns for what it holds. Empty in the other styles.
 */
export function manifestPackageDataLines(model: ProjectModel): string[] {
  if (setuptoolsPackageDataStyle(model) !== 'manifest') return [];
  const root = importRoot(model);
  const patternsOf = (pkgs: { pkg: PackageModel }[]): string[] =>
    [...new Set(pkgs.flatMap(({ pkg }) => nonPythonFiles(pkg).map((p) => kindGlob(p.slice(p.lastIndexOf('/') + 1)))))].sort();
  const tops: [string, { pkg: PackageModel }[]][] = [
    ...model.packages.map((p, i): [string, { pkg: PackageModel }[]] => [
      p.name,
      // Executable package data and the data path edges' files sit in the folder of the first package.
      allPackages({ ...model, packages: [i === 0 ? { ...p, data: [...p.data, ...firstPackageExtraData(model).map((path) => ({ path, content: '' }))] } : p], namespacePackages: [] }),
    ]),
    ...(model.namespacePackages ?? []).map((n): [string, { pkg: PackageModel }[]] => [n.name, allPackages({ ...model, packages: [], namespacePackages: [n] })]),
  ];
  return tops
    .map(([name, pkgs]) => [name, patternsOf(pkgs)] as const)
    .filter(([, patterns]) => patterns.length > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, patterns]) => `recursive-include ${root}${name} ${patterns.join(' ')}`);
}

/**
 * Root-level paths (files, sorted) that the sdist must ship besides the
 * import packages and the configuration: readme, license files, sdist-only
 * files and `MANIFEST.in` (all of `rootFiles`).
 */
export function sdistOnlyPaths(model: ProjectModel): string[] {
  return Object.keys(rootFiles(model)).sort();
}

/** Paths of the top-level package folders, namespace folders and module files (no trailing `/`), sorted. */
export function topLevelPaths(model: ProjectModel): string[] {
  const root = importRoot(model);
  return [
    ...model.packages.map((p) => `${root}${p.name}`),
    ...(model.namespacePackages ?? []).map((n) => `${root}${n.name}`),
    ...model.modules.map((m) => `${root}${m.name}.py`),
  ].sort();
}

/** Dotted names of every regular package (also those inside namespace packages), sorted. */
export function dottedPackageNames(model: ProjectModel): string[] {
  return allPackages(model)
    .map((p) => p.dotted)
    .sort();
}

/** Dotted names of every namespace package (PEP 420 folders), sorted. */
export function namespacePackageNames(model: ProjectModel): string[] {
  return allNamespaces(model)
    .map((n) => n.dotted)
    .sort();
}

/** Top-level module names, sorted. */
export function topLevelModuleNames(model: ProjectModel): string[] {
  return model.modules.map((m) => m.name).sort();
}

/**
 * Dotted package name (regular or namespace) -> the files in its folder
 * that are not `.py` modules: data files (executable package data and the
 * data path edges' files too),
 * `py.typed`, `.pyi` stubs (paths
 * relative to the package folder, sorted); only packages that have some.
 */
export function packageDataPaths(model: ProjectModel): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const withFiles = allPackages(model)
    .map(({ dotted, pkg }) => ({
      dotted,
      paths: [...pkg.data.map((d) => d.path), ...(pkg.typed === true ? ['py.typed'] : []), ...(pkg.stubs ?? []).map((s) => `${s.name}.pyi`)],
    }))
    .map(({ dotted, paths }) => ({ dotted, paths: dotted === model.packages[0]?.name ? [...paths, ...firstPackageExtraData(model)] : paths }))
    .filter(({ paths }) => paths.length > 0);
  for (const { dotted, paths } of withFiles.sort((a, b) => (a.dotted < b.dotted ? -1 : 1))) out[dotted] = paths.sort();
  return out;
}

/**
 * setuptools `data_files`: destination folder (relative to the data scheme,
 * `.` for its root) -> the project paths of the files installed there, both
 * sorted.
 */
export function setuptoolsDataFiles(model: ProjectModel): [string, string[]][] {
  const byDir = new Map<string, string[]>();
  for (const f of model.wheelData ?? []) {
    const slash = f.path.lastIndexOf('/');
    const dir = slash < 0 ? '.' : f.path.slice(0, slash);
    byDir.set(dir, [...(byDir.get(dir) ?? []), `${WHEEL_DATA_DIR}/${f.path}`]);
  }
  return [...byDir].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([dir, paths]) => [dir, paths.sort()]);
}

/** Project paths of the scripts (`scripts/<name>`), sorted. */
export function scriptPaths(model: ProjectModel): string[] {
  return (model.scriptFiles ?? []).map((s) => `${SCRIPTS_DIR}/${s.path}`).sort();
}

/** A FileMap whose keys are inserted in sorted order (deterministic iteration). */
export function sortedFileMap(files: FileMap): FileMap {
  const out: FileMap = {};
  for (const path of Object.keys(files).sort()) out[path] = files[path] as string | Uint8Array;
  return out;
}
