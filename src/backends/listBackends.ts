/**
 * What backends are available, for `twinbuild backends`: every family that a
 * probed interpreter can import, plus the managed environments already in the
 * twinbuild home. Data only; the CLI prints it.
 */
import { FAMILY_INFO } from './families.js';
import { optionalHooksOf, probePython, realpathOr, pythonCandidates, type FamilyProbe, type PythonProbe } from './findPython.js';
import { formatHook } from './parseSpec.js';
import { listManagedEnvs } from './provision.js';
import { mapLimit } from './paths.js';
import { FAMILIES, type BackendInfo, type Family } from './types.js';

export interface ListOptions {
  /** Twinbuild home (default: TWINBUILD_HOME, else ~/.cache/twinbuild). */
  home?: string;
  /** Interpreters probed at once. */
  concurrency?: number;
}

/**
 * Interpreter-installed backends first (in candidate order: TWINBUILD_PYTHON,
 * python3 on PATH, /usr/bin/python3, python3.X, pyenv), then managed
 * environments (by directory name). An interpreter reached by several names
 * (a shim and its target) is listed once.
 */
export async function listBackends(opts: ListOptions = {}): Promise<BackendInfo[]> {
  const concurrency = opts.concurrency ?? 4;
  const { candidates } = pythonCandidates({ all: true });
  const probes = await mapLimit(candidates, concurrency, async (c) => {
    try {
      return await probePython(c.command, { families: FAMILIES, inspect: true });
    } catch {
      return undefined; // not a working interpreter: nothing to list
    }
  });

  const out: BackendInfo[] = [];
  const seen = new Set<string>();
  for (const probe of probes) {
    if (!probe || !probe.families) continue;
    const key = `${realpathOr(probe.executable)}\0${probe.prefix}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const family of FAMILIES) {
      const info = toInfo(family, probe, probe.families[family], 'interpreter');
      if (info) out.push({ ...info, spec: `${family},python=${probe.executable}` });
    }
  }

  const envs = await listManagedEnvs(opts.home);
  const managed = await mapLimit(envs, concurrency, async (env) => {
    try {
      const probe = await probePython(env.python, { families: [env.family], inspect: true });
      const info = toInfo(env.family, probe, probe.families[env.family], 'managed');
      return info ? { ...info, envDir: env.dir, spec: env.source ? `${env.family}@${env.source}` : `${env.family}==${env.requestedVersion}` } : undefined;
    } catch {
      return undefined;
    }
  });
  for (const m of managed) if (m) out.push(m);
  return out;
}

function toInfo(
  family: Family,
  probe: PythonProbe,
  fam: FamilyProbe | undefined,
  source: BackendInfo['source'],
): Omit<BackendInfo, 'spec'> | undefined {
  if (!fam?.ok) return undefined;
  const inspection = fam.inspection;
  const hookUsable = inspection?.ok && (inspection.hooks ?? []).some((h) => h === 'build_wheel' || h === 'build_sdist');
  return {
    family,
    distribution: fam.distribution,
    version: fam.version ?? 'unknown',
    python: probe.executable,
    pythonVersion: probe.versionString,
    hook: fam.hook ?? FAMILY_INFO[family].primary.hook,
    optionalHooks: optionalHooksOf(inspection),
    source,
    ...(fam.file ? { location: fam.file } : {}),
    ...(hookUsable
      ? {}
      : {
          hookError: inspection?.ok
            ? `${formatHook(fam.hook)} has neither build_wheel nor build_sdist`
            : `cannot import ${formatHook(fam.hook)}: ${inspection?.error ?? 'not inspected'}`,
        }),
  };
}
