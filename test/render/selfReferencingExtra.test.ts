import fc from 'fast-check';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { projectModel } from '../../generators/projectModel.js';
import { selfReferencingExtra } from '../../generators/selfReferencingExtra.js';
import { modelExtras, type ProjectModel } from '../../src/model/projectModel.js';
import { checkModelExtensions } from '../../src/model/validate.js';
import { render } from '../../src/render/index.js';
import { unsupportedFeatures } from '../../src/render/capabilities.js';

/** What the corpus checks say of the model's extensions (the messages, empty when valid). */
function problems(m: ProjectModel): string[] {
  try {
    checkModelExtensions(m as unknown as Record<string, unknown>, (field, why) => { throw new Error(`${field}: ${why}`); }, () => undefined, () => undefined);
  } catch (e) {
    return [(e as Error).message];
  }
  return [];
}

const base: ProjectModel = {
  name: 'Acme_Tool',
  version: '1.0',
  description: 'Acme tool',
  dependencies: [],
  layout: 'flat',
  packages: [{ name: 'acme_tool', init: '', modules: [], subpackages: [], data: [] }],
  modules: [],
  optionalDependencies: [
    { name: 'cli', requirements: ['click>=8'] },
    { name: 'Test', requirements: [] },
  ],
  selfReferencingExtra: { name: 'all' },
};

describe('self-referencing extras', () => {
  it('render as one more extra naming the project (as written) with every other extra, in every family that has [project]', () => {
    expect(modelExtras(base).at(-1)).toEqual({ name: 'all', requirements: ['Acme_Tool[cli,Test]'] });
    for (const family of ['setuptools', 'hatchling', 'flit', 'pdm', 'uv'] as const) {
      const toml = parse(render(base, family)['pyproject.toml'] as string) as { project: { 'optional-dependencies': Record<string, string[]> } };
      expect(toml.project['optional-dependencies'], family).toEqual({ cli: ['click>=8'], Test: [], all: ['Acme_Tool[cli,Test]'] });
    }
    expect(render(base, 'setuptools', { style: 'setup.cfg' })['setup.cfg']).toMatch(/all =\s*\n\s+Acme_Tool\[cli,Test\]/);
  });

  it('are refused in corpus files without other extras or with a clashing name', () => {
    expect(problems({ ...base, optionalDependencies: undefined })).not.toEqual([]);
    expect(problems({ ...base, selfReferencingExtra: { name: 'CLI' } })).not.toEqual([]);
    expect(problems(base)).toEqual([]);
  });

  it('are kept out of poetry-core 1.x, which renders no extras', () => {
    expect(unsupportedFeatures(base, { family: 'poetry', version: '1.9.1' }).map((u) => u.feature)).toContain('optional-dependencies:self-reference');
    expect(unsupportedFeatures(base, { family: 'poetry', version: '2.5.0' })).toEqual([]);
  });

  it('are generated only next to other extras of distinct names, and shrink toward `all`', () => {
    fc.assert(
      fc.property(projectModel({ probabilities: { optionalDependencies: 1, selfReferencingExtra: 1 } }), (m) => {
        if (m.selfReferencingExtra === undefined) return;
        expect((m.optionalDependencies ?? []).length).toBeGreaterThan(0);
        expect(problems(m)).toEqual([]);
      }),
      { numRuns: 100, seed: 3 },
    );
    const failing = fc.check(fc.property(selfReferencingExtra(), (s) => s.name.length > 8), { seed: 1, numRuns: 200 });
    expect(failing.failed).toBe(true);
    expect(failing.counterexample).toEqual([{ name: 'all' }]);
  });
});
