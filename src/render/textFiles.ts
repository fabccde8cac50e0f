import { fileContent, fileMode, type FileMap } from './fileMap.js';

/** A file map as path -> text (binary content as `base64:` + data), for reports; a file's explicit mode is not shown (`fileModes` lists them). */
export function textFiles(files: FileMap): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const c = fileContent(v);
    out[k] = typeof c === 'string' ? c : `base64:${Buffer.from(c).toString('base64')}`;
  }
  return out;
}

/** The explicit modes of a file map (path -> octal `0o755`), sorted; empty when no file has one. */
export function fileModes(files: FileMap): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(files).sort()) {
    const mode = fileMode(files[k]!);
    if (mode !== null) out[k] = `0o${mode.toString(8)}`;
  }
  return out;
}
