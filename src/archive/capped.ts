/** The parts of a readable stream that `readCapped` uses (Node and streamx streams both fit). */
export interface ChunkStream {
  on(event: 'data', listener: (chunk: unknown) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  destroy(): unknown;
}

/** The outcome of reading one member's data. */
export type CappedRead =
  | { kind: 'data'; data: Uint8Array }
  /** More than the cap arrived; `bytes` is how many had arrived when reading stopped. */
  | { kind: 'over-cap'; bytes: number }
  | { kind: 'error'; error: unknown };

/**
 * Collects a stream into one buffer, counting the bytes that actually arrive
 * (whatever the archive declared). As soon as more than `cap` bytes have
 * arrived, the chunks are dropped and the stream destroyed, so memory stays
 * bounded by `cap` plus one chunk. Never rejects.
 */
export function readCapped(stream: ChunkStream, cap: number): Promise<CappedRead> {
  return new Promise((resolve) => {
    let chunks: Uint8Array[] = [];
    let bytes = 0;
    let settled = false;
    const settle = (result: CappedRead): void => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    stream.on('error', (error) => settle({ kind: 'error', error }));
    stream.on('data', (chunk) => {
      if (settled) return;
      if (!(chunk instanceof Uint8Array)) {
        settle({ kind: 'error', error: new TypeError('stream yielded a chunk that is not bytes') });
        stream.destroy();
        return;
      }
      bytes += chunk.byteLength;
      if (bytes > cap) {
        chunks = [];
        settle({ kind: 'over-cap', bytes });
        stream.destroy();
        return;
      }
      chunks.push(chunk);
    });
    stream.on('end', () => settle({ kind: 'data', data: concat(chunks, bytes) }));
  });
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
