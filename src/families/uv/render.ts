/**
 * uv_build, style `pyproject`: `[project]` plus `[tool.uv.build-backend]`:
 *
 * - `module-root`: `""` (flat layout) or `"src"` (uv_build's default, written
 *   anyway), or the model's `packageDir` (`"lib"`);
 * - `module-name`: the top-level package's import name as written (uv_build
 *   would otherwise derive a lowercase name from the distribution name), or
 *   the sorted list of them when there are several (uv_build 0.7.20 and
 *   later);
 * - `namespace = true` when the model has PEP 420 namespace folders (their
 *   names go into `module-name`; uv_build 0.7.13 and later);
 * - `source-include`: the project's root files (readme, license files,
 *   sdist-only files, `MANIFEST.in`), escaped for uv's globs, which go to the
 *   sdist only.
 *
 * - `data = { data = "data" }` for wheel data files.
 *
 * uv_build ships every file inside a module folder (but `__pycache__`,
 * `*.pyc`, `*.pyo`), so package data, `py.typed` and stubs need no
 * configuration. It packages only import packages: top-level single-file
 * modules cannot be expressed, which `uvProblem` (canRender.ts) checks.
 */
import { WHEEL_DATA_DIR, type ProjectModel } from '../../model/projectModel.js';
import type { FamilyRenderer } from '../../render/_internals/familyRenderer.js';
import { excludePatterns, packageDirOf, sdistOnlyPaths, sortedFileMap, sourceFiles } from '../../render/_internals/projectFiles.js';
import { buildSystemTable, pinnedRequirement, projectTable } from '../../render/_internals/projectTable.js';
import { tomlDocument, type TomlTable } from '../../render/_internals/toml.js';
import { UV_GLOB_ESCAPES, UV_MINIMUM, UV_MODULE_LISTS, UV_NAMESPACE, assertRenderable, uvGlobEscape } from '../../render/canRender.js';

/** The top-level import names uv_build packages: regular packages and namespace folders, sorted. */
function moduleNames(model: ProjectModel): string[] {
  return [...model.packages.map((p) => p.name), ...(model.namespacePackages ?? []).map((n) => n.name)].sort();
}

function backendTable(model: ProjectModel): TomlTable {
  const names = moduleNames(model);
  const table: TomlTable = {
    'module-root': model.layout === 'src' ? packageDirOf(model) : '',
    'module-name': names.length === 1 ? (names[0] as string) : names,
  };
  if ((model.namespacePackages ?? []).length > 0) table.namespace = true;
  const extra = sdistOnlyPaths(model).map(uvGlobEscape);
  if (extra.length > 0) table['source-include'] = extra;
  // Excluded files (scope `both` only: uv_build applies source-exclude to the wheel too).
  const excludes = excludePatterns(model, ['both']);
  if (excludes.length > 0) table['source-exclude'] = excludes;
  // The data folder holds exactly the wheel data files, so the folder maps one to one.
  if ((model.wheelData ?? []).length > 0) table.data = { data: WHEEL_DATA_DIR };
  return table;
}

/** Lower bound for `[build-system] requires` when the version is unknown: what the rendering needs. */
function minimum(model: ProjectModel): string {
  if (moduleNames(model).length > 1) return UV_MODULE_LISTS;
  if ((model.namespacePackages ?? []).length > 0) return UV_NAMESPACE;
  return sdistOnlyPaths(model).some((p) => uvGlobEscape(p) !== p) ? UV_GLOB_ESCAPES : UV_MINIMUM;
}

export const uvRenderer: FamilyRenderer = {
  family: 'uv',
  styles: ['pyproject'],
  render(model, { familyVersion }) {
    assertRenderable(model, 'uv', familyVersion);
    const pyproject = tomlDocument({
      'build-system': buildSystemTable(pinnedRequirement('uv_build', familyVersion, `>=${minimum(model)}`), 'uv_build'),
      // uv_build has no dynamic metadata: a dynamic version is written statically.
      project: projectTable(model, { dynamicVersion: false }),
      tool: { uv: { 'build-backend': backendTable(model) } },
    });
    return sortedFileMap({ ...sourceFiles(model), 'pyproject.toml': pyproject });
  },
};
