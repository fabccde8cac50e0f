/**
 * One flag table per command: the parser (node:util parseArgs) and the help
 * text (`twinbuild help COMMAND`, `COMMAND --help`) both come from it, so a
 * flag is accepted exactly when it is documented. Adding a flag is one line
 * in the command's table:
 *
 *   seed: { type: 'string', value: 'N', defaultIs: 'random', doc: 'seed of the generator' },
 *
 * `value` names the argument in the help, `defaultIs` is what the help says
 * happens without the flag (documentation only: the command applies it; it
 * is not parseArgs' `default`),
 * `multiple` makes the flag repeatable. The extra keys are ignored by
 * parseArgs, which reads `type`, `short` and `multiple` only.
 */
import { parseArgs } from 'node:util';

export interface FlagDef {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** Name of the value in the help (`SPEC`, `N`, `FILE.json`). */
  value?: string;
  /** What applies when the flag is not given (help text only). */
  defaultIs?: string;
  /** Shown without brackets in the synopsis (the command checks it). */
  required?: boolean;
  doc: string;
}

export type FlagTable = Record<string, FlagDef>;

/** A command as `help` describes it. */
export interface CommandDef<T extends FlagTable = FlagTable> {
  name: string;
  /** Positional part of the synopsis (`FILE|DIR`, `REPORT...`), '' for none. */
  args: string;
  /** One paragraph: what the command does. */
  summary: string;
  flags: T;
  /** More help sections (title, lines): properties, levels, the spec grammar, environment variables. */
  sections?: () => { title: string; lines: string[] }[];
}

/** The flag every command takes (handled by the CLI's entry point). */
export const HELP_FLAG: FlagDef = { type: 'boolean', short: 'h', doc: 'print this help and exit' };

/** Is `--help` / `-h` among the arguments (before a `--`)? */
export function wantsHelp(argv: readonly string[]): boolean {
  for (const a of argv) {
    if (a === '--') return false;
    if (a === '--help' || a === '-h') return true;
  }
  return false;
}

/** Parse `argv` with the command's table (strict: an unknown flag is a usage error). */
export function parseCommandLine<T extends FlagTable>(
  def: CommandDef<T>,
  argv: string[],
): ReturnType<typeof parseArgs<{ args: string[]; strict: true; allowPositionals: boolean; options: T }>> {
  return parseArgs({ args: argv, strict: true, allowPositionals: def.args !== '', options: def.flags });
}

/** The names a command's parser accepts, as typed: `--name`, and `-x` for a short one. */
export function acceptedFlags(def: CommandDef): string[] {
  return Object.entries(def.flags).flatMap(([name, f]) => [`--${name}`, ...(f.short ? [`-${f.short}`] : [])]);
}

function flagHead(name: string, f: FlagDef): string {
  const short = f.short ? `-${f.short}, ` : '';
  const value = f.type === 'string' ? ` ${f.value ?? 'VALUE'}` : '';
  return `${short}--${name}${value}`;
}

/** One-line synopsis: `twinbuild fuzz --a SPEC [--b SPEC] ...`. */
export function synopsis(def: CommandDef): string {
  const parts = Object.entries(def.flags).map(([name, f]) => {
    const head = `--${name}${f.type === 'string' ? ` ${f.value ?? 'VALUE'}` : ''}${f.multiple ? ' ...' : ''}`;
    return f.required ? head : `[${head}]`;
  });
  return ['twinbuild', def.name, ...(def.args ? [def.args] : []), ...parts].join(' ');
}

/**
 * Wrap `text` to `width` columns at spaces, every line after the first
 * indented by `indent`; spacing within a line is kept (aligned columns stay
 * aligned). A word longer than the width stays whole.
 */
export function wrap(text: string, width: number, indent: string): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width);
    const at = cut > indent.length ? cut : rest.indexOf(' ', width);
    if (at < 0) break;
    out.push(rest.slice(0, at).trimEnd());
    rest = indent + rest.slice(at).trimStart();
    if (rest.trim() === '') return out;
  }
  out.push(rest);
  return out;
}

/** The whole help of a command: synopsis, summary, every flag with its default, the extra sections. */
export function helpText(def: CommandDef, width = 100): string {
  const lines: string[] = [];
  lines.push(...wrap(synopsis(def), width, '    '), '');
  lines.push(...wrap(def.summary, width, ''), '', 'Flags:');
  const flags: [string, FlagDef][] = [...Object.entries(def.flags), ['help', HELP_FLAG]];
  const col = Math.min(28, Math.max(...flags.map(([n, f]) => flagHead(n, f).length)) + 2);
  for (const [name, f] of flags) {
    const head = `  ${flagHead(name, f)}`;
    const doc = `${f.doc}${f.multiple ? ' (repeatable)' : ''}${f.defaultIs !== undefined ? ` [default: ${f.defaultIs}]` : ''}`;
    // The text column starts at col + 2 on every line, the first one included.
    const indent = ' '.repeat(col + 2);
    const body = wrap(indent + doc, width, indent);
    if (head.length <= col) lines.push(head.padEnd(col + 2) + body[0]!.slice(col + 2), ...body.slice(1));
    else lines.push(head, ...body);
  }
  for (const s of def.sections?.() ?? []) {
    lines.push('', `${s.title}:`);
    // A long line wraps under its text column (after the first run of two or more spaces).
    for (const l of s.lines) lines.push(...wrap(`  ${l}`, width, ' '.repeat(2 + (/^\S+\s{2,}/.exec(l)?.[0].length ?? 2))));
  }
  return lines.join('\n');
}
