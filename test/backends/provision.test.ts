/**
 * Real provisioning: these tests run pip against the package index (honouring
 * PIP_INDEX_URL / PIP_FIND_LINKS from the environment) into temporary
 * twinbuild homes. Each may take a minute on a slow network.
 */
import { execa } from 'execa';
import { existsSync, promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnvironmentError } from '../../src/errors.js';
import { clearProbeCache, findPython, probePython } from '../../src/backends/findPython.js';
import { parseSpec } from '../../src/backends/parseSpec.js';
import {
  ENV_MARKER,
  createEnvironment,
  envName,
  explainPipFailure,
  listManagedEnvs,
  provisionTool,
  provisionVersion,
} from '../../src/backends/provision.js';
import { resolveBackend } from '../../src/backends/resolveBackend.js';
import { OPTIONAL_HOOKS } from '../../src/backends/types.js';

const NET = 300_000;
let root: string;
const savedEnv = { ...process.env };

beforeAll(async () => {
  delete process.env['TWINBUILD_PYTHON'];
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'twinbuild-provision-'));
});
afterAll(async () => {
  process.env = { ...savedEnv };
  await fs.rm(root, { recursive: true, force: true });
});

async function freshHome(name: string): Promise<string> {
  const home = path.join(root, name);
  await fs.mkdir(home, { recursive: true });
  return home;
}

/** Run `code` with the interpreter in isolated mode; exit status and output. */
async function py(python: string, code: string) {
  return execa(python, ['-I', '-c', code], { reject: false, all: true });
}

/** Resolve with the index made unreachable: proves that pip is not run. */
async function withoutIndex<T>(fn: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  process.env['PIP_INDEX_URL'] = 'http://127.0.0.1:9/simple';
  process.env['PIP_NO_INDEX'] = '1';
  delete process.env['PIP_FIND_LINKS'];
  try {
    return await fn();
  } finally {
    process.env = saved;
  }
}

describe('provisioning FAMILY==VERSION (network)', () => {
  it(
    'setuptools==80.9.0: installs once, then reuses without pip',
    async () => {
      const home = await freshHome('st');
      const spec = parseSpec('setuptools==80.9.0');
      const lines: string[] = [];
      const t0 = Date.now();
      const b = await resolveBackend(spec, { home, log: (l) => lines.push(l) });
      const cold = Date.now() - t0;

      expect(b.version).toBe('80.9.0');
      expect(b.label).toBe('setuptools 80.9.0');
      expect(b.distribution).toBe('setuptools');
      expect(b.hook).toEqual({ module: 'setuptools.build_meta' });
      expect(b.importPaths).toEqual([]);
      expect(b.optionalHooks).toEqual([...OPTIONAL_HOOKS]);
      const mm = b.pythonVersion!.split('.').slice(0, 2).join('.');
      const envDir = path.join(home, 'envs', `setuptools-80.9.0-py${mm}`);
      expect(b.envDir).toBe(envDir);
      expect(b.python).toBe(path.join(envDir, 'bin', 'python'));
      expect(b.binPaths).toEqual([path.join(envDir, 'bin')]);
      expect(lines.some((l) => l.includes('pip install setuptools==80.9.0'))).toBe(true);

      const marker = JSON.parse(await fs.readFile(path.join(envDir, ENV_MARKER), 'utf8'));
      expect(marker).toMatchObject({ family: 'setuptools', distribution: 'setuptools', version: '80.9.0', requirements: ['setuptools==80.9.0'] });
      const r = await py(b.python, 'import setuptools.build_meta, setuptools; print(setuptools.__version__)');
      expect(r.stdout.trim()).toBe('80.9.0');
      // 80.9 has bdist_wheel itself: no `wheel` installed
      expect((await py(b.python, 'import wheel')).exitCode).not.toBe(0);
      const before = await fs.stat(path.join(envDir, ENV_MARKER));

      // warm, as a new process would see it (no cached probes), with pip unable to reach anything
      clearProbeCache();
      const warmLines: string[] = [];
      const t1 = Date.now();
      const again = await withoutIndex(() => resolveBackend(spec, { home, log: (l) => warmLines.push(l) }));
      const warm = Date.now() - t1;
      expect(again.python).toBe(b.python);
      expect(again.version).toBe('80.9.0');
      expect(warmLines.some((l) => l.includes('pip install'))).toBe(false);
      expect(warmLines.some((l) => l.includes(`reusing ${envDir}`))).toBe(true);
      expect((await fs.stat(path.join(envDir, ENV_MARKER))).mtimeMs).toBe(before.mtimeMs);
      expect(warm).toBeLessThan(5_000);
      console.log(`setuptools==80.9.0: cold ${cold} ms, warm ${warm} ms`);
    },
    NET,
  );

  it(
    'hatchling==1.27.0: with editables, and no stray setuptools',
    async () => {
      const home = await freshHome('hatch');
      const t0 = Date.now();
      const b = await resolveBackend(parseSpec('hatchling==1.27.0'), { home });
      const cold = Date.now() - t0;
      expect(b.version).toBe('1.27.0');
      expect(b.label).toBe('hatchling 1.27.0');
      expect(b.hook).toEqual({ module: 'hatchling.build' });
      expect(b.optionalHooks).toEqual(expect.arrayContaining(['build_editable', 'get_requires_for_build_editable']));
      expect((await py(b.python, 'import hatchling.build, editables')).exitCode).toBe(0);
      expect((await py(b.python, 'import setuptools')).exitCode).not.toBe(0);
      clearProbeCache();
      const t1 = Date.now();
      await withoutIndex(() => resolveBackend(parseSpec('hatchling==1.27.0'), { home }));
      console.log(`hatchling==1.27.0: cold ${cold} ms, warm ${Date.now() - t1} ms`);
      const envs = await listManagedEnvs(home);
      expect(envs.map((e) => [e.family, e.version])).toEqual([['hatchling', '1.27.0']]);
    },
    NET,
  );

  it(
    'two resolves at once give one environment',
    async () => {
      const home = await freshHome('concurrent');
      const lines: string[] = [];
      const spec = parseSpec('flit==3.12.0');
      const t0 = Date.now();
      const [a, b] = await Promise.all([
        resolveBackend(spec, { home, log: (l) => lines.push(l) }),
        resolveBackend(spec, { home, log: (l) => lines.push(l) }),
      ]);
      console.log(`flit==3.12.0 twice at once: ${Date.now() - t0} ms`);
      expect(a.python).toBe(b.python);
      expect(a.envDir).toBe(b.envDir);
      expect(a.label).toBe('flit-core 3.12.0');
      expect(lines.filter((l) => l.includes('pip install')).length).toBe(1);
      expect(await fs.readdir(path.join(home, 'envs'))).toEqual([path.basename(a.envDir!)]);
    },
    NET,
  );

  it(
    'two builds of one environment racing on disk: the first rename wins, the other is discarded',
    async () => {
      const home = await freshHome('race');
      const base = await findPython({});
      const dir = path.join(home, 'envs', envName('flit', '3.12.0', base.version));
      const lines: string[] = [];
      const log = (l: string): number => lines.push(l);
      // createEnvironment bypasses the in-process de-duplication: as two processes would
      const [a, b] = await Promise.all([
        createEnvironment({ family: 'flit', version: '3.12.0', base, dir, log }),
        createEnvironment({ family: 'flit', version: '3.12.0', base, dir, log }),
      ]);
      expect([a.created, b.created].sort()).toEqual([false, true]);
      expect(a.dir).toBe(dir);
      expect(b.dir).toBe(dir);
      expect(a.createdAt).toBe(b.createdAt); // both describe the winner's environment
      expect(lines.some((l) => l.includes('another process created'))).toBe(true);
      expect(await fs.readdir(path.join(home, 'envs'))).toEqual([path.basename(dir)]);
      expect((await py(a.python, 'import flit_core.buildapi')).exitCode).toBe(0);
    },
    NET,
  );

  it(
    'an unknown version is an EnvironmentError quoting pip, and leaves nothing behind',
    async () => {
      const home = await freshHome('unknown');
      const err = await resolveBackend(parseSpec('setuptools==0.0.999'), { home }).catch((e) => e);
      expect(err).toBeInstanceOf(EnvironmentError);
      expect(err.message).toContain('cannot provision setuptools==0.0.999');
      expect(err.message).toContain('setuptools has no release 0.0.999 on the index (latest releases: ');
      expect(err.message).toContain('The package index was reachable.');
      expect(err.message).toContain("Last lines of pip's output:");
      expect(err.message).toContain('No matching distribution found for setuptools==0.0.999');
      expect(err.hint).toContain('pip index versions setuptools');
      expect(await fs.readdir(path.join(home, 'envs'))).toEqual([]);
    },
    NET,
  );

  it(
    'an unreachable index is reported as such',
    async () => {
      const home = await freshHome('offline');
      const err = await withoutIndexButUrl(() => provisionVersion('flit', '3.12.0', { home })).catch((e) => e);
      expect(err).toBeInstanceOf(EnvironmentError);
      expect(err.message).toContain('looked UNREACHABLE');
      expect(err.hint).toContain('PIP_INDEX_URL');
    },
    NET,
  );

  it(
    'an index that answers 404 is reachable but lacks the project',
    async () => {
      const server = http.createServer((_req, res) => {
        res.statusCode = 404;
        res.end('not here');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as AddressInfo).port;
      try {
        const home = await freshHome('404');
        const err = await withIndex(`http://127.0.0.1:${port}/simple`, () => provisionVersion('flit', '3.12.0', { home })).catch((e) => e);
        expect(err).toBeInstanceOf(EnvironmentError);
        expect(err.message).toContain('pip saw no releases of flit-core at all: the index answered but has no such project');
        expect(err.message).toContain('The package index was reachable.');
      } finally {
        server.close();
      }
    },
    NET,
  );

  it.skipIf(!existsSync('/usr/bin/python3'))(
    'python= chooses the base interpreter (Debian python3 here)',
    async () => {
      const home = await freshHome('debian');
      const b = await resolveBackend(parseSpec('flit==3.12.0,python=/usr/bin/python3'), { home });
      const base = await probePython('/usr/bin/python3');
      const marker = JSON.parse(await fs.readFile(path.join(b.envDir!, ENV_MARKER), 'utf8'));
      expect(marker.basePython).toBe('/usr/bin/python3');
      expect(b.pythonVersion).toBe(base.versionString);
    },
    NET,
  );

  it(
    'a base interpreter without pip gets pip into the environment with ensurepip',
    async () => {
      const home = await freshHome('nopip');
      const first = await findPython({});
      const nopip = path.join(root, 'nopip-base');
      await execa(first.executable, ['-m', 'venv', '--without-pip', nopip]);
      const b = await resolveBackend(parseSpec(`flit==3.12.0,python=${nopip}/bin/python`), { home });
      expect(b.version).toBe('3.12.0');
      expect((await py(b.python, 'import pip')).exitCode).toBe(0);
      // ensurepip's setuptools (Python <= 3.11) was taken out again
      expect((await py(b.python, 'import setuptools')).exitCode).not.toBe(0);
    },
    NET,
  );
});

/** Point pip at a closed port (connection refused), with nothing else to fall back on. */
function withoutIndexButUrl<T>(fn: () => Promise<T>): Promise<T> {
  return withIndex('http://127.0.0.1:9/simple', fn);
}

async function withIndex<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  process.env['PIP_INDEX_URL'] = url;
  process.env['PIP_RETRIES'] = '0';
  process.env['PIP_TIMEOUT'] = '3';
  delete process.env['PIP_FIND_LINKS'];
  delete process.env['PIP_EXTRA_INDEX_URL'];
  try {
    return await fn();
  } finally {
    process.env = saved;
  }
}

describe('explainPipFailure', () => {
  it('an unknown version with releases listed', () => {
    const out = [
      'Looking in links: /opt/wheels',
      'ERROR: Could not find a version that satisfies the requirement setuptools==0.0.999 (from versions: 0.6b1, 79.0.0, 80.9.0, 80.10.0rc1, 80.10.1)',
      'ERROR: No matching distribution found for setuptools==0.0.999',
    ].join('\n');
    expect(explainPipFailure(out, 'setuptools', '0.0.999')).toEqual({
      index: 'reachable',
      reason: 'setuptools has no release 0.0.999 on the index (latest releases: 0.6b1, 79.0.0, 80.9.0, 80.10.0rc1, 80.10.1)',
    });
  });

  it('connection errors mean an unreachable index', () => {
    const out = [
      "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f>: Failed to establish a new connection: [Errno -3] Temporary failure in name resolution')': /simple/hatchling/",
      'ERROR: Could not find a version that satisfies the requirement hatchling==1.27.0 (from versions: none)',
      'ERROR: No matching distribution found for hatchling==1.27.0',
    ].join('\n');
    const r = explainPipFailure(out, 'hatchling', '1.27.0');
    expect(r.index).toBe('unreachable');
    expect(r.reason).toBe('the package index looked unreachable (pip could not connect), so pip saw no releases of hatchling');
  });

  it('no releases and no connection errors: cannot tell (pip is quiet when it does not retry)', () => {
    const out = 'ERROR: Could not find a version that satisfies the requirement flit-core==3.9.0 (from versions: none)\nERROR: No matching distribution found for flit-core==3.9.0';
    expect(explainPipFailure(out, 'flit-core', '3.9.0')).toEqual({ index: 'unknown', reason: 'pip saw no releases of flit-core at all' });
  });

  it('a release that excludes this Python', () => {
    const out = [
      'ERROR: Ignored the following versions that require a different python version: 1.27.0 Requires-Python >=3.8',
      'ERROR: Could not find a version that satisfies the requirement hatchling==1.27.0 (from versions: 0.1.0, 1.18.0)',
    ].join('\n');
    expect(explainPipFailure(out, 'hatchling', '1.27.0', '3.7.16').reason).toBe(
      'hatchling 1.27.0 does not support Python 3.7.16 (its Requires-Python excludes it)',
    );
  });

  it('a dependency that cannot be satisfied', () => {
    const out = 'ERROR: Could not find a version that satisfies the requirement editables>=0.3 (from versions: none)';
    expect(explainPipFailure(out, 'hatchling', '1.27.0').reason).toBe('pip could not satisfy editables>=0.3');
  });

  it('anything else: the last ERROR line', () => {
    expect(explainPipFailure('foo\nERROR: disk full\n', 'x', '1').reason).toBe('pip failed: disk full');
  });
});

describe('provisionTool: twinbuild\'s own tool environments share buildVenv', () => {
  it(
    'makes the environment once with the pinned requirements, reuses it, and makes it again for other pins',
    async () => {
      const home = await freshHome('tool');
      const a = await provisionTool('tb-test-tool', ['packaging==25.0'], { home, minVersion: [3, 9] });
      expect(a.dir).toBe(path.join(home, 'tools', `tb-test-tool-py${a.pythonVersion.split('.').slice(0, 2).join('.')}`));
      const marker = JSON.parse(await fs.readFile(path.join(a.dir, ENV_MARKER), 'utf8')) as Record<string, unknown>;
      expect(marker).toMatchObject({ format: 1, tool: 'tb-test-tool', requirements: ['packaging==25.0'] });
      expect((await py(a.python, 'import packaging; print(packaging.__version__)')).stdout.trim()).toBe('25.0');
      const again = await provisionTool('tb-test-tool', ['packaging==25.0'], { home, minVersion: [3, 9] });
      expect(again.dir).toBe(a.dir);
      const stamp = (await fs.stat(path.join(a.dir, ENV_MARKER))).mtimeMs;
      expect((await fs.stat(path.join(again.dir, ENV_MARKER))).mtimeMs).toBe(stamp);
      // Other pins under the same name: the old environment is moved aside, a new one made.
      const other = await provisionTool('tb-test-tool', ['packaging==24.2'], { home, minVersion: [3, 9] });
      expect(other.dir).toBe(a.dir);
      expect((await py(other.python, 'import packaging; print(packaging.__version__)')).stdout.trim()).toBe('24.2');
    },
    NET,
  );

  it('uses a tool environment made before tools shared buildVenv (marker twinbuild-tool.json) as it is', async () => {
    const home = await freshHome('legacy-tool');
    const made = await provisionTool('tb-legacy-tool', ['packaging==25.0'], { home, minVersion: [3, 9] });
    // Rewrite it as the older code left it: its own marker file, no twinbuild-env.json.
    await fs.rm(path.join(made.dir, ENV_MARKER));
    await fs.writeFile(path.join(made.dir, 'twinbuild-tool.json'), JSON.stringify({ dir: made.dir, python: made.python, pythonVersion: made.pythonVersion, requirements: ['packaging==25.0'] }));
    const found = await provisionTool('tb-legacy-tool', ['packaging==25.0'], { home, minVersion: [3, 9] });
    expect(found.dir).toBe(made.dir);
    expect(existsSync(path.join(made.dir, 'twinbuild-tool.json'))).toBe(true);
    expect(existsSync(path.join(made.dir, ENV_MARKER))).toBe(false);
  }, NET);
});
