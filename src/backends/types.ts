import type { ConfigStyle } from '../render/fileMap.js';
export const FAMILIES = ['setuptools', 'hatchling', 'flit', 'poetry', 'pdm', 'uv'] as const;
export type Family = (typeof FAMILIES)[number];

/** A parsed backend spec (see DESIGN.md, "Backend specs"). */
export interface BackendSpec {
  /** The spec exactly as given. */
  raw: string;
  family: Family;
  /** `==VERSION`: install this release of the family's distribution into a managed environment. */
  version?: string;
  /** `@LOCATION`: a wheel file or directory, first on the backend's import path. */
  location?: string;
  /** `backend=MODULE[:OBJECT]`: another hook object. */
  backend?: { module: string; object?: string };
  /** `path=DIR` entries (repeatable), added to the import path. */
  paths: string[];
  /** `python=EXE`. */
  python?: string;
  /** `style=STYLE`: the configuration style projects are written in (setuptools: pyproject, setup.cfg, setup.py). */
  style?: ConfigStyle;
  /** `config=KEY=VALUE` entries: PEP 517 config_settings passed to every hook (a repeated key holds a list). */
  configSettings?: Record<string, string | string[]>;
}

/** A spec resolved to something that can run. */
export interface Backend {
  spec: BackendSpec;
  family: Family;
  /** Installed version of the family's distribution (e.g. setuptools 80.9.0). */
  version: string;
  /** Absolute path of the interpreter that runs the hooks. */
  python: string;
  /** Hook object: module and optional attribute path. */
  hook: { module: string; object?: string };
  /** Absolute directories put first on sys.path, in order. */
  importPaths: string[];
  /** Short human label, e.g. `setuptools 80.9.0`. */
  label: string;

  // Set by resolveBackend. Optional in the type only so that hand-made Backend
  // values (tests, fakes) written against the first version still compile.
  /** Which optional hooks the hook object has (mandatory build_wheel/build_sdist are not listed). */
  optionalHooks?: OptionalHookName[];
  /** Distribution that provides the family, e.g. `flit-core` (or `pdm-pep517` for old pdm). */
  distribution?: string;
  /** Interpreter version, e.g. `3.11.7`. */
  pythonVersion?: string;
  /**
   * Absolute directories to put first on PATH when running hooks: the
   * interpreter's scripts directory (a managed environment's `bin/`) and a
   * wheel's unpacked scripts. Some backends need them (uv_build runs the
   * `uv-build` executable it finds on PATH).
   */
  binPaths?: string[];
  /** Managed environment directory, for `==VERSION` specs. */
  envDir?: string;
}

/** PEP 517 / PEP 660 hooks a backend object may leave out. */
export const OPTIONAL_HOOKS = [
  'get_requires_for_build_wheel',
  'get_requires_for_build_sdist',
  'get_requires_for_build_editable',
  'prepare_metadata_for_build_wheel',
  'prepare_metadata_for_build_editable',
  'build_editable',
] as const;
export type OptionalHookName = (typeof OPTIONAL_HOOKS)[number];

/** One backend that `twinbuild backends` can report (see `listBackends`). */
export interface BackendInfo {
  family: Family;
  /** Distribution that provides it, e.g. `setuptools`, `flit-core`. */
  distribution: string;
  /** Installed version, or `unknown` when no metadata could be matched to the imported module. */
  version: string;
  /** Absolute interpreter path. */
  python: string;
  pythonVersion: string;
  /** Default hook object for the family as installed there. */
  hook: { module: string; object?: string };
  optionalHooks: OptionalHookName[];
  /** `interpreter`: importable by a probed interpreter; `managed`: an environment in the twinbuild home. */
  source: 'interpreter' | 'managed';
  /** Where the family's module was imported from (file or directory). */
  location?: string;
  /** Managed environment directory (source `managed`). */
  envDir?: string;
  /** A spec that selects this backend, e.g. `setuptools,python=/usr/bin/python3` or `hatchling==1.27.0`. */
  spec: string;
  /** Set when the family imports but its hook object does not (the backend is unusable there). */
  hookError?: string;
}
