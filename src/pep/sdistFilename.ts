/**
 * Source distribution filenames (the source-distribution-format
 * specification) as `packaging.utils.parse_sdist_filename` reads them:
 * `{name}-{version}.tar.gz` (or `.zip`), split at the last `-`.
 */
import { canonicalizeName } from './name.js';
import { splitStem } from './stem.js';
import type { Parsed } from './result.js';
import { formatVersion, parseVersion } from './version.js';

export interface SdistFilename {
  /** As written. */
  name: string;
  /** As written. */
  version: string;
  extension: '.tar.gz' | '.zip';
}

/** Strict: the parts of an sdist filename, or why it is not one. */
export function parseSdistFilename(filename: string): Parsed<SdistFilename> {
  const extension = filename.endsWith('.tar.gz') ? '.tar.gz' : filename.endsWith('.zip') ? '.zip' : null;
  if (extension === null) return { ok: false, error: "does not end with '.tar.gz' or '.zip'" };
  const split = splitStem(filename.slice(0, -extension.length));
  if (split === null) return { ok: false, error: "has no '-' between a name and the version" };
  if (!parseVersion(split.version).ok) return { ok: false, error: `has version part '${split.version}', which is not a valid PEP 440 version` };
  return { ok: true, value: { ...split, extension } };
}

/** The parsed parts as packaging returns them: normalized name, normal version. */
export function sdistFilenameKey(s: SdistFilename): [string, string] {
  const v = parseVersion(s.version);
  return [canonicalizeName(s.name), v.ok ? formatVersion(v.value) : s.version];
}
