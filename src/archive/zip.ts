import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { ViewBuilder } from './builder.js';
import { readCapped } from './capped.js';
import { decodeUtf8, decodeZipName } from './names.js';
import { errorMessage } from './problems.js';
import type { ArchiveEntry } from './types.js';

const EMPTY = new Uint8Array(0);
const UTF8_FLAG = 0x800;
const CREATOR_UNIX = 3;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const SPECIAL_KINDS = new Map<number, string>([
  [0o010000, 'fifo'],
  [0o020000, 'character device'],
  [0o060000, 'block device'],
  [0o140000, 'socket'],
]);

/** What one member turned out to be, from its name and Unix mode bits. */
type ZipKind = { type: 'file' | 'dir' | 'symlink' } | { type: 'other'; kind: string };

/** Whether to go on with the next member after reading one. */
type Next = 'continue' | 'stop';

/**
 * Reads every member of a zip held in memory into `b`, in central-directory
 * order. Problems are reported on `b`; nothing is thrown for bad bytes.
 */
export async function readZipInto(b: ViewBuilder, bytes: Uint8Array): Promise<void> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true, decodeStrings: false });
  } catch (error) {
    b.report('archive-unreadable', `not a readable zip: ${errorMessage(error)}`);
    return;
  }
  // Errors reach the iterator below; this listener only keeps a late one from being unhandled.
  zip.on('error', () => undefined);
  const reader = new ZipMembers(b, zip);
  try {
    for await (const entry of zip.eachEntry()) {
      if (!b.admit() || (await reader.read(entry)) === 'stop') break;
    }
  } catch (error) {
    b.report('archive-unreadable', `corrupt zip central directory: ${errorMessage(error)}`);
  } finally {
    zip.close();
  }
}

/** Reads members one by one, keeping the count of bytes inflated so far. */
class ZipMembers {
  private inflated = 0;

  constructor(
    private readonly b: ViewBuilder,
    private readonly zip: ZipFile,
  ) {}

  async read(entry: Entry): Promise<Next> {
    const name = decodeZipName(entry.fileNameRaw, (entry.generalPurposeBitFlag & UTF8_FLAG) !== 0);
    const path = name.text;
    if (!name.valid) this.b.report('non-utf8-name', 'member name is not valid UTF-8 (decoded as CP437)', path);
    const unix = entry.versionMadeBy >> 8 === CREATOR_UNIX;
    const st = entry.externalFileAttributes >>> 16;
    const base = { path, mode: unix ? st & 0o7777 : null, size: entry.uncompressedSize, mtime: dosSeconds(entry) };
    const kind = zipKind(path, unix ? st : 0);
    if (kind.type === 'dir') {
      this.b.add({ ...base, type: 'dir', data: EMPTY });
      return 'continue';
    }
    if (kind.type === 'other') {
      this.b.addSpecial({ ...base, type: 'other', data: EMPTY }, kind.kind);
      return 'continue';
    }
    const data = await this.readData(entry, path);
    if (!(data instanceof Uint8Array)) return data;
    const result: ArchiveEntry =
      kind.type === 'symlink'
        ? { ...base, type: 'symlink', linkTarget: decodeUtf8(data).text, data: EMPTY }
        : { ...base, type: 'file', data };
    this.b.add(result);
    return 'continue';
  }

  /** The member's data, or what to do next when it could not be read. */
  private async readData(entry: Entry, path: string): Promise<Uint8Array | Next> {
    const { maxMemberBytes, maxTotalBytes } = this.b.limits;
    const declared = entry.uncompressedSize;
    const room = maxTotalBytes - this.inflated;
    if (declared > maxMemberBytes) return this.capped(path, `declares ${declared} bytes, over maxMemberBytes (${maxMemberBytes})`);
    if (declared > room) return this.capped(path, `declares ${declared} bytes, over what is left of maxTotalBytes (${room})`);
    let stream: Readable;
    try {
      stream = await this.zip.openReadStreamPromise(entry);
    } catch (error) {
      this.b.report('archive-unreadable', `cannot read member: ${errorMessage(error)}`, path);
      return 'continue';
    }
    const read = await readCapped(stream, Math.min(maxMemberBytes, room));
    if (read.kind === 'over-cap') return this.capped(path, `inflated to more than ${Math.min(maxMemberBytes, room)} bytes`);
    if (read.kind === 'error') {
      this.b.report('archive-unreadable', `corrupt member data: ${errorMessage(read.error)}`, path);
      return 'continue';
    }
    this.inflated += read.data.byteLength;
    if (crc32(read.data) !== entry.crc32) {
      this.b.report('archive-unreadable', 'CRC-32 of the member data does not match the stored one', path);
      return 'continue';
    }
    return read.data;
  }

  private capped(path: string, why: string): Next {
    this.b.report('size-cap', `member ${why}; reading stopped`, path);
    return 'stop';
  }
}

/**
 * Directory when the name ends with `/` (as Python's zipfile decides); else
 * the Unix file-type bits (0 when the creator is not Unix) tell symlinks and
 * special files from regular files.
 */
function zipKind(path: string, st: number): ZipKind {
  if (path.endsWith('/')) return { type: 'dir' };
  const format = st & S_IFMT;
  if (format === S_IFLNK) return { type: 'symlink' };
  const special = SPECIAL_KINDS.get(format);
  return special === undefined ? { type: 'file' } : { type: 'other', kind: special };
}

/**
 * The DOS date/time fields read as if they were UTC, in seconds. DOS times
 * carry no time zone (they are the builder's wall clock); reading them as UTC
 * keeps the result independent of the reader's TZ. Extended-timestamp extra
 * fields are ignored.
 */
function dosSeconds(entry: Entry): number | null {
  const ms = entry.getLastModDate({ forceDosFormat: true, timezone: 'UTC' }).getTime();
  return Number.isFinite(ms) ? ms / 1000 : null;
}
