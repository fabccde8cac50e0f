import { afterAll, describe, expect, it } from 'vitest';
import { readSdist } from '../../src/archive/readSdist.js';
import { codes, noise, packTar, paths, python, tempDir, utf8 } from './fixtures.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** Python helper: add(tf, name, data=b'', **TarInfo attributes), with fixed defaults for mode, mtime and owners. */
const ADD = `
def add(tf, name, data=b'', **kw):
    ti = tarfile.TarInfo(name)
    ti.size = len(data)
    ti.mode = kw.pop('mode', 0o644)
    ti.mtime = kw.pop('mtime', 1700000000)
    ti.uid = kw.pop('uid', 1000)
    ti.gid = kw.pop('gid', 1000)
    ti.uname = kw.pop('uname', 'alice')
    ti.gname = kw.pop('gname', 'staff')
    for key, value in kw.items():
        setattr(ti, key, value)
    tf.addfile(ti, io.BytesIO(data) if data else None)
`;

/** Writes a tar (`mode` 'w:gz' or 'w') whose members are added by `body` (Python lines using `tf` and `add`). */
function tarball(name: string, body: string, mode = 'w:gz', format = 'PAX_FORMAT'): Buffer {
  const lines = body.trim().split('\n').map((line) => `    ${line.trim()}`);
  const open = `tarfile.open(OUT, '${mode}', format=tarfile.${format})`;
  return python(tmp.dir, name, `${ADD}\nwith ${open} as tf:\n${lines.join('\n')}\n`);
}

const EMPTY = new Uint8Array(0);
const OWNER = { uid: 1000, gid: 1000, uname: 'alice', gname: 'staff' };

function file(path: string, data: Uint8Array, extra: Record<string, unknown> = {}) {
  return { path, type: 'file', mode: 0o644, size: data.byteLength, mtime: 1700000000, ...OWNER, data, ...extra };
}

const NORMAL = `
add(tf, 'demo-1.0', type=tarfile.DIRTYPE, mode=0o755)
add(tf, 'demo-1.0/PKG-INFO', b'Metadata-Version: 2.1\\nName: demo\\n')
add(tf, 'demo-1.0/run.sh', b'#!/bin/sh\\n', mode=0o755, uname='bob', gname='wheel', uid=501, gid=20)
add(tf, 'demo-1.0/café.txt', b'utf8 name in a pax header')
add(tf, 'demo-1.0/' + 'x' * 150 + '.py', b'long name')
add(tf, 'demo-1.0/frac.txt', b'f', mtime=1700000000.5)
add(tf, 'demo-1.0/biguid.txt', b'u', uid=3000000)
`;

const NORMAL_ENTRIES = [
  { path: 'demo-1.0/', type: 'dir', mode: 0o755, size: 0, mtime: 1700000000, ...OWNER, data: EMPTY },
  file('demo-1.0/PKG-INFO', utf8('Metadata-Version: 2.1\nName: demo\n')),
  file('demo-1.0/run.sh', utf8('#!/bin/sh\n'), { mode: 0o755, uid: 501, gid: 20, uname: 'bob', gname: 'wheel' }),
  file('demo-1.0/café.txt', utf8('utf8 name in a pax header')),
  file(`demo-1.0/${'x'.repeat(150)}.py`, utf8('long name')),
  file('demo-1.0/frac.txt', utf8('f'), { mtime: 1700000000.5 }),
  file('demo-1.0/biguid.txt', utf8('u'), { uid: 3000000 }),
];

describe('readSdist on well-formed sdists', () => {
  it('reads a pax .tar.gz: types, modes, mtimes, owners, long and non-ASCII names, pax overrides', async () => {
    const view = await readSdist('demo-1.0.tar.gz', tarball('demo-1.0.tar.gz', NORMAL));
    expect(view).toEqual({
      format: 'sdist',
      filename: 'demo-1.0.tar.gz',
      container: 'tar.gz',
      problems: [],
      entries: NORMAL_ENTRIES,
    });
  });

  it('reads a plain GNU-format .tar the same way', async () => {
    const view = await readSdist('demo-1.0.tar', tarball('demo-1.0.tar', NORMAL, 'w', 'GNU_FORMAT'));
    expect(view.container).toBe('tar');
    expect(view.problems).toEqual([]);
    // GNU format has no pax records: the fractional mtime is rounded in the header.
    expect(view.entries).toEqual(NORMAL_ENTRIES.map((e) => (e.path.endsWith('frac.txt') ? { ...e, mtime: 1700000000 } : e)));
  });

  it('reads a tar built by tar-stream in Node', async () => {
    const bytes = await packTar([
      { header: { name: 'demo-1.0/a.py', mode: 0o600, mtime: new Date(1_600_000_000_000), uid: 7, gid: 8, uname: 'u', gname: 'g' }, data: utf8('a') },
    ]);
    const view = await readSdist('demo-1.0.tar.gz', bytes);
    expect(view.problems).toEqual([]);
    expect(view.entries).toEqual([
      { path: 'demo-1.0/a.py', type: 'file', mode: 0o600, size: 1, mtime: 1_600_000_000, uid: 7, gid: 8, uname: 'u', gname: 'g', data: utf8('a') },
    ]);
  });

  it('reads a .zip sdist through the zip reader', async () => {
    const bytes = python(
      tmp.dir,
      'demo-1.0.zip',
      `with zipfile.ZipFile(OUT, 'w') as zf:\n    zf.writestr(zipfile.ZipInfo('demo-1.0/PKG-INFO', (2020, 1, 1, 0, 0, 0)), b'pkg')\n`,
    );
    const view = await readSdist('demo-1.0.zip', bytes);
    expect(view).toEqual({
      format: 'sdist',
      filename: 'demo-1.0.zip',
      container: 'zip',
      problems: [],
      entries: [{ path: 'demo-1.0/PKG-INFO', type: 'file', mode: 0o600, size: 3, mtime: Date.UTC(2020, 0, 1) / 1000, data: utf8('pkg') }],
    });
  });
});

describe('readSdist on bytes that are not a readable tar', () => {
  it.each([
    ['short text', utf8('hello')],
    ['a page of text', utf8('not a tarball\n'.repeat(100))],
    ['gzip magic then garbage', Uint8Array.from([0x1f, 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])],
    ['empty', new Uint8Array(0)],
  ])('reports archive-unreadable for %s', async (_, bytes) => {
    const view = await readSdist('x.tar.gz', bytes);
    expect(codes(view)).toEqual(['archive-unreadable']);
    expect(view.entries).toEqual([]);
  });

  const TWO = `
  add(tf, 'demo-1.0/PKG-INFO', b'pkg')
  add(tf, 'demo-1.0/big.bin', random.Random(1).randbytes(200_000))
  `;

  it('reports a truncated .tar.gz and returns the members read before the cut', async () => {
    const whole = tarball('trunc.tar.gz', `import random\n${TWO}`);
    const view = await readSdist('trunc.tar.gz', whole.subarray(0, Math.floor(whole.length / 2)));
    expect(view.problems).toEqual([{ code: 'archive-unreadable', message: expect.stringContaining('gzip') }]);
    expect(view.entries).toEqual([file('demo-1.0/PKG-INFO', utf8('pkg'))]);
  });

  it('reports a truncated plain .tar and returns the members read before the cut', async () => {
    const whole = tarball('trunc.tar', `import random\n${TWO}`, 'w');
    const view = await readSdist('trunc.tar', whole.subarray(0, Math.floor(whole.length / 2)));
    expect(view.problems).toEqual([{ code: 'archive-unreadable', message: expect.stringContaining('tar') }]);
    expect(view.entries).toEqual([file('demo-1.0/PKG-INFO', utf8('pkg'))]);
  });
});

describe('readSdist member checks', () => {
  it('reports absolute, drive and `..` member names but still returns them', async () => {
    const bytes = tarball(
      'esc.tar.gz',
      `
      add(tf, '/etc/evil', b'1')
      add(tf, 'demo-1.0/../../evil', b'2')
      add(tf, '../evil', b'3')
      add(tf, 'C:\\\\evil', b'4')
      add(tf, 'demo-1.0/a..b', b'5')
      `,
    );
    const view = await readSdist('esc.tar.gz', bytes);
    const escaping = ['/etc/evil', 'demo-1.0/../../evil', '../evil', 'C:\\evil'];
    expect(view.problems.map((p) => [p.code, p.path])).toEqual(escaping.map((p) => ['member-escapes', p]));
    expect(paths(view)).toEqual([...escaping, 'demo-1.0/a..b']);
  });

  it('returns symlinks, hard links, devices and fifos, reporting each', async () => {
    const bytes = tarball(
      'links.tar.gz',
      `
      add(tf, 'demo-1.0/PKG-INFO', b'pkg')
      add(tf, 'demo-1.0/sym', type=tarfile.SYMTYPE, linkname='PKG-INFO', mode=0o777)
      add(tf, 'demo-1.0/hard', type=tarfile.LNKTYPE, linkname='demo-1.0/PKG-INFO')
      add(tf, 'demo-1.0/null', type=tarfile.CHRTYPE, devmajor=1, devminor=3, mode=0o666)
      add(tf, 'demo-1.0/disk', type=tarfile.BLKTYPE, devmajor=8, devminor=0, mode=0o660)
      add(tf, 'demo-1.0/pipe', type=tarfile.FIFOTYPE)
      `,
    );
    const view = await readSdist('links.tar.gz', bytes);
    expect(view.problems.map((p) => [p.code, p.path])).toEqual([
      ['symlink', 'demo-1.0/sym'],
      ['hardlink', 'demo-1.0/hard'],
      ['special-member', 'demo-1.0/null'],
      ['special-member', 'demo-1.0/disk'],
      ['special-member', 'demo-1.0/pipe'],
    ]);
    const special = { size: 0, mtime: 1700000000, ...OWNER, data: EMPTY };
    expect(view.entries).toEqual([
      file('demo-1.0/PKG-INFO', utf8('pkg')),
      { path: 'demo-1.0/sym', type: 'symlink', mode: 0o777, linkTarget: 'PKG-INFO', ...special },
      { path: 'demo-1.0/hard', type: 'hardlink', mode: 0o644, linkTarget: 'demo-1.0/PKG-INFO', ...special },
      { path: 'demo-1.0/null', type: 'other', mode: 0o666, ...special },
      { path: 'demo-1.0/disk', type: 'other', mode: 0o660, ...special },
      { path: 'demo-1.0/pipe', type: 'other', mode: 0o644, ...special },
    ]);
    expect(view.problems[2]?.message).toContain('character device');
  });

  it('reports duplicate names and returns both members', async () => {
    const bytes = tarball(
      'dup.tar.gz',
      `
      add(tf, 'demo-1.0/a.py', b'first')
      add(tf, 'demo-1.0/b.py', b'b')
      add(tf, 'demo-1.0/a.py', b'second')
      `,
    );
    const view = await readSdist('dup.tar.gz', bytes);
    expect(view.problems).toEqual([{ code: 'duplicate-member', path: 'demo-1.0/a.py', message: expect.any(String) }]);
    expect(view.entries).toEqual([
      file('demo-1.0/a.py', utf8('first')),
      file('demo-1.0/b.py', utf8('b')),
      file('demo-1.0/a.py', utf8('second')),
    ]);
  });

  it.each([
    ['GNU_FORMAT', 'raw bytes in the header'],
    ['PAX_FORMAT', 'a pax path with hdrcharset=BINARY'],
  ])('reports a name that is not UTF-8 (%s: %s), decoded with U+FFFD', async (format) => {
    const name = `b'demo-1.0/caf\\xe9.txt'.decode('utf-8', 'surrogateescape')`;
    const bytes = tarball(`latin-${format}.tar.gz`, `add(tf, ${name}, b'x')\nadd(tf, 'demo-1.0/ok.txt', b'y')`, 'w:gz', format);
    const view = await readSdist('latin.tar.gz', bytes);
    expect(view.problems).toEqual([
      { code: 'non-utf8-name', path: 'demo-1.0/caf\uFFFD.txt', message: expect.stringContaining('UTF-8') },
    ]);
    expect(view.entries).toEqual([file('demo-1.0/caf\uFFFD.txt', utf8('x')), file('demo-1.0/ok.txt', utf8('y'))]);
  });
});

describe('readSdist limits', () => {
  const THREE = `
  add(tf, 'demo-1.0/a', bytes(5000))
  add(tf, 'demo-1.0/b', bytes(5000))
  add(tf, 'demo-1.0/c', bytes(5000))
  `;

  it('stops after maxEntries members with entry-cap', async () => {
    const view = await readSdist('three.tar.gz', tarball('three.tar.gz', THREE), { maxEntries: 2 });
    expect(codes(view)).toEqual(['entry-cap']);
    expect(paths(view)).toEqual(['demo-1.0/a', 'demo-1.0/b']);
  });

  it('stops at a member over maxMemberBytes with size-cap', async () => {
    const view = await readSdist('three.tar.gz', tarball('three.tar.gz', THREE), { maxMemberBytes: 4999 });
    expect(view.problems).toEqual([{ code: 'size-cap', path: 'demo-1.0/a', message: expect.stringContaining('maxMemberBytes') }]);
    expect(view.entries).toEqual([]);
  });

  it('counts the decompressed stream against maxTotalBytes and stops mid-member', async () => {
    const bytes = await packTar([
      { header: { name: 'demo-1.0/small', mtime: new Date(0) }, data: utf8('s') },
      { header: { name: 'demo-1.0/big', mtime: new Date(0) }, data: noise(200_000) },
      { header: { name: 'demo-1.0/after', mtime: new Date(0) }, data: utf8('a') },
    ]);
    const view = await readSdist('total.tar.gz', bytes, { maxTotalBytes: 100_000 });
    expect(view.problems).toEqual([{ code: 'size-cap', message: expect.stringContaining('maxTotalBytes') }]);
    expect(paths(view)).toEqual(['demo-1.0/small']);
  });
});
