/**
 * poetry-core, style `pyproject`, version-aware:
 *
 * - 2.0 and later (and when the version is unknown): `[project]` (PEP 621,
 *   read by poetry-core since 2.0) for the metadata;
 * - before 2.0: the metadata in `[tool.poetry]` (`name`, `version`, the
 *   required `description` and `authors`) and the dependencies in
 *   `[tool.poetry.dependencies]`, translated from PEP 508 (`name = "spec"`,
 *   or `{ version, extras, markers }`). `poetryProblem` (canRender.ts) says
 *   which models this translation cannot express.
 *
 * Either way the file selection is explicit in `[tool.poetry]`:
 *
 * - `packages`: one `{ include, from }` per top-level package folder
 *   (regular or namespace) or module file (`from = "src"` in the src layout,
 *   `from = "lib"` for the model's `packageDir`);
 *   poetry ships every file inside an included folder, in both the sdist and
 *   the wheel, so package data, `py.typed` and stubs need no configuration;
 * - `include`: the project's root files (readme, license files, sdist-only
 *   files, `MANIFEST.in`) with `format = ["sdist"]`: they belong in the sdist
 *   only. (An `include` entry without `format` is sdist-only since
 *   poetry-core 2.0 and went to both before, so the format is always written.)
 *
 * Version-aware in `[project]` too: before 2.2, a license expression is
 * written as `license = {text = ...}` and `license-files` is left out
 * (capabilities.ts).
 */
import type { ProjectModel } from '../../model/projectModel.js';
import type { FamilyRenderer } from '../../render/_internals/familyRenderer.js';
import { excludePatterns, packageDirOf, sdistOnlyPaths, sortedFileMap, sourceFiles } from '../../render/_internals/projectFiles.js';
import { buildSystemTable, pep639Options, pinnedRequirement, projectTable } from '../../render/_internals/projectTable.js';
import { tomlDocument, type TomlTable, type TomlValue } from '../../render/_internals/toml.js';
import { assertRenderable, poetryUsesToolTable, pythonGlobEscape, splitPep508 } from '../../render/canRender.js';
import { canonicalizeName } from '../../pep/name.js';



/** `[tool.poetry] packages`: top-level package and namespace folders, then module files, each sorted by name. */
function packagesList(model: ProjectModel): TomlTable[] {
  const folders = [...model.packages.map((p) => p.name), ...(model.namespacePackages ?? []).map((n) => n.name)].sort();
  const names = [...folders, ...model.modules.map((m) => `${m.name}.py`).sort()].map(pythonGlobEscape);
  return names.map((include): TomlTable => (model.layout === 'src' ? { include, from: packageDirOf(model) } : { include }));
}

/** `[tool.poetry] include` for the files that belong in the sdist only. */
function sdistIncludes(model: ProjectModel): TomlTable[] {
  return sdistOnlyPaths(model).map((path): TomlTable => ({ path: pythonGlobEscape(path), format: ['sdist'] }));
}

/**
 * One PEP 508 requirement as a `[tool.poetry.dependencies]` value: the
 * specifiers as a string (`"*"` for none), or a table when there are extras
 * or a marker. `poetryProblem` has checked that it parses.
 */
export function poetryConstraint(requirement: string): TomlValue {
  const parts = splitPep508(requirement);
  if (parts === null) throw new Error(`poetry: cannot translate requirement '${requirement}'`);
  const version = parts.specifiers === '' ? '*' : parts.specifiers;
  if (parts.extras.length === 0 && parts.marker === null) return version;
  const table: TomlTable = { version };
  if (parts.extras.length > 0) table.extras = parts.extras;
  if (parts.marker !== null) table.markers = parts.marker;
  return table;
}

/**
 * `[tool.poetry.dependencies]`: keyed by the name as first written; several
 * requirements on one (normalized) name become a list of constraints.
 */
export function poetryDependencies(requirements: readonly string[]): TomlTable {
  const byName = new Map<string, { key: string; values: TomlValue[] }>();
  for (const requirement of requirements) {
    const name = splitPep508(requirement)?.name ?? requirement;
    const entry = byName.get(canonicalizeName(name)) ?? { key: name, values: [] };
    entry.values.push(poetryConstraint(requirement));
    byName.set(canonicalizeName(name), entry);
  }
  const table: TomlTable = {};
  for (const { key, values } of byName.values()) {
    table[key] = values.length === 1 ? (values[0] as TomlValue) : values.map((v) => (typeof v === 'string' ? { version: v } : v));
  }
  return table;
}

function fileSelection(model: ProjectModel): TomlTable {
  const table: TomlTable = { packages: packagesList(model) };
  const include = sdistIncludes(model);
  if (include.length > 0) table.include = include;
  // Excluded files (scope `both` only: poetry-core's exclude applies to both formats); a folder as every file below it.
  const exclude = excludePatterns(model, ['both'], (dir) => `${dir}/**/*`);
  if (exclude.length > 0) table.exclude = exclude;
  return table;
}

/** poetry-core 1.x: everything in `[tool.poetry]`. */
function toolPoetryDocument(model: ProjectModel, familyVersion: string | undefined): string {
  const poetry: TomlTable = {
    name: model.name,
    version: model.version,
    // Required by poetry-core 1.x; poetry writes `Summary:` from it either way.
    description: model.description ?? '',
    authors: [],
    ...fileSelection(model),
  };
  if (model.dependencies.length > 0) poetry.dependencies = poetryDependencies(model.dependencies);
  return tomlDocument({
    'build-system': buildSystemTable(pinnedRequirement('poetry-core', familyVersion, '>=1.0,<2'), 'poetry.core.masonry.api'),
    tool: { poetry },
  });
}

/** poetry-core 2.x: `[project]` for the metadata, `[tool.poetry]` for the files. */
function projectDocument(model: ProjectModel, familyVersion: string | undefined): string {
  return tomlDocument({
    'build-system': buildSystemTable(pinnedRequirement('poetry-core', familyVersion, '>=2.0'), 'poetry.core.masonry.api'),
    project: projectTable(model, {
      ...pep639Options('poetry', familyVersion),
      // poetry-core takes a dynamic version from [tool.poetry] only, never from a module: static.
      dynamicVersion: false,
    }),
    tool: { poetry: fileSelection(model) },
  });
}

export const poetryRenderer: FamilyRenderer = {
  family: 'poetry',
  styles: ['pyproject'],
  render(model, { familyVersion }) {
    assertRenderable(model, 'poetry', familyVersion);
    const pyproject = poetryUsesToolTable(familyVersion)
      ? toolPoetryDocument(model, familyVersion)
      : projectDocument(model, familyVersion);
    return sortedFileMap({ ...sourceFiles(model), 'pyproject.toml': pyproject });
  },
};
