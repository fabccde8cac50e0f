/**
 * `{name}-{version}` stems: the part of sdist filenames, sdist top folders
 * and `.dist-info` folders that names the distribution, and their normal
 * form (escaped normalized name, one `-`, normalized version).
 */
import { escapeName, sameName } from './name.js';
import { normalizeVersion, sameVersion } from './version.js';

/** A stem split at its last `-`, or null when it has none or the name part is empty. */
export function splitStem(stem: string): { name: string; version: string } | null {
  const i = stem.lastIndexOf('-');
  if (i <= 0) return null;
  return { name: stem.slice(0, i), version: stem.slice(i + 1) };
}

/** Whether a stem spells the given name and version, for some split at a `-` (unescaped names may hold dashes). */
export function stemMatches(stem: string, name: string, version: string): boolean {
  for (let i = stem.indexOf('-'); i !== -1; i = stem.indexOf('-', i + 1)) {
    if (sameName(stem.slice(0, i), name) && sameVersion(stem.slice(i + 1), version)) return true;
  }
  return false;
}

/** Why a stem is not in normal form, or null when it is. */
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
