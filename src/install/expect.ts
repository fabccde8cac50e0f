/**
 * What an installed project must look like, derived from the project model in
 * this one place: the import names to import (packages, namespace packages,
 * modules), the package resources to read back (data files, `py.typed`,
 * stubs) with their bytes, the distribution's name, version, requirements,
 * extras and entry points as `importlib.metadata` must give them, the
 * launchers of console and GUI scripts, and every file each scheme of an
 * installation (purelib/platlib, scripts, data, headers) may hold.
 *
 * The files a wheel ships come from the renderers' own list
 * (`importFiles`, the files every family writes alike), so that a module
 * added to the model reaches the expectation without a second list here;
 * files the configuration excludes from the sdist only ship in the wheel
 * too (`shipExpectation`), so a regular install holds them; the model's
 * executable files are installed executable (`executables`).
 */
import { createHash } from 'node:crypto';
import { allNamespaces, allPackages, modelExtras, type ProjectModel } from '../model/projectModel.js';
import { shipExpectation } from '../model/excludedFiles.js';
import { forceIncludedPlaces } from '../model/forceIncluded.js';
import { executableKind, executableWheelPaths } from '../model/executableFiles.js';
import { dataPathEdgeFiles } from '../model/dataPathEdges.js';
import { symlinkedDataFiles } from '../model/symlinkedData.js';
import { importFiles, importRoot } from '../render/_internals/projectFiles.js';

export interface ExpectedResource {
  /** Dotted name of the regular package holding it. */
  package: string;
  /** `/`-separated path relative to the package folder. */
  path: string;
  sha256: string;
}

export interface ExpectedScript {
  name: string;
  kind: 'console' | 'gui';
  /** `module:attr` as in the model. */
  value: string;
}

export interface InstalledExpectation {
  distribution: string;
  version: string;
  /** Dotted names to import, parents before children. */
  modules: string[];
  /** Of these, the regular packages (an `__init__.py`) and the namespace packages (none). */
  packages: string[];
  namespaces: string[];
  resources: ExpectedResource[];
  /** PEP 508 requirements as `importlib.metadata.requires` lists them (extras as `extra == "x"` markers). */
  requires: string[];
  /** Extra names as written in the model. */
  extras: string[];
  entryPoints: { group: string; name: string; value: string }[];
  scripts: ExpectedScript[];
  /** Files of the import tree, relative to purelib/platlib, with their sha256 (a regular install). */
  libFiles: Record<string, string>;
  /**
   * Files an editable install holds as files too, relative to purelib, with
   * their sha256: the force-included ones (`ProjectModel.forceIncluded`),
   * which live outside the import tree, so no path into the source tree can
   * reach them (hatchling's editable wheel ships them). Optional: absent
   * means none.
   */
  editableLibFiles?: Record<string, string>;
  /**
   * Files of the import tree (relative to purelib/platlib) that must be
   * installed executable: the model's executable files (pypa/installer
   * keeps a zip member's execute bit). Absent in expectations written
   * before file modes (none then).
   */
  executables?: string[];
  /** Files of the data scheme (`{dist}.data/data/`), relative to it, with their sha256. */
  dataFiles: Record<string, string>;
  /** Files `{dist}.data/scripts/` puts into the scripts scheme: name -> content as the model holds it. */
  scriptFiles: Record<string, string>;
  /**
   * For an editable install: the file (relative to the project root) whose
   * edit a fresh interpreter must see, and the module it is.
   */
  editTarget: { file: string; module: string } | null;
}

export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

function entryGroups(model: ProjectModel): { group: string; name: string; value: string }[] {
  return (model.entryPoints ?? []).flatMap((g) => g.entries.map((e) => ({ group: g.group, name: e.name, value: e.value })));
}

/** A requirement of an extra as core metadata writes it: its marker (if any) and `extra == "name"`. */
export function extraRequirement(requirement: string, extra: string): string {
  const i = requirement.indexOf(';');
  const extraMarker = `extra == ${JSON.stringify(extra)}`;
  if (i < 0) return `${requirement.trim()}; ${extraMarker}`;
  return `${requirement.slice(0, i).trim()}; (${requirement.slice(i + 1).trim()}) and ${extraMarker}`;
}

export function installedExpectation(model: ProjectModel): InstalledExpectation {
  const packages = allPackages(model);
  const namespaces = allNamespaces(model);
  const resources: ExpectedResource[] = [];
  const first = model.packages[0];
  for (const { dotted, pkg } of packages) {
    for (const d of pkg.data) resources.push({ package: dotted, path: d.path, sha256: sha256(d.content) });
    // Executable package data reads back like any other (src/model/executableFiles.ts).
    if (pkg === first) for (const f of model.executableFiles ?? []) if (executableKind(f) === 'data') resources.push({ package: dotted, path: f.path, sha256: sha256(f.content) });
    if (pkg === first) for (const f of dataPathEdgeFiles(model)) resources.push({ package: dotted, path: f.path, sha256: sha256(f.content) });
    // The symlinked data reads back as its target's content (installed as a copy; editable: the link itself).
    if (pkg === first) for (const f of symlinkedDataFiles(model)) resources.push({ package: dotted, path: f.path, sha256: sha256(f.content) });
    if (pkg.typed === true) resources.push({ package: dotted, path: 'py.typed', sha256: sha256('') });
    for (const s of pkg.stubs ?? []) resources.push({ package: dotted, path: `${s.name}.pyi`, sha256: sha256(s.source) });
  }
  const moduleNames: string[] = [];
  const addModules = (prefix: string, mods: { name: string }[]): void => {
    for (const m of mods) moduleNames.push(prefix ? `${prefix}.${m.name}` : m.name);
  };
  addModules('', model.modules);
  for (const { dotted, pkg } of packages) addModules(dotted, pkg.modules);
  if (first !== undefined) addModules(first.name, (model.executableFiles ?? []).filter((f) => executableKind(f) === 'module').map((f) => ({ name: f.path.slice(0, -3) })));
  for (const { dotted, ns } of namespaces) addModules(dotted, ns.modules);
  const byDepth = (a: string, b: string): number => a.split('.').length - b.split('.').length || (a < b ? -1 : a > b ? 1 : 0);
  const packageNames = packages.map((p) => p.dotted);
  const namespaceNames = namespaces.map((n) => n.dotted);
  const root = importRoot(model);
  const libFiles: Record<string, string> = {};
  for (const [path, content] of Object.entries(importFiles(model))) libFiles[path.slice(root.length)] = sha256(content);
  for (const { file, wheelPath, inWheel } of shipExpectation(model)) if (inWheel === 'present') libFiles[wheelPath] = sha256(file.content);
  // Force-included files ship inside the first package, in an editable install too.
  const editableLibFiles: Record<string, string> = {};
  for (const { file, wheelPath } of forceIncludedPlaces(model)) libFiles[wheelPath] = editableLibFiles[wheelPath] = sha256(file.content);
  const dataFiles: Record<string, string> = {};
  for (const f of model.wheelData ?? []) dataFiles[f.path] = sha256(f.content);
  const scriptFiles: Record<string, string> = {};
  for (const f of model.scriptFiles ?? []) scriptFiles[f.path] = f.content;
  const eps = entryGroups(model);
  const scripts: ExpectedScript[] = eps
    .filter((e) => e.group === 'console_scripts' || e.group === 'gui_scripts')
    .map((e) => ({ name: e.name, kind: e.group === 'gui_scripts' ? ('gui' as const) : ('console' as const), value: e.value }));
  const editModule = model.modules[0]?.name ?? packageNames[0];
  const editFile = model.modules[0] ? `${model.modules[0].name}.py` : packages[0] ? `${packages[0].dotted.replace(/\./g, '/')}/__init__.py` : null;
  return {
    distribution: model.name,
    version: model.version,
    modules: [...new Set([...packageNames, ...namespaceNames, ...moduleNames])].sort(byDepth),
    packages: packageNames,
    namespaces: namespaceNames,
    resources,
    requires: [
      ...model.dependencies.map((d) => d.trim()),
      ...modelExtras(model).flatMap((e) => e.requirements.map((r) => extraRequirement(r, e.name))),
    ],
    extras: modelExtras(model).map((e) => e.name),
    entryPoints: eps,
    scripts,
    libFiles,
    ...(Object.keys(editableLibFiles).length > 0 ? { editableLibFiles } : {}),
    executables: executableWheelPaths(model),
    dataFiles,
    scriptFiles,
    editTarget: editModule !== undefined && editFile !== null ? { file: `${root}${editFile}`, module: editModule } : null,
  };
}
