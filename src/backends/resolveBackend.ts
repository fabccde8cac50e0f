/**
 * BackendSpec -> Backend: provision or find the backend, then prove it works
 * by importing the hook object in the chosen interpreter with the chosen
 * import path, exactly as the build stage will.
 */
import { promises as fs } from 'node:fs';
import { ConfigError, EnvironmentError } from '../errors.js';
import { FAMILY_INFO, type HookRef } from './families.js';
import { findPython, optionalHooksOf, probePython, type HookInspection } from './findPython.js';
import { formatHook } from './parseSpec.js';
import { exists, resolveUserPath, twinbuildHome } from './paths.js';
import { describeCheckout, inspectCheckout, provisionCheckout, provisionWheelRequirements, wheelRequirements } from './checkout.js';
import { prepareLocation, provisionVersion, type ManagedEnv } from './provision.js';
import type { Backend, BackendSpec } from './types.js';

export interface ResolveOptions {
  /** Twinbuild home (default: TWINBUILD_HOME, else ~/.cache/twinbuild). */
  home?: string;
  /** Progress lines (creating or reusing environments, which interpreter). */
  log?: (line: string) => void;
}

/**
 * Resolve a spec to a Backend whose `python` is an absolute interpreter path
 * (a managed environment's bin/python, or the real binary behind a shim),
 * `importPaths` the location then the path= entries (absolute), `hook` the
 * spec's backend= or the family default, `version` the family distribution's
 * version as that interpreter sees it with those paths, and `optionalHooks`
 * the optional hooks the hook object has.
 *
 * Throws ConfigError for bad input (missing paths, not a backend object) and
 * EnvironmentError when the environment cannot provide the backend.
 */
export async function resolveBackend(spec: BackendSpec, opts: ResolveOptions = {}): Promise<Backend> {
  const log = (line: string): void => opts.log?.(`${spec.raw}: ${line}`);
  const home = twinbuildHome(opts.home);
  const family = spec.family;
  if (spec.version !== undefined && spec.location !== undefined) {
    throw new ConfigError(`backend ${spec.raw}: gives both ==VERSION and @LOCATION; use one of them`);
  }
  const extraPaths = await Promise.all(spec.paths.map((p) => checkPathEntry(p)));

  let python: string;
  let importPaths: string[];
  let binPaths: string[] = [];
  let envDir: string | undefined;
  let defaultHook: HookRef;
  let describe: string | undefined;

  if (spec.version !== undefined) {
    // provisionVersion's lines already name FAMILY==VERSION.
    const env = await provisionVersion(family, spec.version, { home, python: spec.python, log: (l) => opts.log?.(l) });
    python = env.python;
    importPaths = extraPaths;
    envDir = env.dir;
    defaultHook = FAMILY_INFO[family].implFor(spec.version).hook;
  } else {
    const locationPaths: string[] = [];
    let env: ManagedEnv | undefined;
    if (spec.location !== undefined) {
      const loc = await prepareLocation(spec.location, { home, python: spec.python, log });
      const checkout = loc.kind === 'directory' ? await inspectCheckout(loc.importPath, family, spec.location) : undefined;
      if (checkout) {
        env = await provisionCheckout(family, checkout, spec.location, { home, python: spec.python, log: (l) => opts.log?.(l) });
        describe = await describeCheckout(checkout.dir);
      } else {
        locationPaths.push(loc.importPath);
        binPaths = loc.binPaths;
        const requirements = loc.kind === 'wheel' ? await wheelRequirements(loc.importPath) : [];
        if (requirements.length > 0 && loc.sha256) {
          env = await provisionWheelRequirements(family, loc.sha256, requirements, spec.location, { home, python: spec.python, log: (l) => opts.log?.(l) });
        }
      }
    }
    importPaths = [...locationPaths, ...extraPaths];
    if (env) {
      python = env.python;
      envDir = env.dir;
      const probe = await probePython(python, { families: [family], paths: importPaths });
      const fam = probe.families[family];
      defaultHook = fam?.ok ? fam.hook : FAMILY_INFO[family].primary.hook;
    } else {
      const found = await findPython({ family, importPaths, python: spec.python, log });
      python = found.executable;
      const fam = found.families[family];
      defaultHook = fam?.ok ? fam.hook : FAMILY_INFO[family].primary.hook;
    }
  }

  const hook: HookRef = spec.backend ? { ...spec.backend } : defaultHook;
  const probe = await probePython(python, { families: [family], paths: importPaths, hooks: [hook] });
  const fam = probe.families[family];
  const where = importPaths.length ? ` with ${importPaths.join(', ')} first on sys.path` : '';
  if (!fam?.ok) {
    throw new EnvironmentError(
      `backend ${spec.raw}: ${probe.executable} (Python ${probe.versionString}) cannot import ${FAMILY_INFO[family].impls.map((i) => i.module).join(' or ')}${where}: ${fam && !fam.ok ? fam.error : 'no answer'}`,
      `install ${FAMILY_INFO[family].primary.distribution} there, or use ${family}==VERSION`,
    );
  }
  const inspection: HookInspection | undefined = probe.hooks[0];
  if (!inspection?.ok) {
    throw new EnvironmentError(
      `backend ${spec.raw}: cannot import hook object ${formatHook(hook)} with ${probe.executable} (Python ${probe.versionString})${where}: ${inspection?.error ?? 'no answer'}`,
      spec.backend
        ? 'check backend=MODULE[:OBJECT] and that path= (or @LOCATION) contains the module'
        : `the ${fam.distribution} installation looks broken; reinstall it or use ${family}==VERSION`,
    );
  }
  const hooks = new Set(inspection.hooks ?? []);
  if (!hooks.has('build_wheel') && !hooks.has('build_sdist')) {
    throw new ConfigError(
      `backend ${spec.raw}: ${formatHook(hook)} is not a PEP 517 backend: it has neither build_wheel nor build_sdist`,
      'name the hook object with backend=MODULE[:OBJECT]',
    );
  }

  const version = fam.version ?? 'unknown';
  const label = `${fam.distribution} ${version}${describe ? ` (git ${describe})` : ''}${spec.backend ? ` (backend=${formatHook(hook)})` : ''}`;
  const bins = [...binPaths, ...(probe.scripts ? [probe.scripts] : [])];
  log(`resolved to ${label} (Python ${probe.versionString}, ${probe.executable})`);
  return {
    spec,
    family,
    version,
    python: probe.executable,
    hook,
    importPaths,
    label,
    optionalHooks: optionalHooksOf(inspection),
    distribution: fam.distribution,
    pythonVersion: probe.versionString,
    binPaths: [...new Set(bins)],
    ...(envDir !== undefined ? { envDir } : {}),
  };
}

/** A path= entry: must exist (a directory, or a zip/wheel that Python imports from). */
async function checkPathEntry(entry: string): Promise<string> {
  const abs = resolveUserPath(entry);
  if (!(await exists(abs))) {
    throw new ConfigError(`path=${entry}: no such file or directory (${abs})`, 'path= takes a directory (or zip) to add to the import path');
  }
  const st = await fs.stat(abs);
  if (!st.isDirectory() && !/\.(zip|whl|egg)$/.test(abs)) {
    throw new ConfigError(`path=${entry}: not a directory or zip archive (${abs})`, 'path= takes a directory (or zip) to add to the import path');
  }
  return abs;
}
