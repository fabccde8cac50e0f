import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import { CorpusFormatError, validateCorpusFile, type CorpusFile } from './corpusFile.js';

/** Write `text` to `file` atomically: a temporary sibling, then rename. */
export async function writeAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, text, { flag: 'wx' });
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** `writeAtomic`, synchronously (for a process that must exit now). */
export function writeAtomicSync(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, text, { flag: 'wx' });
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** File name of a counterexample: property and signature id. */
export function corpusFileName(entry: Pick<CorpusFile, 'property' | 'signature'>): string {
  return `${entry.property}-${entry.signature}.json`;
}

/**
 * Save a counterexample into `dir`, one file per signature. An existing
 * file for the same signature is kept when its project is no larger.
 * Returns the path written or kept.
 */
export async function saveCounterexample(dir: string, entry: CorpusFile): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = resolve(dir, corpusFileName(entry));
  if (keepsOld(await readFile(file, 'utf8').catch(() => undefined), entry, file)) return file;
  await writeAtomic(file, JSON.stringify(entry, null, 2) + '\n');
  return file;
}

/** `saveCounterexample`, synchronously (for a process that must exit now). */
export function saveCounterexampleSync(dir: string, entry: CorpusFile): string {
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, corpusFileName(entry));
  let old: string | undefined;
  try {
    old = readFileSync(file, 'utf8');
  } catch {
    /* absent */
  }
  if (!keepsOld(old, entry, file)) writeAtomicSync(file, JSON.stringify(entry, null, 2) + '\n');
  return file;
}

/** An existing corpus file (its text) is kept when it is valid and its project is no larger. */
function keepsOld(oldText: string | undefined, entry: CorpusFile, file: string): boolean {
  if (oldText === undefined) return false;
  try {
    const old = validateCorpusFile(JSON.parse(oldText), file);
    return JSON.stringify(old.model).length <= JSON.stringify(entry.model).length;
  } catch {
    return false; // unreadable: write ours
  }
}

/** Load and validate one corpus file; errors name the file (exit code 2 in the CLI). */
export async function loadCorpusFile(file: string): Promise<CorpusFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read corpus file ${file}: ${(e as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`corpus file ${file} is not JSON: ${(e as Error).message}`);
  }
  try {
    return validateCorpusFile(value, file);
  } catch (e) {
    if (e instanceof CorpusFormatError) throw new ConfigError(`invalid corpus file ${e.message}`);
    throw e;
  }
}

/** The corpus files of a folder (recursively), sorted; or the file itself. */
export async function corpusFiles(target: string): Promise<string[]> {
  const st = await stat(target).catch(() => null);
  if (!st) throw new ConfigError(`no such corpus file or folder: ${target}`);
  if (st.isFile()) return [target];
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && e.name.endsWith('.json')) out.push(p);
    }
  };
  await walk(target);
  return out;
}
