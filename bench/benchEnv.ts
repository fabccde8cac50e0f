/**
 * Method (c) needs the `build` frontend next to the backend. twinbuild's
 * managed environments hold only the backend, so the benchmark keeps its own
 * virtual environment per backend under the twinbuild home,
 * `bench/<family>-<version>-build<V>-py<X.Y>/`, made once with pip (which
 * honours the usual PIP_* settings) and reused. Like twinbuild's own
 * environments it is built in a temporary sibling and renamed into place,
 * with a marker file written last.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { FAMILY_INFO } from '../src/backends/families.js';
import { pythonEnv } from '../src/backends/findPython.js';
import { isExecutableFile, twinbuildHome, venvPython } from '../src/backends/paths.js';
import type { Backend } from '../src/backends/types.js';

/** Version of the `build` frontend method (c) runs (pinned so that runs compare). */
export const BUILD_VERSION = '1.6.1';
const MARKER = 'twinbuild-bench-env.json';

export interface BenchEnv {
  dir: string;
  python: string;
  /** Installed versions of build, the backend's distribution, pyproject-hooks, packaging. */
  versions: Record<string, string>;
}

const VERSIONS_SCRIPT = String.raw`
import json, sys
from importlib import metadata
out = {}
for name in sys.argv[1:]:
    try:
        out[name] = metadata.version(name)
    except Exception:
        pass
print(json.dumps(out))
`;

/** The base interpreter a managed environment was made from (else the backend's own). */
async function basePython(backend: Backend): Promise<{ python: string; version: string }> {
  if (backend.envDir) {
    try {
      const marker = JSON.parse(await fs.readFile(path.join(backend.envDir, 'twinbuild-env.json'), 'utf8')) as { basePython?: string; pythonVersion?: string };
      if (marker.basePython && marker.pythonVersion) return { python: marker.basePython, version: marker.pythonVersion };
    } catch {
      /* fall through */
    }
  }
  return { python: backend.python, version: backend.pythonVersion ?? 'unknown' };
}

function pipEnv(): Record<string, string> {
  const env = pythonEnv();
  for (const k of ['PIP_USER', 'PIP_TARGET', 'PIP_PREFIX', 'PIP_ROOT']) delete env[k];
  return env;
}

/** The benchmark environment for `backend`, created when missing. */
export async function benchEnv(backend: Backend, log: (line: string) => void): Promise<BenchEnv> {
  const info = FAMILY_INFO[backend.family];
  const impl = info.implFor(backend.version);
  const base = await basePython(backend);
  const majorMinor = base.version.split('.').slice(0, 2).join('.');
  const name = `${backend.family}-${backend.version}-build${BUILD_VERSION}-py${majorMinor}`;
  const parent = path.join(twinbuildHome(), 'bench');
  const dir = path.join(parent, name);
  const probeNames = ['build', impl.distribution, 'pyproject-hooks', 'packaging'];

  const existing = await readMarker(dir);
  if (existing && isExecutableFile(venvPython(dir))) {
    log(`bench env ${dir}: reusing`);
    return { dir, python: venvPython(dir), versions: existing.versions };
  }
  await fs.mkdir(parent, { recursive: true });
  if (await exists(dir)) await fs.rm(dir, { recursive: true, force: true }); // incomplete: no marker
  const tmp = path.join(parent, `.tmp-${name}-${process.pid}-${randomBytes(4).toString('hex')}`);
  const requirements = [`build==${BUILD_VERSION}`, `${impl.distribution}==${backend.version}`, ...info.extraRequirements(backend.version)];
  log(`bench env ${dir}: creating with ${base.python}; pip install ${requirements.join(' ')}`);
  try {
    const venv = await execa(base.python, ['-I', '-m', 'venv', tmp], { reject: false, all: true, env: pythonEnv(), extendEnv: false, stdin: 'ignore' });
    if (venv.failed) throw new Error(`${base.python} -m venv failed: ${venv.all?.slice(-2000) ?? ''}`);
    const py = venvPython(tmp);
    const pip = await execa(py, ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', ...requirements], {
      reject: false,
      all: true,
      env: pipEnv(),
      extendEnv: false,
      stdin: 'ignore',
      timeout: 15 * 60_000,
    });
    if (pip.failed) throw new Error(`pip install ${requirements.join(' ')} failed:\n${pip.all?.slice(-3000) ?? ''}`);
    const probe = await execa(py, ['-I', '-c', VERSIONS_SCRIPT, ...probeNames], { reject: false, env: pythonEnv(), extendEnv: false });
    const versions = JSON.parse(probe.stdout) as Record<string, string>;
    if (versions[impl.distribution] !== backend.version) {
      throw new Error(`bench env: asked for ${impl.distribution}==${backend.version}, got ${versions[impl.distribution] ?? 'nothing'}`);
    }
    await fs.writeFile(path.join(tmp, MARKER), `${JSON.stringify({ format: 1, requirements, versions, basePython: base.python }, null, 2)}\n`);
    try {
      await fs.rename(tmp, dir);
    } catch {
      /* another run made it first: use theirs */
    }
    const made = await readMarker(dir);
    if (!made) throw new Error(`bench env ${dir} is incomplete; remove it and retry`);
    return { dir, python: venvPython(dir), versions: made.versions };
  } finally {
    await fs.rm(tmp, { recursive: true, force: true }).catch(() => {});
  }
}

async function readMarker(dir: string): Promise<{ versions: Record<string, string> } | undefined> {
  try {
    const m = JSON.parse(await fs.readFile(path.join(dir, MARKER), 'utf8')) as { format?: number; versions?: Record<string, string> };
    return m.format === 1 && m.versions ? { versions: m.versions } : undefined;
  } catch {
    return undefined;
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.lstat(p);
    return true;
  } catch {
    return false;
  }
}
