import { ViewBuilder } from './builder.js';
import { sniffContainer } from './sniff.js';
import type { ArchiveView, ReadLimits } from './types.js';
import { readZipInto } from './zip.js';

/**
 * Reads a wheel (a zip) held in memory. Never throws on bad bytes: whatever
 * could be read is returned in `entries`, everything wrong in `problems`
 * (codes in `PROBLEM_CODES`). `limits` override `DEFAULT_LIMITS` field by field.
 */
export async function readWheel(filename: string, bytes: Uint8Array, limits?: Partial<ReadLimits>): Promise<ArchiveView> {
  const b = new ViewBuilder(limits);
  b.container = sniffContainer(bytes);
  if (bytes.byteLength === 0) b.report('archive-unreadable', 'the file is empty');
  else await b.guard(() => readZipInto(b, bytes));
  return b.view('wheel', filename);
}
