/**
 * Backends under development: `FAMILY@DIR` for a source checkout and
 * `FAMILY@WHEEL` for a wheel with runtime requirements. The checkout tests use
 * real hatchling and setuptools sdists from the package index (unpacked, as a
 * maintainer's tree would be) and prove that the backend's own requirements
 * end up in the managed environment and that the checkout's version is shown.
 */
import { execa } from 'execa';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkoutDigest, inspectCheckout, wheelRequirements } from '../../src/backends/checkout.js';
import { findPython } from '../../src/backends/findPython.js';
import { parseSpec } from '../../src/backends/parseSpec.js';
import { resolveBackend } from '../../src/backends/resolveBackend.js';
import { ConfigError } from '../../src/errors.js';

const NET = 300_000;
let tmp: string;
let home: string;

beforeAll(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'twinbuild-checkout-')));
  home = path.join(tmp, 'home');
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function writeTree(root: string, files: Record<string, string>): Promise<void> {
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(root, rel);
    await fs.mkdir(path.dirname(p), { recursive: true });
    await fs.writeFile(p, text);
  }
}

/** Download DIST==VERSION from the index (`--no-binary`: its sdist) and unpack it under tmp. */
async function sdistTree(dist: string, version: string): Promise<string> {
  const python = (await findPython({})).executable;
  const dl = path.join(tmp, `dl-${dist}`);
  const r = await execa(python, ['-m', 'pip', 'download', '--quiet', '--no-deps', '--no-binary', ':all:', `${dist}==${version}`, '-d', dl], { reject: false, all: true });
  expect(r.exitCode, r.all).toBe(0);
  const archive = (await fs.readdir(dl)).find((n) => n.endsWith('.tar.gz'))!;
  await execa('tar', ['-xzf', path.join(dl, archive), '-C', tmp]);
  return path.join(tmp, archive.replace(/\.tar\.gz$/, ''));
}

describe('inspectCheckout: which folders are checkouts', () => {
  it('a folder without project configuration is a plain import-path folder', async () => {
    const dir = path.join(tmp, 'plain');
    await writeTree(dir, { 'hatchling/__init__.py': '' });
    expect(await inspectCheckout(dir, 'hatchling', dir)).toBeUndefined();
  });

  it('a checkout of the family names its distribution and static version', async () => {
    const dir = path.join(tmp, 'flitco');
    await writeTree(dir, { 'pyproject.toml': '[project]\nname = "flit_core"\nversion = "3.99"\n' });
    expect(await inspectCheckout(dir, 'flit', dir)).toEqual({ dir, distribution: 'flit-core', declaredVersion: '3.99' });
  });

  it('a checkout of another project is a one-line usage error naming it', async () => {
    const dir = path.join(tmp, 'other');
    await writeTree(dir, { 'pyproject.toml': '[project]\nname = "requests"\nversion = "1"\n' });
    const err = await inspectCheckout(dir, 'hatchling', 'other').catch((e) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toBe(`@other: ${dir} is a checkout of requests, not of hatchling (the hatchling family)`);
  });

  it('a project whose name cannot be read is a usage error too', async () => {
    const dir = path.join(tmp, 'noname');
    await writeTree(dir, { 'setup.py': 'from setuptools import setup\nsetup()\n' });
    await expect(inspectCheckout(dir, 'setuptools', 'noname')).rejects.toThrow(/whose name twinbuild cannot read/);
  });
});

describe('checkoutDigest', () => {
  it('changes with the source, not with VCS folders, caches or build output', async () => {
    const dir = path.join(tmp, 'digest');
    await writeTree(dir, { 'pyproject.toml': '[project]\nname = "hatchling"\n', 'src/hatchling/__init__.py': 'x = 1\n' });
    const first = await checkoutDigest(dir);
    await writeTree(dir, { '.git/HEAD': 'ref: refs/heads/main\n', 'src/hatchling/__pycache__/a.pyc': 'junk', 'build/lib/x.py': '', 'dist/x.whl': '' });
    expect(await checkoutDigest(dir)).toBe(first);
    await writeTree(dir, { 'src/hatchling/__init__.py': 'x = 2\n' });
    expect(await checkoutDigest(dir)).not.toBe(first);
  });
});

describe('FAMILY@DIR: a real source checkout gets a managed environment with its requirements', () => {
  it('hatchling 1.28.0 from its sdist: pathspec and pluggy installed, version 1.28.0, the tree untouched, reused while unchanged', { timeout: NET }, async () => {
    const dir = await sdistTree('hatchling', '1.28.0');
    const before = await checkoutDigest(dir);
    const lines: string[] = [];
    const b = await resolveBackend(parseSpec(`hatchling@${dir}`), { home, log: (l) => lines.push(l) });
    expect(b.version).toBe('1.28.0');
    expect(b.label).toBe('hatchling 1.28.0');
    expect(b.envDir).toMatch(/\/envs\/checkout-hatchling-[0-9a-f]{16}-py3\.\d+$/);
    expect(b.importPaths).toEqual([]);
    // the backend's own runtime requirements came with it
    const deps = await execa(b.python, ['-c', 'import pathspec, pluggy, trove_classifiers, packaging; import hatchling.build; print("ok")'], { reject: false, all: true });
    expect(deps.stdout, deps.all).toBe('ok');
    // the user's tree is not written to (no build/ or egg-info left behind)
    expect(await checkoutDigest(dir)).toBe(before);
    expect(existsSync(path.join(dir, 'build'))).toBe(false);

    const again: string[] = [];
    const b2 = await resolveBackend(parseSpec(`hatchling@${dir}`), { home, log: (l) => again.push(l) });
    expect(b2.envDir).toBe(b.envDir);
    expect(again.some((l) => l.includes('reusing'))).toBe(true);
  });

  it('setuptools 80.10.2 from its sdist: version 80.10.2, its build_meta importable; a changed checkout gets a fresh environment', { timeout: NET }, async () => {
    const dir = await sdistTree('setuptools', '80.10.2');
    const b = await resolveBackend(parseSpec(`setuptools@${dir}`), { home });
    expect(b.version).toBe('80.10.2');
    expect(b.distribution).toBe('setuptools');
    expect(b.optionalHooks).toContain('build_editable');
    const probe = await execa(b.python, ['-c', 'import setuptools.build_meta, importlib.metadata as m; print(m.version("setuptools"))']);
    expect(probe.stdout).toBe('80.10.2');

    await fs.appendFile(path.join(dir, 'setuptools', '__init__.py'), '\n# edited\n');
    const changed = await resolveBackend(parseSpec(`setuptools@${dir}`), { home });
    expect(changed.envDir).not.toBe(b.envDir);
  });
});

describe('FAMILY@WHEEL: a wheel with runtime requirements', () => {
  it('hatchling 1.28.0 from its wheel: its Requires-Dist installed beside the unpacked wheel', { timeout: NET }, async () => {
    const python = (await findPython({})).executable;
    const dl = path.join(tmp, 'dl-wheel');
    const r = await execa(python, ['-m', 'pip', 'download', '--quiet', '--no-deps', '--only-binary', ':all:', 'hatchling==1.28.0', '-d', dl], { reject: false, all: true });
    expect(r.exitCode, r.all).toBe(0);
    const wheel = path.join(dl, (await fs.readdir(dl)).find((n) => n.endsWith('.whl'))!);
    const b = await resolveBackend(parseSpec(`hatchling@${wheel}`), { home });
    expect(b.version).toBe('1.28.0');
    expect(b.importPaths).toHaveLength(1);
    expect(await wheelRequirements(b.importPaths[0]!)).toEqual(expect.arrayContaining([expect.stringMatching(/^pathspec/), expect.stringMatching(/^pluggy/)]));
    expect(b.envDir).toMatch(/\/envs\/wheel-hatchling-[0-9a-f]{16}-py3\.\d+$/);
    const deps = await execa(b.python, ['-c', 'import pathspec, pluggy; print("ok")'], { reject: false, all: true });
    expect(deps.stdout, deps.all).toBe('ok');
  });
});
