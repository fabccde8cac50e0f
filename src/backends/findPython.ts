/**
 * Finding a Python interpreter by probing it, never by assuming.
 *
 * Candidates, in order: the spec's `python=`, else TWINBUILD_PYTHON (either
 * one, when given, is the only candidate: an explicit choice is never
 * silently replaced), else `python3` on PATH, /usr/bin/python3, `python3.X`
 * on PATH for X = 13..8, and pyenv's versions/<v>/bin/python3 (newest first).
 *
 * A probe is one short `python -I -B -c` script with a timeout. It reports
 * sys.executable (the real binary, so later runs skip shims such as pyenv's),
 * the version, and whether each requested family imports (and its version,
 * read with importlib.metadata). Probes run isolated (-I: no user site
 * directory, no PYTHON* variables, no current directory on sys.path) so what
 * they see is what a hook run with an explicit import path sees. Results are
 * cached in memory for the life of the process.
 */
import { execa } from 'execa';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compare, valid } from '@renovatebot/pep440';
import { ConfigError, EnvironmentError } from '../errors.js';
import { FAMILY_INFO, type FamilyInfo, type HookRef } from './families.js';
import { PROBE_SCRIPT, RESULT_MARK } from './pythonScripts.js';
import { expandUser, isExecutableFile, tailLines, which } from './paths.js';
import { OPTIONAL_HOOKS, type Family, type OptionalHookName } from './types.js';

/** Oldest Python twinbuild runs hooks with. */
export const MIN_PYTHON: readonly [number, number] = [3, 8];

export const PROBE_TIMEOUT_MS = 30_000;

export interface PythonCandidate {
  /** What to run: an absolute path. */
  command: string;
  /** Where the candidate came from, for messages: `python=`, `TWINBUILD_PYTHON`, `PATH`, `pyenv`, ... */
  origin: string;
}

export interface HookInspection {
  ok: boolean;
  /** Every PEP 517/660 hook the object has (mandatory ones included). */
  hooks?: string[];
  /** The exception's last line, when the object could not be imported. */
  error?: string;
  traceback?: string;
}

export type FamilyProbe =
  | {
      ok: true;
      module: string;
      distribution: string;
      /** Version of `distribution` matched to the imported module; null when unknown. */
      version: string | null;
      versionSource: 'metadata' | 'module' | 'unknown';
      /** File (or package directory) the module was imported from. */
      file: string | null;
      hook: HookRef;
      inspection?: HookInspection;
    }
  | { ok: false; error: string };

export interface PythonProbe {
  /** The candidate that was run. */
  command: string;
  /** sys.executable: absolute path of the real interpreter (a venv's bin/python stays as is). */
  executable: string;
  version: [number, number, number];
  /** `3.11.7` */
  versionString: string;
  implementation: string;
  prefix: string;
  basePrefix: string;
  /** sysconfig's scripts directory (a venv's bin/). Absent for Pythons older than MIN_PYTHON. */
  scripts?: string;
  /** Whether the venv and ensurepip modules exist (necessary, not sufficient, for `-m venv`). */
  hasVenv?: boolean;
  families: Partial<Record<Family, FamilyProbe>>;
  /** Inspections of the extra hook objects asked for, in order. */
  hooks: HookInspection[];
}

export interface ProbeRequest {
  families?: readonly Family[];
  /** Absolute entries put first on sys.path. */
  paths?: readonly string[];
  /** Inspect each family's default hook object. */
  inspect?: boolean;
  /** Other hook objects to inspect. */
  hooks?: readonly HookRef[];
  timeoutMs?: number;
}

const cache = new Map<string, Promise<PythonProbe>>();

/** Forget every cached probe (tests; or after installing something). */
export function clearProbeCache(): void {
  cache.clear();
}

/** Environment for running Python: ours, minus what would change which modules import. */
export function pythonEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined) continue;
    if (k === 'PYTHONPATH' || k === 'PYTHONHOME' || k === 'PYTHONSTARTUP' || k === '__PYVENV_LAUNCHER__') continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

/**
 * Probe one interpreter. Throws EnvironmentError when it cannot be run or
 * does not answer (not a Python, broken shim, timeout). Cached per process.
 */
export function probePython(command: string, req: ProbeRequest = {}): Promise<PythonProbe> {
  const families = [...new Set(req.families ?? [])].sort();
  const key = JSON.stringify([command, families, req.paths ?? [], !!req.inspect, req.hooks ?? []]);
  let pending = cache.get(key);
  if (!pending) {
    pending = runProbe(command, families, req);
    cache.set(key, pending);
  }
  return pending;
}

async function runProbe(command: string, families: Family[], req: ProbeRequest): Promise<PythonProbe> {
  const payload = {
    paths: req.paths ?? [],
    inspect: !!req.inspect,
    hooks: req.hooks ?? [],
    families: families.map((f) => ({ family: f, impls: FAMILY_INFO[f].impls })),
  };
  const timeout = req.timeoutMs ?? PROBE_TIMEOUT_MS;
  const r = await execa(command, ['-I', '-B', '-c', PROBE_SCRIPT, JSON.stringify(payload)], {
    reject: false,
    timeout,
    cwd: os.tmpdir(),
    env: pythonEnv(),
    extendEnv: false,
    stdin: 'ignore',
  });
  const line = r.stdout
    .split('\n')
    .reverse()
    .find((l) => l.startsWith(RESULT_MARK));
  if (!line) {
    const why = r.timedOut
      ? `did not answer within ${Math.round(timeout / 1000)}s`
      : r.code === 'ENOENT'
        ? 'no such program'
        : `exit ${r.exitCode ?? r.signal ?? '?'}${errorSummary(r.stderr)}`;
    throw new EnvironmentError(`cannot probe Python interpreter ${command}: ${why}`);
  }
  const raw = JSON.parse(line.slice(RESULT_MARK.length)) as Omit<PythonProbe, 'command' | 'versionString'> & {
    hooks?: HookInspection[];
  };
  if (!raw.executable || !path.isAbsolute(raw.executable)) {
    throw new EnvironmentError(`cannot probe Python interpreter ${command}: it does not report an absolute sys.executable`);
  }
  return {
    ...raw,
    command,
    versionString: raw.version.join('.'),
    families: raw.families ?? {},
    hooks: raw.hooks ?? [],
  };
}

/** `: first line … last line` of a failed run's stderr (a shim's complaint comes first, a traceback's point last). */
function errorSummary(stderr: string): string {
  const lines = tailLines(stderr, 10_000, 300);
  if (lines.length === 0) return '';
  const first = lines[0]!.trim();
  const last = lines[lines.length - 1]!.trim();
  return lines.length === 1 || first === last ? `: ${first}` : `: ${first} … ${last}`;
}

export function atLeast(v: readonly number[], min: readonly [number, number] = MIN_PYTHON): boolean {
  const [a = 0, b = 0] = v;
  return a > min[0] || (a === min[0] && b >= min[1]);
}

/** Optional hooks among what an inspection found, in the canonical order. */
export function optionalHooksOf(inspection: HookInspection | undefined): OptionalHookName[] {
  const present = new Set(inspection?.hooks ?? []);
  return OPTIONAL_HOOKS.filter((h) => present.has(h));
}

function explicitCandidate(value: string, origin: string): PythonCandidate {
  const what = origin === 'python=' ? `python=${value}` : `${origin}=${value}`;
  const hint =
    origin === 'python='
      ? 'give an interpreter path or a command on PATH, e.g. python=/usr/bin/python3'
      : 'set TWINBUILD_PYTHON to an interpreter path or a command on PATH, or unset it';
  if (value.includes('/') || value.startsWith('~')) {
    const abs = path.resolve(process.cwd(), expandUser(value));
    if (!existsSync(abs)) throw new ConfigError(`${what}: no such file (${abs})`, hint);
    if (!isExecutableFile(abs)) throw new ConfigError(`${what}: not an executable file (${abs})`, hint);
    return { command: abs, origin };
  }
  const found = which(value);
  if (!found) throw new ConfigError(`${what}: not found on PATH`, hint);
  return { command: found, origin };
}

function pyenvRoot(): string {
  const env = process.env['PYENV_ROOT'];
  return env && env !== '' ? env : path.join(os.homedir(), '.pyenv');
}

function versionKey(name: string): number[] {
  return (/^(\d+)\.(\d+)(?:\.(\d+))?/.exec(name) ?? []).slice(1).map((x) => Number(x ?? 0));
}

/** pyenv's installed interpreters, newest first. */
function pyenvCandidates(): PythonCandidate[] {
  const dir = path.join(pyenvRoot(), 'versions');
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  names.sort((a, b) => {
    const ka = versionKey(a);
    const kb = versionKey(b);
    if (ka.length && kb.length) {
      for (let i = 0; i < 3; i++) if ((ka[i] ?? 0) !== (kb[i] ?? 0)) return (kb[i] ?? 0) - (ka[i] ?? 0);
      return valid(a) && valid(b) ? compare(b, a) : a.localeCompare(b);
    }
    return ka.length ? -1 : kb.length ? 1 : a.localeCompare(b);
  });
  return names
    .map((n) => path.join(dir, n, 'bin', 'python3'))
    .filter(isExecutableFile)
    .map((command) => ({ command, origin: 'pyenv' }));
}

/**
 * Interpreter candidates. With `python` (a spec's python=) or TWINBUILD_PYTHON
 * set, that one alone (`explicit: true`), unless `all` asks for the explicit
 * one followed by every discovered one (listBackends). Duplicates (same file
 * after resolving symlinks) are dropped.
 */
export function pythonCandidates(opts: { python?: string; all?: boolean } = {}): {
  explicit: boolean;
  candidates: PythonCandidate[];
} {
  const list: PythonCandidate[] = [];
  if (opts.python !== undefined) list.push(explicitCandidate(opts.python, 'python='));
  const envPython = process.env['TWINBUILD_PYTHON'];
  if (list.length === 0 && envPython && envPython.trim() !== '') {
    list.push(explicitCandidate(envPython.trim(), 'TWINBUILD_PYTHON'));
  }
  const explicit = list.length > 0;
  if (explicit && !opts.all) return { explicit, candidates: list };

  const onPath = which('python3');
  if (onPath) list.push({ command: onPath, origin: 'PATH' });
  if (isExecutableFile('/usr/bin/python3')) list.push({ command: '/usr/bin/python3', origin: 'system' });
  for (let minor = 13; minor >= 8; minor--) {
    const found = which(`python3.${minor}`);
    if (found) list.push({ command: found, origin: 'PATH' });
  }
  list.push(...pyenvCandidates());

  const seen = new Set<string>();
  const unique = list.filter((c) => {
    let key = c.command;
    try {
      key = realpathSync(c.command);
    } catch {
      /* keep the path as is */
    }
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { explicit, candidates: unique };
}

export interface FindPythonOptions {
  /** Require that this family's backend imports. */
  family?: Family;
  /** Absolute entries put first on sys.path while probing (the spec's location and path=). */
  importPaths?: readonly string[];
  /** The spec's python=. */
  python?: string;
  minVersion?: readonly [number, number];
  log?: (line: string) => void;
}

/**
 * The first candidate that runs, is at least `minVersion` (3.8), and (with
 * `family`) imports the family's backend with `importPaths` first on
 * sys.path. Throws EnvironmentError listing every candidate and why it was
 * passed over.
 */
export async function findPython(opts: FindPythonOptions = {}): Promise<PythonProbe> {
  const min = opts.minVersion ?? MIN_PYTHON;
  const { explicit, candidates } = pythonCandidates({ python: opts.python });
  const rejected: string[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    let probe: PythonProbe;
    try {
      probe = await probePython(c.command, {
        families: opts.family ? [opts.family] : [],
        paths: opts.importPaths ?? [],
      });
    } catch (e) {
      rejected.push(`${c.command} (${c.origin}): ${(e as Error).message.replace(/^cannot probe Python interpreter \S+: /, '')}`);
      continue;
    }
    const who = `${c.command} (${c.origin}, Python ${probe.versionString})`;
    const identity = `${realpathOr(probe.executable)}\0${probe.prefix}`;
    if (seen.has(identity)) continue; // the same interpreter under another name (a shim): already judged
    seen.add(identity);
    if (!atLeast(probe.version, min)) {
      rejected.push(`${who}: older than ${min.join('.')}`);
      continue;
    }
    if (opts.family) {
      const fam = probe.families[opts.family];
      if (!fam || !fam.ok) {
        rejected.push(`${who}: ${fam && !fam.ok ? fam.error : 'no answer'}`);
        continue;
      }
    }
    opts.log?.(`using Python ${probe.versionString} at ${probe.executable} (${c.origin})`);
    return probe;
  }
  throw noPythonError(opts, explicit, candidates, rejected);
}

function noPythonError(
  opts: FindPythonOptions,
  explicit: boolean,
  candidates: PythonCandidate[],
  rejected: string[],
): EnvironmentError {
  const fam = opts.family ? FAMILY_INFO[opts.family] : undefined;
  const what = fam
    ? `Python ≥ ${(opts.minVersion ?? MIN_PYTHON).join('.')} that can import ${fam.impls.map((i) => i.module).join(' or ')}` +
      (opts.importPaths?.length ? ` (with ${opts.importPaths.join(', ')} first on sys.path)` : '')
    : `Python ≥ ${(opts.minVersion ?? MIN_PYTHON).join('.')}`;
  if (explicit && rejected.length === 1) {
    const c = candidates[0]!;
    return new EnvironmentError(`cannot use the interpreter named by ${c.origin} — ${rejected[0]}; need ${what}`, hint(fam, opts, explicit));
  }
  const lines = candidates.length ? rejected.map((r) => `  - ${r}`) : ['  (no candidates: no python3 on PATH, no /usr/bin/python3, no pyenv versions)'];
  return new EnvironmentError(`found no ${what}; tried:\n${lines.join('\n')}`, hint(fam, opts, explicit));
}

function hint(fam: FamilyInfo | undefined, opts: FindPythonOptions, explicit: boolean): string {
  return fam
    ? explicit
      ? `install ${fam.primary.distribution} for that interpreter, choose another with python=EXE (or TWINBUILD_PYTHON), or use ${opts.family}==VERSION to let twinbuild install it`
      : `install ${fam.primary.distribution} for one of them (python3 -m pip install ${fam.primary.distribution}), name an interpreter with python=EXE or TWINBUILD_PYTHON, or use ${opts.family}==VERSION to let twinbuild install it`
    : 'install Python 3.8 or newer, or name an interpreter with python=EXE or TWINBUILD_PYTHON';
}

export function realpathOr(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}
