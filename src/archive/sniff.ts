import type { ArchiveContainer } from './types.js';

/**
 * Recognizes a container by its leading magic bytes: gzip (`1f 8b`, taken to
 * be a tar.gz), zip (`PK` local header, empty-archive or spanning marker), or
 * tar (`ustar` at offset 257). Undefined for anything else, including old v7
 * tars, which carry no magic.
 */
export function sniffContainer(bytes: Uint8Array): ArchiveContainer | undefined {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'tar.gz';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const pair = `${bytes[2]},${bytes[3]}`;
    if (pair === '3,4' || pair === '5,6' || pair === '7,8') return 'zip';
  }
  const magic = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', 257, 262);
  return magic === 'ustar' ? 'tar' : undefined;
}
