/**
 * RECORD files (recording-installed-packages, "The RECORD file"; wheels:
 * binary-distribution-format, "The .dist-info directory"): CSV rows of
 * path, hash and size.
 */
import { createHash } from 'node:crypto';
import { parseCsv } from './_internals/csv.js';
import { decodeUtf8 } from './coreMetadata.js';

export interface RecordRow {
  line: number;
  path: string;
  hash: string;
  size: string;
}

export interface ParsedRecord {
  utf8: boolean;
  /** Rows with exactly three fields. */
  rows: RecordRow[];
  /** Why some lines are not rows (blank lines, wrong field counts, unterminated quotes). */
  problems: { line: number; message: string }[];
}

/**
 * Hash algorithms RECORD may use in a wheel: names from Python's
 * `hashlib.algorithms_guaranteed` that are sha256 or stronger, with the
 * Node.js name and the digest length in bytes.
 */
export const RECORD_HASHES: ReadonlyMap<string, { node: string; bytes: number }> = new Map([
  ['sha256', { node: 'sha256', bytes: 32 }],
  ['sha384', { node: 'sha384', bytes: 48 }],
  ['sha512', { node: 'sha512', bytes: 64 }],
  ['sha3_256', { node: 'sha3-256', bytes: 32 }],
  ['sha3_384', { node: 'sha3-384', bytes: 48 }],
  ['sha3_512', { node: 'sha3-512', bytes: 64 }],
  ['blake2b', { node: 'blake2b512', bytes: 64 }],
  ['blake2s', { node: 'blake2s256', bytes: 32 }],
]);

/** Names from `hashlib.algorithms_guaranteed` that are weaker than sha256 or have no fixed digest size. */
export const WEAK_HASHES = new Set(['md5', 'sha1', 'sha224', 'sha3_224', 'shake_128', 'shake_256']);

const cache = new WeakMap<Uint8Array, ParsedRecord>();

/** Parses a RECORD file's bytes (memoized per buffer). */
export function parseRecord(data: Uint8Array): ParsedRecord {
  const cached = cache.get(data);
  if (cached) return cached;
  const { text, valid } = decodeUtf8(data);
  const csv = parseCsv(text);
  const result: ParsedRecord = { utf8: valid, rows: [], problems: [] };
  if (csv.unterminatedQuoteLine !== undefined) {
    result.problems.push({ line: csv.unterminatedQuoteLine, message: 'a quoted field is never closed' });
  }
  for (const record of csv.records) {
    if (record.fields.length === 0) {
      result.problems.push({ line: record.line, message: 'blank line (installers read it as a row with no fields)' });
    } else if (record.fields.length !== 3) {
      result.problems.push({
        line: record.line,
        message: `row has ${record.fields.length} field${record.fields.length === 1 ? '' : 's'}, expected 3 (path,hash,size): ${JSON.stringify(record.fields)}`,
      });
    } else {
      const [path = '', hash = '', size = ''] = record.fields;
      result.rows.push({ line: record.line, path, hash, size });
    }
  }
  cache.set(data, result);
  return result;
}

/** The hash column split into algorithm and digest, or null when it has no `=`. */
export function splitHash(hash: string): { algorithm: string; digest: string } | null {
  const eq = hash.indexOf('=');
  if (eq <= 0) return null;
  return { algorithm: hash.slice(0, eq), digest: hash.slice(eq + 1) };
}

/** Why a hash column is malformed, or null (an empty column is not malformed). */
export function hashFormatProblem(hash: string): string | null {
  if (hash === '') return null;
  const parts = splitHash(hash);
  if (parts === null) return `hash '${hash}' is not 'algorithm=digest'`;
  const { algorithm, digest } = parts;
  if (WEAK_HASHES.has(algorithm)) return `hash algorithm '${algorithm}' is not permitted in wheels (sha256 or better is required)`;
  const known = RECORD_HASHES.get(algorithm);
  if (known === undefined) return `hash algorithm '${algorithm}' is not one of ${[...RECORD_HASHES.keys()].join(', ')}`;
  if (digest.endsWith('=')) return `digest '${digest}' keeps its '=' padding; RECORD uses urlsafe base64 without padding`;
  if (!/^[A-Za-z0-9_-]*$/.test(digest)) return `digest '${digest}' is not urlsafe base64 (only letters, digits, '-' and '_')`;
  const length = Math.ceil((known.bytes * 4) / 3);
  if (digest.length !== length) return `digest '${digest}' has ${digest.length} characters; a ${algorithm} digest has ${length}`;
  return null;
}

/** The digest of `data` in RECORD's encoding (urlsafe base64, no padding). */
export function recordDigest(algorithm: string, data: Uint8Array): string | null {
  const known = RECORD_HASHES.get(algorithm);
  if (known === undefined) return null;
  return createHash(known.node).update(data).digest('base64url');
}

/** One CSV field as Python's csv.writer writes it (quoted when it holds `"`, `,` or a line break). */
export function formatRecordField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * A row's fields, read leniently for normalization: an unquoted path
 * holding commas keeps them (the last two fields are hash and size).
 */
function rowFields(row: string): { path: string; rest: string[] } {
  const fields = parseCsv(row).records[0]?.fields ?? [row];
  if (fields.length <= 3 || row.startsWith('"')) return { path: fields[0] ?? '', rest: fields.slice(1) };
  return { path: fields.slice(0, -2).join(','), rest: fields.slice(-2) };
}

/** A RECORD row's path (its first CSV field; paths may be quoted). */
export function recordRowPath(row: string): string {
  return rowFields(row).path;
}

/** A RECORD row with its path field replaced (quoted in CSV style when needed). */
export function withRowPath(row: string, path: string): string {
  return [path, ...rowFields(row).rest].map(formatRecordField).join(',');
}
