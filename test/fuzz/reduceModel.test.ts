import { describe, expect, it } from 'vitest';
import { isValidModel } from '../../src/corpus/corpusFile.js';
import { reduceModel, reductions } from '../../src/fuzz/reduceModel.js';
import type { ProjectModel } from '../../src/model/projectModel.js';
import { richModel } from '../render/fixtures.js';

const size = (m: ProjectModel): number => JSON.stringify(m).length;

describe('reduceModel', () => {
  it('every candidate is strictly smaller and a valid model', () => {
    const all = [...reductions(richModel)];
    expect(all.length).toBeGreaterThan(30);
    for (const c of all) {
      // Smaller, or the src layout made flat (one character longer in JSON, one folder less).
      if (c.layout === richModel.layout) expect(size(c)).toBeLessThan(size(richModel));
      else expect(c).toEqual({ ...richModel, layout: 'flat' });
      expect(isValidModel(c)).toBe(true);
    }
  });

  it('reduces the optional fields to what the problem needs: one gui entry point', async () => {
    const needs = (m: ProjectModel): boolean =>
      (m.entryPoints ?? []).some((g) => g.group === 'gui_scripts' && g.entries.some((e) => e.name === 'rich-gui'));
    const r = await reduceModel(richModel, async (m) => needs(m));
    expect(r.complete).toBe(true);
    expect(r.model.entryPoints).toEqual([{ group: 'gui_scripts', entries: [{ name: 'rich-gui', value: 'rich:gui' }] }]);
    // Everything optional that the problem does not need is gone.
    for (const k of ['readme', 'license', 'licenseFiles', 'authors', 'maintainers', 'keywords', 'classifiers', 'urls', 'optionalDependencies', 'sdistFiles', 'setuptools', 'requiresPython']) {
      expect(r.model, k).not.toHaveProperty(k);
    }
    // One importable thing is left (a project needs one): a package, a module, or a namespace holding one.
    const ns = r.model.namespacePackages ?? [];
    const things = r.model.packages.length + r.model.modules.length + ns.reduce((n, x) => n + x.packages.length + x.modules.length, 0);
    expect(things).toBe(1);
    expect(r.model.dependencies).toEqual([]);
  });

  it('keeps one switch of an options record and one member of a namespace package', async () => {
    const r1 = await reduceModel(richModel, async (m) => m.setuptools?.exitAfterSetup === true);
    expect(r1.model.setuptools).toEqual({ exitAfterSetup: true });
    const r2 = await reduceModel(richModel, async (m) => (m.namespacePackages ?? []).some((ns) => ns.modules.some((x) => x.name === 'util')));
    expect(r2.model.namespacePackages).toEqual([{ name: 'acme', packages: [], modules: [{ name: 'util', source: 'Y = 2\n' }], namespaces: [] }]);
    // The namespace module alone keeps the project non-empty: the regular package went.
    expect(r2.model.packages).toEqual([]);
  });

  it("drops an author's email the problem does not need", async () => {
    const r = await reduceModel(richModel, async (m) => (m.authors ?? []).some((p) => p.name === 'Zoë Ødegaard'));
    expect(r.model.authors).toEqual([{ name: 'Zoë Ødegaard' }]);
  });

  it('a candidate whose check throws is not taken, and the reduction goes on', async () => {
    let calls = 0;
    const r = await reduceModel(richModel, async (m) => {
      calls++;
      if (m.keywords === undefined) throw new Error('cannot render');
      return true;
    });
    expect(calls).toBeGreaterThan(1);
    expect(r.model.keywords).toBeDefined();
    expect(r.model.readme).toBeUndefined();
  });

  it('stops at the deadline and says the reduction is not complete', async () => {
    const r = await reduceModel(richModel, async () => true, performance.now() - 1);
    expect(r).toEqual({ model: richModel, steps: 0, complete: false });
  });
});
