import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { FileMap } from '../render/fileMap.js';

export interface WriteOptions {
  /** Order in which files are created (the file system's directory order may follow it). */
  order?: 'sorted' | 'reversed';
  /** Set every file's mtime to this (seconds since the epoch). */
  mtime?: number;
}

/** Write a file map under `root`, refusing any path that would leave it. */
export async function writeFileMap(root: string, files: FileMap, opts: WriteOptions = {}): Promise<void> {
  const base = resolve(root);
  const entries = Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (opts.order === 'reversed') entries.reverse();
  for (const [rel, content] of entries) {
    const target = resolve(base, rel);
    if (!target.startsWith(base + sep)) throw new Error(`file map path escapes the project folder: ${rel}`);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
    if (opts.mtime !== undefined) await utimes(target, opts.mtime, opts.mtime);
  }
}
