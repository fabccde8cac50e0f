import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { ConfigError } from '../errors.js';

/**
 * Configuration files. `--config FILE`: a JSON object whose keys are the
 * command's long flags (`{"a": "setuptools==80.9.0", "time": "30m",
 * "property": ["diff", "spec"], "no-progress": true}`). Without it, the
 * project's own configuration (`[tool.twinbuild.fuzz]` in a pyproject.toml,
 * or `[fuzz]` in a twinbuild.toml). Either becomes command-line arguments
 * placed before the real ones; a flag given on the command line wins.
 */
type KnownFlags = Record<string, { type: 'string' | 'boolean' }>;

/**
 * The command's arguments with its configuration put before them: `--config
 * FILE.json` when given (a JSON object of the command's long flags), else the
 * project configuration found from `cwd` (see findProjectConfig) under
 * `[tool.twinbuild.COMMAND]`. A flag given on the command line wins over the
 * same key.
 */
export async function withConfigFile(argv: string[], known: KnownFlags, cwd: string, command = 'fuzz'): Promise<string[]> {
  const i = argv.findIndex((a) => a === '--config' || a.startsWith('--config='));
  if (i < 0) {
    const found = await findProjectConfig(cwd);
    if (!found) return argv;
    const table = found.tables[command];
    if (table === undefined) return argv;
    return [...toArgs(table, known, `${found.file} [${found.prefix}${command}]`, argv), ...argv];
  }
  const inline = argv[i]!.startsWith('--config=') ? argv[i]!.slice('--config='.length) : undefined;
  const file = inline ?? argv[i + 1];
  if (!file) throw new ConfigError('--config needs a file');
  const rest = [...argv.slice(0, i), ...argv.slice(i + (inline === undefined ? 2 : 1))];
  let config: unknown;
  try {
    config = JSON.parse(await readFile(resolve(cwd, file), 'utf8'));
  } catch (e) {
    throw new ConfigError(`cannot read config file ${file}: ${(e as Error).message}`);
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) throw new ConfigError(`config file ${file} must hold a JSON object of flags`);
  return [...toArgs(config as Record<string, unknown>, known, `config file ${file}`, rest), ...rest];
}

/** Flags of a config table as command-line arguments, skipping those the command line gives. */
function toArgs(config: Record<string, unknown>, known: KnownFlags, where: string, given: string[]): string[] {
  const onCommandLine = new Set(given.filter((a) => a.startsWith('--')).map((a) => a.slice(2).split('=')[0]!));
  const args: string[] = [];
  for (const [key, value] of Object.entries(config)) {
    const opt = known[key];
    if (!opt || key === 'config') throw new ConfigError(`${where}: unknown key ${JSON.stringify(key)} (keys are the command's flags: ${Object.keys(known).join(', ')})`);
    if (onCommandLine.has(key)) continue;
    if (opt.type === 'boolean') {
      if (typeof value !== 'boolean') throw new ConfigError(`${where}: ${key} must be true or false`);
      if (value) args.push(`--${key}`);
      continue;
    }
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v !== 'string' && typeof v !== 'number') throw new ConfigError(`${where}: ${key} must be a string or number (or a list of them)`);
      args.push(`--${key}`, String(v));
    }
  }
  return args;
}

/** Commands whose flags a project configuration may set. */
export const CONFIGURABLE_COMMANDS = ['fuzz', 'replay', 'bisect', 'merge', 'changes'] as const;

export interface ProjectConfig {
  file: string;
  /** `tool.twinbuild.` in a pyproject.toml, `` in a twinbuild.toml. */
  prefix: string;
  /** Flags by command. */
  tables: Record<string, Record<string, unknown>>;
}

/**
 * The project configuration, as maintainers configure their other tools: the
 * nearest `twinbuild.toml` (tables `[fuzz]`, `[replay]`, ...) or `pyproject.toml`
 * holding `[tool.twinbuild]` (tables `[tool.twinbuild.fuzz]`, ...), looking in
 * `cwd` and then its parents, up to the root of the git repository when there
 * is one. Each table's keys are that command's long flags. Anything else in
 * the twinbuild table (a top-level flag, an unknown command) is a usage error
 * naming the file.
 */
export async function findProjectConfig(cwd: string): Promise<ProjectConfig | undefined> {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of ['twinbuild.toml', 'pyproject.toml']) {
      const file = join(dir, name);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        continue;
      }
      let doc: Record<string, unknown>;
      try {
        doc = parseToml(text) as Record<string, unknown>;
      } catch (e) {
        if (name === 'pyproject.toml' && !/^\s*\[tool\.twinbuild/m.test(text)) continue; // not ours to judge
        throw new ConfigError(`cannot read ${file}: ${(e as Error).message.split('\n')[0]}`);
      }
      const table = name === 'twinbuild.toml' ? doc : ((doc['tool'] as Record<string, unknown> | undefined)?.['twinbuild'] as Record<string, unknown> | undefined);
      if (table === undefined) continue;
      const prefix = name === 'twinbuild.toml' ? '' : 'tool.twinbuild.';
      const tables: Record<string, Record<string, unknown>> = {};
      for (const [key, value] of Object.entries(table)) {
        if (!(CONFIGURABLE_COMMANDS as readonly string[]).includes(key) || typeof value !== 'object' || value === null || Array.isArray(value)) {
          throw new ConfigError(
            `${file}: unknown key ${JSON.stringify(`${prefix}${key}`)}: put each command's flags in its own table, [${prefix}fuzz], [${prefix}replay], ... (commands: ${CONFIGURABLE_COMMANDS.join(', ')})`,
          );
        }
        tables[key] = value as Record<string, unknown>;
      }
      return { file, prefix, tables };
    }
    const parent = dirname(dir);
    if (parent === dir || existsSync(join(dir, '.git'))) return undefined;
    dir = parent;
  }
}

/**
 * The `--config FILE.json` flag of `command`, whose flags `withConfigFile`
 * also reads from `[tool.twinbuild.COMMAND]` (pyproject.toml) or
 * `[COMMAND]` (twinbuild.toml); `note` follows "a JSON file" in its help.
 */
export function configFlag<C extends string>(command: C, note = '') {
  return {
    type: 'string',
    value: 'FILE.json',
    doc: `read flags from a JSON file${note}; without it, [tool.twinbuild.${command}] of the nearest pyproject.toml (or [${command}] of twinbuild.toml)`,
  } as const;
}
