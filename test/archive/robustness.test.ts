/**
 * Reading never throws, never hangs and only reports documented codes, on
 * seeded random corruptions of real archives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArtifact } from '../../src/archive/index.js';
import { PROBLEM_CODES } from '../../src/archive/problems.js';
import type { ArchiveView } from '../../src/archive/types.js';
import { noise, packTar, prng, python, tempDir, utf8 } from './fixtures.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

let wheel: Buffer;
let sdist: Buffer;
let plainTar: Buffer;

beforeAll(async () => {
  wheel = python(
    tmp.dir,
    'w.whl',
    `
with zipfile.ZipFile(OUT, 'w', zipfile.ZIP_DEFLATED) as zf:
    zf.writestr('demo/__init__.py', b'print(1)\\n' * 50)
    zf.writestr('demo/data.bin', bytes(range(256)) * 8)
    zf.writestr(zipfile.ZipInfo('demo/stored.txt'), b'stored text')
    zf.writestr('demo-1.0.dist-info/RECORD', b'demo/__init__.py,,\\n')
`,
  );
  const members = [
    { header: { name: 'demo-1.0/PKG-INFO' }, data: utf8('Metadata-Version: 2.1\n') },
    { header: { name: 'demo-1.0/bin', type: 'directory' as const } },
    { header: { name: 'demo-1.0/data.bin' }, data: noise(3000) },
    { header: { name: 'demo-1.0/link', type: 'symlink' as const, linkname: 'PKG-INFO' } },
  ];
  sdist = await packTar(members);
  plainTar = await packTar(members, false);
});

/** A copy of `bytes` with a few random bytes changed and, sometimes, its tail cut off. */
function mutate(bytes: Buffer, seed: number): Buffer {
  const next = prng(seed);
  const out = Buffer.from(bytes);
  const flips = 1 + (next() % 8);
  for (let i = 0; i < flips; i += 1) out[next() % out.length] = next() & 0xff;
  return next() % 3 === 0 ? out.subarray(0, next() % out.length) : out;
}

function checkView(view: ArchiveView): void {
  for (const p of view.problems) {
    expect(Object.keys(PROBLEM_CODES)).toContain(p.code);
    expect(p.message).not.toContain('internal error');
  }
  for (const e of view.entries) {
    expect(['file', 'dir', 'symlink', 'hardlink', 'other']).toContain(e.type);
    expect(e.data).toBeInstanceOf(Uint8Array);
    if (e.type === 'file') expect(e.data.byteLength).toBe(e.size);
  }
}

describe('reading corrupted archives', () => {
  const SEEDS = Array.from({ length: 150 }, (_, i) => i + 1);

  it('reads every corrupted wheel, as a wheel and as an sdist', async () => {
    for (const seed of SEEDS) {
      const bytes = mutate(wheel, seed);
      checkView(await readArtifact('wheel', 'w.whl', bytes));
      checkView(await readArtifact('sdist', 'w.zip', bytes));
    }
  });

  it('reads every corrupted .tar.gz and .tar, as an sdist and as a wheel', async () => {
    for (const seed of SEEDS) {
      for (const original of [sdist, plainTar]) {
        const bytes = mutate(original, seed);
        checkView(await readArtifact('sdist', 's.tar.gz', bytes));
        checkView(await readArtifact('wheel', 's.whl', bytes));
      }
    }
  });

  it('reads the unmodified fixtures without problems', async () => {
    expect((await readArtifact('wheel', 'w.whl', wheel)).problems).toEqual([]);
    const view = await readArtifact('sdist', 's.tar.gz', sdist);
    expect(view.problems.map((p) => p.code)).toEqual(['symlink']);
    expect(view.entries.map((e) => e.type)).toEqual(['file', 'dir', 'file', 'symlink']);
  });
});
