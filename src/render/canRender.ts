/**
 * What each backend family can express, and `canRender`.
 *
 * Three kinds of limits:
 *
 * - what a family's configuration cannot express at all: flit-core packages
 *   exactly one top-level package or module and needs a summary, uv_build
 *   packages only import packages (folders with `__init__.py`), the
 *   `[tool.poetry]` rendering for poetry-core 1.x translates only some
 *   metadata, ... For such a model `render` throws a `ConfigError`. These
 *   checks live here, one function per family, so that the family renderers
 *   (`flit.ts`, `poetry.ts`, `pdm.ts`, `uv.ts`) and `canRender` share them
 *   without importing each other;
 * - features that a family (version) expresses only in an older, unfaithful
 *   form (a license expression as `{text = ...}`, ...): the capability table
 *   (`capabilities.ts`); `render` still renders those;
 * - projects a backend refuses by design although its configuration
 *   expresses them (poetry-core 2 and an unsatisfiable requirement);
 *   `render` renders those too.
 *
 * `canRender` is false for all three: a fuzz loop skips such a model instead
 * of counting the backend's refusal, or an older form's different metadata,
 * as a finding.
 */
import { canonicalizeName } from '../pep/name.js';
import { parseRequirement } from '../pep/requirement.js';
import { formatSpecifier } from '../pep/specifier.js';
import { gte, lt, valid } from '@renovatebot/pep440';
import { ConfigError } from '../errors.js';
import type { Family } from '../backends/types.js';
import type { ModuleModel, NamespaceModel, PackageModel, ProjectModel } from '../model/projectModel.js';
import { isUnsatisfiable } from '../pep/versionRanges.js';
import { unsupportedFeatures } from './capabilities.js';
import { sdistOnlyPaths } from './_internals/projectFiles.js';
import { projectTable } from './_internals/projectTable.js';
import type { TomlTable } from './_internals/toml.js';

/**
 * True when the family's version is `min` or later. An unknown version (no
 * `==VERSION`, or a backend from a folder reporting something that is not a
 * version) counts as current.
 */
export function versionAtLeast(familyVersion: string | undefined, min: string): boolean {
  if (familyVersion === undefined || valid(familyVersion) === null) return true;
  return gte(familyVersion, min);
}

/** True when the family's version is known and earlier than `bound`. */
export function versionBefore(familyVersion: string | undefined, bound: string): boolean {
  return familyVersion !== undefined && valid(familyVersion) !== null && lt(familyVersion, bound);
}

/**
 * A literal path as a Python glob pattern (`glob`, `pathlib`, `fnmatch`):
 * `*`, `?` and `[` are wrapped in brackets, as `glob.escape` does.
 */
export function pythonGlobEscape(path: string): string {
  return path.replace(/[*?[]/g, (c) => `[${c}]`);
}

/** A literal path as a uv_build glob: every character but letters, digits, `_`, `.`, `-` and `/` escaped with a backslash. */
export function uvGlobEscape(path: string): string {
  return [...path].map((c) => (UV_GLOB_VERBATIM.test(c) ? c : `\\${c}`)).join('');
}

/** The model's `[project]` table (as every PEP 621 family writes it). */
function pep621(model: ProjectModel, dynamicVersion = true): TomlTable {
  return projectTable(model, { dynamicVersion });
}

const dynamicOf = (table: TomlTable): string[] => {
  const dynamic = table['dynamic'];
  return Array.isArray(dynamic) ? dynamic.filter((d): d is string => typeof d === 'string') : [];
};


/** `[project]` keys flit-core 3.2 and later read (`license-files` from 3.11, see capabilities.ts). */
const FLIT_PROJECT_KEYS = new Set([
  'name', 'version', 'description', 'readme', 'requires-python', 'license', 'license-files', 'authors',
  'maintainers', 'keywords', 'classifiers', 'urls', 'scripts', 'gui-scripts', 'entry-points',
  'dependencies', 'optional-dependencies', 'dynamic', 'import-names', 'import-namespaces',
]);

/** First flit-core that takes a dotted module name (a package or module inside namespace folders). */
export const FLIT_NAMESPACES = '3.5';

/**
 * The one import name flit-core ships: the model's only top-level package or
 * module, or, for a namespace folder, the dotted name down the chain of
 * namespace folders to the one package or module at its end (`ns.sub.pkg`).
 * A string is the reason when there is no such name.
 */
export function flitModule(model: ProjectModel): { name: string; namespaced: boolean } | string {
  const namespaces = model.namespacePackages ?? [];
  const tops = model.packages.length + model.modules.length + namespaces.length;
  if (tops !== 1) {
    return (
      'flit-core packages exactly one top-level package or module (the model has ' +
      `${model.packages.length} package(s), ${model.modules.length} module(s), ${namespaces.length} namespace folder(s))`
    );
  }
  const only = (ns: NamespaceModel): PackageModel | ModuleModel | NamespaceModel | string => {
    const count = ns.packages.length + ns.modules.length + ns.namespaces.length;
    if (count !== 1) return `flit-core packages one module; namespace folder '${ns.name}' holds ${count} packages, modules and folders`;
    return ns.packages[0] ?? ns.modules[0] ?? (ns.namespaces[0] as NamespaceModel);
  };
  const top = model.packages[0] ?? model.modules[0];
  if (top !== undefined) return { name: top.name, namespaced: false };
  const parts: string[] = [];
  let ns = namespaces[0] as NamespaceModel;
  for (;;) {
    parts.push(ns.name);
    const next = only(ns);
    if (typeof next === 'string') return next;
    if ('namespaces' in next && !('init' in next)) {
      ns = next;
      continue;
    }
    parts.push(next.name);
    return { name: parts.join('.'), namespaced: true };
  }
}

/** Why flit-core (at `familyVersion`) cannot build `model` at all, or null. */
export function flitProblem(model: ProjectModel, familyVersion?: string): string | null {
  if (versionBefore(familyVersion, '3.2')) {
    return (
      `flit-core ${familyVersion} has no [project] support; its [tool.flit.metadata] takes the version and ` +
      'summary from the module (__version__, docstring) and requires an author, which the model does not express'
    );
  }
  if (model.layout === 'src' && model.packageDir !== undefined) {
    return `flit-core looks for the module next to pyproject.toml and under src/ only, not under ${model.packageDir}/ (no option names another folder)`;
  }
  const module = flitModule(model);
  if (typeof module === 'string') return module;
  if (module.namespaced && !versionAtLeast(familyVersion, FLIT_NAMESPACES)) {
    return `flit-core ${familyVersion} takes no dotted module name for a package in a namespace folder (since ${FLIT_NAMESPACES})`;
  }
  if (model.description === null) {
    return 'flit-core requires a summary (a static description, or the module docstring when dynamic); the model has none';
  }
  const badPath = sdistOnlyPaths(model).find((path) => /[\x00-\x1f<>:"\\]/.test(path));
  if (badPath !== undefined) return `flit-core rejects '${badPath}' as a [tool.flit.sdist] include pattern (<>:"\\ or control characters)`;
  const table = pep621(model);
  for (const key of Object.keys(table)) {
    if (!FLIT_PROJECT_KEYS.has(key)) return `flit-core does not read [project].${key}`;
  }
  const badDynamic = dynamicOf(table).filter((d) => d !== 'version' && d !== 'description');
  if (badDynamic.length > 0) return `flit-core only takes version and description dynamically, not ${badDynamic.join(', ')}`;
  return null;
}

/** Keys of `[project]` that the `[tool.poetry]` rendering (poetry-core 1.x) translates. */
const POETRY_TOOL_KEYS = new Set(['name', 'version', 'description', 'dependencies']);

/** True when poetry-core at `familyVersion` is rendered with `[tool.poetry]` metadata (1.x) rather than `[project]`. */
export function poetryUsesToolTable(familyVersion?: string): boolean {
  return versionBefore(familyVersion, '2.0.0');
}

/** Why poetry-core (at `familyVersion`) cannot build `model` at all, or null. */
export function poetryProblem(model: ProjectModel, familyVersion?: string): string | null {
  if (!poetryUsesToolTable(familyVersion)) return null;
  for (const key of Object.keys(pep621(model, false))) {
    if (!POETRY_TOOL_KEYS.has(key)) return `the [tool.poetry] rendering for poetry-core ${familyVersion} does not translate [project].${key} yet`;
  }
  for (const dependency of model.dependencies) {
    const problem = poetryDependencyProblem(dependency);
    if (problem !== null) return problem;
  }
  return null;
}

/** The parts of a PEP 508 requirement that `[tool.poetry.dependencies]` needs. */
export interface Pep508Parts {
  name: string;
  extras: string[];
  /** Comma-separated version specifiers, spaces removed; '' for none. */
  specifiers: string;
  /** Marker text after `;`, trimmed; null for none. */
  marker: string | null;
  /** Direct reference after `@`, trimmed; null for none. */
  url: string | null;
}

/** Split a PEP 508 requirement (read leniently), or null when it is not one. */
export function splitPep508(requirement: string): Pep508Parts | null {
  const parsed = parseRequirement(requirement, { lenient: true });
  if (!parsed.ok) return null;
  const r = parsed.value;
  return { name: r.name, extras: r.extras, specifiers: r.specifiers.map(formatSpecifier).join(','), marker: r.markerText || null, url: r.url ?? null };
}

function poetryDependencyProblem(requirement: string): string | null {
  const parts = splitPep508(requirement);
  if (parts === null) return `the [tool.poetry] rendering cannot parse the requirement '${requirement}'`;
  if (canonicalizeName(parts.name) === 'python') return "[tool.poetry.dependencies] reads a dependency named 'python' as the Requires-Python constraint";
  if (parts.url !== null) return `the [tool.poetry] rendering does not translate direct references ('${requirement}')`;
  if (parts.specifiers.includes('===') || /[^A-Za-z0-9.*+!<>=~,]/.test(parts.specifiers)) return `the [tool.poetry] rendering cannot translate the specifiers of '${requirement}'`;
  return null;
}

/** Why pdm-backend (at `familyVersion`) cannot build `model` as rendered, or null. */
export function pdmProblem(_model: ProjectModel, familyVersion?: string): string | null {
  if (versionBefore(familyVersion, '2.0.0')) {
    return `pdm ${familyVersion} is pdm-pep517, whose configuration this renderer does not write (pdm-backend starts at 2.0.0)`;
  }
  return null;
}

/** First uv_build this renderer supports, and the first with glob escapes, `namespace = true`, lists in `module-name`. */
export const UV_MINIMUM = '0.7.0';
export const UV_GLOB_ESCAPES = '0.7.3';
export const UV_NAMESPACE = '0.7.13';
export const UV_MODULE_LISTS = '0.7.20';

/** Characters uv_build's globs match verbatim (others need a backslash escape). */
export const UV_GLOB_VERBATIM = /^[\p{L}\p{N}_.\/-]$/u;

/** Why uv_build (at `familyVersion`) cannot build `model` at all, or null. */
export function uvProblem(model: ProjectModel, familyVersion?: string, sdistPaths: readonly string[] = []): string | null {
  if (versionBefore(familyVersion, UV_MINIMUM)) {
    return `uv_build ${familyVersion} is a preview release; the renderer supports ${UV_MINIMUM} and later`;
  }
  if (model.modules.length > 0) {
    return (
      'uv_build packages only import packages (folders with __init__.py), not top-level single-file modules ' +
      `(the model has ${model.modules.map((m) => m.name).join(', ')})`
    );
  }
  const namespaces = model.namespacePackages ?? [];
  if (namespaces.length > 0 && !versionAtLeast(familyVersion, UV_NAMESPACE)) {
    return `uv_build ${familyVersion} has no namespace = true for PEP 420 namespace folders (since ${UV_NAMESPACE})`;
  }
  if (model.packages.length + namespaces.length > 1 && !versionAtLeast(familyVersion, UV_MODULE_LISTS)) {
    return `uv_build ${familyVersion} packages a single module; module-name lists need ${UV_MODULE_LISTS} or later`;
  }
  const needsEscape = sdistPaths.find((p) => [...p].some((c) => !UV_GLOB_VERBATIM.test(c)));
  if (needsEscape !== undefined && !versionAtLeast(familyVersion, UV_GLOB_ESCAPES)) {
    return `uv_build ${familyVersion} cannot match '${needsEscape}' in source-include (glob escapes since ${UV_GLOB_ESCAPES})`;
  }
  return null;
}

/**
 * Why poetry-core refuses to build `model` although its configuration
 * expresses it, or null: poetry-core 2 rejects a requirement whose specifier
 * set allows no version (`~=2.0,==1.0`; PEP 508 allows it, and poetry-core
 * 1.x writes it as `name (<empty>)`).
 */
export function poetryRefusal(model: ProjectModel, familyVersion?: string): string | null {
  if (poetryUsesToolTable(familyVersion)) return null;
  const requirements = [...model.dependencies, ...(model.optionalDependencies ?? []).flatMap((e) => e.requirements)];
  const unsatisfiable = requirements.find((r) => {
    const parts = splitPep508(r);
    return parts !== null && parts.url === null && isUnsatisfiable(parts.specifiers);
  });
  return unsatisfiable === undefined ? null : `poetry-core 2 rejects the unsatisfiable requirement '${unsatisfiable}'`;
}

/** Models a family's configuration expresses but the backend refuses by design (rendered, never built by the fuzz loop). */
const REFUSALS: Partial<Record<Family, (model: ProjectModel, familyVersion?: string) => string | null>> = {
  poetry: poetryRefusal,
};

const PROBLEMS: Partial<Record<Family, (model: ProjectModel, familyVersion?: string) => string | null>> = {
  flit: flitProblem,
  poetry: poetryProblem,
  pdm: pdmProblem,
  uv: (model, familyVersion) => uvProblem(model, familyVersion, sdistOnlyPaths(model)),
};

/**
 * Why `render(model, family, { familyVersion })` throws for the model (what
 * the family's configuration cannot express at all), or null.
 */
export function renderProblem(model: ProjectModel, family: Family, familyVersion?: string): string | null {
  return excludeProblem(model, family, familyVersion) ?? PROBLEMS[family]?.(model, familyVersion) ?? null;
}

/**
 * Excluded files a family cannot express (no closest form: the file would
 * ship, or be missing, against the model): the `exclude:*` rows of the
 * capability table.
 */
function excludeProblem(model: ProjectModel, family: Family, familyVersion?: string): string | null {
  if ((model.excludedFiles ?? []).length === 0) return null;
  const target = familyVersion === undefined ? { family } : { family, version: familyVersion };
  const hit = unsupportedFeatures(model, target).find(({ feature }) => feature.startsWith('exclude:'));
  return hit === undefined ? null : `${hit.feature}: ${hit.why}`;
}

/**
 * Every reason `family` (at `familyVersion`) cannot express `model`
 * faithfully: `renderProblem`, the model's features the capability table
 * (`capabilities.ts`) marks unsupported, and what the backend refuses by
 * design (`poetryRefusal`). Empty when it can.
 */
export function renderLimits(model: ProjectModel, family: Family, familyVersion?: string): string[] {
  const target = familyVersion === undefined ? { family } : { family, version: familyVersion };
  return [
    renderProblem(model, family, familyVersion),
    ...unsupportedFeatures(model, target).map(({ feature, why }) => `${feature}: ${why}`),
    REFUSALS[family]?.(model, familyVersion) ?? null,
  ].filter((reason): reason is string => reason !== null);
}

/**
 * Whether `family` (at `familyVersion`; unknown counts as current) expresses
 * `model` faithfully and builds it. When false, `render` throws a
 * ConfigError for the model, or renders an older form with different
 * metadata, or the backend refuses the project by design; either way a fuzz
 * loop should skip the model rather than count a finding.
 */
export function canRender(model: ProjectModel, family: Family, familyVersion?: string): boolean {
  return renderLimits(model, family, familyVersion).length === 0;
}

/** Throw the ConfigError `render` raises for a model the family cannot express at all. */
export function assertRenderable(model: ProjectModel, family: Family, familyVersion?: string): void {
  const problem = renderProblem(model, family, familyVersion);
  if (problem !== null) {
    throw new ConfigError(`render: ${family} cannot express this project: ${problem}`, 'check canRender(model, family, familyVersion) before rendering');
  }
}
