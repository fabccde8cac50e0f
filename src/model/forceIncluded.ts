/**
 * Force-included files (`ProjectModel.forceIncluded`): where each is in the
 * project and in the wheel, and which models are valid.
 */
import { importFiles, importRoot } from './modelFiles.js';
import { FORCE_INCLUDE_DIR, type DataFileModel, type ProjectModel } from './projectModel.js';
import { shipExpectation } from './excludedFiles.js';

/** One force-included file: its path in the project (`assets/...`) and in the wheel (`<pkg>/...`). */
export interface ForceIncludedPlace {
  file: DataFileModel;
  projectPath: string;
  wheelPath: string;
}

/** Where the model's force-included files are (empty without them, or without a first package). */
export function forceIncludedPlaces(model: ProjectModel): ForceIncludedPlace[] {
  const pkg = model.packages[0];
  if (pkg === undefined) return [];
  return (model.forceIncluded ?? []).map((file) => ({ file, projectPath: `${FORCE_INCLUDE_DIR}/${file.path}`, wheelPath: `${pkg.name}/${file.path}` }));
}

/**
 * Why the model's force-included files are not valid, or null: they need a
 * first top-level package; their paths are distinct; none lands on a file
 * the package already ships or excludes, or on a folder of it (or below a
 * file); in the flat layout no top-level name is `assets` (compared
 * without case). Paths themselves are checked as root files (src/model/validate.ts).
 */
export function forceIncludedProblem(model: ProjectModel): string | null {
  const forced = model.forceIncluded;
  if (forced === undefined) return null;
  if (forced.length === 0) return 'must hold at least one file when present';
  const pkg = model.packages[0];
  if (pkg === undefined) return 'force-included files go into the first top-level package, and the model has none';
  const paths = forced.map((f) => f.path);
  if (new Set(paths.map((p) => p.toLowerCase())).size !== paths.length) return 'paths must be distinct';
  const shipped = new Set<string>();
  const tree = importFiles(model);
  const prefix = `${importRoot(model)}${pkg.name}/`;
  for (const p of Object.keys(tree)) if (p.startsWith(prefix)) shipped.add(p.slice(prefix.length).toLowerCase());
  for (const e of shipExpectation(model)) shipped.add(e.file.path.toLowerCase());
  for (const path of paths) {
    const key = path.toLowerCase();
    for (const s of shipped) {
      if (s === key || s.startsWith(`${key}/`) || key.startsWith(`${s}/`)) return `${path} would land on ${s} of package ${pkg.name}`;
    }
  }
  if (model.layout === 'flat') {
    const tops = [...model.packages.map((p) => p.name), ...model.modules.map((m) => m.name), ...(model.namespacePackages ?? []).map((n) => n.name)];
    if (tops.some((t) => t.toLowerCase() === FORCE_INCLUDE_DIR)) return `a top-level name '${FORCE_INCLUDE_DIR}' would sit beside the ${FORCE_INCLUDE_DIR}/ folder`;
  }
  return null;
}
