/**
 * Core metadata files (METADATA in wheels, PKG-INFO in sdists) and the
 * other files in the same email-header format (WHEEL): one parser, as
 * Python's `email.parser` (compat32 policy) reads them, the formatting the
 * normalization rules compare, and the one table of fields the
 * core-metadata specification defines.
 */

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const LOSSY = new TextDecoder('utf-8');

export interface HeaderField {
  /** The field name as written. */
  name: string;
  /** The field name in lower case (field names are case-insensitive). */
  key: string;
  /** The value, leading white space removed, continuation lines joined with `\n`. */
  value: string;
  line: number;
}

export interface HeaderBlock {
  fields: HeaderField[];
  /** Lines in the header block that are neither `Name: value` nor a continuation. */
  malformed: { line: number; text: string }[];
  /** The message body (the description), or null when there is none. */
  body: string | null;
}

export interface ParsedMetadata extends HeaderBlock {
  /** False when the bytes are not valid UTF-8 (then `fields` come from a lossy decoding). */
  utf8: boolean;
}

/** A field name: printable ASCII but for ':' and space (RFC 5322). */
const FIELD_NAME = /^[\x21-\x39\x3b-\x7e]+$/;

/** Decodes bytes as UTF-8, reporting whether they were valid. */
export function decodeUtf8(data: Uint8Array): { text: string; valid: boolean } {
  try {
    return { text: UTF8.decode(data), valid: true };
  } catch {
    return { text: LOSSY.decode(data), valid: false };
  }
}

/**
 * Reads the header block up to the first empty line, then the body. Unlike
 * Python's parser, which turns everything from a malformed line on into the
 * body, reading goes on after such a line (the line itself is reported), so
 * that one bad line does not hide every later field.
 */
export function parseHeaders(text: string): HeaderBlock {
  const lines = text.split(/\r\n|\n|\r/);
  const fields: HeaderField[] = [];
  const malformed: { line: number; text: string }[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') {
      i++;
      break;
    }
    if (/^[ \t]/.test(line)) {
      const last = fields[fields.length - 1];
      if (last !== undefined) last.value += '\n' + line;
      else malformed.push({ line: i + 1, text: line });
      continue;
    }
    const colon = line.indexOf(':');
    const name = colon < 0 ? '' : line.slice(0, colon);
    if (colon <= 0 || !FIELD_NAME.test(name)) {
      malformed.push({ line: i + 1, text: line });
      continue;
    }
    fields.push({ name, key: name.toLowerCase(), value: line.slice(colon + 1).replace(/^[ \t]+/, ''), line: i + 1 });
  }
  const rest = lines.slice(i).join('\n');
  return { fields, malformed, body: i < lines.length || rest !== '' ? rest : null };
}

/** A metadata file's bytes, decoded and parsed. */
export function parseMetadata(data: Uint8Array): ParsedMetadata {
  const { text, valid } = decodeUtf8(data);
  return { utf8: valid, ...parseHeaders(text) };
}

/** The fields of one name (case-insensitive), in order. */
export function fieldsOf(meta: HeaderBlock, key: string): HeaderField[] {
  return meta.fields.filter((f) => f.key === key);
}

/** Every value of a field (case-insensitive name), in order. */
export function values(meta: HeaderBlock, key: string): string[] {
  return fieldsOf(meta, key).map((f) => f.value);
}

/** The first value of a field (as written), or undefined. */
export function first(meta: HeaderBlock, key: string): string | undefined {
  return meta.fields.find((f) => f.key === key)?.value;
}

// ---------------------------------------------------------------------------
// The pair view the normalization rules edit and write back.

/** Fields as `[name, value]` pairs (a malformed line is `['', line]`, in place), then the body. */
export interface HeaderFile {
  fields: [name: string, value: string][];
  body: string | null;
}

export function parseHeaderFile(text: string): HeaderFile {
  const block = parseHeaders(text);
  const entries = [...block.fields.map((f) => ({ line: f.line, pair: [f.name, f.value] as [string, string] })), ...block.malformed.map((m) => ({ line: m.line, pair: ['', m.text] as [string, string] }))];
  return { fields: entries.sort((a, b) => a.line - b.line).map((e) => e.pair), body: block.body };
}

/** Render fields one per line (multi-line values indented), then the body. */
export function formatHeaderFile(file: HeaderFile): string {
  const head = file.fields.map(([k, v]) => `${k}: ${v.replace(/\n/g, '\n ')}`).join('\n');
  return file.body === null || file.body.trim() === '' ? head + '\n' : `${head}\n\n${file.body.replace(/\s+$/, '')}\n`;
}

/** Stable sort by field name, keeping the order of repeated fields. */
export function sortFields(fields: [string, string][]): [string, string][] {
  return fields
    .map((f, i) => ({ f, i }))
    .sort((x, y) => cmp(x.f[0].toLowerCase(), y.f[0].toLowerCase()) || x.i - y.i)
    .map((x) => x.f);
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------
// The fields.

/** The metadata versions the specification allows. */
export const METADATA_VERSIONS = ['1.0', '1.1', '1.2', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6'] as const;

/** A metadata version as a comparable number (2.4 -> 204). */
export function metadataVersionRank(version: string): number {
  const [major = '0', minor = '0'] = version.split('.');
  return Number.parseInt(major, 10) * 100 + Number.parseInt(minor, 10);
}

/** What the specification says about one field. */
export interface FieldSpec {
  /** The spelling used in the specification. */
  name: string;
  /** The metadata version that introduced it. */
  since: string;
  multiple: boolean;
}

const FIELD_LIST: FieldSpec[] = [
  { name: 'Metadata-Version', since: '1.0', multiple: false },
  { name: 'Name', since: '1.0', multiple: false },
  { name: 'Version', since: '1.0', multiple: false },
  { name: 'Dynamic', since: '2.2', multiple: true },
  { name: 'Platform', since: '1.0', multiple: true },
  { name: 'Supported-Platform', since: '1.1', multiple: true },
  { name: 'Summary', since: '1.0', multiple: false },
  { name: 'Description', since: '1.0', multiple: false },
  { name: 'Description-Content-Type', since: '2.1', multiple: false },
  { name: 'Keywords', since: '1.0', multiple: false },
  { name: 'Author', since: '1.0', multiple: false },
  { name: 'Author-email', since: '1.0', multiple: false },
  { name: 'Maintainer', since: '1.2', multiple: false },
  { name: 'Maintainer-email', since: '1.2', multiple: false },
  { name: 'License', since: '1.0', multiple: false },
  { name: 'License-Expression', since: '2.4', multiple: false },
  { name: 'License-File', since: '2.4', multiple: true },
  { name: 'Classifier', since: '1.1', multiple: true },
  { name: 'Requires-Dist', since: '1.2', multiple: true },
  { name: 'Requires-Python', since: '1.2', multiple: false },
  { name: 'Requires-External', since: '1.2', multiple: true },
  { name: 'Project-URL', since: '1.2', multiple: true },
  { name: 'Provides-Extra', since: '2.1', multiple: true },
  { name: 'Import-Name', since: '2.5', multiple: true },
  { name: 'Import-Namespace', since: '2.5', multiple: true },
  { name: 'Provides-Dist', since: '1.2', multiple: true },
  { name: 'Obsoletes-Dist', since: '1.2', multiple: true },
  { name: 'Home-page', since: '1.0', multiple: false },
  { name: 'Download-URL', since: '1.1', multiple: false },
  { name: 'Requires', since: '1.1', multiple: true },
  { name: 'Provides', since: '1.1', multiple: true },
  { name: 'Obsoletes', since: '1.1', multiple: true },
];

/** The fields of the core-metadata specification, by lower-case name. */
export const FIELDS: ReadonlyMap<string, FieldSpec> = new Map(FIELD_LIST.map((f) => [f.name.toLowerCase(), f]));

/** The fields of WHEEL (the binary-distribution-format specification). */
export const WHEEL_FIELDS: readonly string[] = ['Wheel-Version', 'Generator', 'Root-Is-Purelib', 'Tag', 'Build'];
