import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigError } from '../errors.js';

/**
 * `--config FILE`: a JSON object whose keys are the command's long flags
 * (`{"a": "setuptools==80.9.0", "time": "30m", "property": ["diff", "spec"],
 * "no-progress": true}`). It becomes command-line arguments placed before the
 * real ones; a flag given on the command line wins over the same key.
 */
export async function withConfigFile(argv: string[], known: Record<string, { type: 'string' | 'boolean' }>, cwd: string): Promise<string[]> {
  const i = argv.findIndex((a) => a === '--config' || a.startsWith('--config='));
  if (i < 0) return argv;
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
  const given = new Set(rest.filter((a) => a.startsWith('--')).map((a) => a.slice(2).split('=')[0]!));
  const args: string[] = [];
  for (const [key, value] of Object.entries(config)) {
    const opt = known[key];
    if (!opt || key === 'config') throw new ConfigError(`config file ${file}: unknown key ${JSON.stringify(key)} (keys are the command's flags: ${Object.keys(known).join(', ')})`);
    if (given.has(key)) continue;
    if (opt.type === 'boolean') {
      if (typeof value !== 'boolean') throw new ConfigError(`config file ${file}: ${key} must be true or false`);
      if (value) args.push(`--${key}`);
      continue;
    }
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v !== 'string' && typeof v !== 'number') throw new ConfigError(`config file ${file}: ${key} must be a string or number (or a list of them)`);
      args.push(`--${key}`, String(v));
    }
  }
  return [...args, ...rest];
}
