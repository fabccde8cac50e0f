/** The PEP 621 `[project]` table, the same for every family that reads it. */
import { declaredImportNames, importNameEntry, modelExtras, readmePath, versionModule, type PersonModel, type ProjectModel } from '../../model/projectModel.js';
import type { Family } from '../../backends/types.js';
import { supports } from '../capabilities.js';
import type { TomlTable } from './toml.js';

/** How the license is written, for backend versions before PEP 639 (see `capabilities.ts`). */
export interface ProjectTableOptions {
  /**
   * `license = "SPDX"` (PEP 639, default), or the older `license = {text = "SPDX"}`
   * for a backend that has no license expressions.
   */
  licenseExpression?: boolean;
  /**
   * `license-files`: `array` (PEP 639, default), `paths-table` (the PEP 639
   * draft `license-files = {paths = [...]}` of hatchling before 1.27), or
   * `omit` (the family lists them elsewhere, e.g. `[tool.setuptools]`).
   */
  licenseFiles?: 'array' | 'paths-table' | 'omit';
  /**
   * Whether a dynamic version of the model is written as `dynamic =
   * ["version"]` (default true; the family then configures where it reads
   * it) or statically, for a family that has no dynamic version.
   */
  dynamicVersion?: boolean;
  /**
   * `[project]` keys the family reads dynamically (dynamic metadata beyond
   * the version, `src/model/dynamicMetadata.ts`): each is left out and
   * listed in `dynamic` (default none).
   */
  dynamicFields?: readonly DynamicField[];
}

/** `[project]` keys other than `version` that a renderer may declare dynamic. */
export type DynamicField = 'readme' | 'dependencies' | 'optional-dependencies' | 'description';

/** Key order of JS sorting, which `tomlDocument` also uses: renderings of lists keyed by name follow it. */
export function byKey<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
}

/** A PEP 621 author/maintainer table. */
function person(p: PersonModel): TomlTable {
  const t: TomlTable = {};
  if (p.name !== undefined) t.name = p.name;
  if (p.email !== undefined) t.email = p.email;
  return t;
}

/** `group -> {name: value}` for every entry point group of the model that has entries. */
export function entryPointTables(model: ProjectModel): { scripts?: TomlTable; gui?: TomlTable; other: Record<string, TomlTable> } {
  const out: { scripts?: TomlTable; gui?: TomlTable; other: Record<string, TomlTable> } = { other: {} };
  for (const group of model.entryPoints ?? []) {
    if (group.entries.length === 0) continue;
    const table: TomlTable = {};
    for (const e of group.entries) table[e.name] = e.value;
    if (group.group === 'console_scripts') out.scripts = table;
    else if (group.group === 'gui_scripts') out.gui = table;
    else out.other[group.group] = table;
  }
  return out;
}

/**
 * `[project]` for a model with static metadata. Every key appears only when
 * the model has it (a null description writes no key, no dependencies write
 * no key, ...):
 *
 * - `name`, `version`, `description`, `requires-python`, `dependencies`;
 * - `readme`: `"README.md"` (form `file`), `{file, content-type}`
 *   (`file-table`) or `{text, content-type}` (`inline`);
 * - `license`: `"SPDX"`, `{text = ...}` or `{file = ...}`, and
 *   `license-files` (see `ProjectTableOptions`);
 * - `authors`, `maintainers`, `keywords`, `classifiers`, `urls`,
 *   `optional-dependencies`, `scripts`, `gui-scripts`, `entry-points`;
 * - `dynamic = ["version"]` instead of `version` for a dynamic version
 *   (see `ProjectTableOptions.dynamicVersion`), and the keys of
 *   `ProjectTableOptions.dynamicFields` listed in `dynamic` instead of written.
 */
/**
 * The PEP 639 options of `projectTable` for a family at a version: a license
 * expression where the family takes one, `license-files` as an array where it
 * takes PEP 639's, else `before` (hatchling's older `{paths = [...]}` table,
 * or nothing).
 */
export function pep639Options(family: Family, familyVersion: string | undefined, before: 'paths-table' | 'omit' = 'omit'): ProjectTableOptions {
  return {
    licenseExpression: supports('license:spdx', family, familyVersion),
    licenseFiles: supports('license-files', family, familyVersion) ? 'array' : before,
  };
}

export function projectTable(model: ProjectModel, options: ProjectTableOptions = {}): TomlTable {
  const { licenseExpression = true, licenseFiles = 'array', dynamicVersion = true } = options;
  const dynamic = dynamicVersion && model.dynamicVersion === true && versionModule(model) !== null;
  const table: TomlTable = dynamic ? { name: model.name } : { name: model.name, version: model.version };
  if (model.description !== null) table.description = model.description;
  if (model.requiresPython !== undefined) table['requires-python'] = model.requiresPython;
  if (model.dependencies.length > 0) table.dependencies = [...model.dependencies];
  const readme = model.readme;
  if (readme !== undefined) {
    const file = readmePath(readme);
    if (file === null) table.readme = { text: readme.text, 'content-type': readme.contentType };
    else if (readme.form === 'file') table.readme = file;
    else table.readme = { file, 'content-type': readme.contentType };
  }
  const license = model.license;
  if (license !== undefined) {
    if (license.kind === 'spdx') table.license = licenseExpression ? license.expression : { text: license.expression };
    else if (license.kind === 'text') table.license = { text: license.text };
    else table.license = { file: license.path };
  }
  const files = model.licenseFilePatterns ?? (model.licenseFiles ?? []).map((f) => f.path);
  if (files.length > 0 && licenseFiles !== 'omit') {
    table['license-files'] = licenseFiles === 'array' ? files : { paths: files };
  }
  if (model.authors !== undefined && model.authors.length > 0) table.authors = model.authors.map(person);
  if (model.maintainers !== undefined && model.maintainers.length > 0) table.maintainers = model.maintainers.map(person);
  if (model.keywords !== undefined && model.keywords.length > 0) table.keywords = [...model.keywords];
  if (model.classifiers !== undefined && model.classifiers.length > 0) table.classifiers = [...model.classifiers];
  if (model.urls !== undefined && model.urls.length > 0) {
    const urls: TomlTable = {};
    for (const u of model.urls) urls[u.label] = u.url;
    table.urls = urls;
  }
  if (modelExtras(model).length > 0) {
    const extras: TomlTable = {};
    for (const e of modelExtras(model)) extras[e.name] = [...e.requirements];
    table['optional-dependencies'] = extras;
  }
  const eps = entryPointTables(model);
  if (eps.scripts !== undefined) table.scripts = eps.scripts;
  if (eps.gui !== undefined) table['gui-scripts'] = eps.gui;
  if (Object.keys(eps.other).length > 0) table['entry-points'] = eps.other;
  const declared = declaredImportNames(model);
  if (declared !== null && model.importNames !== undefined) {
    const spelling = model.importNames.spelling;
    table['import-names'] = declared.names.map((n) => importNameEntry(n, spelling));
    if (declared.namespaces.length > 0) table['import-namespaces'] = declared.namespaces.map((n) => importNameEntry(n, spelling));
  }
  const dynamicFields = options.dynamicFields ?? [];
  for (const key of dynamicFields) delete table[key];
  const names = [...(dynamic ? ['version'] : []), ...dynamicFields];
  if (names.length > 0) table.dynamic = names;
  return table;
}

/** `[build-system]` for one backend distribution and hook module. */
export function buildSystemTable(requirement: string, backend: string): TomlTable {
  return { requires: [requirement], 'build-backend': backend };
}

/** Roughly a PEP 440 version (public or local); anything else is not worth pinning. */
const PINNABLE = /^v?[0-9][A-Za-z0-9.!+_-]*$/;

/**
 * `name==version` when the backend's version is known (and looks like a
 * version: a backend from a folder may report something else), else `name`
 * plus the fallback specifier.
 */
export function pinnedRequirement(distribution: string, familyVersion: string | undefined, fallback = ''): string {
  return familyVersion !== undefined && PINNABLE.test(familyVersion)
    ? `${distribution}==${familyVersion}`
    : `${distribution}${fallback}`;
}
