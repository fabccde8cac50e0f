import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectModel } from '../../generators/projectModel.js';
import { setuptoolsCommandOptions } from '../../generators/setuptoolsCommandOptions.js';
import { maybe } from '../../generators/_internals/optional.js';
import { SETUPTOOLS_COMMAND_OPTIONS } from '../../src/model/projectModel.js';
import { shrinkTo } from './shrink.js';

describe('setuptools command options (generator)', () => {
  it('draws 1 to 3 distinct known options, every option in time', () => {
    const all = fc.sample(setuptoolsCommandOptions(), { seed: 3, numRuns: 300 });
    for (const o of all) {
      expect(o.length).toBeGreaterThanOrEqual(1);
      expect(o.length).toBeLessThanOrEqual(3);
      expect(new Set(o).size).toBe(o.length);
      for (const c of o) expect(SETUPTOOLS_COMMAND_OPTIONS).toContain(c);
    }
    expect(new Set(all.flat())).toEqual(new Set(SETUPTOOLS_COMMAND_OPTIONS));
  });

  it('shrinks to the one option a failure needs', () => {
    expect(shrinkTo(maybe(setuptoolsCommandOptions(), 0.5), (o) => o !== undefined).minimal).toEqual(['egg_info.tag_build']);
    expect(shrinkTo(setuptoolsCommandOptions(), () => true).minimal).toEqual(['egg_info.tag_build']);
    expect(shrinkTo(setuptoolsCommandOptions(), (o) => o.includes('bdist_wheel.universal')).minimal).toEqual(['bdist_wheel.universal']);
  });

  it('reaches generated setuptools projects, and only those', () => {
    const models = fc.sample(projectModel({ targets: [{ family: 'setuptools', version: '80.9.0' }] }), { seed: 5, numRuns: 300 });
    expect(models.filter((m) => m.setuptoolsCommandOptions !== undefined).length).toBeGreaterThan(5);
    const hatch = fc.sample(projectModel({ targets: [{ family: 'hatchling', version: '1.27.0' }] }), { seed: 5, numRuns: 100 });
    expect(hatch.filter((m) => m.setuptoolsCommandOptions !== undefined)).toEqual([]);
  });
});
