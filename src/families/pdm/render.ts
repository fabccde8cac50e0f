/**
 * pdm-backend, style `pyproject`: `[project]` plus `[tool.pdm.build]` with
 * the file selection explicit, so that no discovery decides what is shipped:
 *
 * - `includes`: the top-level package folders (regular and namespace) and
 *   module files, with their `src/` prefix in the src layout; pdm ships every
 *   file inside an included folder (data, `py.typed`, stubs);
 * - `package-dir = "src"` for the src layout (strips the prefix in wheels;
 *   the model's `packageDir` likewise: `package-dir = "lib"`);
 * - `source-includes`: the project's root files (readme, license files,
 *   sdist-only files, `MANIFEST.in`), which go to the sdist only. Without it
 *   pdm-backend would default to `["tests"]`, so it is written whenever
 *   there is something to list.
 *
 * A dynamic version is read from the version module (`[tool.pdm.version]
 * source = "file"`).
 *
 * Wheel data files: `wheel-data`, every file below `data/` relative to it.
 *
 * pdm-backend 2.0.0 raises KeyError on a `[project]` without `dynamic`
 * (fixed in 2.0.1): the renderer does not work around it, since a project
 * without the key is valid and the crash is a real finding
 * (corpus/findings/pdm-backend-2.0.0-keyerror-dynamic.json).
 *
 * pdm-backend 2.0 and later (`pdm` releases before 2.0 are pdm-pep517).
 * Version-aware: before 2.4, a license expression is written as
 * `license = {text = ...}` and `license-files` is left out (capabilities.ts).
 */
import { WHEEL_DATA_DIR, type ProjectModel } from '../../model/projectModel.js';
import type { FamilyRenderer } from '../../render/_internals/familyRenderer.js';
import { excludePatterns, packageDirOf, sdistOnlyPaths, sortedFileMap, sourceFiles, topLevelPaths, versionFile } from '../../render/_internals/projectFiles.js';
import { buildSystemTable, pep639Options, pinnedRequirement, projectTable } from '../../render/_internals/projectTable.js';
import { tomlDocument, type TomlTable } from '../../render/_internals/toml.js';
import { assertRenderable, pythonGlobEscape } from '../../render/canRender.js';


const MINIMUM = '>=2.0';

function buildTable(model: ProjectModel): TomlTable {
  const table: TomlTable = { includes: topLevelPaths(model).map(pythonGlobEscape) };
  if (model.layout === 'src') table['package-dir'] = packageDirOf(model);
  const extra = sdistOnlyPaths(model).map(pythonGlobEscape);
  if (extra.length > 0) table['source-includes'] = extra;
  // Excluded files (scope `both` only: pdm-backend's excludes apply to every target).
  const excludes = excludePatterns(model, ['both']);
  if (excludes.length > 0) table.excludes = excludes;
  // Every file below the data folder, at its path relative to it.
  if ((model.wheelData ?? []).length > 0) table['wheel-data'] = { data: [{ path: `${WHEEL_DATA_DIR}/**/*`, 'relative-to': WHEEL_DATA_DIR }] };
  return table;
}

/** `[tool.pdm]`: the build table, and `version = {source = "file", path}` for a dynamic version. */
function pdmTable(model: ProjectModel): TomlTable {
  const table: TomlTable = { build: buildTable(model) };
  const holder = versionFile(model);
  if (holder !== null) table.version = { source: 'file', path: holder };
  return table;
}

export const pdmRenderer: FamilyRenderer = {
  family: 'pdm',
  styles: ['pyproject'],
  render(model, { familyVersion }) {
    assertRenderable(model, 'pdm', familyVersion);
    const project = projectTable(model, pep639Options('pdm', familyVersion));
    const pyproject = tomlDocument({
      'build-system': buildSystemTable(pinnedRequirement('pdm-backend', familyVersion, MINIMUM), 'pdm.backend'),
      project,
      tool: { pdm: pdmTable(model) },
    });
    return sortedFileMap({ ...sourceFiles(model), 'pyproject.toml': pyproject });
  },
};
