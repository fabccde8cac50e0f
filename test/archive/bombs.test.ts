/**
 * Decompression bombs read with the default limits: each must end in a
 * problem, not in a large allocation. Building the bombs takes a few seconds
 * of Python; they are built once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSdist } from '../../src/archive/readSdist.js';
import { readWheel } from '../../src/archive/readWheel.js';
import type { ArchiveView } from '../../src/archive/types.js';
import { lieAboutFirstSize, MiB, paths, peakRssGrowth, python, tempDir } from './fixtures.js';

const GiB = 1024 * MiB;
const RSS_BUDGET = 200 * MiB;
const tmp = tempDir();
let zipBomb: Buffer;
let tarBomb: Buffer;
let zeroBlocksBomb: Buffer;

beforeAll(() => {
  zipBomb = python(
    tmp.dir,
    'bomb.whl',
    `
with zipfile.ZipFile(OUT, 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
    with zf.open('demo/bomb.bin', 'w') as f:
        chunk = bytes(1 << 20)
        for _ in range(1024):
            f.write(chunk)
    zf.writestr('demo/after.py', b'after')
`,
  );
  tarBomb = python(
    tmp.dir,
    'bomb.tar.gz',
    `
with tarfile.open(OUT, 'w:gz', compresslevel=9) as tf:
    tf.addfile(tarfile.TarInfo('demo-1.0/PKG-INFO'))
    ti = tarfile.TarInfo('demo-1.0/bomb.bin')
    ti.size = 1 << 30
    with open('/dev/zero', 'rb') as zero:
        tf.addfile(ti, zero)
    tf.addfile(tarfile.TarInfo('demo-1.0/after'))
`,
  );
  // A small valid tar followed by 320 MiB of zero blocks (more than maxTotalBytes), which
  // tar readers skip as end-of-archive padding.
  zeroBlocksBomb = python(
    tmp.dir,
    'zeros.tar.gz',
    `
import gzip
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode='w') as tf:
    tf.addfile(tarfile.TarInfo('demo-1.0/PKG-INFO'))
with gzip.open(OUT, 'wb', compresslevel=9) as gz:
    gz.write(buf.getvalue())
    chunk = bytes(1 << 20)
    for _ in range(320):
        gz.write(chunk)
`,
  );
}, 600_000);

afterAll(() => tmp.cleanup());

async function withinBudget(read: () => Promise<ArchiveView>): Promise<ArchiveView> {
  const { result, growth } = await peakRssGrowth(read);
  expect(growth).toBeLessThan(RSS_BUDGET);
  return result;
}

describe('zip bombs (default limits)', () => {
  it('the fixture really is a 1 GiB member compressed to about 1 MiB', () => {
    expect(zipBomb.length).toBeLessThan(2 * MiB);
  });

  it('stops at a member that declares 1 GiB', async () => {
    const view = await withinBudget(() => readWheel('bomb.whl', zipBomb));
    expect(view.problems).toEqual([
      { code: 'size-cap', path: 'demo/bomb.bin', message: expect.stringContaining(`declares ${GiB} bytes`) },
    ]);
    expect(view.entries).toEqual([]);
  });

  it('is not fooled by a local header that declares a small size', async () => {
    const lying = lieAboutFirstSize(zipBomb, { local: 1024 });
    const view = await withinBudget(() => readWheel('bomb.whl', lying));
    expect(view.problems).toEqual([{ code: 'size-cap', path: 'demo/bomb.bin', message: expect.any(String) }]);
    expect(view.entries).toEqual([]);
  });

  it('stops inflating when both headers declare 1 KiB for 1 GiB of data (a corrupt member, the rest is read)', async () => {
    const lying = lieAboutFirstSize(zipBomb, { local: 1024, central: 1024 });
    const view = await withinBudget(() => readWheel('bomb.whl', lying));
    expect(view.problems).toEqual([
      { code: 'archive-unreadable', path: 'demo/bomb.bin', message: expect.stringContaining('too many bytes') },
    ]);
    expect(paths(view)).toEqual(['demo/after.py']);
  });
});

describe('tar.gz bombs (default limits)', () => {
  it('the fixtures really are about 1 MiB', () => {
    expect(tarBomb.length).toBeLessThan(2 * MiB);
    expect(zeroBlocksBomb.length).toBeLessThan(MiB);
  });

  it('stops at a 1 GiB member', async () => {
    const view = await withinBudget(() => readSdist('bomb.tar.gz', tarBomb));
    expect(view.problems).toEqual([
      { code: 'size-cap', path: 'demo-1.0/bomb.bin', message: expect.stringContaining('maxMemberBytes') },
    ]);
    expect(paths(view)).toEqual(['demo-1.0/PKG-INFO']);
  });

  it('counts inflated bytes, not members: 320 MiB of zero blocks stops at maxTotalBytes', async () => {
    const view = await withinBudget(() => readSdist('zeros.tar.gz', zeroBlocksBomb));
    expect(view.problems).toEqual([{ code: 'size-cap', message: expect.stringContaining('maxTotalBytes') }]);
    expect(paths(view)).toEqual(['demo-1.0/PKG-INFO']);
  });
});
