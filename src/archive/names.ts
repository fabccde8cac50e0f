/** Member-name helpers shared by the zip and tar readers. */

/** A decoded name and whether the bytes were valid in the encoding they claimed. */
export interface DecodedName {
  text: string;
  valid: boolean;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
const LOSSY_UTF8 = new TextDecoder('utf-8');

/** Decodes UTF-8; invalid sequences become U+FFFD and `valid` is false. */
export function decodeUtf8(bytes: Uint8Array): DecodedName {
  try {
    return { text: STRICT_UTF8.decode(bytes), valid: true };
  } catch {
    return { text: LOSSY_UTF8.decode(bytes), valid: false };
  }
}

/** Code page 437, bytes 0x80-0xFF: the zip default for names without the UTF-8 flag. */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒ' +
  'áíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐' +
  '└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' +
  'αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

/**
 * Decodes a zip member name the way Python's zipfile (and so pip) does:
 * UTF-8 when general-purpose flag bit 11 is set, else CP437 (bytes below 0x80
 * as ASCII). `valid` is false for a non-ASCII name without the flag and for
 * invalid UTF-8 with it.
 */
export function decodeZipName(raw: Uint8Array, utf8Flag: boolean): DecodedName {
  if (utf8Flag) return decodeUtf8(raw);
  let text = '';
  let ascii = true;
  for (const byte of raw) {
    if (byte < 0x80) {
      text += String.fromCharCode(byte);
    } else {
      ascii = false;
      text += CP437_HIGH[byte - 0x80];
    }
  }
  return { text, valid: ascii };
}

/**
 * True when extracting `path` could write outside the target folder: an
 * absolute path (`/x`, `\x`), a drive prefix (`C:x`, `C:\x`), or a `..`
 * segment, with both `/` and `\` taken as separators.
 */
export function escapesRoot(path: string): boolean {
  if (path.startsWith('/') || path.startsWith('\\')) return true;
  if (/^[A-Za-z]:/.test(path)) return true;
  return path.split(/[/\\]/).includes('..');
}

/** The key two members collide on: the name without trailing slashes. */
export function duplicateKey(path: string): string {
  return path.replace(/\/+$/, '');
}
