import { satisfies } from '@renovatebot/pep440';
import { parseHeaderFile } from '../pep/coreMetadata.js';

/** True when the wheel's METADATA has no Requires-Python, or one that admits Python 2.7. */
export function py2Allowed(members: { path: string; text: string | null }[]): boolean {
  const meta = members.find((m) => /(^|\/)(\{dist-info\}|[^/]*\.dist-info)\/METADATA$/.test(m.path));
  if (!meta || meta.text === null) return true;
  const field = parseHeaderFile(meta.text).fields.find(([k]) => k.toLowerCase() === 'requires-python');
  if (!field || field[1].trim() === '') return true;
  try {
    return satisfies('2.7.18', field[1].trim());
  } catch {
    return true;
  }
}
