/**
 * The abstract project: what a generated Python project *is*, independent of
 * any backend's configuration format. JSON-able, so a corpus file can store it
 * and replay it without the generator.
 *
 * Every model produced by `generators/` is valid: all compared backends should
 * accept the project rendered from it.
 *
 * Compatibility: every field added after the first corpus format is optional,
 * and an absent field means what the first format meant (no such metadata, no
 * such files), so saved corpus files keep loading and keep meaning the same
 * project.
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
  /**
   * Where import packages live: next to pyproject.toml (`flat`) or under a
   * folder of their own (`src`: the folder `src/`, or `packageDir`).
   */
  layout: 'flat' | 'src';
  /**
   * The folder holding the import tree in the `src` layout when it is not
   * `src/` (`lib`, `python`, `lib/python`): a `/`-separated path relative to
   * the project root, each family pointing at it its documented way
   * (setuptools `package-dir = {"" = "lib"}`, hatchling `sources`, poetry
   * `from`, pdm-backend `package-dir`, uv_build `module-root`; flit-core
   * looks next to pyproject.toml and under `src/` only). The artifacts are
   * those of the src layout: the sdist holds the tree under this folder,
   * the wheel at its root. Absent: `src/`. Only with `layout: 'src'`
   * (`packageDirProblem` in src/model/packageDir.ts says what is valid).
   */
  packageDir?: string;
  /** Top-level regular import packages (each with an `__init__.py`). */
  packages: PackageModel[];
  /** Top-level single-file modules. */
  modules: ModuleModel[];

  /** PEP 621 `requires-python`: a PEP 440 specifier set as written (`>=3.8`, `>= 3.8, != 3.9.*`). */
  requiresPython?: string;
  /** PEP 621 `readme`: a file at the project root or inline text. */
  readme?: ReadmeModel;
  /** PEP 621 / PEP 639 `license`. */
  license?: LicenseModel;
  /**
   * License files (PEP 639 `license-files`, listed by exact path): shipped in
   * the sdist and in the wheel's `.dist-info/licenses/`.
   */
  licenseFiles?: ProjectFileModel[];
  /**
   * `license-files` written as these glob patterns (the glob-patterns
   * specification: `*`, `?`, `**`, `[...]`) instead of `licenseFiles`' exact
   * paths. Corpus files only (the generator never writes it): the patterns
   * are to match exactly the `licenseFiles` paths among the project's files.
   */
  licenseFilePatterns?: string[];
  authors?: PersonModel[];
  maintainers?: PersonModel[];
  /** Keywords as written (no commas), in order. */
  keywords?: string[];
  /** Trove classifiers, in order. */
  classifiers?: string[];
  /** `[project.urls]`: labels are distinct. */
  urls?: UrlModel[];
  /** `[project.optional-dependencies]`: extra names as written (distinct once normalized). */
  optionalDependencies?: ExtraModel[];
  /** Entry points by group: `console_scripts` and `gui_scripts` are `[project.scripts]` / `[project.gui-scripts]`. */
  entryPoints?: EntryPointGroupModel[];
  /** Top-level PEP 420 namespace packages (folders without `__init__.py`). */
  namespacePackages?: NamespaceModel[];
  /**
   * Files that belong in the sdist but not in the wheel (changelog, docs/,
   * tests/), paths relative to the project root.
   */
  sdistFiles?: ProjectFileModel[];
  /**
   * PEP 621 `dynamic = ["version"]`: the version is written as
   * `__version__ = "<version>"` at the end of the version module (see
   * `versionModule`), and each family reads it from there its own way
   * (setuptools `attr:`, hatchling `[tool.hatch.version] path`, flit from the
   * module, pdm `source = "file"`). Families without a dynamic version write
   * it statically (same metadata).
   */
  dynamicVersion?: boolean;
  /**
   * Files installed into the wheel's data scheme (`{dist}.data/data/<path>`):
   * `path` is relative to the scheme (`share/app/x.json`); the project holds
   * each at `data/<path>` (setuptools `data-files`, hatchling `shared-data`).
   * The sdist ships them too.
   */
  wheelData?: ProjectFileModel[];
  /**
   * Scripts installed into the wheel's scripts scheme
   * (`{dist}.data/scripts/<path>`): `path` is a file name; the project holds
   * each at `scripts/<path>` (setuptools `script-files`, which also rewrites
   * a Python `#!` line to `#!python`). The sdist ships them too.
   */
  scriptFiles?: ProjectFileModel[];
  /** Options only the setuptools family reads (setup.py / setup.cfg scenarios); other families ignore them. */
  setuptools?: SetuptoolsOptionsModel;
  /**
   * Files kept outside the import tree, under `assets/` at the project root
   * (`path` relative to it), that the wheel ships inside the folder of the
   * first top-level package (`packages[0]`) at the same relative path:
   * hatchling's `[tool.hatch.build.targets.wheel.force-include]`. The sdist
   * ships them at `assets/<path>`. No other family maps a file from outside
   * a package into it (capability rows); `forceIncludedProblem` in
   * src/model/forceIncluded.ts says what is valid.
   */
  forceIncluded?: DataFileModel[];
  /**
   * setuptools command options (issue #12), each `command.option` of
   * `SETUPTOOLS_COMMAND_OPTIONS` (distinct), set to the value that leaves the artifacts
   * as they are (`tag_build` empty, `tag_date` 0, `formats` gztar,
   * `python_tag` py3, `universal` 0, `compression` deflated), so that
   * setuptools' reading and validation of them is exercised without an
   * expected change: setup.cfg command sections (`[egg_info]`, `[sdist]`,
   * `[bdist_wheel]`) in the setup.cfg style, `[tool.distutils.COMMAND]` in
   * the pyproject style, `setup(options={...})` in the setup.py style
   * (src/render/_internals/setuptoolsCommandOptions.ts). Other families
   * ignore them.
   */
  setuptoolsCommandOptions?: SetuptoolsCommandOption[];
  /** Options only the hatchling family reads (other spellings of the same file selection); other families ignore them. */
  hatchling?: HatchlingOptionsModel;
  /**
   * PEP 517 config_settings the build is run with (every hook call of the
   * build: get_requires_*, prepare_*, build_*), as backend-documented
   * settings; which family takes which, and what each changes in the
   * artifacts, is in `src/model/configSettings.ts` (one place).
   */
  configSettings?: ConfigSettingsModel;
  /**
   * Files that must not ship (reach: "files that must not ship"): compiled
   * bytecode left in the source tree. `pycache`: each package folder (and the
   * import root, for top-level modules) holds
   * `__pycache__/<module>.cpython-311.pyc` for its modules; `beside`: a stray
   * `<module>.pyc` next to each module; `both`: both. No wheel may contain
   * them (`strayPaths` in src/render/_internals/projectFiles.ts lists them;
   * check W019).
   */
  strayBytecode?: StrayBytecodeModel;
  /**
   * PEP 794 `import-names` / `import-namespaces`: the project declares the
   * import names it provides. The names are the model's own (see
   * `declaredImportNames`), so a shrink that drops a module drops its name;
   * the part says which are marked `; private` and how that is spelled.
   */
  importNames?: ImportNamesModel;
  /**
   * Files that must not ship (issue #12): files inside the folder of the
   * first top-level package (`packages[0]`, which such a model has) that the
   * configuration excludes, each by a `rule` and for a `scope` (see
   * `ExcludedFileModel`). `shipExpectation` in
   * src/model/excludedFiles.ts says what must and must not ship.
   */
  excludedFiles?: ExcludedFileModel[];
  /**
   * Executable files (issue #12, file modes): files in the folder of the
   * first top-level package (`packages[0]`, which such a model has) written
   * with mode 0o755, outside setuptools scripts. A `.py` path directly in
   * the folder is an executable module of that package (`launch.py`), any
   * other path executable package data (`tool.sh`, `bin/run.sh`). Both
   * ship in the sdist and the wheel, executable, and an installer keeps the
   * bit (`executableFilesProblem` and `executableKind` in
   * src/model/executableFiles.ts).
   */
  executableFiles?: ExecutableFileModel[];
  /**
   * Package data at the edges of archives and file systems (issue #12):
   * `long-name` (a 114-character file name), `long-path` (a path of over 150
   * characters in the sdist), `case-twins` (`CaseTwin.txt` and
   * `casetwin.txt`), each adding fixed files to the folder of `packages[0]`
   * (src/model/dataPathEdges.ts). Every file ships in both artifacts.
   */
  dataPathEdges?: DataPathEdge[];
  /**
   * A symlinked package data file (issue #12): `data/current.txt`, a
   * symbolic link to `v1.txt` beside it, in the folder of `packages[0]`
   * (src/model/symlinkedData.ts). The wheel must hold the target's content
   * at the link's path; the sdist may hold the link or a copy.
   */
  symlinkedData?: true;
  /**
   * A metapackage: the project ships no import package or module at all
   * (`packages` and `modules` empty, no namespace packages), only its core
   * metadata (requirements, extras, entry points, ...) and data files, as a
   * project that only pulls in others does. Renderers select nothing for the
   * wheel (hatchling `bypass-selection`, setuptools' empty `packages` and
   * `py-modules`, pdm-backend's empty `includes`); with `importNames` the
   * project declares `import-names = []` (PEP 794: no import names).
   */
  metaPackage?: true;
  /**
   * Metadata a family reads at build time from files or from the module
   * rather than from its configuration (issue #12; the version is
   * `dynamicVersion`): the metadata stays the model's, only where it is
   * read from changes (`src/model/dynamicMetadata.ts` says which family reads
   * what, and the files: `requirements.txt`, `requirements-<extra>.txt`, the
   * version module's docstring).
   */
  dynamicMetadata?: DynamicMetadataModel;
  /**
   * A self-referencing extra (issue #12): one more extra, named `name`,
   * whose one requirement is the project itself with every extra of
   * `optionalDependencies` (`all = ["<project name>[cli,test]"]`, the name
   * as written). Only with `optionalDependencies` (at least one extra) and a
   * name distinct from theirs once normalized. Core metadata may write the
   * literal line or its expansion (`src/pep/selfReference.ts`: hatchling
   * 1.24 and later expand it); `modelExtras` gives the extras as rendered.
   */
  selfReferencingExtra?: SelfReferencingExtraModel;
}

/** `selfReferencingExtra`: the extra's name as written (`all`, `Full`). */
export interface SelfReferencingExtraModel {
  name: string;
}

/**
 * The project's extras as its configuration writes them: `optionalDependencies`
 * and, last, the self-referencing extra (`selfReferencingExtra`) whose one
 * requirement names the project with every other extra.
 */
export function modelExtras(model: ProjectModel): ExtraModel[] {
  const extras = model.optionalDependencies ?? [];
  const self = model.selfReferencingExtra;
  if (self === undefined || extras.length === 0) return extras;
  return [...extras, { name: self.name, requirements: [`${model.name}[${extras.map((e) => e.name).join(',')}]`] }];
}

/**
 * Which metadata is read dynamically (each absent: written statically). A
 * part without what it reads (no readme file, no dependency, no extra, no
 * summary a docstring holds) changes nothing (`activeDynamicMetadata`).
 */
export interface DynamicMetadataModel {
  /** The readme file through `[tool.setuptools.dynamic] readme = {file, content-type}`. */
  readme?: true;
  /** `dependencies` from `requirements.txt` (setuptools `file`, 62.6.0 and later). */
  dependencies?: true;
  /** Each extra's requirements from `requirements-<extra>.txt` (setuptools `file`, 62.6.0 and later). */
  optionalDependencies?: true;
  /** The summary as the version module's docstring (flit-core `dynamic = ["description"]`). */
  description?: true;
}

/** One kind of package data at the edge of what archives and file systems hold (see `ProjectModel.dataPathEdges`). */
export type DataPathEdge = 'long-name' | 'long-path' | 'case-twins';
export const DATA_PATH_EDGES: readonly DataPathEdge[] = ['long-name', 'long-path', 'case-twins'];

/** An executable file (see `ProjectModel.executableFiles`). */
export interface ExecutableFileModel {
  /** `/`-separated path relative to the folder of `packages[0]`. */
  path: string;
  content: string;
}

/** Where an excluded file must not ship: `both` artifacts, or the `sdist` only (the wheel ships it). */
export type ExcludeScope = 'both' | 'sdist';
export const EXCLUDE_SCOPES: readonly ExcludeScope[] = ['both', 'sdist'];
/** How the configuration names an excluded file: its exact `path`, a `glob` of its folder and extension, or the `folder` it is in. */
export type ExcludeRule = 'path' | 'glob' | 'folder';
export const EXCLUDE_RULES: readonly ExcludeRule[] = ['path', 'glob', 'folder'];

/** A file the configuration excludes (see `ProjectModel.excludedFiles`). */
export interface ExcludedFileModel {
  /** `/`-separated path relative to the folder of `packages[0]`; for the `folder` rule, inside a folder (`_scratch/notes.txt`). */
  path: string;
  content: string;
  scope: ExcludeScope;
  rule: ExcludeRule;
}

/**
 * Backend-documented config settings. `buildNumber`: setuptools'
 * `--build-option=--build-number=N` (bdist_wheel `--build-number`): the
 * wheel's file name carries the build tag `N`; the `.dist-info` and `.data`
 * folders do not.
 */
export interface ConfigSettingsModel {
  /** A PEP 427 build tag: digits first (`1`, `2b`). */
  buildNumber?: string;
}

/** Where stray bytecode sits in the source tree (see `ProjectModel.strayBytecode`). */
export type StrayBytecodeModel = 'pycache' | 'beside' | 'both';

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
  /** A PEP 561 `py.typed` marker (empty file) in this package. */
  typed?: boolean;
  /** Type stubs `NAME.pyi` next to the modules (`__init__` or a module name of this package). */
  stubs?: ModuleModel[];
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

/** A file at a path relative to the project root. */
export interface ProjectFileModel {
  /** `/`-separated path relative to the project root. */
  path: string;
  content: string;
}

export const README_CONTENT_TYPES = ['text/markdown', 'text/x-rst', 'text/plain'] as const;
export type ReadmeContentType = (typeof README_CONTENT_TYPES)[number];

/** The readme file name for each content type (the extension tells backends the type). */
export const README_FILES: Readonly<Record<ReadmeContentType, string>> = {
  'text/markdown': 'README.md',
  'text/x-rst': 'README.rst',
  'text/plain': 'README.txt',
};

export interface ReadmeModel {
  contentType: ReadmeContentType;
  /**
   * `file`: `README_FILES[contentType]` at the project root, named by path
   * (`readme = "README.md"`); `file-table`: the same file named with an
   * explicit content type (`readme = {file = ..., content-type = ...}`);
   * `inline`: the text in the configuration (`readme = {text = ..., content-type = ...}`).
   */
  form: 'file' | 'file-table' | 'inline';
  text: string;
  /**
   * A readme file somewhere other than `README_FILES[contentType]` at the
   * root (forms `file` and `file-table` only): another name at the root
   * (`DESCRIPTION.rst`) or a file under `docs/` (`docs/intro.md`). With the
   * `file` form its extension says the content type (`.md`, `.rst`, `.txt`);
   * a `file-table` states the type, so its extension may say another.
   * `readmePath` gives the path either way.
   */
  path?: string;
}

/** Where the readme file of the model is (null for an inline readme or none). */
export function readmePath(readme: ReadmeModel | undefined): string | null {
  if (readme === undefined || readme.form === 'inline') return null;
  return readme.path ?? README_FILES[readme.contentType];
}

/**
 * `spdx`: a PEP 639 license expression (`license = "MIT OR Apache-2.0"`);
 * `text`: the legacy table `license = {text = ...}`; `file`: the legacy
 * table `license = {file = PATH}`, whose content becomes the License field.
 */
export type LicenseModel =
  | { kind: 'spdx'; expression: string }
  | { kind: 'text'; text: string }
  | { kind: 'file'; path: string; content: string };

/** An author or maintainer: a name, an email, or both. */
export interface PersonModel {
  name?: string;
  email?: string;
}

export interface UrlModel {
  label: string;
  url: string;
}

export interface ExtraModel {
  /** The extra name as written (may be unnormalized: `Dev_Tools`). */
  name: string;
  /** PEP 508 requirement strings. */
  requirements: string[];
}

export interface EntryPointGroupModel {
  /** `console_scripts`, `gui_scripts` or another group name (`my.plugins`). */
  group: string;
  entries: EntryPointModel[];
}

export interface EntryPointModel {
  name: string;
  /** Object reference `module.path:attr.path` (or just `module.path`). */
  value: string;
}

/**
 * A PEP 420 namespace package: a folder without `__init__.py`, holding
 * regular packages, modules and further namespace folders. Never empty.
 */
export interface NamespaceModel {
  /** Import name of this folder (a Python identifier). */
  name: string;
  packages: PackageModel[];
  modules: ModuleModel[];
  namespaces: NamespaceModel[];
}

/** Spellings of `setup_requires` in setup.py / setup.cfg (all mean the same list). */
export const SETUP_REQUIRES_SPELLINGS = ['list', 'string', 'multiline', 'comments', 'continuation'] as const;
export type SetupRequiresSpelling = (typeof SETUP_REQUIRES_SPELLINGS)[number];

export const SETUPTOOLS_PACKAGE_DATA = ['glob', 'manifest'] as const;
export type SetuptoolsPackageData = (typeof SETUPTOOLS_PACKAGE_DATA)[number];

/**
 * The scenarios of setuptools' own backend tests, as options of a project
 * rendered in the `setup.py` (or `setup.cfg`) style, and how package data is
 * selected (all styles). Ignored by other families: none changes the artifacts.
 */
export interface SetuptoolsOptionsModel {
  /** setup.py runs other code (defines names, asserts) before `setup()`. */
  codeBeforeSetup?: boolean;
  /** setup.py writes a temporary file, calls `setup()` in `try`, removes the file in `finally`. */
  temporaryFile?: boolean;
  /** setup.py calls `sys.exit(0)` after `setup()`. */
  exitAfterSetup?: boolean;
  /** setup.py calls `setup()` under `if __name__ == "__main__":`. */
  mainGuard?: boolean;
  /** setup.py finds its folder through `__file__` (and reads the readme file from there). */
  useFile?: boolean;
  /** `setup_requires`: build requirements reported by get_requires_for_build_*, never installed. */
  setupRequires?: { spelling: SetupRequiresSpelling; requirements: string[] };
  /** setup.cfg style: also write a stub `setup.py` (`__import__("setuptools").setup()`). */
  stubSetupPy?: boolean;
  /**
   * How package data is selected, in every setuptools style (absent:
   * `package-data` by exact path): `glob`, `package-data` patterns
   * (`*.json`, `data/*.txt`, `py.typed`, `*.pyi`) that match exactly the
   * same files; `manifest`, `include-package-data` with `recursive-include`
   * lines in `MANIFEST.in` (which every family ships alike).
   */
  packageData?: SetuptoolsPackageData;
  /**
   * How the packages are named (absent: every package listed): `find`,
   * setuptools' finder of regular packages (`[tool.setuptools.packages.find]`
   * with `namespaces = false`, setup.cfg `packages = find:`) excluding the
   * sdist-only `tests` package; `find-namespace`, the namespace finder
   * (`find_namespace:`) with `include` naming exactly the model's packages.
   * src/render/_internals/setuptoolsDiscovery.ts renders both; the
   * `setup.py` style keeps the list.
   */
  packageFinder?: SetuptoolsPackageFinder;
}

/** The setuptools command options a model can set (`ProjectModel.setuptoolsCommandOptions`), as `command.option`. */
export const SETUPTOOLS_COMMAND_OPTIONS = [
  'egg_info.tag_build',
  'egg_info.tag_date',
  'sdist.formats',
  'bdist_wheel.python_tag',
  'bdist_wheel.universal',
  'bdist_wheel.compression',
] as const;
export type SetuptoolsCommandOption = (typeof SETUPTOOLS_COMMAND_OPTIONS)[number];

/** How hatchling's wheel target selects the import tree (see `HatchlingOptionsModel.wheelSelection`). */
export const HATCHLING_WHEEL_SELECTIONS = ['packages', 'sources-table'] as const;
export type HatchlingWheelSelection = (typeof HATCHLING_WHEEL_SELECTIONS)[number];

/**
 * Rendering variants of hatchling's builder options that must not change
 * the artifacts (issue #12, hatchling's `builders/config.py`). Ignored by
 * other families.
 */
export interface HatchlingOptionsModel {
  /**
   * How the wheel target names the import tree (absent: `only-include` of
   * the top-level paths, with `sources = ["src"]` in the src layout):
   * `packages`, the `packages` option (`["lib/pkg", "lib/mod.py"]`, each
   * shipped under its last path component); `sources-table`, `only-include`
   * with `sources` as a table rewriting the package folder to the wheel's
   * root (`sources = {"lib" = ""}`; the same as the list in the flat
   * layout, where nothing is rewritten and no `sources` is written). A
   * metapackage ignores it (`bypass-selection`).
   */
  wheelSelection?: HatchlingWheelSelection;
  /**
   * `[tool.hatch.build.targets.sdist] support-legacy = true`: the sdist also
   * holds a generated `setup.py` (hatchling's shim for tools that only know
   * setup.py). It changes the sdist, so it is modelled: only hatchling can
   * express it (capability rows), and the `spec` property expects the file
   * (src/fuzz/properties/_legacySetupPy.ts).
   */
  supportLegacy?: true;
}
export const SETUPTOOLS_PACKAGE_FINDERS = ['find', 'find-namespace'] as const;
export type SetuptoolsPackageFinder = (typeof SETUPTOOLS_PACKAGE_FINDERS)[number];

/**
 * Where a dynamic version is written: the first top-level package's
 * `__init__.py`, else the first top-level module; null when the model has
 * neither (only namespace folders). `dotted` is the import name, `path` the
 * file relative to the import root (`pkg/__init__.py`, `mod.py`).
 */
export function versionModule(model: ProjectModel): { dotted: string; path: string; source: string } | null {
  const pkg = model.packages[0];
  if (pkg !== undefined) return { dotted: pkg.name, path: `${pkg.name}/__init__.py`, source: pkg.init };
  const mod = model.modules[0];
  if (mod !== undefined) return { dotted: mod.name, path: `${mod.name}.py`, source: mod.source };
  return null;
}

/** `source` with the line `__version__ = "<version>"` appended (after a newline if `source` lacks a final one). */
export function withVersionLine(source: string, version: string): string {
  const sep = source === '' || source.endsWith('\n') ? '' : '\n';
  return `${source}${sep}__version__ = ${JSON.stringify(version)}\n`;
}

/** Folder of the project holding the wheel data files (`wheelData`). */
export const WHEEL_DATA_DIR = 'data';
/** Folder of the project holding the force-included files (`forceIncluded`). */
export const FORCE_INCLUDE_DIR = 'assets';
/** Folder of the project holding the scripts (`scriptFiles`). */
export const SCRIPTS_DIR = 'scripts';

/** Dotted import names of every package in the model, parents before children. */
export function allPackages(model: ProjectModel): { dotted: string; pkg: PackageModel }[] {
  const out: { dotted: string; pkg: PackageModel }[] = [];
  const walk = (pkg: PackageModel, prefix: string): void => {
    const dotted = prefix ? `${prefix}.${pkg.name}` : pkg.name;
    out.push({ dotted, pkg });
    for (const sub of pkg.subpackages) walk(sub, dotted);
  };
  for (const pkg of model.packages) walk(pkg, '');
  const walkNamespace = (ns: NamespaceModel, prefix: string): void => {
    const dotted = prefix ? `${prefix}.${ns.name}` : ns.name;
    for (const pkg of ns.packages) walk(pkg, dotted);
    for (const sub of ns.namespaces) walkNamespace(sub, dotted);
  };
  for (const ns of model.namespacePackages ?? []) walkNamespace(ns, '');
  return out;
}

/** Dotted names of every namespace package (folders without `__init__.py`), parents before children. */
export function allNamespaces(model: ProjectModel): { dotted: string; ns: NamespaceModel }[] {
  const out: { dotted: string; ns: NamespaceModel }[] = [];
  const walk = (ns: NamespaceModel, prefix: string): void => {
    const dotted = prefix ? `${prefix}.${ns.name}` : ns.name;
    out.push({ dotted, ns });
    for (const sub of ns.namespaces) walk(sub, dotted);
  };
  for (const ns of model.namespacePackages ?? []) walk(ns, '');
  return out;
}

/** Names of the top-level import names: packages, modules and namespace folders. */
export function topLevelNames(model: ProjectModel): string[] {
  return [...model.packages.map((p) => p.name), ...model.modules.map((m) => m.name), ...(model.namespacePackages ?? []).map((n) => n.name)];
}

/** How the `; private` annotation of PEP 794 is spelled ("any amount of whitespace surrounding the semicolon"). */
export const PRIVATE_SPELLINGS = ['tight', 'right', 'spaced'] as const;
export type PrivateSpelling = (typeof PRIVATE_SPELLINGS)[number];

/** Which declared import names are marked `; private` (PEP 794). */
export const PRIVATE_MARKS = ['none', 'first', 'all'] as const;
export type PrivateMark = (typeof PRIVATE_MARKS)[number];

export interface ImportNamesModel {
  /** `none`: no name is marked; `first`: the first declared name; `all`: every name (and namespace). */
  private: PrivateMark;
  /** `a;private`, `a; private` or `a ; private`. */
  spelling: PrivateSpelling;
}

/** One PEP 794 import name: the dotted name and whether it is marked `; private`. */
export interface DeclaredImportName {
  name: string;
  private: boolean;
}

/**
 * The import names a model with `importNames` declares, the shortest ones
 * (pyproject.toml specification, `import-names`): its top-level packages and
 * modules, and below each namespace package its packages and modules
 * (dotted); the namespace packages themselves, with every intervening name,
 * are `namespaces`. Null when the model declares none.
 */
export function declaredImportNames(model: ProjectModel): { names: DeclaredImportName[]; namespaces: DeclaredImportName[] } | null {
  const part = model.importNames;
  if (part === undefined) return null;
  const names: string[] = [...model.packages.map((p) => p.name), ...model.modules.map((m) => m.name)];
  const namespaces: string[] = [];
  const walk = (ns: NamespaceModel, prefix: string): void => {
    const dotted = prefix + ns.name;
    namespaces.push(dotted);
    for (const p of ns.packages) names.push(`${dotted}.${p.name}`);
    for (const m of ns.modules) names.push(`${dotted}.${m.name}`);
    for (const sub of ns.namespaces) walk(sub, `${dotted}.`);
  };
  for (const ns of model.namespacePackages ?? []) walk(ns, '');
  const mark = (name: string, i: number): DeclaredImportName => ({ name, private: part.private === 'all' || (part.private === 'first' && i === 0) });
  return { names: names.map(mark), namespaces: namespaces.map((n) => ({ name: n, private: part.private === 'all' })) };
}

/** An import name as pyproject.toml spells it (`a`, `a; private`, ...). */
export function importNameEntry(entry: DeclaredImportName, spelling: PrivateSpelling): string {
  if (!entry.private) return entry.name;
  return entry.name + (spelling === 'tight' ? ';private' : spelling === 'right' ? '; private' : ' ; private');
}

