import type { ArchiveProblem } from './types.js';

/**
 * Every code an `ArchiveProblem` can carry, with one line of documentation.
 * Codes are stable: oracles and allow-lists refer to them by name.
 */
export const PROBLEM_CODES = {
  'archive-unreadable':
    'The bytes are not a readable zip/gzip/tar, or are truncated or corrupt (CRC or size mismatch, bad header); reading stopped or skipped that member.',
  'size-cap':
    'A member or the whole archive inflates past ReadLimits.maxMemberBytes / maxTotalBytes; no further data was read.',
  'entry-cap': 'The archive has more members than ReadLimits.maxEntries; the members after the cap were not read.',
  'duplicate-member': 'Two members have the same name (compared exactly, ignoring a trailing slash).',
  'member-escapes':
    'A member name is absolute, has a drive prefix, or has a `..` segment (`/` and `\\` both count as separators), so extracting it would leave the target folder.',
  symlink: 'A member is a symbolic link.',
  hardlink: 'A member is a hard link (tar only).',
  'special-member': 'A member is a device, fifo, socket or another kind that is neither file, folder nor link.',
  'non-utf8-name':
    'A member name is not valid UTF-8 (zip: non-ASCII without the UTF-8 flag, decoded as CP437; tar: decoded with U+FFFD replacements).',
} as const;

/** One of the documented problem codes. */
export type ProblemCode = keyof typeof PROBLEM_CODES;

/** Builds an `ArchiveProblem`, omitting `path` when there is none. */
export function problem(code: ProblemCode, message: string, path?: string): ArchiveProblem {
  return path === undefined ? { code, message } : { code, path, message };
}

/** The message of anything thrown or emitted as an error. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
