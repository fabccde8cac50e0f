/**
 * Getting a backend onto disk.
 *
 * `FAMILY==VERSION` installs `DIST==VERSION` (plus the family's extra
 * requirements) with pip into a virtual environment under the twinbuild home,
 * `envs/<family>-<version>-py<major.minor>/`, created once and then reused.
 * An environment is built in a temporary sibling directory, checked, given a
 * marker file (written last), and renamed into place, so a directory under
 * its final name is always complete; when two processes build the same one at
 * once, the first rename wins and the other discards its copy.
 *
 * pip is the base interpreter's own (pip >= 22.3, run with --python against
 * the new environment), so environments hold only the backend and its
 * requirements; a base without a recent pip falls back to ensurepip inside
 * the environment.
 *
 * `@LOCATION` is a directory (used as it is) or a wheel, unpacked once into
 * `wheels/<sha256>/` by the same build-then-rename scheme.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { compare, eq, gte, valid } from '@renovatebot/pep440';
import { ConfigError, EnvironmentError } from '../errors.js';
import { FAMILY_INFO } from './families.js';
import { canonicalizeName } from '../pep/name.js';
import { normalizeVersion } from '../pep/version.js';
import {
  MIN_PYTHON,
  atLeast,
  findPython,
  probePython,
  pythonCandidates,
  pythonEnv,
  realpathOr,
  type PythonProbe,
} from './findPython.js';
import { RESULT_MARK, UNPACK_WHEEL_SCRIPT } from './pythonScripts.js';
import { exists, isExecutableFile, resolveUserPath, tailLines, twinbuildHome, venvPython } from './paths.js';
import type { Family } from './types.js';

/** Marker file proving a managed environment is complete (written last). */
export const ENV_MARKER = 'twinbuild-env.json';
/** Marker file proving an unpacked wheel is complete. */
export const WHEEL_MARKER = 'twinbuild-wheel.json';

const PIP_TIMEOUT_MS = 15 * 60_000;
const VENV_TIMEOUT_MS = 5 * 60_000;
/** Leftover temporary directories older than this are removed. */
const STALE_TMP_MS = 24 * 3600_000;

export interface EnvMarker {
  format: 1;
  family: Family;
  /** Distribution installed, e.g. `hatchling` (`pdm-pep517` for pdm < 2). */
  distribution: string;
  /** Version as asked for (normalized). */
  requestedVersion: string;
  /** Version installed, as importlib.metadata reports it. */
  version: string;
  /** Everything passed to pip install. */
  requirements: string[];
  /** Interpreter the environment was created from. */
  basePython: string;
  /** Its version, e.g. `3.11.7`. */
  pythonVersion: string;
  /** ISO time of creation. */
  createdAt: string;
  /** For `FAMILY@LOCATION`: the checkout or wheel installed (absolute path), instead of a release from the index. */
  source?: string;
}

export interface ManagedEnv extends EnvMarker {
  dir: string;
  /** The environment's interpreter (`<dir>/bin/python`, not resolved through the symlink). */
  python: string;
  /** Whether this call created it (false: it was already there, or another process made it first). */
  created: boolean;
}

export interface ProvisionOptions {
  /** Twinbuild home (default: TWINBUILD_HOME, else ~/.cache/twinbuild). */
  home?: string;
  /** The spec's python=: the base interpreter (default: TWINBUILD_PYTHON, else the first probed Python ≥ 3.8 that can create a venv). */
  python?: string;
  log?: (line: string) => void;
}

/** Directory name of a managed environment. */
export function envName(family: Family, version: string, pythonVersion: readonly number[]): string {
  return `${family}-${normalized(version)}-py${pythonVersion[0]}.${pythonVersion[1]}`;
}

function normalized(version: string): string {
  const v = normalizeVersion(version);
  if (v === null) throw new ConfigError(`"${version}" is not a valid PEP 440 version`);
  return v;
}

/** Raised when an interpreter cannot make a venv with pip; provisioning then tries the next candidate. */
class VenvCreationError extends EnvironmentError {}

const inFlight = new Map<string, Promise<unknown>>();

/**
 * A managed environment with `FAMILY==version` installed, created if needed.
 * Throws EnvironmentError when pip fails (quoting its last lines and saying
 * whether the index looked unreachable) or no interpreter can create a venv.
 */
export async function provisionVersion(family: Family, version: string, opts: ProvisionOptions = {}): Promise<ManagedEnv> {
  const requested = normalized(version);
  const envsDir = path.join(twinbuildHome(opts.home), 'envs');
  return provisionInto<ManagedEnv>(`${family}==${requested}`, MIN_PYTHON, opts, {
    dir: (base) => path.join(envsDir, envName(family, requested, base.version)),
    ready: (dir) => readEnv(dir),
    create: (base, dir, log) => createEnvironment({ family, version: requested, base, dir, log }),
  });
}

/** How `provisionInto` finds, or makes, one kind of managed environment for a base interpreter. */
interface EnvRecipe<E extends { basePython: string }> {
  /** The environment's directory for this base interpreter. */
  dir(base: PythonProbe): string;
  /** The complete environment at `dir`, or undefined. */
  ready(dir: string): Promise<E | undefined>;
  create(base: PythonProbe, dir: string, log: (line: string) => void): Promise<E>;
}

/**
 * The first interpreter candidate (python=, TWINBUILD_PYTHON, else every
 * probed one) at least `minPython` whose environment exists or can be made.
 * Shared by the backends' environments and twinbuild's own tools (the judge).
 */
export { MIN_PYTHON };

export async function provisionInto<E extends { basePython: string }>(
  label: string,
  minPython: readonly [number, number],
  opts: ProvisionOptions,
  recipe: EnvRecipe<E>,
): Promise<E> {
  const log = opts.log ?? (() => {});
  const { explicit, candidates } = pythonCandidates({ python: opts.python });
  const rejected: string[] = [];
  const minText = minPython.join('.');

  for (const c of candidates) {
    let base: PythonProbe;
    try {
      base = await probePython(c.command);
    } catch (e) {
      if (explicit) throw e;
      rejected.push(`${c.command}: ${(e as Error).message}`);
      continue;
    }
    if (!atLeast(base.version, minPython)) {
      const msg = `${c.command} (${c.origin}) is Python ${base.versionString}, older than ${minText}`;
      if (explicit) throw new EnvironmentError(`cannot provision ${label}: ${msg}`, `choose Python ${minText} or newer with python=EXE or TWINBUILD_PYTHON`);
      rejected.push(msg);
      continue;
    }
    const dir = recipe.dir(base);
    const ready = await recipe.ready(dir);
    if (ready) {
      log(`${label}: reusing ${dir}`);
      if (explicit && realpathOr(ready.basePython) !== realpathOr(base.executable)) {
        log(
          `${label}: note: ${dir} was created from ${ready.basePython}, not ${base.executable} ` +
            `(environments are keyed by Python major.minor only)`,
        );
      }
      return ready;
    }
    let pending = inFlight.get(dir) as Promise<E> | undefined;
    if (!pending) {
      pending = recipe.create(base, dir, log).finally(() => inFlight.delete(dir));
      inFlight.set(dir, pending);
    }
    try {
      return await pending;
    } catch (e) {
      if (e instanceof VenvCreationError && !explicit) {
        log(`${c.command}: ${e.message}; trying the next interpreter`);
        rejected.push(e.message);
        continue;
      }
      throw e;
    }
  }
  throw new EnvironmentError(
    `cannot provision ${label}: no Python ≥ ${minText} could create a virtual environment with pip; tried:\n` +
      (rejected.length ? rejected.map((r) => `  - ${r}`).join('\n') : '  (no interpreters found)'),
    `install Python ${minText} or newer with the venv module (Debian/Ubuntu: apt install python3-venv), or name one with python=EXE or TWINBUILD_PYTHON`,
  );
}

/** A complete managed environment at `dir`, or undefined (missing, or broken and moved out of the way). */
export function readEnv(dir: string): Promise<ManagedEnv | undefined> {
  return readManaged(dir, isEnvMarker);
}

/**
 * A complete environment at `dir` whose marker passes `valid`, or undefined
 * (missing, or broken and moved out of the way).
 */
export async function readManaged<M extends object>(dir: string, valid: (data: Record<string, unknown>) => boolean): Promise<(M & { dir: string; python: string; created: false }) | undefined> {
  if (!(await exists(dir))) return undefined;
  const marker = await readMarker(dir, valid);
  const python = venvPython(dir);
  if (marker && isExecutableFile(python)) return { ...(marker as M), dir, python, created: false };
  // Only a rename ever creates `dir`, so it is not being written: it is broken
  // (marker removed by hand, base interpreter uninstalled). Move it aside.
  const trash = path.join(path.dirname(dir), `.trash-${path.basename(dir)}-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await fs.rename(dir, trash);
    await fs.rm(trash, { recursive: true, force: true });
  } catch {
    /* someone else moved it first */
  }
  return undefined;
}

const isEnvMarker = (data: Partial<EnvMarker>): boolean => data.format === 1 && !!data.family && !!data.version && !!data.distribution && !!data.pythonVersion;

async function readMarker(dir: string, valid: (data: Record<string, unknown>) => boolean): Promise<Record<string, unknown> | undefined> {
  try {
    const data = JSON.parse(await fs.readFile(path.join(dir, ENV_MARKER), 'utf8')) as Record<string, unknown>;
    return data && typeof data === 'object' && valid(data) ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Managed environments present in the twinbuild home (complete ones only). */
export async function listManagedEnvs(home?: string): Promise<ManagedEnv[]> {
  const envsDir = path.join(twinbuildHome(home), 'envs');
  let names: string[];
  try {
    names = await fs.readdir(envsDir);
  } catch {
    return [];
  }
  const out: ManagedEnv[] = [];
  for (const name of names.sort()) {
    if (name.startsWith('.')) continue;
    const dir = path.join(envsDir, name);
    const marker = await readMarker(dir, isEnvMarker);
    const python = venvPython(dir);
    if (marker && isExecutableFile(python)) out.push({ ...(marker as unknown as EnvMarker), dir, python, created: false });
  }
  return out;
}

export interface CreateEnvironmentArgs {
  family: Family;
  /** Normalized version. */
  version: string;
  /** Probed base interpreter. */
  base: PythonProbe;
  /** Final directory. */
  dir: string;
  log: (line: string) => void;
}

/**
 * Build the environment in a temporary sibling of `dir` and rename it into
 * place. Safe to run concurrently (in one process or several): the loser of
 * the rename discards its copy and returns the winner's environment.
 */
export async function createEnvironment(args: CreateEnvironmentArgs): Promise<ManagedEnv> {
  const { family, version, base, dir, log } = args;
  const info = FAMILY_INFO[family];
  const impl = info.implFor(version);
  const requirements = [`${impl.distribution}==${version}`, ...info.extraRequirements(version)];
  const label = `${family}==${version}`;
  return buildVenv<EnvMarker, ManagedEnv>({
    label,
    requirements,
    distribution: impl.distribution,
    version,
    base,
    dir,
    log,
    keepSetuptools: family === 'setuptools',
    marker: async (py) => {
      const probe = await probePython(py, { families: [family] });
      const fam = probe.families[family];
      if (!fam?.ok) {
        throw new EnvironmentError(
          `${requirements[0]} installed, but Python ${base.versionString} cannot import it: ${fam && !fam.ok ? fam.error : 'no answer'}`,
          `this release may not support Python ${base.version[0]}.${base.version[1]}; choose another interpreter with python=EXE`,
        );
      }
      if (fam.distribution !== impl.distribution || !fam.version || !eq(fam.version, version)) {
        throw new EnvironmentError(
          `asked pip for ${requirements[0]}, but the environment has ${fam.distribution} ${fam.version ?? '(unknown version)'}`,
        );
      }
      return {
        format: 1,
        family,
        distribution: impl.distribution,
        requestedVersion: version,
        version: fam.version,
        requirements,
        basePython: base.executable,
        pythonVersion: base.versionString,
        createdAt: new Date().toISOString(),
      };
    },
    read: readEnv,
  });
}

export interface BuildVenvArgs<M, E> {
  /** What is provisioned, for messages: `hatchling==1.27.0`, `the judge`. */
  label: string;
  /** Everything passed to pip install. */
  requirements: string[];
  /** The distribution that matters most (pip's failure is explained in its terms), and its version. */
  distribution: string;
  version: string;
  base: PythonProbe;
  /** Final directory. */
  dir: string;
  log: (line: string) => void;
  /** Keep the setuptools that ensurepip adds on old Pythons (only a setuptools environment wants it). */
  keepSetuptools: boolean;
  /** Checks the installed environment (its interpreter `py`) and returns the marker to write; throws when it is wrong. */
  marker(py: string): Promise<M>;
  /** Reads a complete environment back (the winner's, when another process made it first). */
  read(dir: string): Promise<E | undefined>;
}

/**
 * Build a virtual environment with `requirements` in a temporary sibling of
 * `dir`, check it, write its marker (last) and rename it into place. Safe to
 * run concurrently (in one process or several): the loser of the rename
 * discards its copy and returns the winner's environment.
 */
export async function buildVenv<M extends object, E>(args: BuildVenvArgs<M, E>): Promise<E & { created: boolean }> {
  const { label, requirements, base, dir, log } = args;
  const parent = path.dirname(dir);
  await fs.mkdir(parent, { recursive: true });
  await removeStaleTemporaries(parent);
  const tmp = path.join(parent, `.tmp-${path.basename(dir)}-${process.pid}-${randomBytes(6).toString('hex')}`);
  const started = Date.now();
  log(`${label}: creating ${dir} with Python ${base.versionString} (${base.executable})`);
  try {
    const venv = await execa(base.executable, ['-I', '-m', 'venv', '--without-pip', tmp], {
      reject: false,
      all: true,
      timeout: VENV_TIMEOUT_MS,
      env: pythonEnv(),
      extendEnv: false,
      cwd: parent,
      stdin: 'ignore',
    });
    const py = venvPython(tmp);
    if (venv.failed || !isExecutableFile(py)) {
      throw new VenvCreationError(
        `${base.executable} -m venv failed${venv.timedOut ? ' (timed out)' : ''}: ${tailLines(venv.all ?? '', 3).join(' | ') || `exit ${venv.exitCode}`}`,
        'on Debian/Ubuntu install python3-venv, or choose another interpreter with python=EXE',
      );
    }
    const pip = await pipFor(base, py, tmp, label, args.keepSetuptools, args.version, args.distribution);
    log(`${label}: pip install ${requirements.join(' ')}`);
    const installed = await pip(['install', '--no-input', ...requirements], PIP_TIMEOUT_MS);
    if (installed.failed) throw await pipError(installed, requirements, label, args.version, base, args.distribution, pip);
    const marker = await args.marker(py);
    await fs.writeFile(path.join(tmp, ENV_MARKER), `${JSON.stringify(marker, null, 2)}\n`);
    if (await commit(tmp, dir)) {
      log(`${label}: ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);
      return { ...(marker as unknown as E), dir, python: venvPython(dir), created: true };
    }
    log(`${label}: another process created ${dir} meanwhile; using it and discarding ours`);
    const theirs = await args.read(dir);
    if (!theirs) throw new EnvironmentError(`managed environment ${dir} appeared but is incomplete`, `remove ${dir} and retry`);
    return { ...theirs, created: false };
  } finally {
    await fs.rm(tmp, { recursive: true, force: true }).catch(() => {});
  }
}

/** Rename `tmp` to `dir`; false when `dir` already exists (someone else won). */
async function commit(tmp: string, dir: string): Promise<boolean> {
  try {
    await fs.rename(tmp, dir);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'EISDIR' || code === 'ENOTDIR') return false;
    throw e;
  }
}

async function removeStaleTemporaries(parent: string): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(parent);
  } catch {
    return;
  }
  const now = Date.now();
  await Promise.all(
    names
      .filter((n) => n.startsWith('.tmp-') || n.startsWith('.trash-'))
      .map(async (n) => {
        const p = path.join(parent, n);
        try {
          const st = await fs.stat(p);
          if (now - st.mtimeMs > STALE_TMP_MS) await fs.rm(p, { recursive: true, force: true });
        } catch {
          /* gone already */
        }
      }),
  );
}

/** Is a distribution installed in the venv at `dir` (by its .dist-info directory)? */
async function hasDistribution(dir: string, name: string): Promise<boolean> {
  const lib = path.join(dir, 'lib');
  let pys: string[];
  try {
    pys = await fs.readdir(lib);
  } catch {
    return false;
  }
  for (const py of pys) {
    try {
      const entries = await fs.readdir(path.join(lib, py, 'site-packages'));
      if (entries.some((e) => e.toLowerCase().startsWith(`${name}-`) && e.endsWith('.dist-info'))) return true;
    } catch {
      /* not a site-packages */
    }
  }
  return false;
}

function pipEnv(): Record<string, string> {
  const env = pythonEnv();
  // These would send the installation somewhere other than the environment.
  for (const k of ['PIP_USER', 'PIP_TARGET', 'PIP_PREFIX', 'PIP_ROOT']) delete env[k];
  return env;
}

type PipResult = { failed: boolean; all?: string; exitCode?: number; timedOut: boolean };
type Pip = (args: string[], timeout?: number) => Promise<PipResult>;

function runPip(command: string[], args: string[], timeout = 120_000): Promise<PipResult> {
  return execa(command[0]!, [...command.slice(1), '--disable-pip-version-check', ...args], {
    reject: false,
    all: true,
    timeout,
    env: pipEnv(),
    extendEnv: false,
    stdin: 'ignore',
  });
}

const basePipVersions = new Map<string, Promise<string | undefined>>();

/** Version of the pip a base interpreter has, if any (cached per process). */
function basePipVersion(python: string): Promise<string | undefined> {
  let pending = basePipVersions.get(python);
  if (!pending) {
    pending = runPip([python, '-I', '-m', 'pip'], ['--version'], 60_000).then((r) => {
      const m = r.failed ? null : /^pip (\S+)/m.exec(r.all ?? '');
      return m?.[1] && valid(m[1]) ? m[1] : undefined;
    });
    basePipVersions.set(python, pending);
  }
  return pending;
}

/**
 * How to run pip for the new environment at `venvDir`. Fast path: the base
 * interpreter's own pip, pointed at the environment with --python (pip 22.3+),
 * which leaves pip itself out of the environment. Otherwise the environment
 * gets its own pip from ensurepip (and loses the setuptools that ensurepip
 * adds on Python <= 3.11, unless the family is setuptools: a backend that
 * does not depend on it must not find it).
 */
async function pipFor(
  base: PythonProbe,
  py: string,
  venvDir: string,
  label: string,
  keepSetuptools: boolean,
  version: string,
  distribution: string,
): Promise<Pip> {
  const baseVersion = await basePipVersion(base.executable);
  if (baseVersion && gte(baseVersion, '22.3')) {
    return (args, timeout) => runPip([base.executable, '-I', '-m', 'pip', '--python', py], args, timeout);
  }
  const ensure = await execa(py, ['-I', '-m', 'ensurepip'], {
    reject: false,
    all: true,
    timeout: VENV_TIMEOUT_MS,
    env: pythonEnv(),
    extendEnv: false,
    stdin: 'ignore',
  });
  const own: Pip = (args, timeout) => runPip([py, '-m', 'pip'], args, timeout);
  const check = ensure.failed ? ensure : await own(['--version']);
  if (check.failed) {
    throw new VenvCreationError(
      `${base.executable} has no pip of its own (22.3 or newer) and cannot put one into a virtual environment (ensurepip): ${tailLines(check.all ?? '', 2).join(' | ')}`,
      'install pip for that interpreter, or on Debian/Ubuntu python3-venv (it brings ensurepip), or choose another interpreter with python=EXE',
    );
  }
  if (!keepSetuptools && (await hasDistribution(venvDir, 'setuptools'))) {
    const un = await own(['uninstall', '--yes', 'setuptools']);
    if (un.failed) throw await pipError(un, ['uninstall setuptools'], label, version, base, distribution, own);
  }
  return own;
}

const UNREACHABLE_PATTERNS: RegExp[] = [
  /Failed to establish a new connection/i,
  /Temporary failure in name resolution/i,
  /Name or service not known/i,
  /nodename nor servname provided/i,
  /Network is unreachable/i,
  /No route to host/i,
  /Connection refused/i,
  /Connection (?:reset|aborted)/i,
  /ConnectTimeoutError|ReadTimeoutError|timed out/i,
  /Max retries exceeded/i,
  /connection error:/i,
  /ProxyError|Tunnel connection failed/i,
  /SSLError|CERTIFICATE_VERIFY_FAILED/i,
];

export type IndexState = 'reachable' | 'unreachable' | 'unknown';

export interface PipFailure {
  /**
   * What pip's output says about the package index: `unreachable` (connection
   * errors), `reachable` (it listed releases, or failed after getting
   * answers), `unknown` (it saw nothing and said nothing about connecting;
   * pip is quiet about connection errors when it does not retry).
   */
  index: IndexState;
  /** One sentence: what went wrong. */
  reason: string;
}


/** Read pip's output after a failed install of `distribution==version` and say why it failed. */
export function explainPipFailure(output: string, distribution: string, version: string, pythonVersion?: string): PipFailure {
  const connectionErrors = UNREACHABLE_PATTERNS.some((re) => re.test(output));
  const notFound = [...output.matchAll(/Could not find a version that satisfies the requirement (\S+?)(?: \(from versions: ([^)]*)\))?\s*$/gm)];
  const listed = (m: RegExpMatchArray | undefined): string[] =>
    (m?.[2] ?? '').split(',').map((v) => v.trim()).filter((v) => v !== '' && v !== 'none');
  const ours = notFound.find((m) => canonicalizeName(m[1]!.split(/[=<>!~;[ ]/)[0]!) === canonicalizeName(distribution));
  const other = notFound.find((m) => m !== ours);
  const sawReleases = notFound.some((m) => listed(m).length > 0) || /^\s*(Downloading|Using cached|Collecting .* \(from )/m.test(output);
  const index: IndexState = connectionErrors ? 'unreachable' : sawReleases ? 'reachable' : 'unknown';
  const wrongPython = new RegExp(
    `require a different python version:[^\\n]*\\b${version.replace(/[.+!]/g, '\\$&')}\\b`,
    'i',
  ).test(output);

  if (ours && wrongPython) {
    return {
      index: connectionErrors ? 'unreachable' : 'reachable',
      reason: `${distribution} ${version} does not support Python ${pythonVersion ?? 'this interpreter'} (its Requires-Python excludes it)`,
    };
  }
  if (ours) {
    const versions = listed(ours);
    if (versions.length === 0) {
      return connectionErrors
        ? { index, reason: `the package index looked unreachable (pip could not connect), so pip saw no releases of ${distribution}` }
        : { index, reason: `pip saw no releases of ${distribution} at all` };
    }
    const latest = versions.filter((v) => valid(v) !== null).sort(compare).slice(-5);
    return { index, reason: `${distribution} has no release ${version} on the index (latest releases: ${latest.join(', ')})` };
  }
  if (other) return { index, reason: `pip could not satisfy ${other[1]}` };
  if (connectionErrors) return { index, reason: 'the package index looked unreachable (pip could not connect)' };
  const err = output.split(/\r?\n/).reverse().find((l) => /^ERROR:/.test(l.trim()));
  return { index, reason: err ? `pip failed: ${err.trim().replace(/^ERROR:\s*/, '')}` : 'pip failed' };
}

/**
 * Ask pip, verbosely, for the releases of `distribution`: its debug output
 * says whether it could connect to the index at all.
 */
async function diagnoseIndex(pip: Pip, distribution: string): Promise<IndexState> {
  const r = await pip(['index', 'versions', '-vv', '--retries', '1', '--timeout', '15', distribution], 120_000);
  const out = r.all ?? '';
  if (UNREACHABLE_PATTERNS.some((re) => re.test(out))) return 'unreachable';
  if (/Available versions:|HTTP\/[\d.]+" \d{3}|: \d{3} (Client|Server) Error/.test(out)) return 'reachable';
  return 'unknown';
}

async function pipError(
  r: PipResult,
  requirements: string[],
  label: string,
  version: string,
  base: PythonProbe,
  distribution: string,
  pip: Pip,
): Promise<EnvironmentError> {
  const output = r.all ?? '';
  let { index, reason } = r.timedOut
    ? { index: 'unknown' as IndexState, reason: `pip did not finish within ${PIP_TIMEOUT_MS / 60_000} minutes` }
    : explainPipFailure(output, distribution, version, base.versionString);
  if (index === 'unknown') {
    index = await diagnoseIndex(pip, distribution).catch(() => 'unknown' as const);
    if (index === 'unreachable' && /saw no releases/.test(reason)) {
      reason = `the package index looked unreachable (pip could not connect), so pip saw no releases of ${distribution}`;
    } else if (index === 'reachable' && /saw no releases/.test(reason)) {
      reason += ': the index answered but has no such project (check PIP_INDEX_URL, PIP_EXTRA_INDEX_URL, PIP_FIND_LINKS and --no-index settings)';
    }
  }
  const tail = tailLines(output, 12).map((l) => `  | ${l}`);
  const indexLine = {
    unreachable: 'The package index looked UNREACHABLE.',
    reachable: 'The package index was reachable.',
    unknown: 'Could not tell whether the package index is reachable.',
  }[index];
  return new EnvironmentError(
    `cannot provision ${label}: pip install ${requirements.join(' ')} failed (Python ${base.versionString}, ${base.executable}): ${reason}.` +
      `\n${indexLine}` +
      (tail.length ? `\nLast lines of pip's output:\n${tail.join('\n')}` : ''),
    index === 'reachable'
      ? `check the version (python3 -m pip index versions ${distribution}) and the interpreter (python=EXE)`
      : 'check the network or proxy (HTTPS_PROXY), PIP_INDEX_URL, or put wheels in a directory named by PIP_FIND_LINKS',
  );
}

// ---------------------------------------------------------------- tools

export interface ToolEnv {
  dir: string;
  python: string;
  pythonVersion: string;
  requirements: string[];
  basePython: string;
}

/** The marker of a tool environment (written last, as every managed environment's). */
interface ToolMarker {
  format: 1;
  tool: string;
  requirements: string[];
  basePython: string;
  pythonVersion: string;
  createdAt: string;
}

/**
 * A tool environment made by twinbuild before tools shared `buildVenv`
 * (marker `twinbuild-tool.json`), used as it is: moving it aside would pull
 * it from under another twinbuild process still using it.
 */
async function readLegacyTool(dir: string, requirements: string[]): Promise<ToolEnv | undefined> {
  try {
    const m = JSON.parse(await fs.readFile(path.join(dir, 'twinbuild-tool.json'), 'utf8')) as Partial<ToolEnv>;
    const python = venvPython(dir);
    if (JSON.stringify(m.requirements) !== JSON.stringify(requirements) || typeof m.pythonVersion !== 'string' || !isExecutableFile(python)) return undefined;
    return { dir, python, pythonVersion: m.pythonVersion, requirements, basePython: m.basePython ?? '' };
  } catch {
    return undefined;
  }
}

/**
 * A managed environment holding one of twinbuild's own tools (such as
 * pypa/installer for the `install` property): `tools/<name>-py<X.Y>/` under
 * the twinbuild home, `requirements` (pinned) pip-installed once into a venv
 * of the first interpreter candidate at least `minVersion` that can make one
 * (`provisionInto`), by the same build-then-rename scheme (`buildVenv`) and
 * the same pip as backend environments. An environment whose marker names
 * other requirements is moved aside and made again.
 */
export function provisionTool(name: string, requirements: string[], opts: ProvisionOptions & { minVersion?: [number, number] } = {}): Promise<ToolEnv> {
  const tools = path.join(twinbuildHome(opts.home), 'tools');
  const valid = (d: Record<string, unknown>): boolean =>
    d['format'] === 1 && d['tool'] === name && JSON.stringify(d['requirements']) === JSON.stringify(requirements) && typeof d['pythonVersion'] === 'string';
  const read = async (dir: string): Promise<ToolEnv | undefined> => (await readLegacyTool(dir, requirements)) ?? readManaged<ToolMarker>(dir, valid);
  const [first = name] = requirements;
  const [distribution = name, version = ''] = first.split('==');
  return provisionInto<ToolEnv>(name, opts.minVersion ?? MIN_PYTHON, opts, {
    dir: (base) => path.join(tools, `${name}-py${base.version[0]}.${base.version[1]}`),
    ready: read,
    create: (base, dir, log) =>
      buildVenv<ToolMarker, ToolEnv>({
        label: name,
        requirements,
        distribution,
        version,
        base,
        dir,
        log,
        keepSetuptools: false,
        read,
        marker: async () => ({ format: 1, tool: name, requirements, basePython: base.executable, pythonVersion: base.versionString, createdAt: new Date().toISOString() }),
      }),
  });
}

// ---------------------------------------------------------------- @LOCATION

export interface PreparedLocation {
  kind: 'directory' | 'wheel';
  /** Absolute directory to put first on sys.path. */
  importPath: string;
  /** Absolute directories holding the wheel's scripts (for PATH), when it has any. */
  binPaths: string[];
  /** A wheel's sha256 (what its unpacked copy and its requirements' environment are keyed by). */
  sha256?: string;
}

/**
 * Make `@LOCATION` usable: a directory is used as it is; a wheel is unpacked
 * once into `<home>/wheels/<sha256>/` (`site/` for the import path, `bin/`
 * for its scripts). Relative locations resolve against process.cwd().
 */
export async function prepareLocation(
  location: string,
  opts: { home?: string; python?: string; log?: (line: string) => void } = {},
): Promise<PreparedLocation> {
  const abs = resolveUserPath(location);
  let st;
  try {
    st = await fs.stat(abs);
  } catch {
    throw new ConfigError(`@${location}: no such file or directory (${abs})`, 'give a wheel (.whl) or a directory to put first on the import path');
  }
  if (st.isDirectory()) return { kind: 'directory', importPath: abs, binPaths: [] };
  if (!st.isFile() || !abs.endsWith('.whl')) {
    throw new ConfigError(
      `@${location}: expected a wheel (.whl) or a directory, got ${st.isFile() ? 'a file that is not a .whl' : 'something else'} (${abs})`,
      'build a wheel first, or point at the directory that contains the backend package',
    );
  }
  const sha = await sha256File(abs);
  const dest = path.join(twinbuildHome(opts.home), 'wheels', sha);
  const result = async (): Promise<PreparedLocation> => {
    const bin = path.join(dest, 'bin');
    return { kind: 'wheel', importPath: path.join(dest, 'site'), binPaths: (await exists(bin)) ? [bin] : [], sha256: sha };
  };
  if (await exists(path.join(dest, WHEEL_MARKER))) return result();
  if (await exists(dest)) await fs.rm(dest, { recursive: true, force: true }); // incomplete: only rename creates it

  const python = await findPython({ python: opts.python });
  const parent = path.dirname(dest);
  await fs.mkdir(parent, { recursive: true });
  await removeStaleTemporaries(parent);
  const tmp = path.join(parent, `.tmp-${sha.slice(0, 16)}-${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    opts.log?.(`@${location}: unpacking into ${dest}`);
    await fs.mkdir(path.join(tmp, 'site'), { recursive: true });
    const r = await execa(
      python.executable,
      ['-I', '-B', '-c', UNPACK_WHEEL_SCRIPT, abs, path.join(tmp, 'site'), path.join(tmp, 'bin')],
      { reject: false, all: true, timeout: 120_000, env: pythonEnv(), extendEnv: false, stdin: 'ignore' },
    );
    if (r.failed || !r.stdout.includes(RESULT_MARK)) {
      throw new ConfigError(
        `@${location}: cannot unpack the wheel: ${tailLines(r.all ?? '', 1)[0] ?? `exit ${r.exitCode}`}`,
        'check that the file is a complete wheel (python3 -m zipfile -t FILE)',
      );
    }
    await fs.writeFile(path.join(tmp, WHEEL_MARKER), `${JSON.stringify({ format: 1, source: abs, sha256: sha }, null, 2)}\n`);
    if (!(await commit(tmp, dest)) && !(await exists(path.join(dest, WHEEL_MARKER)))) {
      throw new EnvironmentError(`unpacked wheel ${dest} appeared but is incomplete`, `remove ${dest} and retry`);
    }
  } finally {
    await fs.rm(tmp, { recursive: true, force: true }).catch(() => {});
  }
  return result();
}

function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(file)
      .on('data', (c) => h.update(c))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}
