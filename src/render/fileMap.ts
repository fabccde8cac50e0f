/**
 * A project on disk as data: `/`-separated relative path -> content (text is
 * UTF-8), or a `ModedFile` for a file whose permission bits matter (an
 * executable file). A plain value is a regular file written with the
 * default mode (0o644 under the usual umask). A `SymlinkFile` is a symbolic
 * link; it carries its target's content too, so that every reader of a file
 * map (hashes, install expectations) sees what a dereferencing reader sees.
 */
export type FileMap = Record<string, FileContent>;

/** One file of a `FileMap`: its content alone, or its content and mode. */
export type FileContent = string | Uint8Array | ModedFile | SymlinkFile;

/** A file with explicit permission bits (`0o755` for an executable file). */
export interface ModedFile {
  content: string | Uint8Array;
  /** Permission bits (`0o755`); the writer sets exactly these, whatever the umask. */
  mode: number;
}

/**
 * A symbolic link: `symlink` is the target as written in the link (relative
 * to the link's folder, never absolute, never leaving the project), and
 * `content` the target's content (what the link reads as).
 */
export interface SymlinkFile {
  content: string | Uint8Array;
  symlink: string;
}

/** The link target of a file map value, or null for a file. */
export function symlinkTarget(v: FileContent): string | null {
  return typeof v === 'string' || v instanceof Uint8Array || !('symlink' in v) ? null : v.symlink;
}

/** The mode of an executable file as the writer sets it (and every backend normalizes to). */
export const EXECUTABLE_MODE = 0o755;

/** The bytes or text of a file map value (a link's: its target's). */
export function fileContent(v: FileContent): string | Uint8Array {
  return typeof v === 'string' || v instanceof Uint8Array ? v : v.content;
}

/** The explicit mode of a file map value, or null for a plain one. */
export function fileMode(v: FileContent): number | null {
  return typeof v === 'string' || v instanceof Uint8Array || !('mode' in v) ? null : v.mode;
}

/** Whether a file map value is an executable file (owner execute bit, as `normalizeArtifact` reads archives). */
export function isExecutableFile(v: FileContent): boolean {
  const mode = fileMode(v);
  return mode !== null && (mode & 0o100) !== 0;
}

/** Configuration flavour a renderer writes for a family. */
export type ConfigStyle = 'pyproject' | 'setup.cfg' | 'setup.py';
