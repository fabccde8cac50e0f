import { afterAll, describe, expect, it } from 'vitest';
import { readWheel } from '../../src/archive/readWheel.js';
import { codes, paths, python, replaceBytes, tempDir, utf8 } from './fixtures.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** Python helper defining add(name, data, mode=0o100644, method=DEFLATED, system=3) on an open `zf`. */
const ADD = `
def add(zf, name, data, mode=0o100644, method=zipfile.ZIP_DEFLATED, system=3, attr=None):
    zi = zipfile.ZipInfo(name, date_time=(2020, 1, 2, 3, 4, 6))
    zi.create_system = system
    zi.external_attr = (mode << 16) if attr is None else attr
    zi.compress_type = method
    zf.writestr(zi, data)
`;

/** Writes a zip whose members are added by `body` (Python, one statement per line, using `zf` and `add`). */
function zip(name: string, body: string): Buffer {
  const lines = body.trim().split('\n').map((line) => `    ${line.trim()}`);
  return python(tmp.dir, name, `${ADD}\nwith zipfile.ZipFile(OUT, 'w') as zf:\n${lines.join('\n')}\n`);
}

const MTIME = Date.UTC(2020, 0, 2, 3, 4, 6) / 1000;
const EMPTY = new Uint8Array(0);

function file(path: string, data: Uint8Array, mode: number | null = 0o644) {
  return { path, type: 'file', mode, size: data.byteLength, mtime: MTIME, data };
}

describe('readWheel on well-formed wheels', () => {
  it('returns names, types, modes, sizes, mtimes and data bytes in archive order', async () => {
    const bytes = zip(
      'demo-1.0-py3-none-any.whl',
      `
      add(zf, 'demo/__init__.py', b'print("hi")\\n')
      add(zf, 'demo/run.sh', b'#!/bin/sh\\n', mode=0o100755, method=zipfile.ZIP_STORED)
      add(zf, 'demo/blob.bin', bytes(range(256)) * 4)
      add(zf, 'demo/data/', b'', mode=0o40755)
      add(zf, 'demo-1.0.dist-info/METADATA', b'Metadata-Version: 2.1\\nName: demo\\n')
      `,
    );
    const blob = new Uint8Array(1024).map((_, i) => i % 256);
    const view = await readWheel('demo-1.0-py3-none-any.whl', bytes);
    expect(view).toEqual({
      format: 'wheel',
      filename: 'demo-1.0-py3-none-any.whl',
      container: 'zip',
      problems: [],
      entries: [
        file('demo/__init__.py', utf8('print("hi")\n')),
        file('demo/run.sh', utf8('#!/bin/sh\n'), 0o755),
        file('demo/blob.bin', blob),
        { path: 'demo/data/', type: 'dir', mode: 0o755, size: 0, mtime: MTIME, data: EMPTY },
        file('demo-1.0.dist-info/METADATA', utf8('Metadata-Version: 2.1\nName: demo\n')),
      ],
    });
  });

  it('reads DOS times as UTC, whatever the time zone of the reader', async () => {
    const bytes = zip('tz.whl', `add(zf, 'demo/a.py', b'x')`);
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Tokyo';
      expect(new Date(2020, 0, 1).getTimezoneOffset()).toBe(-540);
      expect((await readWheel('tz.whl', bytes)).entries[0]?.mtime).toBe(MTIME);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('gives mode null when the creator system is not Unix', async () => {
    const bytes = zip('dos.whl', `add(zf, 'demo/a.py', b'x', system=0, attr=0x20)`);
    const view = await readWheel('dos.whl', bytes);
    expect(view.problems).toEqual([]);
    expect(view.entries).toEqual([file('demo/a.py', utf8('x'), null)]);
  });

  it('accepts names flagged UTF-8 and plain ASCII names without a problem', async () => {
    const bytes = zip('utf8.whl', `add(zf, 'demo/naïve_π.py', b'x')`);
    const view = await readWheel('utf8.whl', bytes);
    expect(view.problems).toEqual([]);
    expect(paths(view)).toEqual(['demo/naïve_π.py']);
  });
});

describe('readWheel on bytes that are not a readable zip', () => {
  it('reports archive-unreadable for bytes that are not an archive', async () => {
    const view = await readWheel('x.whl', utf8('this is not a zip file at all'));
    expect(view).toEqual({
      format: 'wheel',
      filename: 'x.whl',
      entries: [],
      problems: [{ code: 'archive-unreadable', message: expect.stringContaining('not a readable zip') }],
    });
  });

  it('reports archive-unreadable for an empty file', async () => {
    const view = await readWheel('x.whl', new Uint8Array(0));
    expect(codes(view)).toEqual(['archive-unreadable']);
    expect(view.entries).toEqual([]);
  });

  it('reports archive-unreadable for a truncated zip, keeping the container it started as', async () => {
    const whole = zip('t.whl', `add(zf, 'demo/a.bin', bytes(range(256)) * 16)\nadd(zf, 'demo/b.py', b'x')`);
    const view = await readWheel('t.whl', whole.subarray(0, Math.floor(whole.length * 0.6)));
    expect(view.container).toBe('zip');
    expect(codes(view)).toEqual(['archive-unreadable']);
    expect(view.entries).toEqual([]);
  });

  it('reports a CRC mismatch on the member and still reads the others', async () => {
    const whole = zip(
      'crc.whl',
      `
      add(zf, 'demo/a.txt', b'hello world', method=zipfile.ZIP_STORED)
      add(zf, 'demo/b.txt', b'second', method=zipfile.ZIP_STORED)
      `,
    );
    const view = await readWheel('crc.whl', replaceBytes(whole, 'hello world', utf8('jello world')));
    expect(view.problems).toEqual([
      { code: 'archive-unreadable', path: 'demo/a.txt', message: expect.stringContaining('CRC-32') },
    ]);
    expect(view.entries).toEqual([file('demo/b.txt', utf8('second'))]);
  });

  it('reports an unsupported compression method on the member and reads the others', async () => {
    const bytes = zip(
      'bz.whl',
      `
      add(zf, 'demo/a.txt', b'bzipped', method=zipfile.ZIP_BZIP2)
      add(zf, 'demo/b.txt', b'plain')
      `,
    );
    const view = await readWheel('bz.whl', bytes);
    expect(view.problems).toEqual([
      { code: 'archive-unreadable', path: 'demo/a.txt', message: expect.stringContaining('compression method') },
    ]);
    expect(view.entries).toEqual([file('demo/b.txt', utf8('plain'))]);
  });
});

describe('readWheel member checks', () => {
  it('reports absolute, drive and `..` member names but still returns them', async () => {
    const bytes = zip(
      'esc.whl',
      `
      add(zf, '/etc/evil', b'1')
      add(zf, 'demo/../../evil', b'2')
      add(zf, 'C:\\\\evil.txt', b'3')
      add(zf, 'demo\\\\..\\\\..\\\\evil', b'4')
      add(zf, 'demo/ok..txt', b'5')
      add(zf, 'demo/..hidden', b'6')
      `,
    );
    const view = await readWheel('esc.whl', bytes);
    const escaping = ['/etc/evil', 'demo/../../evil', 'C:\\evil.txt', 'demo\\..\\..\\evil'];
    expect(view.problems.map((p) => [p.code, p.path])).toEqual(escaping.map((p) => ['member-escapes', p]));
    expect(paths(view)).toEqual([...escaping, 'demo/ok..txt', 'demo/..hidden']);
    expect(view.entries.map((e) => new TextDecoder().decode(e.data))).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('reports duplicate names and returns both members', async () => {
    const bytes = zip(
      'dup.whl',
      `
      warnings.simplefilter('ignore')
      add(zf, 'demo/a.py', b'first')
      add(zf, 'demo/b.py', b'b')
      add(zf, 'demo/a.py', b'second')
      `,
    );
    const view = await readWheel('dup.whl', bytes);
    expect(view.problems).toEqual([
      { code: 'duplicate-member', path: 'demo/a.py', message: expect.any(String) },
    ]);
    expect(view.entries).toEqual([
      file('demo/a.py', utf8('first')),
      file('demo/b.py', utf8('b')),
      file('demo/a.py', utf8('second')),
    ]);
  });

  it('returns symlinks with their target and special files as other, reporting each', async () => {
    const bytes = zip(
      'links.whl',
      `
      add(zf, 'demo/link.py', b'target.py', mode=0o120777)
      add(zf, 'demo/fifo', b'', mode=0o010644)
      add(zf, 'demo/target.py', b'x')
      `,
    );
    const view = await readWheel('links.whl', bytes);
    expect(view.problems.map((p) => [p.code, p.path])).toEqual([
      ['symlink', 'demo/link.py'],
      ['special-member', 'demo/fifo'],
    ]);
    expect(view.entries).toEqual([
      { path: 'demo/link.py', type: 'symlink', mode: 0o777, size: 9, mtime: MTIME, linkTarget: 'target.py', data: EMPTY },
      { path: 'demo/fifo', type: 'other', mode: 0o644, size: 0, mtime: MTIME, data: EMPTY },
      file('demo/target.py', utf8('x')),
    ]);
  });

  it('reports a non-ASCII name without the UTF-8 flag, decoded as CP437', async () => {
    const plain = zip('cp437.whl', `add(zf, 'demo/cafX.txt', b'x')`);
    const view = await readWheel('cp437.whl', replaceBytes(plain, 'cafX', Buffer.from([0x63, 0x61, 0x66, 0xe9])));
    expect(view.problems).toEqual([
      { code: 'non-utf8-name', path: 'demo/cafΘ.txt', message: expect.stringContaining('CP437') },
    ]);
    expect(view.entries).toEqual([file('demo/cafΘ.txt', utf8('x'))]);
  });

  it('reports a name flagged UTF-8 whose bytes are not, decoded with U+FFFD', async () => {
    const flagged = zip('badutf8.whl', `add(zf, 'demo/ñ.txt', b'x')`);
    const view = await readWheel('badutf8.whl', replaceBytes(flagged, 'Ã±', Buffer.from([0xc3, 0x28])));
    expect(view.problems.map((p) => [p.code, p.path])).toEqual([['non-utf8-name', 'demo/\uFFFD(.txt']]);
    expect(paths(view)).toEqual(['demo/\uFFFD(.txt']);
  });
});

describe('readWheel limits', () => {
  const three = (size: number) =>
    zip(
      `three-${size}.whl`,
      `
      add(zf, 'demo/a.bin', bytes(${size}))
      add(zf, 'demo/b.bin', bytes(${size}))
      add(zf, 'demo/c.bin', bytes(${size}))
      `,
    );

  it('stops after maxEntries members with entry-cap', async () => {
    const view = await readWheel('three.whl', three(10), { maxEntries: 2 });
    expect(codes(view)).toEqual(['entry-cap']);
    expect(paths(view)).toEqual(['demo/a.bin', 'demo/b.bin']);
  });

  it('stops at a member over maxMemberBytes with size-cap', async () => {
    const view = await readWheel('three.whl', three(5000), { maxMemberBytes: 4999 });
    expect(view.problems).toEqual([{ code: 'size-cap', path: 'demo/a.bin', message: expect.stringContaining('maxMemberBytes') }]);
    expect(view.entries).toEqual([]);
  });

  it('stops once the members together pass maxTotalBytes', async () => {
    const view = await readWheel('three.whl', three(40_000), { maxTotalBytes: 100_000 });
    expect(view.problems).toEqual([{ code: 'size-cap', path: 'demo/c.bin', message: expect.stringContaining('maxTotalBytes') }]);
    expect(view.entries).toEqual([file('demo/a.bin', new Uint8Array(40_000)), file('demo/b.bin', new Uint8Array(40_000))]);
  });
});
