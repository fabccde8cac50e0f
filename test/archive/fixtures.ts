/** Helpers that build real archives for the archive-stage tests. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import tar, { type Header } from 'tar-stream';
import type { ArchiveView } from '../../src/archive/types.js';

export const PYTHON = '/usr/bin/python3';

/** A temporary folder, removed by `cleanup`. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'twinbuild-archive-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs a Python script that writes the file `OUT` (given as `sys.argv[1]`)
 * and returns that file's bytes. `zipfile`, `tarfile`, `io` and `sys` are imported.
 */
export function python(dir: string, name: string, script: string): Buffer {
  const out = join(dir, name);
  const prelude = 'import io, sys, tarfile, warnings, zipfile\nOUT = sys.argv[1]\n';
  execFileSync(PYTHON, ['-c', prelude + script, out], { stdio: ['ignore', 'pipe', 'pipe'] });
  return readFileSync(out);
}

/** One member for `packTar`. */
export interface TarMember {
  header: Partial<Header> & { name: string };
  data?: Uint8Array;
}

/** Builds a tar with tar-stream's packer, gzip-compressed when `gzip`. */
export async function packTar(members: TarMember[], gzip = true): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Uint8Array[] = [];
  pack.on('data', (chunk) => {
    if (chunk instanceof Uint8Array) chunks.push(chunk);
  });
  const ended = new Promise<void>((resolve, reject) => {
    pack.on('end', () => resolve());
    pack.on('error', reject);
  });
  for (const member of members) {
    await new Promise<void>((resolve, reject) => {
      pack.entry(member.header, member.data ?? new Uint8Array(0), (err) => (err ? reject(err) : resolve()));
    });
  }
  pack.finalize();
  await ended;
  const tarBytes = Buffer.concat(chunks);
  return gzip ? gzipSync(tarBytes) : tarBytes;
}

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Deterministic pseudo-random bytes (incompressible data for size tests). */
export function noise(length: number, seed = 1): Uint8Array {
  const next = prng(seed);
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i += 1) out[i] = next() & 0xff;
  return out;
}

/** A small seeded PRNG (mulberry32) returning unsigned 32-bit integers. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Replaces every occurrence of `from` by `to` (same length), e.g. to plant raw bytes in zip names. */
export function replaceBytes(bytes: Buffer, from: string, to: Uint8Array): Buffer {
  const needle = Buffer.from(from, 'latin1');
  if (needle.length !== to.length) throw new Error('replaceBytes needs equal lengths');
  const out = Buffer.from(bytes);
  for (let at = out.indexOf(needle); at !== -1; at = out.indexOf(needle, at + 1)) out.set(to, at);
  return out;
}

/** Offsets of a zip's first local header (always 0 here) and first central-directory header. */
function firstHeaders(zip: Buffer): { local: number; central: number } {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('no end of central directory');
  return { local: 0, central: zip.readUInt32LE(eocd + 16) };
}

/**
 * Rewrites the uncompressed size the first member declares in its local
 * header and/or its central-directory header.
 */
export function lieAboutFirstSize(zip: Buffer, sizes: { local?: number; central?: number }): Buffer {
  const out = Buffer.from(zip);
  const { local, central } = firstHeaders(out);
  if (out.readUInt32LE(local) !== 0x04034b50 || out.readUInt32LE(central) !== 0x02014b50) throw new Error('bad headers');
  if (sizes.local !== undefined) out.writeUInt32LE(sizes.local, local + 22);
  if (sizes.central !== undefined) out.writeUInt32LE(sizes.central, central + 24);
  return out;
}

/** Problem codes of a view, in order. */
export function codes(view: ArchiveView): string[] {
  return view.problems.map((p) => p.code);
}

/** Paths of a view's entries, in order. */
export function paths(view: ArchiveView): string[] {
  return view.entries.map((e) => e.path);
}

/**
 * Runs `fn` while sampling the resident set size every millisecond; returns
 * its result and the largest growth over the RSS measured just before.
 */
export async function peakRssGrowth<T>(fn: () => Promise<T>): Promise<{ result: T; growth: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sample = (): void => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 1);
  try {
    const result = await fn();
    sample();
    return { result, growth: peak - before };
  } finally {
    clearInterval(timer);
  }
}

export const MiB = 1024 * 1024;
