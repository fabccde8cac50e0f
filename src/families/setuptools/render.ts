/**
 * setuptools, style `pyproject`: `[project]` plus `[tool.setuptools]` with
 * everything explicit, so that no auto-discovery or default decides what is
 * shipped:
 *
 * - `packages`: every dotted package, regular and namespace (also when
 *   empty, which disables auto-discovery); a namespace folder is listed like
 *   `find_namespace:` would list it; or `[tool.setuptools.packages.find]`
 *   selecting exactly those (`SetuptoolsOptionsModel.packageFinder`,
 *   src/render/_internals/setuptoolsDiscovery.ts);
 * - `py-modules`: every top-level module (also when empty);
 * - `package-dir = { "" = "src" }` for the src layout (or the model's
 *   `packageDir`: `{ "" = "lib" }`; `package_dir` in setup.cfg and setup.py);
 * - `[tool.setuptools.package-data]`: each package's data files, `py.typed`
 *   and stubs, by exact path; or by patterns, or `include-package-data`
 *   with `MANIFEST.in` lines (`SetuptoolsOptionsModel.packageData`). setuptools' sdist also adds package data, so
 *   the sdist and the wheel both get them;
 * - `data-files` and `script-files` for the wheel's data and scripts
 *   schemes (setuptools adds both to the sdist by itself);
 * - `[tool.setuptools.dynamic] version = {attr = "MODULE.__version__"}` for
 *   a dynamic version; and for dynamic metadata (`ProjectModel.dynamicMetadata`,
 *   `setuptoolsDynamicFields`) `readme = {file = [PATH], content-type = ...}`,
 *   `dependencies = {file = ["requirements.txt"]}` and
 *   `optional-dependencies.X = {file = ["requirements-x.txt"]}` (62.6.0 and
 *   later; older releases write the requirements statically);
 * - `[tool.distutils.COMMAND]` for the model's command options
 *   (`ProjectModel.setuptoolsCommandOptions`,
 *   src/render/_internals/setuptoolsCommandOptions.ts);
 * - root files: the readme and license files are added to the sdist by
 *   setuptools itself; sdist-only files through `MANIFEST.in` (see
 *   `manifestIn`).
 *
 * Version-aware: before 77 a license expression is written as
 * `license = {text = ...}` and license files as `[tool.setuptools]
 * license-files`; before 61 there is no `[project]`, and the default style
 * is `setup.cfg`.
 */
import { ConfigError } from '../../errors.js';
import { modelExtras, readmePath, versionModule, type ProjectModel } from '../../model/projectModel.js';
import { REQUIREMENTS_FILE, activeDynamicMetadata, extraRequirementsFile } from '../../model/dynamicMetadata.js';
import { supports } from '../../render/capabilities.js';
import type { FamilyRenderer } from '../../render/_internals/familyRenderer.js';
import {
  dottedPackageNames,
  namespacePackageNames,
  packageDataGlobs,
  packageDirOf,
  packageDataPaths,
  scriptPaths,
  setuptoolsPackageDataStyle,
  setuptoolsDataFiles,
  sortedFileMap,
  sourceFiles,
  topLevelModuleNames,
} from '../../render/_internals/projectFiles.js';
import { buildSystemTable, pinnedRequirement, projectTable, type DynamicField } from '../../render/_internals/projectTable.js';
import { renderSetupCfg, renderSetupPy } from '../../render/_internals/setuptoolsLegacy.js';
import { packageFind } from '../../render/_internals/setuptoolsDiscovery.js';
import { distutilsTable } from '../../render/_internals/setuptoolsCommandOptions.js';
import { tomlDocument, type TomlTable } from '../../render/_internals/toml.js';

/** First setuptools with `[project]` and `[tool.setuptools]` support. */
const MINIMUM = '>=61';

/** Every package setuptools must build, regular and namespace, sorted. */
export function setuptoolsPackages(model: ProjectModel): string[] {
  return [...dottedPackageNames(model), ...namespacePackageNames(model)].sort();
}

/**
 * The `[project]` keys setuptools reads through `[tool.setuptools.dynamic]`
 * for the model's dynamic metadata (in `[project] dynamic` order): `readme`
 * for a readme file, `dependencies` and `optional-dependencies` when the
 * release reads requirements files (62.6.0 and later).
 */
export function setuptoolsDynamicFields(model: ProjectModel, familyVersion: string | undefined): DynamicField[] {
  const active = activeDynamicMetadata(model);
  const out: DynamicField[] = [];
  if (active.readme) out.push('readme');
  if (active.dependencies && supports('dynamic:dependencies', 'setuptools', familyVersion)) out.push('dependencies');
  if (active.optionalDependencies && supports('dynamic:optional-dependencies', 'setuptools', familyVersion)) out.push('optional-dependencies');
  return out;
}

/** `[tool.setuptools.dynamic]`: the version's `attr` and the files of `setuptoolsDynamicFields` (empty when nothing is dynamic). */
function dynamicTable(model: ProjectModel, familyVersion: string | undefined): TomlTable {
  const table: TomlTable = {};
  const holder = versionModule(model);
  if (model.dynamicVersion === true && holder !== null) table.version = { attr: `${holder.dotted}.__version__` };
  for (const field of setuptoolsDynamicFields(model, familyVersion)) {
    if (field === 'readme') table.readme = { file: [readmePath(model.readme)!], 'content-type': model.readme!.contentType };
    else if (field === 'dependencies') table.dependencies = { file: [REQUIREMENTS_FILE] };
    else if (field === 'optional-dependencies') {
      table['optional-dependencies'] = Object.fromEntries(modelExtras(model).map((e) => [e.name, { file: [extraRequirementsFile(e.name)] }]));
    }
  }
  return table;
}

function toolTable(model: ProjectModel, familyVersion: string | undefined): TomlTable {
  const find = packageFind(model);
  const table: TomlTable = {
    packages: find === null ? setuptoolsPackages(model) : { find: { where: [find.where], ...(find.include !== undefined ? { include: find.include } : {}), exclude: find.exclude, namespaces: find.namespaces } },
    'py-modules': topLevelModuleNames(model),
  };
  if (model.layout === 'src') table['package-dir'] = { '': packageDirOf(model) };
  const dynamic = dynamicTable(model, familyVersion);
  if (Object.keys(dynamic).length > 0) table.dynamic = dynamic;
  const style = setuptoolsPackageDataStyle(model);
  const data = style === 'glob' ? packageDataGlobs(model) : packageDataPaths(model);
  if (style === 'manifest') table['include-package-data'] = true;
  else if (Object.keys(data).length > 0) table['package-data'] = data;
  const dataFiles = setuptoolsDataFiles(model);
  if (dataFiles.length > 0) table['data-files'] = Object.fromEntries(dataFiles);
  const scripts = scriptPaths(model);
  if (scripts.length > 0) table['script-files'] = scripts;
  const licenseFiles = (model.licenseFiles ?? []).map((f) => f.path);
  if (licenseFiles.length > 0 && !supports('license-files', 'setuptools', familyVersion)) table['license-files'] = licenseFiles;
  return table;
}

/** `[tool.distutils]` for the model's command options (`ProjectModel.setuptoolsCommandOptions`), or nothing. */
function withDistutils(model: ProjectModel): TomlTable {
  const distutils = distutilsTable(model);
  return distutils === undefined ? {} : { distutils };
}

function renderPyproject(model: ProjectModel, familyVersion: string | undefined) {
  if (!supports('config:pyproject', 'setuptools', familyVersion, 'pyproject')) {
    throw new ConfigError(
      `render: setuptools ${String(familyVersion)} has no [project] support (setuptools 61 or newer has)`,
      'render this family in the setup.cfg or setup.py style',
    );
  }
  const pep639 = supports('license-files', 'setuptools', familyVersion);
  const pyproject = tomlDocument({
    'build-system': buildSystemTable(pinnedRequirement('setuptools', familyVersion, MINIMUM), 'setuptools.build_meta'),
    project: projectTable(model, {
      licenseExpression: supports('license:spdx', 'setuptools', familyVersion),
      licenseFiles: pep639 ? 'array' : 'omit',
      dynamicFields: setuptoolsDynamicFields(model, familyVersion),
    }),
    tool: { setuptools: toolTable(model, familyVersion), ...withDistutils(model) },
  });
  return sortedFileMap({ ...sourceFiles(model), 'pyproject.toml': pyproject });
}

export const setuptoolsRenderer: FamilyRenderer = {
  family: 'setuptools',
  styles: ['pyproject', 'setup.cfg', 'setup.py'],
  defaultStyle: (familyVersion) => (supports('config:pyproject', 'setuptools', familyVersion, 'pyproject') ? 'pyproject' : 'setup.cfg'),
  render(model, { style, familyVersion }) {
    if (style === 'setup.cfg') return renderSetupCfg(model, familyVersion);
    if (style === 'setup.py') return renderSetupPy(model, familyVersion);
    return renderPyproject(model, familyVersion);
  },
};
