/**
 * `install`: the wheel, and the editable wheel of every family with
 * build_editable (PEP 660), installed with a real installer
 * (src/install/installWheel.ts: pinned pypa/installer, in the sandbox builds
 * run in), behave as the model says once installed: every module and package
 * imports (regular packages as regular, namespace packages as namespaces),
 * package data reads back through importlib.resources with the model's
 * bytes, importlib.metadata gives the model's name, version, requirements,
 * extras and entry points, console/GUI launchers exist and name their entry
 * point, `.data/` files land in their scheme, and nothing else is installed
 * but what a named rule allows (compareInstalled.ts). An editable install
 * also imports from the project tree, sees an edit of a module's source in a
 * fresh interpreter, and has no script naming the build interpreter;
 * setuptools is checked in both its editable modes (config_settings
 * `editable-mode=strict` and `lenient`).
 */
import { renderFor } from '../../render/forBackend.js';
import { join } from 'node:path';
import { buildOne } from '../../build/buildArtifacts.js';
import { makeTempDir, removeTempDir } from '../../build/lifecycle.js';
import type { ArtifactResult } from '../../build/types.js';
import type { Difference } from '../../compare/types.js';
import { ALLOWED, compareInstalled, type InstalledContext } from '../../install/compareInstalled.js';
import { installedExpectation, type InstalledExpectation } from '../../install/expect.js';
import { installWheel } from '../../install/installWheel.js';
import type { FileMap } from '../../render/fileMap.js';
import { outcomeOf, type PropertyContext, type PropertyDef } from '../property.js';
import { oneWheel } from './_oneWheel.js';

const SIDES: [string, string] = ['the model', 'the installed wheel'];

/** The editable builds checked for a family: one per documented mode (label, config_settings). */
export function editableVariants(family: string): { label: string; configSettings?: Record<string, string> }[] {
  if (family === 'setuptools') {
    return [
      { label: 'editable-mode=strict', configSettings: { 'editable-mode': 'strict' } },
      { label: 'editable-mode=lenient', configSettings: { 'editable-mode': 'lenient' } },
    ];
  }
  return [{ label: '' }];
}

async function installed(
  art: ArtifactResult & { ok: true },
  expect: InstalledExpectation,
  ctx: PropertyContext,
  how: InstalledContext,
  project?: string,
): Promise<Difference[]> {
  const edit = project !== undefined && expect.editTarget ? expect.editTarget : undefined;
  const r = await installWheel({ filename: art.filename, bytes: art.bytes, expect, project, edit, timeoutSec: ctx.build.timeoutSec, tmpRoot: ctx.build.tmpRoot });
  if (!r.ok) {
    const code = how.mode === 'editable' ? 'editable:install-failed' : 'install-failed';
    return [{ artifact: 'wheel', kind: 'installed', code, path: how.variant ? `[${how.variant}]` : '', a: 'installs', b: `${r.error.kind}: ${r.error.message}` }];
  }
  return compareInstalled(expect, r.facts, how);
}

/** Build the editable wheel in a folder kept until `use` is done (the wheel points into it). */
async function withEditable<T>(files: FileMap, ctx: PropertyContext, configSettings: Record<string, string> | undefined, use: (art: ArtifactResult, project: string) => Promise<T>): Promise<T> {
  const dir = await makeTempDir('twinbuild-editable-', ctx.build.tmpRoot);
  try {
    const worker = await ctx.a.ready();
    ctx.a.builds++;
    const art = await buildOne('wheel', files, worker, { ...ctx.build, editable: true, inProcess: false, configSettings }, dir);
    return await use(art, join(dir, 'project'));
  } finally {
    await removeTempDir(dir);
  }
}

export const installProperty: PropertyDef = {
  name: 'install',
  doc: 'one backend: the wheel and the editable wheel, installed with pypa/installer, import, read back and describe themselves as the model says',
  needsB: false,
  defaultLevel: () => 'semantic',
  sides: SIDES,
  async evaluate(model, ctx) {
    const files = renderFor(model, ctx.a.backend);
    const expect = installedExpectation(model);
    const built = await oneWheel(ctx, files);
    if ('rejected' in built) return built.rejected;
    const wheel = built.wheel;
    const differences: Difference[] = [...(await installed(wheel, expect, ctx, { mode: 'wheel' }))];
    if (ctx.a.backend.optionalHooks?.includes('build_editable')) {
      const build = [ctx.a.backend.python];
      for (const v of editableVariants(ctx.a.backend.family)) {
        ctx.stats.builds++;
        differences.push(
          ...(await withEditable(files, ctx, v.configSettings, async (art, project) => {
            if (!art.ok) return [{ artifact: 'wheel', kind: 'installed', code: 'editable:build-failed', path: v.label ? `[${v.label}]` : '', a: 'builds', b: `${art.error.kind}: ${art.error.message}` } as Difference];
            return installed(art, expect, ctx, { mode: 'editable', variant: v.label, buildInterpreters: build }, project);
          })),
        );
      }
    }
    return outcomeOf('install', differences, SIDES, files, ALLOWED.map((r) => r.rule));
  },
};
