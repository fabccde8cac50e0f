/**
 * Names as the name-normalization specification defines them, and the file
 * and folder names built from them (wheel filename escaping, PEP 625 sdist
 * names, `.dist-info` folders).
 */
import { normalizeVersion } from './version.js';

/** The name format (run case-insensitively): letters, digits, `.`, `_`, `-`, starting and ending with a letter or digit. */
const NAME_FORMAT = /^(?:[A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$/i;

/** True when `name` is a valid distribution name. */
export function isValidName(name: string): boolean {
  return NAME_FORMAT.test(name);
}

/** The normalized name: lowercase, each run of `-_.` replaced by one `-`. */
export function normalizeName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

/** The name as it appears in wheel, sdist and `.dist-info` names: normalized, then `-` replaced by `_`. */
export function escapeName(name: string): string {
  return normalizeName(name).replace(/-/g, '_');
}

/** Whether two names are the same distribution (equal after normalization). */
export function sameName(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b);
}

/** Whether two versions are equal in normal form (falls back to exact text when either is invalid). */
export function sameVersion(a: string, b: string): boolean {
  const na = normalizeVersion(a);
  const nb = normalizeVersion(b);
  return na !== null && nb !== null ? na === nb : a.trim() === b.trim();
}

/** The file's own name, without any folder in front. */
export function basename(path: string): string {
  const parts = path.split(/[/\\]/);
  return parts[parts.length - 1] ?? path;
}

/**
 * Whether a `{name}-{version}` stem spells the given name and version, for
 * some split at a `-` (names written unescaped may themselves hold dashes).
 */
export function stemMatches(stem: string, name: string, version: string): boolean {
  for (let i = stem.indexOf('-'); i !== -1; i = stem.indexOf('-', i + 1)) {
    if (sameName(stem.slice(0, i), name) && sameVersion(stem.slice(i + 1), version)) return true;
  }
  return false;
}

/** A `{name}-{version}` stem split at its last `-`, or null when it has none. */
export function splitStem(stem: string): { name: string; version: string } | null {
  const i = stem.lastIndexOf('-');
  if (i <= 0) return null;
  return { name: stem.slice(0, i), version: stem.slice(i + 1) };
}

/**
 * Why a `{name}-{version}` stem is not in normal form (escaped normalized
 * name, one `-`, normalized version), or null when it is.
 */
export function stemNormalizationProblem(stem: string): string | null {
  const dashes = stem.split('-').length - 1;
  if (dashes !== 1) return `has ${dashes} '-' characters; the normal form has exactly one, between name and version`;
  const [name = '', version = ''] = stem.split('-');
  const reasons: string[] = [];
  if (name !== escapeName(name)) reasons.push(`name '${name}' should be '${escapeName(name)}'`);
  const normal = normalizeVersion(version);
  if (normal !== null && normal !== version) reasons.push(`version '${version}' should be '${normal}'`);
  return reasons.length > 0 ? reasons.join('; ') : null;
}

/** A parsed wheel filename. `tags` are the expanded `py-abi-plat` triples. */
export interface WheelFilename {
  name: string;
  version: string;
  build?: string;
  python: string;
  abi: string;
  platform: string;
  tags: string[];
}

/** A single tag set: tags joined by `.`, each of letters, digits and `_`. */
const TAG_SET = /^[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*$/;
/** The escaped name component of a wheel filename (no `-`). */
const WHEEL_NAME = /^(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._]*[A-Za-z0-9])$/;

/** Every `py-abi-plat` triple of three compressed tag sets. */
export function expandTags(python: string, abi: string, platform: string): string[] {
  const out: string[] = [];
  for (const p of python.split('.')) for (const a of abi.split('.')) for (const l of platform.split('.')) out.push(`${p}-${a}-${l}`);
  return out;
}

/**
 * Parses `{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl`.
 * Returns the parts, or the list of reasons the name is malformed.
 */
export function parseWheelFilename(filename: string): { ok: true; value: WheelFilename } | { ok: false; errors: string[] } {
  if (!filename.endsWith('.whl')) return { ok: false, errors: ["does not end with '.whl'"] };
  const parts = filename.slice(0, -4).split('-');
  if (parts.length !== 5 && parts.length !== 6) {
    return {
      ok: false,
      errors: [`has ${parts.length} '-'-separated components; a wheel name has 5 or 6 ({name}-{version}(-{build})?-{python}-{abi}-{platform})`],
    };
  }
  const [name = '', version = ''] = parts;
  const build = parts.length === 6 ? parts[2] : undefined;
  const [python = '', abi = '', platform = ''] = parts.slice(-3);
  const errors: string[] = [];
  if (!WHEEL_NAME.test(name)) errors.push(`name component '${name}' is not a valid escaped distribution name`);
  if (normalizeVersion(version) === null || version.trim() !== version) errors.push(`version component '${version}' is not a valid PEP 440 version`);
  if (build !== undefined && !/^[0-9]/.test(build)) errors.push(`build tag '${build}' does not start with a digit`);
  for (const [label, set] of [
    ['python', python],
    ['abi', abi],
    ['platform', platform],
  ] as const) {
    if (!TAG_SET.test(set)) errors.push(`${label} tag '${set}' is not a '.'-separated set of tags made of letters, digits and '_'`);
  }
  if (errors.length > 0) return { ok: false, errors };
  const value: WheelFilename = { name, version, python, abi, platform, tags: expandTags(python, abi, platform) };
  if (build !== undefined) value.build = build;
  return { ok: true, value };
}
