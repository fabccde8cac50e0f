/**
 * What the installed-tree probe (src/install/_python/probe_installed.py)
 * reports about one installation: plain JSON facts, judged by
 * compareInstalled.ts.
 */
export const SCHEME_KEYS = ['purelib', 'platlib', 'headers', 'scripts', 'data'] as const;
export type SchemeKey = (typeof SCHEME_KEYS)[number];

export interface InstalledFile {
  sha256: string;
  executable: boolean;
  /** The first 512 bytes as text (scripts scheme only). */
  head: string | null;
}

export type ImportFact =
  | { ok: true; file: string | null; package: boolean; namespace: boolean; underProject: boolean }
  | { ok: false; error: string };

export interface ResourceFact {
  package: string;
  path: string;
  ok: boolean;
  sha256?: string;
  error?: string;
}

export interface MetadataFact {
  /** How many distributions of that (normalized) name Python sees. */
  count: number;
  name?: string;
  version?: string;
  requires?: string[];
  extras?: string[];
  entryPoints?: { group: string; name: string; value: string }[];
  error?: string;
}

export type RequirementMeaning = { name: string; extras: string[]; url: string; versions: string; marker: string } | { error: string };

export interface InstalledFacts {
  python: string;
  /** The interpreter the installer wrote into script launchers (`#!...`). */
  interpreter: string;
  files: Record<SchemeKey, Record<string, InstalledFile>>;
  imports: Record<string, ImportFact>;
  resources: ResourceFact[];
  metadata?: MetadataFact;
  /**
   * Each requirement (the model's and the installed ones) as packaging reads it: canonical name,
   * extras and URL, its specifier set's truth on a grid of versions around the versions the
   * requirements name, and its marker's truth on a fixed grid of environments ('' without a marker).
   */
  requirements: Record<string, RequirementMeaning>;
  /** Editable installs: the marker appended to a module, and what a fresh interpreter saw. */
  edit?: { expected: string; seen: unknown };
}
