import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMAND_DEFS, main } from '../../src/cli/main.js';
import { acceptedFlags, parseCommandLine, type CommandDef } from '../../src/cli/flags.js';
import { ENVIRONMENT } from '../../src/cli/helpSections.js';
import { PROPERTIES } from '../../src/fuzz/properties.js';
import { LEVELS } from '../../src/normalize/types.js';
import type { CliIO } from '../../src/cli/io.js';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n'), env: {}, cwd: process.cwd() };
  const code = await main(argv, io);
  return { code, out, err };
}

/** The flags a help text documents: the `--name` / `-x` heads of its "Flags:" section. */
function documentedFlags(help: string): string[] {
  const section = help.split('\nFlags:\n')[1]!.split('\n\n')[0]!;
  return section
    .split('\n')
    .filter((l) => /^  -/.test(l))
    .flatMap((l) => [...l.trim().split(/\s{2,}/)[0]!.matchAll(/(--?[\w-]+)/g)].map((m) => m[1]!));
}

/** Arguments that make the parser take `flag` alone (a value for string flags, a positional if needed). */
function argsFor(def: CommandDef, flag: string): string[] {
  const name = flag.startsWith('--') ? flag.slice(2) : Object.entries(def.flags).find(([, f]) => f.short === flag.slice(1))?.[0];
  const f = name !== undefined ? def.flags[name] : undefined;
  return [flag, ...(f?.type === 'string' ? ['x'] : [])];
}

describe('help: one flag table per command feeds the parser and the help', () => {
  const commands = Object.entries(COMMAND_DEFS);

  it.each(commands)('%s: `help %s` and `%s --help` print the same text and exit 0', async (name) => {
    const a = await run(['help', name]);
    const b = await run([name, '--help']);
    const c = await run([name, '-h']);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(b.out).toBe(a.out);
    expect(c.out).toBe(a.out);
    expect(a.out).toContain(`twinbuild ${name}`);
    for (const line of a.out.trimEnd().split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
  });

  it.each(commands)('%s: every flag the parser accepts is documented, and every documented flag is accepted', async (name, def) => {
    const help = (await run(['help', name])).out;
    const documented = documentedFlags(help);
    // What the parser accepts: each option of the table parseCommandLine hands to parseArgs.
    for (const flag of acceptedFlags(def)) expect(documented, `${name} accepts ${flag} but its help does not document it`).toContain(flag);
    // And each documented flag really parses (--help/-h is taken by the entry point before any command parser).
    for (const flag of documented.filter((f) => f !== '--help' && f !== '-h')) {
      const args = def.args ? ['positional', ...argsFor(def, flag)] : argsFor(def, flag);
      expect(() => parseCommandLine(def, args), `${name} documents ${flag} but its parser refuses it`).not.toThrow();
    }
    // A flag nobody documented is refused by the same parser (the check above can fail).
    expect(() => parseCommandLine(def, ['--surely-not-a-flag'])).toThrow(/Unknown option/);
  });

  it('a flag text wraps greedily in its own column: every wrapped line starts there and is as full as the width lets it be', async () => {
    for (const name of Object.keys(COMMAND_DEFS)) {
      const section = (await run(['help', name])).out.split('\nFlags:\n')[1]!.split('\n\n')[0]!.split('\n');
      const column = section.find((l) => /^  -\S.*\S\s{2,}\S/.test(l))!.search(/(?<=\S\s{2,})\S/);
      for (let i = 0; i + 1 < section.length; i++) {
        const next = section[i + 1]!;
        if (/^  -/.test(next) || next.trim() === '') continue;
        expect(next.slice(0, column).trim(), `${name}: ${next}`).toBe('');
        expect(next[column], `${name}: ${next}`).not.toBe(' ');
        // The line before could not take the next line's first word.
        const firstWord = next.trim().split(' ')[0]!;
        if (!/^  -/.test(section[i]!) || /\S\s{2,}\S/.test(section[i]!)) expect(section[i]!.length + 1 + firstWord.length, `${name}: ${section[i]}`).toBeGreaterThan(100);
      }
    }
  });

  it('each flag with a default says it, in the same line block', async () => {
    const help = (await run(['help', 'fuzz'])).out;
    expect(help).toMatch(/--property NAME\s+property to check.*\[default: diff\]/);
    expect(help).toMatch(/--jobs N\s+.*\[default: 1\]/);
    expect(help).toMatch(/--corpus DIR\s+[\s\S]*?\[default:\s+corpus\]/);
  });

  it('fuzz --help documents the properties, levels, spec grammar (style=, the config file) and the environment variables', async () => {
    const help = (await run(['fuzz', '--help'])).out;
    for (const p of Object.keys(PROPERTIES)) expect(help).toMatch(new RegExp(`^  ${p}\\s{2,}\\S`, 'm'));
    for (const l of LEVELS) expect(help).toMatch(new RegExp(`^  ${l}\\s{2,}\\S`, 'm'));
    expect(help).toContain('style=STYLE');
    expect(help).toContain('setuptools: pyproject, setup.cfg, setup.py');
    expect(help).toContain('Config file (--config FILE.json)');
    for (const v of ['TWINBUILD_HOME', 'TWINBUILD_PYTHON', 'TWINBUILD_TIMEOUT', 'TWINBUILD_TMPDIR', 'TWINBUILD_ISOLATION', 'NO_COLOR', 'FORCE_COLOR']) {
      expect(ENVIRONMENT.map(([n]) => n)).toContain(v);
      expect(help).toMatch(new RegExp(`^  ${v}\\s{2,}\\S`, 'm'));
    }
  });

  it('no command parses its arguments around the tables (every parseArgs call is the one in src/cli/flags.ts)', () => {
    const dir = fileURLToPath(new URL('../../src/cli/', import.meta.url));
    const calls = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && f !== 'flags.ts')
      .filter((f) => /\bparseArgs\s*\(/.test(readFileSync(join(dir, f), 'utf8')));
    expect(calls, 'these files call parseArgs themselves: give the command a flag table (src/cli/flags.ts) instead').toEqual([]);
  });

  it('help for an unknown command is a usage error naming the commands', async () => {
    const r = await run(['help', 'frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no help for "frobnicate": commands are fuzz, replay/);
  });

  it('the global usage lists every command and points at `help COMMAND`', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    for (const name of Object.keys(COMMAND_DEFS)) expect(r.out).toContain(`twinbuild ${name}`);
    expect(r.out).toContain('twinbuild help COMMAND');
  });
});
