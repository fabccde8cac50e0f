import { fileContent, type FileContent } from '../render/fileMap.js';
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 text without NUL bytes, else null. */
export function asTextOrNull(data: Uint8Array): string | null {
  if (data.includes(0)) return null;
  try {
    return utf8.decode(data);
  } catch {
    return null;
  }
}

/** A project input file's text (an input file map holds strings or bytes), or null when absent or not text. */
export function inputText(value: FileContent | undefined): string | null {
  if (value === undefined) return null;
  const content = fileContent(value);
  return typeof content === 'string' ? content : asTextOrNull(content);
}
