import type { FileMap } from './fileMap.js';

/** A file map as path -> text (binary content as `base64:` + data), for reports. */
export function textFiles(files: FileMap): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    out[k] = typeof v === 'string' ? v : `base64:${Buffer.from(v).toString('base64')}`;
  }
  return out;
}
