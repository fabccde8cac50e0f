import { compareBuilds } from '../../compare/compareBuilds.js';
import type { Difference } from '../../compare/types.js';
import { CONFIG_FILES } from '../../normalize/rules/familyConfig.js';
import { canRender } from '../../render/canRender.js';
import { render, renderStyles } from '../../render/index.js';
import type { ConfigStyle } from '../../render/fileMap.js';
import { outcomeOf, type PropertyDef } from '../property.js';

/**
 * `config`: the same setuptools project written as `[project]` in
 * pyproject.toml, as setup.cfg and as setup.py gives equal artifacts
 * (normalized; the configuration files themselves compare as "the project's
 * own copy"). Styles the backend version cannot take are skipped.
 */
export const configProperty: PropertyDef = {
  name: 'config',
  doc: 'setuptools: the pyproject, setup.cfg and setup.py renderings of one project give equal normalized artifacts',
  needsB: false,
  defaultLevel: () => 'semantic',
  sides: ['pyproject.toml', 'other configuration'],
  async evaluate(model, ctx) {
    const backend = ctx.a.backend;
    if (backend.family !== 'setuptools') return { status: 'rejected', rules: [], reason: 'the config property compares setuptools configuration styles' };
    const styles = renderStyles('setuptools').filter((s): s is ConfigStyle => s !== 'pyproject');
    const base = render(model, 'setuptools', { familyVersion: backend.version, style: 'pyproject' });
    const ref = await ctx.a.build(base, ctx.build);
    ctx.stats.projects++;
    ctx.stats.builds += 2;
    if (!ref.sdist.ok || !ref.wheel.ok) {
      ctx.stats.rejected.a++;
      ctx.stats.bothRejected++;
      return { status: 'rejected', rules: [], reason: 'the backend does not build the pyproject rendering' };
    }
    const differences: Difference[] = [];
    const rules = new Set<string>();
    for (const style of styles) {
      if (!canRender(model, 'setuptools', backend.version)) continue;
      let files;
      try {
        files = render(model, 'setuptools', { familyVersion: backend.version, style });
      } catch {
        continue; // this model cannot be written in that style
      }
      const other = await ctx.a.build(files, ctx.build);
      ctx.stats.builds += 2;
      const cmp = await compareBuilds(ref, other, ctx.level, ['pyproject.toml', style], [base, files]);
      cmp.rules.wheel.forEach((r) => rules.add(r));
      // A configuration file only one rendering has (setup.cfg, setup.py), shipped as written: not a difference.
      const ownConfig = (d: Difference): boolean =>
        CONFIG_FILES.includes(d.path) && ((d.kind === 'only-in-a' && d.path in base) || (d.kind === 'only-in-b' && d.path in files));
      differences.push(...cmp.differences.filter((d) => !ownConfig(d)).map((d) => ({ ...d, path: `${style}:${d.path}` })));
    }
    return outcomeOf('config', differences, ['pyproject.toml', 'other configuration'], base, [...rules]);
  },
};
