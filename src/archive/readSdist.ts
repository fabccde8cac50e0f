import { ViewBuilder } from './builder.js';
import { sniffContainer } from './sniff.js';
import { readTarInto } from './tar.js';
import type { ArchiveView, ReadLimits } from './types.js';
import { readZipInto } from './zip.js';

/**
 * Reads an sdist held in memory: a `.tar.gz` (the standard form), a plain
 * `.tar` or a `.zip`, recognized by magic bytes rather than by `filename`.
 * Bytes that are neither gzip nor zip are read as a plain tar. Never throws on
 * bad bytes: whatever could be read is returned in `entries`, everything wrong
 * in `problems` (codes in `PROBLEM_CODES`). `limits` override `DEFAULT_LIMITS`.
 */
export async function readSdist(filename: string, bytes: Uint8Array, limits?: Partial<ReadLimits>): Promise<ArchiveView> {
  const b = new ViewBuilder(limits);
  b.container = sniffContainer(bytes);
  if (bytes.byteLength === 0) b.report('archive-unreadable', 'the file is empty');
  else if (b.container === 'zip') await b.guard(() => readZipInto(b, bytes));
  else await b.guard(() => readTarInto(b, bytes, b.container === 'tar.gz'));
  return b.view('sdist', filename);
}
