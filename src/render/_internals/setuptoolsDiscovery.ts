/**
 * setuptools package discovery as a rendering variant
 * (`SetuptoolsOptionsModel.packageFinder`, issue #12): instead of listing
 * every package, the configuration asks setuptools' finder for them, with
 * options that select exactly the model's packages, so the artifacts are
 * those of the explicit list.
 *
 * - `find` (`[tool.setuptools.packages.find] namespaces = false`, setup.cfg
 *   `packages = find:`): regular packages only, so only for a model without
 *   namespace packages; `exclude = ["tests", "tests.*"]` keeps out the
 *   sdist-only `tests/` package (`tests/__init__.py`, which the flat
 *   layout's finder would otherwise ship), and nothing else the finder sees
 *   has an `__init__.py`;
 * - `find-namespace` (`namespaces = true`, `find_namespace:`): every folder
 *   is a candidate (data folders, `__pycache__`, `tests/`, `docs/`), so
 *   `include` names exactly the model's packages and namespace folders
 *   (exact names are fnmatch patterns that match only themselves) and
 *   `exclude` the `tests` ones as well.
 *
 * Both look under the package folder in the src layout (`where = ["src"]`,
 * or the model's `packageDir`), `["."]` otherwise.
 * Absent (or a model with no package at all): the explicit list.
 */
import { packageDirOf } from '../../model/modelFiles.js';
import type { ProjectModel } from '../../model/projectModel.js';
import { dottedPackageNames, namespacePackageNames } from './projectFiles.js';

/** What setuptools' finder is told: where to look, what to include and exclude, and whether folders without `__init__.py` count. */
export interface PackageFind {
  where: string;
  include?: string[];
  exclude: string[];
  namespaces: boolean;
}

/** The sdist-only tests package the finder must not take (`SDIST_PYTHON_PATHS` puts `tests/__init__.py` at the root). */
const TESTS = ['tests', 'tests.*'];

/** The finder options of the model's `packageFinder` variant, or null for the explicit list. */
export function packageFind(model: ProjectModel): PackageFind | null {
  const finder = model.setuptools?.packageFinder;
  const regular = dottedPackageNames(model);
  const namespaces = namespacePackageNames(model);
  if (finder === undefined || regular.length + namespaces.length === 0) return null;
  const where = model.layout === 'src' ? packageDirOf(model) : '.';
  // A model package named like the excluded tests package keeps the explicit include only.
  const exclude = [...regular, ...namespaces].some((p) => p === 'tests' || p.startsWith('tests.')) ? [] : TESTS;
  if (finder === 'find' && namespaces.length === 0 && exclude.length > 0) return { where, exclude, namespaces: false };
  return { where, include: [...regular, ...namespaces].sort(), exclude, namespaces: true };
}

/** Which finder a model's rendering actually uses (for `--stats`): `find`, `find-namespace`, or null. */
export function packageFinderUsed(model: ProjectModel): 'find' | 'find-namespace' | null {
  const find = packageFind(model);
  return find === null ? null : find.namespaces ? 'find-namespace' : 'find';
}
