/**
 * The cost of the `install` property's check: installs per second of
 * installWheel (a sandboxed worker started per wheel, as the property
 * does, pinned pypa/installer, then the probe in a fresh
 * interpreter) against a plain `pip install --no-deps --no-index` of the
 * same wheels into a fresh prefix, in the same run (a ratio, never a timed
 * test). The wheels are built once beforehand with the backend's runner.
 */
import { execa } from 'execa';
import { BackendRunner } from '../src/build/runner.js';
import { makeTempDir, removeTempDir } from '../src/build/lifecycle.js';
import type { Backend } from '../src/backends/types.js';
import { findPython } from '../src/backends/findPython.js';
import { installedExpectation } from '../src/install/expect.js';
import { installerEnv, installWheel } from '../src/install/installWheel.js';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProjectModel } from '../src/model/projectModel.js';
import { renderFor } from '../src/render/forBackend.js';

export interface InstallBench {
  wheels: number;
  /** The install check (sandbox start, install, probe), per second. */
  checkPerSec: number;
  /** `pip install --no-deps --no-index --no-compile --prefix` of the same wheels, per second. */
  pipPerSec: number;
  /** pip's rate over the check's: how many times dearer the check is. */
  ratio: number;
  failures: number;
}

export async function benchInstall(backend: Backend, models: ProjectModel[], timeoutSec: number, log: (l: string) => void): Promise<InstallBench> {
  const runner = new BackendRunner(backend);
  const wheels: { model: ProjectModel; filename: string; bytes: Uint8Array }[] = [];
  try {
    for (const model of models) {
      const art = await runner.buildOne('wheel', renderFor(model, backend), { timeoutSec });
      if (art.ok) wheels.push({ model, filename: art.filename, bytes: art.bytes });
    }
  } finally {
    await runner.close();
  }
  log(`${backend.label}: install bench: ${wheels.length} wheels built`);
  let failures = 0;
  await installerEnv(); // the installer environment exists before the clock starts
  const t0 = performance.now();
  for (const w of wheels) {
    const r = await installWheel({ filename: w.filename, bytes: w.bytes, expect: installedExpectation(w.model), timeoutSec });
    if (!r.ok) failures++;
  }
  const checkSec = (performance.now() - t0) / 1000;
  const base = await findPython();
  const root = await makeTempDir('twinbuild-pipbench-');
  let pipSec = 0;
  try {
    for (const [i, w] of wheels.entries()) {
      const file = join(root, `${i}`, w.filename);
      await execa('mkdir', ['-p', join(root, `${i}`)]);
      await writeFile(file, w.bytes);
      const t = performance.now();
      const r = await execa(base.executable, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--no-deps', '--no-index', '--no-compile', '--prefix', join(root, `${i}`, 'prefix'), file], { reject: false });
      pipSec += (performance.now() - t) / 1000;
      if (r.exitCode !== 0) failures++;
    }
  } finally {
    await removeTempDir(root);
  }
  const checkPerSec = wheels.length / checkSec;
  const pipPerSec = wheels.length / pipSec;
  return { wheels: wheels.length, checkPerSec, pipPerSec, ratio: pipPerSec / checkPerSec, failures };
}

export function renderInstallBench(rows: { label: string; r: InstallBench }[]): string {
  const lines = ['', 'Install check (`--property install`: sandboxed pypa/installer + probe) vs plain `pip install --no-deps`, same wheels, same run:'];
  for (const { label, r } of rows) {
    lines.push(`  ${label}: ${r.wheels} wheels: check ${r.checkPerSec.toFixed(2)} installs/s, pip ${r.pipPerSec.toFixed(2)} installs/s: the check costs ${r.ratio.toFixed(2)}x a pip install${r.failures ? ` (${r.failures} failed)` : ''}`);
  }
  return lines.join('\n');
}
