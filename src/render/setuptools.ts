/**
 * setuptools, style `pyproject`: `[project]` plus `[tool.setuptools]` with
 * everything explicit, so that no auto-discovery or default decides what is
 * shipped:
 *
 * - `packages`: every dotted package (also when empty, which disables
 *   auto-discovery);
 * - `py-modules`: every top-level module (also when empty);
 * - `package-dir = { "" = "src" }` for the src layout;
 * - `[tool.setuptools.package-data]`: each package's data files, by exact
 *   path. setuptools' sdist also adds package data, so the sdist and the
 *   wheel both get them without a MANIFEST.in.
 */
import type { ProjectModel } from '../model/projectModel.js';
import type { FamilyRenderer } from './_internals/familyRenderer.js';
import {
  dottedPackageNames,
  packageDataPaths,
  sortedFileMap,
  sourceFiles,
  topLevelModuleNames,
} from './_internals/projectFiles.js';
import { buildSystemTable, pinnedRequirement, projectTable } from './_internals/projectTable.js';
import { tomlDocument, type TomlTable } from './_internals/toml.js';

/** First setuptools with `[project]` and `[tool.setuptools]` support. */
const MINIMUM = '>=61';

function toolTable(model: ProjectModel): TomlTable {
  const table: TomlTable = {
    packages: dottedPackageNames(model),
    'py-modules': topLevelModuleNames(model),
  };
  if (model.layout === 'src') table['package-dir'] = { '': 'src' };
  const data = packageDataPaths(model);
  if (Object.keys(data).length > 0) table['package-data'] = data;
  return table;
}

export const setuptoolsRenderer: FamilyRenderer = {
  family: 'setuptools',
  styles: ['pyproject'],
  render(model, { familyVersion }) {
    const pyproject = tomlDocument({
      'build-system': buildSystemTable(pinnedRequirement('setuptools', familyVersion, MINIMUM), 'setuptools.build_meta'),
      project: projectTable(model),
      tool: { setuptools: toolTable(model) },
    });
    return sortedFileMap({ ...sourceFiles(model), 'pyproject.toml': pyproject });
  },
};
