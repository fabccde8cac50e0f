import { parseHeaderFile } from '../pep/coreMetadata.js';
import { parseSpecifierSet, specifierSetContains } from '../pep/specifier.js';

/** True when the wheel's METADATA has no Requires-Python, or one that admits Python 2.7. */
export function py2Allowed(members: { path: string; text: string | null }[]): boolean {
  const meta = members.find((m) => /(^|\/)(\{dist-info\}|[^/]*\.dist-info)\/METADATA$/.test(m.path));
  if (!meta || meta.text === null) return true;
  const field = parseHeaderFile(meta.text).fields.find(([k]) => k.toLowerCase() === 'requires-python');
  if (!field || field[1].trim() === '') return true;
  const set = parseSpecifierSet(field[1]);
  return !set.ok || specifierSetContains(set.value, '2.7.18');
}
