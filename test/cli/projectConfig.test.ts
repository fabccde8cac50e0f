import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findProjectConfig, withConfigFile } from '../../src/cli/configFile.js';
import { ConfigError } from '../../src/errors.js';

const FLAGS = { a: { type: 'string' }, time: { type: 'string' }, property: { type: 'string' }, 'no-progress': { type: 'boolean' } } as const;
let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'twinbuild-projcfg-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function project(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(root, name);
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(join(dir, rel, '..'), { recursive: true });
    await writeFile(join(dir, rel), text);
  }
  return dir;
}

describe('project configuration ([tool.twinbuild] / twinbuild.toml)', () => {
  it('pyproject.toml [tool.twinbuild.fuzz] is found from a subfolder; the command line wins', async () => {
    const dir = await project('py', {
      '.git/HEAD': '',
      'pyproject.toml': '[project]\nname = "x"\n\n[tool.twinbuild.fuzz]\na = "setuptools==80.9.0"\ntime = "20m"\nproperty = ["diff", "spec"]\nno-progress = true\n',
      'src/pkg/__init__.py': '',
    });
    const args = await withConfigFile(['--time', '1m'], FLAGS, join(dir, 'src', 'pkg'), 'fuzz');
    expect(args).toEqual(['--a', 'setuptools==80.9.0', '--property', 'diff', '--property', 'spec', '--no-progress', '--time', '1m']);
    // another command's table is separate
    expect(await withConfigFile([], FLAGS, dir, 'replay')).toEqual([]);
  });

  it('twinbuild.toml takes plain [fuzz] tables and comes before pyproject.toml', async () => {
    const dir = await project('tt', { '.git/HEAD': '', 'twinbuild.toml': '[fuzz]\na = "flit==3.12.0"\n', 'pyproject.toml': '[tool.twinbuild.fuzz]\na = "hatchling"\n' });
    expect(await withConfigFile([], FLAGS, dir, 'fuzz')).toEqual(['--a', 'flit==3.12.0']);
  });

  it('a pyproject.toml without [tool.twinbuild] is not a configuration; the search stops at the repository root', async () => {
    const outer = await project('outer', { 'twinbuild.toml': '[fuzz]\na = "uv"\n', 'repo/.git/HEAD': '', 'repo/pyproject.toml': '[project]\nname = "y"\n' });
    expect(await findProjectConfig(join(outer, 'repo'))).toBeUndefined();
    expect((await findProjectConfig(outer))?.tables['fuzz']).toEqual({ a: 'uv' });
  });

  it('an unknown key or a flag outside a command table is a usage error naming the file', async () => {
    const bad = await project('bad', { '.git/HEAD': '', 'pyproject.toml': '[tool.twinbuild.fuzz]\nruns-per-day = 3\n' });
    const e1 = await withConfigFile([], FLAGS, bad, 'fuzz').catch((e) => e);
    expect(e1).toBeInstanceOf(ConfigError);
    expect(e1.message).toContain(`${join(bad, 'pyproject.toml')} [tool.twinbuild.fuzz]: unknown key "runs-per-day"`);
    const top = await project('top', { '.git/HEAD': '', 'pyproject.toml': '[tool.twinbuild]\na = "setuptools"\n' });
    const e2 = await findProjectConfig(top).catch((e) => e);
    expect(e2).toBeInstanceOf(ConfigError);
    expect(e2.message).toContain('unknown key "tool.twinbuild.a": put each command\'s flags in its own table');
  });

  it('--config FILE.json still wins over the project configuration', async () => {
    const dir = await project('both', { '.git/HEAD': '', 'pyproject.toml': '[tool.twinbuild.fuzz]\na = "hatchling"\n', 'c.json': '{"a": "flit"}' });
    expect(await withConfigFile(['--config', 'c.json'], FLAGS, dir, 'fuzz')).toEqual(['--a', 'flit']);
  });
});
