import { chmodSync, lutimesSync, mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { fileContent, fileMode, symlinkTarget, type FileMap } from '../render/fileMap.js';

export interface WriteOptions {
  /** Order in which files are created (the file system's directory order may follow it). */
  order?: 'sorted' | 'reversed';
  /** Set every file's mtime to this (seconds since the epoch). */
  mtime?: number;
}

/**
 * Write a file map under `root`, refusing any path that would leave it. A
 * file with an explicit mode (`ModedFile`: an executable file) gets exactly
 * that mode, whatever the umask; the others get the default one. A
 * `SymlinkFile` is written as a symbolic link to its relative target, which
 * must stay inside `root` (checked; the target need not exist yet).
 * Synchronous calls on purpose: a project is a few dozen small files, and
 * each asynchronous call's round trip through the thread pool costs more
 * than the write itself (docs/performance.md).
 */
export async function writeFileMap(root: string, files: FileMap, opts: WriteOptions = {}): Promise<void> {
  const base = resolve(root);
  const entries = Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (opts.order === 'reversed') entries.reverse();
  const made = new Set<string>();
  for (const [rel, content] of entries) {
    const target = resolve(base, rel);
    if (!target.startsWith(base + sep)) throw new Error(`file map path escapes the project folder: ${rel}`);
    const dir = dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    const link = symlinkTarget(content);
    if (link !== null) {
      const pointee = resolve(dir, link);
      if (link === '' || link.startsWith('/') || !pointee.startsWith(base + sep)) throw new Error(`file map symlink target leaves the project folder: ${rel} -> ${link}`);
      symlinkSync(link, target);
      if (opts.mtime !== undefined) lutimesSync(target, opts.mtime, opts.mtime);
      continue;
    }
    writeFileSync(target, fileContent(content));
    const mode = fileMode(content);
    if (mode !== null) chmodSync(target, mode);
    if (opts.mtime !== undefined) utimesSync(target, opts.mtime, opts.mtime);
  }
}
