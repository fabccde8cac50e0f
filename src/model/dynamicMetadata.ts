/**
 * Dynamic metadata beyond the version (issue #12, `ProjectModel.dynamicMetadata`):
 * which metadata a family reads at build time from files or from the module,
 * and the files that hold it. The metadata itself is the model's as always
 * (the readme, `dependencies`, `optionalDependencies`, `description`): a
 * family that can read it dynamically does, the others write it statically,
 * so the artifacts are the same either way and a cross-family diff stays
 * clean.
 *
 * - `readme`: setuptools `[tool.setuptools.dynamic] readme = {file = [...],
 *   content-type = ...}` (setup.cfg always reads `long_description = file:`);
 * - `dependencies`: `requirements.txt` at the root, one requirement a line
 *   (setuptools `dependencies = {file = [...]}`, setup.cfg
 *   `install_requires = file: requirements.txt`, from setuptools 62.6.0);
 * - `optionalDependencies`: `requirements-<extra>.txt` per extra (normalized
 *   name), likewise (`optional-dependencies.X = {file = [...]}`,
 *   `[options.extras_require] X = file: ...`);
 * - `description`: the version module (see `versionModule`) starts with the
 *   summary as its docstring (flit-core `dynamic = ["description"]` reads
 *   `docstring.lstrip().splitlines()[0]`).
 *
 * The requirement files are root files of every family (`dynamicMetadataFiles`,
 * through `declaredRootFiles`): every sdist ships them, and `MANIFEST.in`
 * names them for setuptools. A part only *acts* (`activeDynamicMetadata`)
 * when the model has what it reads: a readme file, a dependency, an extra, a
 * summary a docstring can hold.
 */
import { canonicalizeName } from '../pep/name.js';
// modelFiles.ts imports this module too: only functions cross the cycle, none runs at load time.
import { declaredRootFiles } from './modelFiles.js';
import { modelExtras, readmePath, versionModule, type ProjectModel } from './projectModel.js';

/** The requirements file of `dependencies`. */
export const REQUIREMENTS_FILE = 'requirements.txt';

/** The requirements file of one extra: `requirements-<normalized name>.txt`. */
export function extraRequirementsFile(extra: string): string {
  return `requirements-${canonicalizeName(extra)}.txt`;
}

/**
 * Characters a one-line docstring summary cannot hold as written: Python's
 * `str.splitlines()` boundaries (which would cut the summary), tabs (which
 * `inspect.cleandoc` expands) and the other control characters.
 */
const NOT_IN_DOCSTRING_SUMMARY = /[\x00-\x1f\x7f\x85\u2028\u2029]/;

/** Whether `description` comes back unchanged as flit's docstring summary (non-empty, one line, no edge white space). */
export function docstringSummaryOk(description: string | null): description is string {
  return description !== null && description !== '' && description.trim() === description && !NOT_IN_DOCSTRING_SUMMARY.test(description);
}

/** The parts of `model.dynamicMetadata` that act on this model (each false when absent or when the model has nothing to read). */
export interface ActiveDynamicMetadata {
  readme: boolean;
  dependencies: boolean;
  optionalDependencies: boolean;
  description: boolean;
}

export function activeDynamicMetadata(model: ProjectModel): ActiveDynamicMetadata {
  const d = model.dynamicMetadata;
  return {
    readme: d?.readme === true && readmePath(model.readme) !== null,
    dependencies: d?.dependencies === true && model.dependencies.length > 0,
    optionalDependencies: d?.optionalDependencies === true && (model.optionalDependencies ?? []).length > 0,
    description: d?.description === true && docstringSummaryOk(model.description) && versionModule(model) !== null,
  };
}

/** The lines of a requirements file holding `requirements` (each on its own line, a final newline). */
export function requirementsFileText(requirements: readonly string[]): string {
  return requirements.map((r) => `${r}\n`).join('');
}

/** The requirements files of the active parts, by root path (empty when none acts). */
export function dynamicMetadataFiles(model: ProjectModel): Record<string, string> {
  const active = activeDynamicMetadata(model);
  const files: Record<string, string> = {};
  if (active.dependencies) files[REQUIREMENTS_FILE] = requirementsFileText(model.dependencies);
  if (active.optionalDependencies) {
    for (const e of modelExtras(model)) files[extraRequirementsFile(e.name)] = requirementsFileText(e.requirements);
  }
  return files;
}

/** A Python string literal for a docstring (double quotes; `\`, `"` and non-printing characters escaped). */
function docstringLiteral(text: string): string {
  let out = '"""';
  for (const ch of text) {
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else out += ch;
  }
  return `${out}"""`;
}

/** `source` with the docstring `summary` as its first statement. */
export function withDocstring(source: string, summary: string): string {
  return `${docstringLiteral(summary)}\n${source}`;
}

/**
 * Why the model's dynamic metadata cannot be rendered as it means, or null:
 * a requirements file named like another root file of the model (without
 * case, as macOS and Windows file systems compare), a requirement a
 * requirements file cannot hold as one line, or a docstring summary that a
 * dynamic version's reader would take for the version line.
 */
export function dynamicMetadataProblem(model: ProjectModel): string | null {
  const files = Object.keys(dynamicMetadataFiles(model));
  if (files.length > 0) {
    const others = Object.keys(declaredRootFiles({ ...model, dynamicMetadata: undefined })).map((p) => p.toLowerCase());
    const clash = files.find((f) => others.some((o) => o === f.toLowerCase() || o.startsWith(`${f.toLowerCase()}/`)));
    if (clash !== undefined) return `the requirements file ${clash} is another root file of the model too`;
    const requirements = [...(activeDynamicMetadata(model).dependencies ? model.dependencies : []), ...(activeDynamicMetadata(model).optionalDependencies ? (model.optionalDependencies ?? []).flatMap((e) => e.requirements) : [])];
    const bad = requirements.find((r) => /[\r\n]/.test(r) || /^\s*[#-]/.test(r) || r.trim() === '');
    if (bad !== undefined) return `a requirements file cannot hold the requirement ${JSON.stringify(bad)} as one line`;
  }
  if (activeDynamicMetadata(model).description && model.dynamicVersion === true && /version\s*=|__version__/i.test(model.description!)) {
    return 'the docstring summary looks like a version line, which a dynamic version reader could take';
  }
  return null;
}

