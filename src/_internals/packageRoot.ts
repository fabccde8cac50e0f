import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The twinbuild package folder (holds package.json), from src/ or from dist/. */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('twinbuild: cannot find its own package.json');
    dir = up;
  }
  cached = dir;
  return dir;
}

/** Path of a file shipped in the package, relative to its root. */
export function packageFile(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}
