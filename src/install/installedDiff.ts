/**
 * `diff`'s installed-tree comparison (level `semantic` only, switched on with
 * `TWINBUILD_DIFF_INSTALLED=1`, so that `diff` costs and finds what it did
 * unless asked): each side's wheel is installed and probed as the `install`
 * property does (installWheel, compareInstalled), and what only one side's
 * installation gets wrong is a difference between the sides. Two backends
 * that lay a wheel out differently but install the same thing show nothing
 * here; two that agree in layout and both install something broken are the
 * `install` property's to find.
 */
import type { ArtifactResult } from '../build/types.js';
import type { Difference } from '../compare/types.js';
import type { ProjectModel } from '../model/projectModel.js';
import type { Level } from '../normalize/types.js';
import { compareInstalled } from './compareInstalled.js';
import { installedExpectation } from './expect.js';
import { installWheel } from './installWheel.js';

/** Whether `diff` compares installed trees at `level` (see the module comment). */
export function installedDiffEnabled(level: Level, env: NodeJS.ProcessEnv = process.env): boolean {
  return level === 'semantic' && env['TWINBUILD_DIFF_INSTALLED'] === '1';
}

/** The installed differences (against the model) only one side has, by code and path: A's as `a`, B's as `b`. */
export function oneSidedInstalled(a: Difference[], b: Difference[]): Difference[] {
  const key = (d: Difference): string => `${d.code ?? ''}|${d.path}`;
  const ka = new Set(a.map(key));
  const kb = new Set(b.map(key));
  const ok = 'as the model says';
  return [
    ...a.filter((d) => !kb.has(key(d))).map((d) => ({ ...d, a: d.b ?? '', b: ok })),
    ...b.filter((d) => !ka.has(key(d))).map((d) => ({ ...d, a: ok, b: d.b ?? '' })),
  ];
}

/** Install both wheels (when both built) and return what only one side's installation gets wrong. */
export async function installedDifferences(model: ProjectModel, wa: ArtifactResult, wb: ArtifactResult, timeoutSec: number, tmpRoot?: string): Promise<Difference[]> {
  if (!wa.ok || !wb.ok) return [];
  const expect = installedExpectation(model);
  const side = async (w: ArtifactResult & { ok: true }): Promise<Difference[]> => {
    const r = await installWheel({ filename: w.filename, bytes: w.bytes, expect, timeoutSec, tmpRoot });
    return r.ok ? compareInstalled(expect, r.facts, { mode: 'wheel' }) : [{ artifact: 'wheel', kind: 'installed', code: 'install-failed', path: '', a: 'installs', b: `${r.error.kind}: ${r.error.message}` }];
  };
  return oneSidedInstalled(await side(wa), await side(wb));
}
