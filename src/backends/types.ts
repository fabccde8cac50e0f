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
}
