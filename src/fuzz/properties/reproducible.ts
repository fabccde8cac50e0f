import { renderFor } from '../../render/forBackend.js';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuildOptions } from '../../build/buildArtifacts.js';
import { compareBuilds } from '../../compare/compareBuilds.js';
import { outcomeOf, type PropertyDef } from '../property.js';

const SIDES: [string, string] = ['first build', 'second build'];

/** The second build's conditions: everything a reproducible build must not depend on. */
export const VARIED = {
  /** Deeper, differently named build folder. */
  folder: 'elsewhere/a much longer build folder',
  order: 'reversed' as const,
  /** 2001-09-09: file mtimes far from SOURCE_DATE_EPOCH. */
  mtime: 1_000_000_000,
  umask: 0o002,
  env: { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
};

/**
 * `reproducible`: two builds with the same SOURCE_DATE_EPOCH, but another
 * build folder, file creation order, file mtimes, umask, time zone and locale,
 * give byte-identical artifacts (level `bytes`).
 */
export const reproducibleProperty: PropertyDef = {
  name: 'reproducible',
  doc: 'one backend, twice: byte-identical artifacts under the same SOURCE_DATE_EPOCH but other path, file order, mtimes, umask, TZ, locale',
  needsB: false,
  defaultLevel: () => 'bytes',
  sides: SIDES,
  async evaluate(model, ctx) {
    const files = renderFor(model, ctx.a.backend);
    const first = await ctx.a.build(files, { ...ctx.build, write: { order: 'sorted' }, umask: 0o022 });
    // The second build starts in a later second of the clock than the first one ended in, so that
    // a backend writing the current time (a gzip header, a generated file) shows it.
    const firstEnded = Date.now();
    await new Promise((r) => setTimeout(r, 1000 - (firstEnded % 1000) + 5));
    const root = await mkdtemp(join(ctx.build.tmpRoot ?? tmpdir(), 'twinbuild-repro-'));
    let second;
    try {
      const deep = join(root, VARIED.folder);
      await mkdir(deep, { recursive: true });
      const opts: BuildOptions = {
        ...ctx.build,
        tmpRoot: deep,
        write: { order: VARIED.order, mtime: VARIED.mtime },
        umask: VARIED.umask,
        env: { ...ctx.build.env, ...VARIED.env },
      };
      second = await ctx.a.build(files, opts);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
    ctx.stats.projects++;
    ctx.stats.builds += 4;
    if (!first.sdist.ok || !first.wheel.ok) {
      ctx.stats.rejected.a++;
      ctx.stats.bothRejected++;
      return { status: 'rejected', rules: [], reason: 'the backend does not build the project' };
    }
    const cmp = await compareBuilds(first, second, ctx.level, SIDES, [files, files]);
    return outcomeOf('reproducible', cmp.differences, SIDES, files, [...cmp.rules.sdist, ...cmp.rules.wheel]);
  },
};
