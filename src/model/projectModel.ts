/**
 * The abstract project: what a generated Python project *is*, independent of
 * any backend's configuration format. JSON-able, so a corpus file can store it
 * and replay it without the generator.
 *
 * Every model produced by `generators/` is valid: all compared backends should
 * accept the project rendered from it.
 */
export interface ProjectModel {
  /** Distribution name exactly as written in the configuration (may be unnormalized). */
  name: string;
  /** Version exactly as written (may be a non-normalized PEP 440 spelling). */
  version: string;
  /** One-line summary, or null for none. */
  description: string | null;
  /** PEP 508 requirement strings, as written. */
  dependencies: string[];
  /** Where import packages live: next to pyproject.toml (`flat`) or under `src/`. */
  layout: 'flat' | 'src';
  /** Top-level regular import packages (each with an `__init__.py`). */
  packages: PackageModel[];
  /** Top-level single-file modules. */
  modules: ModuleModel[];
}

export interface PackageModel {
  /** Import name of this package segment (a Python identifier). */
  name: string;
  /** Content of `__init__.py`. */
  init: string;
  /** Modules of this package other than `__init__`. */
  modules: ModuleModel[];
  /** Package data files (non-Python), paths relative to the package folder, `/`-separated. */
  data: DataFileModel[];
  subpackages: PackageModel[];
}

export interface ModuleModel {
  /** Module name without `.py`. */
  name: string;
  source: string;
}

export interface DataFileModel {
  /** Path relative to the package folder, `/`-separated; may include sub-folders. */
  path: string;
  content: string;
}

/** Dotted import names of every package in the model, parents before children. */
export function allPackages(model: ProjectModel): { dotted: string; pkg: PackageModel }[] {
  const out: { dotted: string; pkg: PackageModel }[] = [];
  const walk = (pkg: PackageModel, prefix: string): void => {
    const dotted = prefix ? `${prefix}.${pkg.name}` : pkg.name;
    out.push({ dotted, pkg });
    for (const sub of pkg.subpackages) walk(sub, dotted);
  };
  for (const pkg of model.packages) walk(pkg, '');
  return out;
}
