import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectModel } from '../../generators/projectModel.js';
import { setuptoolsOptions } from '../../generators/setuptoolsOptions.js';
import { SETUPTOOLS_COMMAND_OPTIONS } from '../../src/model/projectModel.js';
import { shrinkTo } from './shrink.js';

describe('setuptools command options (generator)', () => {
  it('draws distinct known options, 1 to 3, and sometimes none', () => {
    const all = fc.sample(setuptoolsOptions(), { seed: 3, numRuns: 400 });
    const some = all.filter((o) => o.commandOptions !== undefined);
    expect(some.length).toBeGreaterThan(40);
    expect(some.length).toBeLessThan(all.length);
    for (const o of some) {
      expect(o.commandOptions!.length).toBeGreaterThanOrEqual(1);
      expect(o.commandOptions!.length).toBeLessThanOrEqual(3);
      expect(new Set(o.commandOptions).size).toBe(o.commandOptions!.length);
      for (const c of o.commandOptions!) expect(SETUPTOOLS_COMMAND_OPTIONS).toContain(c);
    }
    expect(new Set(some.flatMap((o) => o.commandOptions!))).toEqual(new Set(SETUPTOOLS_COMMAND_OPTIONS));
  });

  it('shrinks toward absent, and to the one option a failure needs', () => {
    expect(shrinkTo(setuptoolsOptions(), (o) => o.commandOptions !== undefined).minimal).toEqual({ commandOptions: ['egg_info.tag_build'] });
    expect(shrinkTo(setuptoolsOptions(), (o) => (o.commandOptions ?? []).includes('bdist_wheel.universal')).minimal).toEqual({ commandOptions: ['bdist_wheel.universal'] });
  });

  it('reaches generated setuptools projects', () => {
    const models = fc.sample(projectModel({ targets: [{ family: 'setuptools', version: '80.9.0' }] }), { seed: 5, numRuns: 300 });
    expect(models.filter((m) => m.setuptools?.commandOptions !== undefined).length).toBeGreaterThan(5);
  });
});
