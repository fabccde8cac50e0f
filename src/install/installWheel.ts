/**
 * Installing one wheel for real, in the same sandbox as builds: pypa/installer
 * (pinned, INSTALLER_REQUIREMENT) in an environment twinbuild manages, run by
 * a HookWorker (src/build/hookWorker.ts: no network, resource limits, a
 * timeout that kills the process group) that loads install_tool.py as its
 * "backend". The wheel goes into a fresh scheme in a temporary folder, and a
 * fresh `python -I -S -B` of that environment with only the scheme on its
 * path reports what it sees (probe_installed.py). Returns the facts as data.
 */
import { expandSelfReferences } from '../pep/selfReference.js';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { packageFile } from '../_internals/packageRoot.js';
import { provisionTool, type ToolEnv } from '../backends/provision.js';
import { HookWorker, type WorkerTarget } from '../build/hookWorker.js';
import { makeTempDir, removeTempDir } from '../build/lifecycle.js';
import type { HookError } from '../build/types.js';
import type { InstalledExpectation } from './expect.js';
import type { InstalledFacts } from './facts.js';

/** The installer, pinned: every installation is made by this release. */
export const INSTALLER_REQUIREMENT = 'installer==1.1.0';
/** packaging, pinned: the reference implementation that evaluates requirement markers (install_tool.py). */
export const PACKAGING_REQUIREMENT = 'packaging==25.0';
const TOOL_DIR = dirname(packageFile('src', 'install', '_python', 'install_tool.py'));

let env: Promise<ToolEnv> | undefined;

/** The managed environment holding pypa/installer and packaging (created on first use; Python ≥ 3.9 for importlib.resources.files). */
export function installerEnv(): Promise<ToolEnv> {
  env ??= provisionTool('installer-1.1.0-packaging-25.0', [INSTALLER_REQUIREMENT, PACKAGING_REQUIREMENT], { minVersion: [3, 9] }).catch((e: unknown) => {
    env = undefined;
    throw e;
  });
  return env;
}

export interface InstallRequest {
  filename: string;
  bytes: Uint8Array;
  expect: InstalledExpectation;
  /** Editable installs: the project folder (imports must come from there) and the file to edit. */
  project?: string;
  edit?: { file: string; module: string };
  timeoutSec: number;
  tmpRoot?: string;
}

export type InstallOutcome = { ok: true; facts: InstalledFacts; ms: number } | { ok: false; error: HookError; ms: number };

/**
 * Install and probe one wheel in a worker of its own, started for this call
 * and closed afterwards: no sandbox outlives the call, so an evaluation that a
 * run abandons (time limit, interrupt) never leaves a worker keeping the
 * process alive.
 */
export async function installWheel(req: InstallRequest): Promise<InstallOutcome> {
  const tool = await installerEnv();
  const target: WorkerTarget = { python: tool.python, hook: { module: 'install_tool' }, importPaths: [TOOL_DIR], label: INSTALLER_REQUIREMENT, binPaths: [dirname(tool.python)] };
  const started = await HookWorker.start(target);
  if ('error' in started) throw new Error(`cannot start the installer sandbox (${INSTALLER_REQUIREMENT}): ${started.error.message}`);
  const root = await makeTempDir('twinbuild-install-', req.tmpRoot).catch(async (e: unknown) => {
    await started.close();
    throw e;
  });
  try {
    const wheel = join(root, req.filename);
    await writeFile(wheel, req.bytes);
    const request = {
      wheel,
      root,
      timeout: req.timeoutSec,
      expect: {
        modules: req.expect.modules,
        resources: req.expect.resources.map((r) => ({ package: r.package, path: r.path })),
        distribution: req.expect.distribution,
        project: req.project ?? null,
      },
      // With a self-referencing extra's expansion, which hatchling 1.24+ writes instead of the line (compareInstalled.ts).
      requirements: [...new Set([...req.expect.requires, ...expandSelfReferences(req.expect.distribution, req.expect.requires)])],
      extras: req.expect.extras,
      edit: req.edit && req.project ? { file: join(req.project, req.edit.file), module: req.edit.module } : null,
    };
    const { outcome } = await started.call('install_and_probe', {
      cwd: root,
      configSettings: { request: JSON.stringify(request) },
      timeoutSec: req.timeoutSec,
      env: { HOME: root, TMPDIR: root },
      logDir: root,
    });
    if (!outcome.ok) return { ok: false, error: outcome.error, ms: outcome.ms };
    return { ok: true, facts: outcome.value as InstalledFacts, ms: outcome.ms };
  } finally {
    await Promise.all([started.close(), removeTempDir(root)]);
  }
}
