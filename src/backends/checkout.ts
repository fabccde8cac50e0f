/**
 * A backend under development as a backend spec: `FAMILY@DIR` where DIR is
 * the backend's source checkout (or an unpacked sdist), and `FAMILY@WHEEL`
 * for a wheel that declares runtime requirements.
 *
 * A checkout is recognised by its `pyproject.toml` (or `setup.cfg`) naming one
 * of the family's distributions. It is copied (without VCS folders, caches
 * and build output, so the user's tree is never written to) and pip-installed
 * into a managed environment `envs/checkout-<family>-<digest>-py<X.Y>/`,
 * which brings its runtime requirements and its own dist-info (the version
 * twinbuild shows). The digest is taken over the checkout's files, so a
 * changed checkout gets a fresh environment and an unchanged one is reused.
 *
 * A wheel's runtime requirements (its METADATA `Requires-Dist`) go into a
 * managed environment `envs/wheel-<family>-<sha256>-py<X.Y>/`; the wheel
 * itself stays unpacked and first on the import path, as without them.
 *
 * A directory that is neither (a folder of modules) is put first on the
 * import path as it is, as it always was.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { parse as parseToml } from 'smol-toml';
import { ConfigError, EnvironmentError } from '../errors.js';
import { FAMILY_INFO } from './families.js';
import { exists, twinbuildHome } from './paths.js';
import { probePython } from './findPython.js';
import { buildVenv, MIN_PYTHON, provisionInto, readEnv, type EnvMarker, type ManagedEnv, type ProvisionOptions } from './provision.js';
import type { Family } from './types.js';

/** Folders and files of a checkout that are not its source: left out of the digest and the copy. */
const NOT_SOURCE_DIRS = new Set(['.git', '.hg', '.svn', '.tox', '.nox', '.venv', 'venv', '__pycache__', '.pytest_cache', '.mypy_cache', '.ruff_cache', 'build', 'dist', 'node_modules']);
const NOT_SOURCE_FILE = /\.py[co]$/;

export interface CheckoutInfo {
  /** Absolute directory. */
  dir: string;
  /** The distribution its configuration names (canonical form), one of the family's. */
  distribution: string;
  /** The version its configuration states, when static (a hint; the installed dist-info decides). */
  declaredVersion?: string;
}

/** PEP 503 form of a project name (for matching a checkout to a family). */
function canonical(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/**
 * Whether `dir` is a source checkout of a backend: undefined when it has no
 * project configuration at all (a plain folder for the import path). A
 * checkout of another project is a ConfigError naming what it is.
 */
export async function inspectCheckout(dir: string, family: Family, location: string): Promise<CheckoutInfo | undefined> {
  const pyproject = path.join(dir, 'pyproject.toml');
  const setupCfg = path.join(dir, 'setup.cfg');
  const setupPy = path.join(dir, 'setup.py');
  let name: string | undefined;
  let version: string | undefined;
  if (await exists(pyproject)) {
    let doc: Record<string, unknown>;
    try {
      doc = parseToml(await fs.readFile(pyproject, 'utf8')) as Record<string, unknown>;
    } catch (e) {
      throw new ConfigError(`@${location}: cannot read ${pyproject}: ${(e as Error).message.split('\n')[0]}`);
    }
    const project = doc['project'] as Record<string, unknown> | undefined;
    if (typeof project?.['name'] === 'string') name = project['name'];
    if (typeof project?.['version'] === 'string') version = project['version'];
  }
  if (name === undefined && (await exists(setupCfg))) {
    const m = /^\[metadata\][^[]*?^name\s*=\s*(\S+)/ms.exec(await fs.readFile(setupCfg, 'utf8'));
    if (m) name = m[1];
  }
  const wanted = FAMILY_INFO[family].impls.map((i) => i.distribution);
  if (name === undefined) {
    if ((await exists(pyproject)) || (await exists(setupPy))) {
      throw new ConfigError(
        `@${location}: ${dir} is a Python project whose name twinbuild cannot read (no [project] name in pyproject.toml, no [metadata] name in setup.cfg)`,
        `give the source checkout of ${wanted.join(' or ')}, or a folder to put first on the import path`,
      );
    }
    return undefined;
  }
  const distribution = canonical(name);
  if (!wanted.includes(distribution)) {
    throw new ConfigError(
      `@${location}: ${dir} is a checkout of ${name}, not of ${wanted.join(' or ')} (the ${family} family)`,
      `name the family the checkout is a backend of, e.g. ${family}@DIR for a ${wanted[0]} checkout`,
    );
  }
  return { dir, distribution, ...(version !== undefined ? { declaredVersion: version } : {}) };
}

/** The checkout's source files, relative and sorted (what the digest and the copy take). */
async function sourceFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await fs.readdir(path.join(root, rel), { withFileTypes: true });
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!NOT_SOURCE_DIRS.has(e.name) && !e.name.endsWith('.egg-info')) await walk(r);
      } else if ((e.isFile() || e.isSymbolicLink()) && !NOT_SOURCE_FILE.test(e.name)) {
        out.push(r);
      }
    }
  };
  await walk('');
  return out.sort();
}

/** sha256 over the checkout's source files (paths, modes and contents). */
export async function checkoutDigest(root: string): Promise<string> {
  const h = createHash('sha256');
  for (const rel of await sourceFiles(root)) {
    const abs = path.join(root, rel);
    const st = await fs.lstat(abs);
    h.update(`${rel}\0${st.mode & 0o111 ? 'x' : '-'}\0`);
    h.update(st.isSymbolicLink() ? `link:${await fs.readlink(abs)}` : await fs.readFile(abs));
    h.update('\0');
  }
  return h.digest('hex');
}

async function copySource(root: string, dest: string): Promise<void> {
  for (const rel of await sourceFiles(root)) {
    const to = path.join(dest, rel);
    await fs.mkdir(path.dirname(to), { recursive: true });
    await fs.cp(path.join(root, rel), to, { verbatimSymlinks: true, preserveTimestamps: true });
  }
  // The egg-info of an unpacked setuptools sdist is part of it (it carries setuptools' own entry points).
  for (const e of await fs.readdir(root, { withFileTypes: true })) {
    if (e.isDirectory() && e.name.endsWith('.egg-info')) await fs.cp(path.join(root, e.name), path.join(dest, e.name), { recursive: true });
  }
}

/** `git describe --tags --always --dirty` of a git checkout, or undefined. */
export async function describeCheckout(dir: string): Promise<string | undefined> {
  if (!(await exists(path.join(dir, '.git')))) return undefined;
  const r = await execa('git', ['-C', dir, 'describe', '--tags', '--always', '--dirty'], { reject: false, timeout: 30_000, stdin: 'ignore' });
  return r.exitCode === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
}

/** The marker of an environment made from a checkout or a wheel's requirements (checks nothing about versions). */
function fromSourceMarker(family: Family, source: string, requirements: string[], base: { executable: string; versionString: string }, requirementsOnly: boolean) {
  return async (py: string): Promise<EnvMarker> => {
    let distribution = FAMILY_INFO[family].primary.distribution;
    let version = 'requirements-only';
    if (!requirementsOnly) {
      const probe = await probePython(py, { families: [family] });
      const fam = probe.families[family];
      if (!fam?.ok || !fam.version || !FAMILY_INFO[family].impls.some((i) => i.distribution === fam.distribution)) {
        throw new EnvironmentError(`pip installed ${source}, but the environment cannot import ${family}'s backend: ${fam && !fam.ok ? fam.error : `it has ${fam?.distribution ?? 'nothing'} ${fam?.version ?? ''}`}`);
      }
      distribution = fam.distribution;
      version = fam.version;
    }
    return {
      format: 1,
      family,
      distribution,
      requestedVersion: version,
      version,
      requirements,
      basePython: base.executable,
      pythonVersion: base.versionString,
      createdAt: new Date().toISOString(),
      source,
    };
  };
}

/**
 * The managed environment holding a checkout installed by pip (with its
 * runtime requirements), created once per checkout digest and interpreter.
 */
export async function provisionCheckout(family: Family, info: CheckoutInfo, location: string, opts: ProvisionOptions = {}): Promise<ManagedEnv> {
  const log = opts.log ?? (() => {});
  const digest = (await checkoutDigest(info.dir)).slice(0, 16);
  const what = `${family}@${location}`;
  const hint = info.declaredVersion ?? '';
  return provisionInto<ManagedEnv>(what, MIN_PYTHON, opts, {
    dir: (base) => path.join(twinbuildHome(opts.home), 'envs', `checkout-${family}-${digest}-py${base.version[0]}.${base.version[1]}`),
    ready: (dir) => readEnv(dir),
    create: async (base, dir, envLog) => {
      const copy = `${dir}.src-${process.pid}`;
      await fs.rm(copy, { recursive: true, force: true });
      try {
        log(`${what}: copying the checkout (${digest}) to build it without writing into it`);
        await copySource(info.dir, copy);
        const requirements = [copy, ...FAMILY_INFO[family].extraRequirements(hint)];
        const env = await buildVenv<EnvMarker, ManagedEnv>({
          label: what,
          requirements,
          distribution: info.distribution,
          version: hint,
          base,
          dir,
          log: envLog,
          keepSetuptools: family === 'setuptools',
          marker: fromSourceMarker(family, info.dir, requirements, base, false),
          read: readEnv,
        });
        return env;
      } finally {
        await fs.rm(copy, { recursive: true, force: true }).catch(() => {});
      }
    },
  });
}

/**
 * The runtime requirements a wheel's METADATA declares (Requires-Dist without
 * an `extra` marker), read from its unpacked dist-info.
 */
export async function wheelRequirements(site: string): Promise<string[]> {
  const infos = (await fs.readdir(site)).filter((n) => n.endsWith('.dist-info'));
  const out: string[] = [];
  for (const d of infos) {
    let text: string;
    try {
      text = await fs.readFile(path.join(site, d, 'METADATA'), 'utf8');
    } catch {
      continue;
    }
    const headers = text.split(/\r?\n\r?\n/, 1)[0] ?? '';
    for (const line of headers.split(/\r?\n/)) {
      const m = /^Requires-Dist:\s*(.+)$/i.exec(line);
      if (m && !/\bextra\s*==/.test(m[1]!)) out.push(m[1]!.trim());
    }
  }
  return out;
}

/**
 * The managed environment holding a wheel's runtime requirements (not the
 * wheel itself: it stays unpacked on the import path), keyed by its sha256.
 */
export async function provisionWheelRequirements(family: Family, sha256: string, requirements: string[], location: string, opts: ProvisionOptions = {}): Promise<ManagedEnv> {
  const what = `${family}@${location}`;
  return provisionInto<ManagedEnv>(what, MIN_PYTHON, opts, {
    dir: (base) => path.join(twinbuildHome(opts.home), 'envs', `wheel-${family}-${sha256.slice(0, 16)}-py${base.version[0]}.${base.version[1]}`),
    ready: (dir) => readEnv(dir),
    create: (base, dir, log) =>
      buildVenv<EnvMarker, ManagedEnv>({
        label: what,
        requirements,
        distribution: requirements[0] ?? family,
        version: '',
        base,
        dir,
        log,
        keepSetuptools: false,
        marker: fromSourceMarker(family, location, requirements, base, true),
        read: readEnv,
      }),
  });
}
