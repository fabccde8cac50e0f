/**
 * Distribution and extra names: validity (the name format of the
 * core-metadata specification, as `packaging.utils.canonicalize_name(name,
 * validate=True)` checks it) and PEP 503 normalization.
 */
import type { Parsed } from './result.js';

/** A valid name: ASCII letters, digits, `.`, `_`, `-`, starting and ending with a letter or digit. */
const VALID = /^(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])$/;
/** A normalized name: lowercase runs of letters and digits joined by single `-`. */
const NORMALIZED = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True when `name` is a valid distribution (or extra) name. */
export function isValidName(name: string): boolean {
  return VALID.test(name);
}

/**
 * The PEP 503 normal form: lowercase, every run of `-`, `_`, `.` one `-`
 * (lenient: any text is normalized, as canonicalize_name does without validate).
 */
export function canonicalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** Strict: the normal form of a valid name, or why it is not one. */
export function parseName(name: string): Parsed<string> {
  return isValidName(name) ? { ok: true, value: canonicalizeName(name) } : { ok: false, error: `name is invalid: '${name}' (letters, digits, '.', '_', '-', starting and ending with a letter or digit)` };
}

/** True when `name` is already in normal form (and valid). */
export function isNormalizedName(name: string): boolean {
  return NORMALIZED.test(name);
}

/** Whether two names are the same distribution (equal after normalization). */
export function sameName(a: string, b: string): boolean {
  return canonicalizeName(a) === canonicalizeName(b);
}

/** The name as wheel, sdist and `.dist-info` names spell it: normalized, `-` written `_`. */
export function escapeName(name: string): string {
  return canonicalizeName(name).replace(/-/g, '_');
}
