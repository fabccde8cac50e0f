import { execa } from 'execa';
import { existsSync, promises as fs, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, EnvironmentError } from '../../src/errors.js';
import {
  clearProbeCache,
  findPython,
  probePython,
  pythonCandidates,
} from '../../src/backends/findPython.js';

let tmp: string;
const saved = { ...process.env };

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'twinbuild-findpython-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});
beforeEach(() => {
  delete process.env['TWINBUILD_PYTHON'];
});
afterEach(() => {
  process.env = { ...saved };
});

const pyenvOld = path.join(os.homedir(), '.pyenv', 'versions');
const oldPython = existsSync(pyenvOld)
  ? readdirSync(pyenvOld)
      .filter((v) => /^3\.[0-7]\./.test(v))
      .map((v) => path.join(pyenvOld, v, 'bin', 'python3'))
      .find((p) => existsSync(p))
  : undefined;

describe('findPython', () => {
  it('chooses an interpreter that can import setuptools, and reports the real binary', async () => {
    const t0 = Date.now();
    const probe = await findPython({ family: 'setuptools' });
    const ms = Date.now() - t0;
    const fam = probe.families.setuptools;
    expect(fam?.ok).toBe(true);
    if (!fam?.ok) return;
    expect(path.isAbsolute(probe.executable)).toBe(true);
    expect(probe.executable).not.toContain('/shims/');
    expect(probe.version[0]).toBe(3);
    expect(probe.version[1]).toBeGreaterThanOrEqual(8);
    expect(fam.hook).toEqual({ module: 'setuptools.build_meta' });
    expect(fam.version).toMatch(/^\d+\.\d+/);
    expect(fam.versionSource).toBe('metadata');
    // the interpreter really imports it, and reports the same version
    const r = await execa(probe.executable, [
      '-I',
      '-c',
      'import setuptools, importlib.metadata as m; print(m.version("setuptools"))',
    ]);
    expect(r.stdout.trim()).toBe(fam.version);
    console.log(`findPython(setuptools): ${probe.executable} (Python ${probe.versionString}, setuptools ${fam.version}) in ${ms} ms`);
  });

  it('caches probes per process', async () => {
    const first = await findPython({ family: 'setuptools' });
    const t0 = Date.now();
    const again = await probePython(first.command, { families: ['setuptools'] });
    expect(Date.now() - t0).toBeLessThan(50);
    expect(again).toBe(await probePython(first.command, { families: ['setuptools'] }));
    clearProbeCache();
    const fresh = await probePython(first.command, { families: ['setuptools'] });
    expect(fresh).not.toBe(again);
    expect(fresh.executable).toBe(again.executable);
  });

  it.skipIf(!existsSync('/usr/bin/python3'))('TWINBUILD_PYTHON is the only candidate when set', async () => {
    process.env['TWINBUILD_PYTHON'] = '/usr/bin/python3';
    expect(pythonCandidates().candidates).toEqual([{ command: '/usr/bin/python3', origin: 'TWINBUILD_PYTHON' }]);
    const probe = await findPython({ family: 'setuptools' });
    expect(probe.executable).toBe('/usr/bin/python3');
    const r = await execa('/usr/bin/python3', ['-I', '-c', 'import importlib.metadata as m; print(m.version("setuptools"))']);
    const fam = probe.families.setuptools;
    expect(fam?.ok && fam.version).toBe(r.stdout.trim());
  });

  it('python= wins over TWINBUILD_PYTHON', async () => {
    process.env['TWINBUILD_PYTHON'] = '/nonexistent/python';
    const { explicit, candidates } = pythonCandidates({ python: 'python3' });
    expect(explicit).toBe(true);
    expect(candidates).toHaveLength(1);
    expect(candidates[0]!.origin).toBe('python=');
  });

  it('an explicit interpreter that lacks the family is an error, not a fallback', async () => {
    const probe = await findPython({});
    const err = await findPython({ family: 'uv', python: probe.executable }).catch((e) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err.message).toContain('that can import uv_build');
    expect(err.message).toContain(probe.executable);
    expect(err.message).toContain("No module named 'uv_build'");
    expect(err.hint).toContain('uv==VERSION');
  });

  it('without a usable interpreter it lists every candidate and why', async () => {
    const err = await findPython({ family: 'poetry' }).catch((e) => e);
    // (a machine with poetry-core installed would find it: then there is nothing to check)
    if (!(err instanceof Error)) return;
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err.message).toContain('found no Python ≥ 3.8 that can import poetry.core; tried:');
    expect(err.message).toMatch(/^ {2}- \//m);
    expect((err as EnvironmentError).hint).toContain('pip install poetry-core');
  });

  it('probes with extra import paths first on sys.path', async () => {
    const dir = path.join(tmp, 'fakeflit');
    await fs.mkdir(path.join(dir, 'flit_core'), { recursive: true });
    await fs.writeFile(path.join(dir, 'flit_core', '__init__.py'), '__version__ = "0.0.42"\n');
    const probe = await findPython({ family: 'flit', importPaths: [dir] });
    const fam = probe.families.flit;
    expect(fam?.ok).toBe(true);
    if (!fam?.ok) return;
    expect(fam.file).toBe(path.join(dir, 'flit_core', '__init__.py'));
    expect(fam.version).toBe('0.0.42');
    expect(fam.versionSource).toBe('module');
  });

  it('python= that does not exist, or is not on PATH, is a ConfigError', async () => {
    await expect(findPython({ python: '/nonexistent/bin/python3' })).rejects.toThrow(ConfigError);
    await expect(findPython({ python: '/nonexistent/bin/python3' })).rejects.toThrow(/python=\/nonexistent\/bin\/python3: no such file/);
    await expect(findPython({ python: 'no-such-python-xyz' })).rejects.toThrow(/python=no-such-python-xyz: not found on PATH/);
    process.env['TWINBUILD_PYTHON'] = 'no-such-python-xyz';
    await expect(findPython({})).rejects.toThrow(/TWINBUILD_PYTHON=no-such-python-xyz: not found on PATH/);
  });

  it('a program that is not Python fails the probe with a clear message', async () => {
    const fake = path.join(tmp, 'not-python');
    await fs.writeFile(fake, '#!/bin/sh\necho "I am not python" >&2\nexit 3\n', { mode: 0o755 });
    const err = await findPython({ python: fake }).catch((e) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err.message).toContain('cannot use the interpreter named by python=');
    expect(err.message).toContain(`${fake} (python=): exit 3: I am not python`);
  });

  it.skipIf(!oldPython)('rejects Pythons older than 3.8', async () => {
    const err = await findPython({ python: oldPython! }).catch((e) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err.message).toContain('older than 3.8');
  });

  it('orders candidates: python3 on PATH, /usr/bin/python3, python3.X, pyenv (newest first)', async () => {
    const bin = path.join(tmp, 'bin');
    await fs.mkdir(bin, { recursive: true });
    for (const name of ['python3', 'python3.12', 'python3.9']) {
      await fs.writeFile(path.join(bin, name), '#!/bin/sh\nexec /usr/bin/env python3 "$@"\n', { mode: 0o755 });
    }
    process.env['PATH'] = `${bin}${path.delimiter}${saved['PATH'] ?? ''}`;
    const { explicit, candidates } = pythonCandidates();
    expect(explicit).toBe(false);
    const commands = candidates.map((c) => c.command);
    expect(commands[0]).toBe(path.join(bin, 'python3'));
    if (existsSync('/usr/bin/python3')) expect(commands[1]).toBe('/usr/bin/python3');
    expect(commands.indexOf(path.join(bin, 'python3.12'))).toBeLessThan(commands.indexOf(path.join(bin, 'python3.9')));
    const pyenv = candidates.filter((c) => c.origin === 'pyenv').map((c) => c.command);
    const minors = pyenv.map((c) => Number(/versions\/3\.(\d+)/.exec(c)?.[1] ?? -1));
    expect([...minors].sort((a, b) => b - a)).toEqual(minors);
    expect(new Set(commands).size).toBe(commands.length);
  });
});
