/**
 * hatchling, style `pyproject`: `[project]` plus explicit file selection for
 * both targets, so that no discovery or VCS ignore file decides what is
 * shipped:
 *
 * - wheel: `only-include` of the top-level package folders (regular and
 *   namespace) and module files, with `sources = ["src"]` for the src layout
 *   (strips the `src/` prefix; `sources = ["lib"]` for the model's `packageDir`); everything inside those folders ships
 *   (data, `py.typed`, stubs);
 * - sdist: `only-include` of the same paths plus the root files the sdist
 *   needs (readme, license files, sdist-only files, `MANIFEST.in`);
 *   hatchling always adds `pyproject.toml` itself.
 *
 * The wheel's selection has two other spellings of the same files
 * (`HatchlingOptionsModel.wheelSelection`): `packages = ["src/pkg"]`, and
 * `sources = {"src" = ""}`.
 *
 * `support-legacy = true` in the sdist target when the model asks for the
 * generated `setup.py` (`HatchlingOptionsModel.supportLegacy`).
 *
 * Force-included files (`ProjectModel.forceIncluded`): the wheel target's
 * `force-include` maps each `assets/<path>` to `<pkg>/<path>`; the sdist
 * lists them with the other root files.
 *
 * Wheel data files are mapped one by one (`shared-data`).
 *
 * A dynamic version is read from the version module (`[tool.hatch.version] path`).
 *
 * Version-aware: before 1.27 a license expression is written as
 * `license = {text = ...}` and license files as `license-files = {paths = [...]}`.
 */
import { WHEEL_DATA_DIR, type ProjectModel } from '../../model/projectModel.js';
import { forceIncludedPlaces } from '../../model/forceIncluded.js';
import type { FamilyRenderer } from '../../render/_internals/familyRenderer.js';
import { excludePatterns, packageDirOf, sdistOnlyPaths, sortedFileMap, sourceFiles, topLevelPaths, versionFile } from '../../render/_internals/projectFiles.js';
import { buildSystemTable, pep639Options, pinnedRequirement, projectTable } from '../../render/_internals/projectTable.js';
import { tomlDocument, type TomlTable } from '../../render/_internals/toml.js';

/** The wheel target's file selection: `only-include` and `sources`, or one of `HatchlingOptionsModel.wheelSelection`'s spellings. */
function wheelSelection(model: ProjectModel): TomlTable {
  // A metapackage's wheel selects nothing: only-include = [] would fall back to hatchling's defaults.
  if (model.metaPackage === true) return { 'bypass-selection': true };
  const paths = topLevelPaths(model);
  const style = model.hatchling?.wheelSelection;
  // `packages`: only-include of each path, shipped under its last component (the folder rewritten to the root).
  if (style === 'packages') return { packages: paths };
  const wheel: TomlTable = { 'only-include': paths };
  if (model.layout === 'src') wheel.sources = style === 'sources-table' ? { [packageDirOf(model)]: '' } : [packageDirOf(model)];
  return wheel;
}

function targetsTable(model: ProjectModel): TomlTable {
  const paths = topLevelPaths(model);
  const wheel = wheelSelection(model);
  // Force-included files: from assets/ into the first package's folder in the wheel (distribution paths, not rewritten by sources).
  const forced = forceIncludedPlaces(model);
  if (forced.length > 0) wheel['force-include'] = Object.fromEntries(forced.map((f) => [f.projectPath, f.wheelPath]));
  const shared = model.wheelData ?? [];
  if (shared.length > 0) wheel['shared-data'] = Object.fromEntries(shared.map((f) => [`${WHEEL_DATA_DIR}/${f.path}`, f.path]));
  const sdist: TomlTable = { 'only-include': [...paths, ...sdistOnlyPaths(model)].sort() };
  if (model.hatchling?.supportLegacy === true) sdist['support-legacy'] = true;
  excludeRules(model, wheel, sdist);
  return { wheel, sdist };
}

/** Excluded files: `exclude` of each target (patterns anchored at the project root; `sdist`-scope files in the sdist's only). */
function excludeRules(model: ProjectModel, wheel: TomlTable, sdist: TomlTable): void {
  const anchored = (p: string): string => `/${p}`;
  const both = excludePatterns(model, ['both']).map(anchored);
  const sdistToo = excludePatterns(model, ['both', 'sdist']).map(anchored);
  if (both.length > 0) wheel.exclude = both;
  if (sdistToo.length > 0) sdist.exclude = sdistToo;
}

export const hatchlingRenderer: FamilyRenderer = {
  family: 'hatchling',
  styles: ['pyproject'],
  render(model, { familyVersion }) {
    const project = projectTable(model, pep639Options('hatchling', familyVersion, 'paths-table'));
    const hatch: TomlTable = { build: { targets: targetsTable(model) } };
    const holder = versionFile(model);
    if (holder !== null) hatch.version = { path: holder };
    const pyproject = tomlDocument({
      'build-system': buildSystemTable(pinnedRequirement('hatchling', familyVersion), 'hatchling.build'),
      project,
      tool: { hatch },
    });
    return sortedFileMap({ ...sourceFiles(model), 'pyproject.toml': pyproject });
  },
};
