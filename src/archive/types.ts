export type EntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';

export interface ArchiveEntry {
  /** Member name as stored (`/`-separated). */
  path: string;
  type: EntryType;
  /** Unix permission bits (e.g. 0o644), or null when the archive stores none. */
  mode: number | null;
  /** Uncompressed size in bytes. */
  size: number;
  /** Modification time, seconds since the epoch, when stored. */
  mtime: number | null;
  /** Owner metadata (tar only). */
  uid?: number;
  gid?: number;
  uname?: string;
  gname?: string;
  /** Link target for symlinks/hardlinks. */
  linkTarget?: string;
  /** Content of regular files (empty for other types). */
  data: Uint8Array;
}

export interface ArchiveProblem {
  /** Stable code, e.g. `archive-unreadable`, `member-escapes`, `duplicate-member`, `size-cap`. */
  code: string;
  path?: string;
  message: string;
}

/** How the bytes were packed: a zip file, a plain tar or a gzip-compressed tar. */
export type ArchiveContainer = 'zip' | 'tar' | 'tar.gz';

export interface ArchiveView {
  format: 'wheel' | 'sdist';
  filename: string;
  /** The container the bytes were recognized as (by their magic bytes), when recognized. */
  container?: ArchiveContainer;
  entries: ArchiveEntry[];
  /** Anything wrong with the archive itself. Reading never throws on bad bytes. */
  problems: ArchiveProblem[];
}

/**
 * Caps on what reading one archive may cost. Bytes are counted as they are
 * actually inflated, never taken from declared sizes alone. For a zip the total
 * is the sum of the members' inflated data; for a tar it is the length of the
 * decompressed tar stream (headers and padding included).
 */
export interface ReadLimits {
  /** Maximum total uncompressed bytes read (default 256 MiB). */
  maxTotalBytes: number;
  /** Maximum bytes of one member (default 64 MiB). */
  maxMemberBytes: number;
  /** Maximum number of members (default 100,000). */
  maxEntries: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxTotalBytes: 256 * 1024 * 1024,
  maxMemberBytes: 64 * 1024 * 1024,
  maxEntries: 100_000,
};
