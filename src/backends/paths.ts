/** Small filesystem helpers shared by the backend stage. */
import { constants as fsc, promises as fs, statSync, accessSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The twinbuild home: `explicit`, else TWINBUILD_HOME, else ~/.cache/twinbuild (absolute). */
export function twinbuildHome(explicit?: string): string {
  const fromEnv = process.env['TWINBUILD_HOME'];
  const chosen = explicit ?? (fromEnv && fromEnv.trim() !== '' ? fromEnv : path.join(os.homedir(), '.cache', 'twinbuild'));
  return path.resolve(expandUser(chosen));
}

/** Expand a leading `~` or `~/` (the shell does not when it is inside a spec). */
export function expandUser(p: string): string {
  if (p === '~') return os.homedir();
  if (p.startsWith('~/')) return path.join(os.homedir(), p.slice(2));
  return p;
}

/** A path as written in a spec, made absolute against the current directory. */
export function resolveUserPath(p: string): string {
  return path.resolve(process.cwd(), expandUser(p));
}

function isExecutableFile(p: string): boolean {
  try {
    if (!statSync(p).isFile()) return false;
    accessSync(p, fsc.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Look a command name up on PATH (like `command -v`); undefined when absent. */
export function which(name: string, envPath = process.env['PATH'] ?? ''): string | undefined {
  for (const dir of envPath.split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.resolve(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

export { isExecutableFile };

export async function exists(p: string): Promise<boolean> {
  try {
    await fs.lstat(p);
    return true;
  } catch {
    return false;
  }
}

/** The interpreter inside a virtual environment directory. */
export function venvPython(dir: string): string {
  return process.platform === 'win32' ? path.join(dir, 'Scripts', 'python.exe') : path.join(dir, 'bin', 'python');
}

/** Run `fn` over `items` with at most `limit` running at once, keeping order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Last `n` non-empty lines of `text`, each cut to `width` characters. */
export function tailLines(text: string, n: number, width = 400): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '')
    .slice(-n)
    .map((l) => (l.length > width ? `${l.slice(0, width)} …` : l));
}
