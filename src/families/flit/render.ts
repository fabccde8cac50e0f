/**
 * flit-core, style `pyproject`: `[project]` (flit-core 3.2 and later) plus
 * `[tool.flit.module] name`, the one import package or module flit ships.
 *
 * flit's rules, which `flitProblem` (canRender.ts) checks before rendering:
 *
 * - exactly one top-level package or module; flit finds it next to
 *   `pyproject.toml` or under `src/` by itself, and ships every file inside
 *   a package folder (data, `py.typed`, stubs need no configuration). A
 *   package or module inside PEP 420 namespace folders has a dotted name
 *   (`ns.pkg`, flit-core 3.5 and later), provided each namespace folder on
 *   the way holds only the next one;
 * - a summary is required: a static `description`, or a dynamic one from the
 *   module docstring (which a model without a description cannot express);
 * - flit-core before 3.2 has only `[tool.flit.metadata]`, which takes version
 *   and summary from the module and requires an author: not rendered.
 *
 * The sdist holds the module, `pyproject.toml`, the readme and license
 * files; the project's other root files (sdist-only files, `MANIFEST.in`)
 * are listed in `[tool.flit.sdist] include` (all root files are listed, which
 * is harmless for those flit adds anyway).
 *
 * Dynamic metadata: a summary held as the module's docstring
 * (`ProjectModel.dynamicMetadata.description`) is `dynamic = ["description"]`
 * when the docstring is in the module flit ships (`flitDynamicFields`).
 *
 * Wheel data files: `[tool.flit.external-data] directory = "data"` (flit-core 3.7 and later).
 *
 * Version-aware: before 3.11, a license expression is written as
 * `license = {text = ...}` and `license-files` is left out (capabilities.ts).
 */
import { WHEEL_DATA_DIR, versionModule, type ProjectModel } from '../../model/projectModel.js';
import { activeDynamicMetadata } from '../../model/dynamicMetadata.js';
import type { FamilyRenderer } from '../../render/_internals/familyRenderer.js';
import { excludePatterns, sdistOnlyPaths, sortedFileMap, sourceFiles } from '../../render/_internals/projectFiles.js';
import { buildSystemTable, pep639Options, pinnedRequirement, projectTable, type DynamicField } from '../../render/_internals/projectTable.js';
import { tomlDocument, type TomlTable } from '../../render/_internals/toml.js';
import { FLIT_NAMESPACES, assertRenderable, flitModule, pythonGlobEscape } from '../../render/canRender.js';

/** First flit-core with `[project]` and `[tool.flit.module]`. */
const MINIMUM = '3.2';

/** The module flit ships (`assertRenderable` has checked that there is one). */
function moduleOf(model: ProjectModel): { name: string; namespaced: boolean } {
  const module = flitModule(model);
  if (typeof module === 'string') throw new Error(`flit: ${module}`);
  return module;
}

/** `['description']` when the model's summary is the docstring of the module flit ships (flit reads its first line), else none. */
export function flitDynamicFields(model: ProjectModel): DynamicField[] {
  return activeDynamicMetadata(model).description && versionModule(model)?.dotted === moduleOf(model).name ? ['description'] : [];
}

function toolTable(model: ProjectModel): TomlTable {
  const flit: TomlTable = { module: { name: moduleOf(model).name } };
  const extra = sdistOnlyPaths(model).map(pythonGlobEscape);
  // Excluded files (scope `sdist` only: flit's wheel ships the whole module folder).
  const exclude = excludePatterns(model, ['sdist']);
  if (extra.length > 0 || exclude.length > 0) flit.sdist = { ...(extra.length > 0 ? { include: extra } : {}), ...(exclude.length > 0 ? { exclude } : {}) };
  // The data folder holds exactly the wheel data files, so the folder maps one to one.
  if ((model.wheelData ?? []).length > 0) flit['external-data'] = { directory: WHEEL_DATA_DIR };
  return flit;
}

export const flitRenderer: FamilyRenderer = {
  family: 'flit',
  styles: ['pyproject'],
  render(model, { familyVersion }) {
    assertRenderable(model, 'flit', familyVersion);
    const project = projectTable(model, { ...pep639Options('flit', familyVersion), dynamicFields: flitDynamicFields(model) });
    const pyproject = tomlDocument({
      'build-system': buildSystemTable(
        pinnedRequirement('flit_core', familyVersion, `>=${moduleOf(model).namespaced ? FLIT_NAMESPACES : MINIMUM}`),
        'flit_core.buildapi',
      ),
      project,
      tool: { flit: toolTable(model) },
    });
    return sortedFileMap({ ...sourceFiles(model), 'pyproject.toml': pyproject });
  },
};
