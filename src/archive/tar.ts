import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import tar, { type Header } from 'tar-stream';
import type { ViewBuilder } from './builder.js';
import { readCapped, type ChunkStream } from './capped.js';
import { decodeUtf8, type DecodedName } from './names.js';
import { errorMessage } from './problems.js';
import type { ArchiveEntry } from './types.js';

/** tar-stream's extract options, with the two it reads but does not declare. */
type ExtractOptions = NonNullable<Parameters<typeof tar.extract>[0]> & {
  filenameEncoding: BufferEncoding;
  allowUnknownFormat: boolean;
};

/** Input is fed in slices this big, so one write can inflate to at most ~16 MiB. */
const SLICE = 16 * 1024;
const EMPTY = new Uint8Array(0);
/** Names as latin1 keep their raw bytes; v7 tars (no `ustar` magic) are accepted. */
const EXTRACT_OPTIONS: ExtractOptions = { highWaterMark: SLICE, filenameEncoding: 'latin1', allowUnknownFormat: true };
const SPECIAL_KINDS: Partial<Record<Header['type'], string>> = {
  'character-device': 'character device',
  'block-device': 'block device',
  fifo: 'fifo',
};

/**
 * Reads every member of a tar (gzip-compressed when `gzip`) held in memory
 * into `b`, in archive order. Resolves once the archive is read or reading
 * stopped; problems are reported on `b`, nothing is thrown.
 */
export function readTarInto(b: ViewBuilder, bytes: Uint8Array, gzip: boolean): Promise<void> {
  return new TarReader(b, bytes, gzip).done;
}

function* slices(bytes: Uint8Array): Generator<Buffer> {
  for (let start = 0; start < bytes.byteLength; start += SLICE) {
    const length = Math.min(SLICE, bytes.byteLength - start);
    yield Buffer.from(bytes.buffer, bytes.byteOffset + start, length);
  }
}

/** One streaming read: input slices -> (gunzip) -> byte counter -> tar-stream extract. */
class TarReader {
  readonly done: Promise<void>;
  private finish!: () => void;
  private stopped = false;
  private streamBytes = 0;
  private readonly feeder: Readable;
  private readonly source: Readable;
  private readonly extract = tar.extract(EXTRACT_OPTIONS);

  constructor(
    private readonly b: ViewBuilder,
    bytes: Uint8Array,
    private readonly gzip: boolean,
  ) {
    this.done = new Promise((resolve) => (this.finish = resolve));
    this.feeder = Readable.from(slices(bytes));
    this.source = gzip ? this.feeder.pipe(createGunzip()) : this.feeder;
    this.source.on('error', (error) => this.fail('gzip', error));
    this.source.on('data', (chunk: Buffer) => this.onChunk(chunk));
    this.source.on('end', () => this.extract.end(null));
    this.extract.on('error', (error: unknown) => this.fail('tar', error));
    this.extract.on('drain', () => this.source.resume());
    this.extract.on('finish', () => this.stop());
    this.extract.on('entry', (header, stream, next) => this.onEntry(header, stream, next));
  }

  private onChunk(chunk: Buffer): void {
    if (this.stopped) return;
    this.streamBytes += chunk.byteLength;
    const cap = this.b.limits.maxTotalBytes;
    if (this.streamBytes > cap) {
      this.b.report('size-cap', `the ${this.gzip ? 'decompressed ' : ''}tar stream is longer than maxTotalBytes (${cap}); reading stopped`);
      this.stop();
    } else if (!this.extract.write(chunk)) {
      this.source.pause();
    }
  }

  private onEntry(header: Header, stream: ChunkStream, next: () => void): void {
    stream.on('error', () => undefined); // errors are the extract's; readCapped sees them too
    if (this.stopped) return;
    if (!this.b.admit()) return this.stop();
    const path = this.decodeName(header);
    const size = header.size ?? 0;
    const cap = this.b.limits.maxMemberBytes;
    if (size > cap) {
      this.b.report('size-cap', `member is ${size} bytes, over maxMemberBytes (${cap}); reading stopped`, path);
      return this.stop();
    }
    void readCapped(stream, cap).then((read) => {
      if (this.stopped) return;
      if (read.kind === 'error') return this.fail('tar', read.error);
      if (read.kind === 'over-cap') {
        this.b.report('size-cap', `member data is longer than maxMemberBytes (${cap}); reading stopped`, path);
        return this.stop();
      }
      this.record(header, path, read.data);
      next();
    });
  }

  /** The member name as UTF-8, reporting `non-utf8-name` when it is not. */
  private decodeName(header: Header): string {
    const name = decodeTarString(header.name, paxRecords(header).path !== undefined);
    if (!name.valid) this.b.report('non-utf8-name', 'member name is not valid UTF-8 (decoded with U+FFFD)', name.text);
    return name.text;
  }

  private record(header: Header, path: string, data: Uint8Array): void {
    const pax = paxRecords(header);
    const base = {
      path,
      mode: header.mode === undefined ? null : header.mode & 0o7777,
      size: header.size ?? 0,
      mtime: paxNumber(pax.mtime) ?? seconds(header.mtime),
      uid: paxNumber(pax.uid) ?? header.uid ?? 0,
      gid: paxNumber(pax.gid) ?? header.gid ?? 0,
      uname: pax.uname ?? header.uname ?? '',
      gname: pax.gname ?? header.gname ?? '',
    };
    const linkTarget = decodeTarString(header.linkname ?? '', pax.linkpath !== undefined).text;
    const type: Header['type'] | null = header.type;
    let entry: ArchiveEntry;
    if (type === 'file' || type === 'contiguous-file') entry = { ...base, type: 'file', data };
    else if (type === 'directory') entry = { ...base, type: 'dir', data: EMPTY };
    else if (type === 'symlink') entry = { ...base, type: 'symlink', linkTarget, data: EMPTY };
    else if (type === 'link') entry = { ...base, type: 'hardlink', linkTarget, data: EMPTY };
    else {
      const kind = (type === null ? undefined : SPECIAL_KINDS[type]) ?? `tar member of unknown type`;
      return this.b.addSpecial({ ...base, type: 'other', data: EMPTY }, kind);
    }
    this.b.add(entry);
  }

  private fail(stage: 'gzip' | 'tar', error: unknown): void {
    if (this.stopped) return;
    this.b.report('archive-unreadable', `not a readable ${stage === 'gzip' ? 'gzip stream' : 'tar'}: ${errorMessage(error)}`);
    this.stop();
  }

  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.feeder.destroy();
    this.source.destroy();
    this.extract.destroy();
    this.finish();
  }
}

/**
 * tar-stream gives ustar and GNU names as latin1 (so the raw bytes survive),
 * and pax values already decoded as UTF-8 (with U+FFFD for invalid bytes).
 */
function decodeTarString(value: string, fromPax: boolean): DecodedName {
  if (fromPax) return { text: value, valid: !value.includes('\uFFFD') };
  return decodeUtf8(Buffer.from(value, 'latin1'));
}

/** The pax records tar-stream attached to a header (declared `unknown` in its types). */
function paxRecords(header: Header): Partial<Record<string, string>> {
  const pax = header.pax;
  return typeof pax === 'object' && pax !== null ? (pax as Partial<Record<string, string>>) : {};
}

function paxNumber(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

function seconds(date: Date | undefined): number | null {
  const ms = date?.getTime();
  return ms !== undefined && Number.isFinite(ms) ? ms / 1000 : null;
}
