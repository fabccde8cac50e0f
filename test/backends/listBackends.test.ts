import { execa } from 'execa';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPython } from '../../src/backends/findPython.js';
import { listBackends } from '../../src/backends/listBackends.js';
import { ENV_MARKER, envName, listManagedEnvs } from '../../src/backends/provision.js';
import { FAMILIES } from '../../src/backends/types.js';

let tmp: string;
let home: string;
const savedEnv = { ...process.env };

beforeAll(async () => {
  delete process.env['TWINBUILD_PYTHON'];
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'twinbuild-list-')));
  home = path.join(tmp, 'home');
});
afterAll(async () => {
  process.env = { ...savedEnv };
  await fs.rm(tmp, { recursive: true, force: true });
});

/** A managed environment made by hand (no network): a venv with a fake flit_core and a marker. */
async function fakeManagedEnv(): Promise<string> {
  const base = await findPython({});
  const dir = path.join(home, 'envs', envName('flit', '7.7.7', base.version));
  await execa(base.executable, ['-m', 'venv', '--without-pip', dir]);
  const site = (await execa(path.join(dir, 'bin', 'python'), ['-c', 'import sysconfig; print(sysconfig.get_path("purelib"))'])).stdout.trim();
  await fs.mkdir(path.join(site, 'flit_core'), { recursive: true });
  await fs.writeFile(path.join(site, 'flit_core', '__init__.py'), '');
  await fs.writeFile(
    path.join(site, 'flit_core', 'buildapi.py'),
    'def build_wheel(d, c=None, m=None): pass\ndef build_sdist(d, c=None): pass\ndef build_editable(d, c=None, m=None): pass\n',
  );
  await fs.mkdir(path.join(site, 'flit_core-7.7.7.dist-info'));
  await fs.writeFile(path.join(site, 'flit_core-7.7.7.dist-info', 'METADATA'), 'Metadata-Version: 2.1\nName: flit_core\nVersion: 7.7.7\n');
  const marker = {
    format: 1,
    family: 'flit',
    distribution: 'flit-core',
    requestedVersion: '7.7.7',
    version: '7.7.7',
    requirements: ['flit-core==7.7.7'],
    basePython: base.executable,
    pythonVersion: base.versionString,
    createdAt: new Date().toISOString(),
  };
  await fs.writeFile(path.join(dir, ENV_MARKER), JSON.stringify(marker));
  // an incomplete one (no marker) and a temporary one are not listed
  await fs.mkdir(path.join(home, 'envs', 'hatchling-1.0-py3.11'), { recursive: true });
  await fs.mkdir(path.join(home, 'envs', '.tmp-hatchling-1.0-py3.11-1-abc'), { recursive: true });
  return dir;
}

describe('listBackends', () => {
  it('lists what interpreters import, and the managed environments', async () => {
    const envDir = await fakeManagedEnv();
    expect((await listManagedEnvs(home)).map((e) => e.dir)).toEqual([envDir]);

    const t0 = Date.now();
    const list = await listBackends({ home });
    console.log(`listBackends: ${list.length} entries in ${Date.now() - t0} ms`);
    for (const b of list) {
      expect(FAMILIES).toContain(b.family);
      expect(path.isAbsolute(b.python)).toBe(true);
      expect(b.python).not.toContain('/shims/');
      expect(b.pythonVersion).toMatch(/^3\.\d+\.\d+$/);
      expect(b.spec).toBeTruthy();
    }
    // no interpreter is listed twice for a family
    const keys = list.filter((b) => b.source === 'interpreter').map((b) => `${b.family} ${b.python}`);
    expect(new Set(keys).size).toBe(keys.length);

    // the interpreter findPython would choose for setuptools is there, with the same version
    const probe = await findPython({ family: 'setuptools' });
    const fam = probe.families.setuptools;
    const st = list.find((b) => b.family === 'setuptools' && b.python === probe.executable);
    expect(st).toMatchObject({
      source: 'interpreter',
      distribution: 'setuptools',
      version: fam?.ok ? fam.version : undefined,
      hook: { module: 'setuptools.build_meta' },
      spec: `setuptools,python=${probe.executable}`,
    });
    expect(st?.optionalHooks).toContain('get_requires_for_build_wheel');
    expect(st?.hookError).toBeUndefined();

    if (existsSync('/usr/bin/python3')) {
      const r = await execa('/usr/bin/python3', ['-I', '-c', 'import importlib.metadata as m\ntry: print(m.version("setuptools"))\nexcept Exception: print("")']);
      if (r.stdout.trim()) {
        expect(list.find((b) => b.family === 'setuptools' && b.python === '/usr/bin/python3')?.version).toBe(r.stdout.trim());
      }
    }

    const managed = list.filter((b) => b.source === 'managed');
    expect(managed).toEqual([
      expect.objectContaining({
        family: 'flit',
        distribution: 'flit-core',
        version: '7.7.7',
        python: path.join(envDir, 'bin', 'python'),
        envDir,
        hook: { module: 'flit_core.buildapi' },
        optionalHooks: ['build_editable'],
        spec: 'flit==7.7.7',
      }),
    ]);
  }, 120_000);
});
