import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { FileMap } from '../render/fileMap.js';

/** Write a file map under `root`, refusing any path that would leave it. */
export async function writeFileMap(root: string, files: FileMap): Promise<void> {
  const base = resolve(root);
  for (const [rel, content] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const target = resolve(base, rel);
    if (!target.startsWith(base + sep)) throw new Error(`file map path escapes the project folder: ${rel}`);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}

