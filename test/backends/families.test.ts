import { describe, expect, it } from 'vitest';
import { FAMILY_INFO } from '../../src/backends/families.js';
import { FAMILIES } from '../../src/backends/types.js';

describe('FAMILY_INFO', () => {
  it('covers every family with its index distribution and default hook', () => {
    const table = Object.fromEntries(
      FAMILIES.map((f) => [f, [FAMILY_INFO[f].primary.distribution, FAMILY_INFO[f].primary.module, FAMILY_INFO[f].primary.hook.module]]),
    );
    expect(table).toEqual({
      setuptools: ['setuptools', 'setuptools', 'setuptools.build_meta'],
      hatchling: ['hatchling', 'hatchling', 'hatchling.build'],
      flit: ['flit-core', 'flit_core', 'flit_core.buildapi'],
      poetry: ['poetry-core', 'poetry.core', 'poetry.core.masonry.api'],
      pdm: ['pdm-backend', 'pdm.backend', 'pdm.backend'],
      uv: ['uv-build', 'uv_build', 'uv_build'],
    });
  });

  it('pdm falls back to pdm.pep517.api, and pdm < 2 is pdm-pep517 on the index', () => {
    expect(FAMILY_INFO.pdm.impls.map((i) => i.hook.module)).toEqual(['pdm.backend', 'pdm.pep517.api']);
    expect(FAMILY_INFO.pdm.implFor('1.1.4').distribution).toBe('pdm-pep517');
    expect(FAMILY_INFO.pdm.implFor('2.0.0').distribution).toBe('pdm-backend');
    expect(FAMILY_INFO.pdm.implFor('2.4.3').distribution).toBe('pdm-backend');
    expect(FAMILY_INFO.setuptools.implFor('1.0').distribution).toBe('setuptools');
  });

  it('extra requirements: wheel for setuptools < 70.1, editables for hatchling', () => {
    expect(FAMILY_INFO.setuptools.extraRequirements('69.5.1')).toEqual(['wheel<0.46']);
    expect(FAMILY_INFO.setuptools.extraRequirements('70.0.0')).toEqual(['wheel<0.46']);
    expect(FAMILY_INFO.setuptools.extraRequirements('70.1.0')).toEqual([]);
    expect(FAMILY_INFO.setuptools.extraRequirements('80.9.0')).toEqual([]);
    expect(FAMILY_INFO.hatchling.extraRequirements('1.27.0')).toEqual(['editables>=0.3']);
    expect(FAMILY_INFO.hatchling.extraRequirements('1.17.0')).toEqual(['editables>=0.3']);
    for (const f of ['flit', 'poetry', 'pdm', 'uv'] as const) expect(FAMILY_INFO[f].extraRequirements('1.0')).toEqual([]);
  });
});
