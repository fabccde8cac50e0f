/**
 * Sdist checks: the hand-built sdist passes every check, and each planted
 * defect is reported with exactly the expected codes and paths.
 */
import { describe, expect, it } from 'vitest';
import { checkSdist } from '../../src/oracles/index.js';
import { DEFAULT_PKG_INFO, sdistView, type SdistOptions } from './fixtures/artifacts.js';
import { at, found, setField } from './helpers.js';

async function check(options: SdistOptions = {}) {
  return found(checkSdist(await sdistView(options)));
}

describe('a correct sdist', () => {
  it('passes every check', async () => {
    expect(checkSdist(await sdistView())).toEqual([]);
  });

  it('passes with folder members, ./-prefixed names and a link to a member', async () => {
    const problems = await check({
      top: './foo_bar-1.0',
      extra: [
        { header: { name: './foo_bar-1.0/', type: 'directory', mode: 0o755 } },
        { header: { name: './foo_bar-1.0/docs/readme-link.md', type: 'symlink', linkname: '../README.md' } },
        { header: { name: './foo_bar-1.0/COPYING', type: 'link', linkname: 'foo_bar-1.0/LICENSE' } },
      ],
    });
    expect(problems).toEqual([]);
  });
});

describe('A001 archive problems', () => {
  it('reports a link that leaves the archive, keeping the reader code', async () => {
    const view = await sdistView({ extra: [{ header: { name: 'foo_bar-1.0/evil', type: 'symlink', linkname: '../../etc/passwd' } }] });
    const problems = checkSdist(view);
    expect(found(problems)).toEqual([at('A001', 'foo_bar-1.0/evil')]);
    expect(problems[0]!.message).toMatch(/^\[symlink\]/);
  });

  it('reports a link to a file that is not in the archive', async () => {
    expect(await check({ extra: [{ header: { name: 'foo_bar-1.0/dangling', type: 'symlink', linkname: 'nowhere.txt' } }] })).toEqual([
      at('A001', 'foo_bar-1.0/dangling'),
    ]);
  });

  it('reports a member that escapes', async () => {
    expect(await check({ extra: [{ header: { name: 'foo_bar-1.0/../../x' }, data: 'x' }] })).toEqual([at('A001', 'foo_bar-1.0/../../x')]);
  });
});

describe('S001 sdist filename', () => {
  it('reports another extension', async () => {
    expect(await check({ filename: 'foo_bar-1.0.tgz' })).toEqual([at('S001', 'foo_bar-1.0.tgz')]);
  });

  it('reports an uncompressed tar', async () => {
    expect(await check({ gzip: false })).toEqual([at('S001', 'foo_bar-1.0.tar.gz')]);
  });

  it('reports a filename without a version (which then disagrees with PKG-INFO)', async () => {
    expect(await check({ filename: 'foo_bar.tar.gz' })).toEqual([at('S001', 'foo_bar.tar.gz'), at('S007', 'foo_bar.tar.gz')]);
  });
});

describe('S002 normalized sdist filename (PEP 625)', () => {
  it('reports the name as written', async () => {
    expect(await check({ filename: 'Foo.Bar-1.0.tar.gz' })).toEqual([at('S002', 'Foo.Bar-1.0.tar.gz')]);
  });

  it('reports an unescaped dash', async () => {
    expect(await check({ filename: 'foo-bar-1.0.tar.gz' })).toEqual([at('S002', 'foo-bar-1.0.tar.gz')]);
  });
});

describe('S003 one top-level folder', () => {
  it('reports a file at the top level', async () => {
    expect(await check({ extra: [{ header: { name: 'setup.py' }, data: '' }] })).toEqual([at('S003', 'setup.py')]);
  });

  it('reports two top-level folders', async () => {
    expect(await check({ extra: [{ header: { name: 'other/x.py' }, data: '' }] })).toEqual([at('S003', 'foo_bar-1.0/'), at('S003', 'other/')]);
  });
});

describe('S004 normalized top-level folder', () => {
  it('reports the name as written', async () => {
    expect(await check({ top: 'Foo.Bar-1.0' })).toEqual([at('S004', 'Foo.Bar-1.0/')]);
  });
});

describe('S005 PKG-INFO', () => {
  it('reports a missing PKG-INFO', async () => {
    expect(await check({ pkgInfo: null })).toEqual([at('S005', 'foo_bar-1.0/PKG-INFO')]);
  });
});

describe('S006 pyproject.toml', () => {
  it('reports a missing pyproject.toml', async () => {
    expect(await check({ pyproject: null })).toEqual([at('S006', 'foo_bar-1.0/pyproject.toml')]);
  });
});

describe('S007 names agree', () => {
  it('reports a top folder with another version', async () => {
    expect(await check({ top: 'foo_bar-2.0' })).toEqual([at('S007', 'foo_bar-2.0/')]);
  });

  it('reports a filename with another name', async () => {
    expect(await check({ filename: 'foo_baz-1.0.tar.gz' })).toEqual([at('S007', 'foo_baz-1.0.tar.gz')]);
  });

  it('compares filename and folder when PKG-INFO is missing', async () => {
    expect(await check({ pkgInfo: null, filename: 'foo_bar-1.1.tar.gz' })).toEqual([at('S005', 'foo_bar-1.0/PKG-INFO'), at('S007', 'foo_bar-1.0/')]);
  });

  it('reports a folder that is not {name}-{version} when PKG-INFO is missing', async () => {
    expect(await check({ pkgInfo: null, top: 'src' })).toEqual([at('S005', 'src/PKG-INFO'), at('S007', 'src/')]);
  });

  it('reports PKG-INFO with another version', async () => {
    expect(await check({ pkgInfo: setField(DEFAULT_PKG_INFO, 'Version', '1.0.1') })).toEqual([at('S007', 'foo_bar-1.0.tar.gz'), at('S007', 'foo_bar-1.0/')]);
  });
});
