/**
 * hatchling, style `pyproject`: `[project]` plus explicit file selection for
 * both targets, so that no discovery or VCS ignore file decides what is
 * shipped:
 *
 * - wheel: `only-include` of the top-level package folders and module files,
 *   with `sources = ["src"]` for the src layout (strips the `src/` prefix);
 * - sdist: `only-include` of the same paths; hatchling always adds
 *   `pyproject.toml` itself.
 */
import type { ProjectModel } from '../model/projectModel.js';
import type { FamilyRenderer } from './_internals/familyRenderer.js';
import { sortedFileMap, sourceFiles, topLevelPaths } from './_internals/projectFiles.js';
import { buildSystemTable, pinnedRequirement, projectTable } from './_internals/projectTable.js';
import { tomlDocument, type TomlTable } from './_internals/toml.js';

function targetsTable(model: ProjectModel): TomlTable {
  const paths = topLevelPaths(model);
  const wheel: TomlTable = { 'only-include': paths };
  if (model.layout === 'src') wheel.sources = ['src'];
  return { wheel, sdist: { 'only-include': [...paths] } };
}

export const hatchlingRenderer: FamilyRenderer = {
  family: 'hatchling',
  styles: ['pyproject'],
  render(model, { familyVersion }) {
    const pyproject = tomlDocument({
      'build-system': buildSystemTable(pinnedRequirement('hatchling', familyVersion), 'hatchling.build'),
      project: projectTable(model),
      tool: { hatch: { build: { targets: targetsTable(model) } } },
    });
    return sortedFileMap({ ...sourceFiles(model), 'pyproject.toml': pyproject });
  },
};
