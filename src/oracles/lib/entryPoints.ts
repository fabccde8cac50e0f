/**
 * `entry_points.txt` (the entry-points specification): INI as Python's
 * configparser reads it, with `=` as the only delimiter and case-sensitive
 * names. Returns the entries and every line configparser would refuse.
 */

export interface EntryPoint {
  group: string;
  name: string;
  value: string;
  line: number;
}

export interface EntryPointsFile {
  entries: EntryPoint[];
  /** Sections in order, with the line of their header. */
  groups: { name: string; line: number }[];
  problems: { line: number; message: string }[];
}

const SECTION = /^\[(.+)\]/;

export function parseEntryPoints(text: string): EntryPointsFile {
  const result: EntryPointsFile = { entries: [], groups: [], problems: [] };
  const lines = text.split(/\r\n|\n|\r/);
  let group: string | null = null;
  let names = new Set<string>();
  const seenGroups = new Set<string>();
  let current: EntryPoint | null = null;
  let currentIndent = 0;
  lines.forEach((raw, index) => {
    const line = index + 1;
    const stripped = raw.trim();
    if (stripped === '') {
      current = null;
      return;
    }
    if (stripped.startsWith('#') || stripped.startsWith(';')) return;
    const indent = raw.length - raw.trimStart().length;
    if (current !== null && indent > currentIndent) {
      current.value += '\n' + stripped;
      return;
    }
    current = null;
    const header = SECTION.exec(stripped);
    if (header) {
      group = header[1]!;
      if (seenGroups.has(group)) result.problems.push({ line, message: `section [${group}] appears more than once` });
      seenGroups.add(group);
      result.groups.push({ name: group, line });
      names = new Set();
      return;
    }
    if (group === null) {
      result.problems.push({ line, message: `'${stripped}' comes before any [section] header` });
      return;
    }
    const eq = stripped.indexOf('=');
    if (eq < 0) {
      result.problems.push({ line, message: `'${stripped}' is not a 'name = value' line (only '=' separates names from values)` });
      return;
    }
    const name = stripped.slice(0, eq).trimEnd();
    const value = stripped.slice(eq + 1).trimStart();
    if (name === '') {
      result.problems.push({ line, message: `'${stripped}' has no name before '='` });
      return;
    }
    if (names.has(name)) result.problems.push({ line, message: `name '${name}' appears more than once in [${group}]` });
    names.add(name);
    const entry: EntryPoint = { group, name, value, line };
    result.entries.push(entry);
    current = entry;
    currentIndent = indent;
  });
  return result;
}

/** Letters, digits and `_` (Python's `\w` on text). */
const WORD = '[\\p{L}\\p{N}_]+';
const GROUP = new RegExp(`^${WORD}(?:\\.${WORD})*$`, 'u');
/** A Python identifier (XID_Start XID_Continue*, approximated with Unicode categories). */
const IDENT = '[\\p{L}\\p{Nl}_][\\p{L}\\p{Nl}\\p{Mn}\\p{Mc}\\p{Nd}\\p{Pc}]*';
const DOTTED = `${IDENT}(?:\\.${IDENT})*`;
const EXTRA = '[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?';
const VALUE = new RegExp(`^(${DOTTED})(?:\\s*:\\s*(${DOTTED}))?(?:\\s*\\[\\s*(?:${EXTRA}(?:\\s*,\\s*${EXTRA})*)?\\s*\\])?\\s*$`, 'u');

/** Why a group name is invalid, or null. */
export function groupProblem(group: string): string | null {
  return GROUP.test(group) ? null : `group name '${group}' is not dot-separated words of letters, digits and '_'`;
}

/** Why an entry point name is invalid, or null. */
export function nameProblem(name: string): string | null {
  if (name.startsWith('[')) return `name '${name}' starts with '['`;
  return null;
}

/** Why an entry point value (`module:attr [extras]`) is invalid, or null. */
export function valueProblem(value: string): string | null {
  if (value.includes('\n')) return `value spans several lines: '${value.replace(/\n/g, '\\n')}'`;
  if (value === '') return 'the value is empty; expected an object reference such as module:attr';
  if (!VALUE.test(value)) return `'${value}' is not an object reference 'module.path(:object.attr)?' optionally followed by [extras]`;
  return null;
}
