import { describe, expect, it } from 'vitest';
import { canRender, renderLimits, renderProblem, versionAtLeast, versionBefore } from '../../../src/render/canRender.js';
import { canRender as exported, render, renderableFamilies } from '../../../src/render/render.js';
import { FAMILIES } from '../../../src/backends/types.js';
import { namespaced, onePackage, packageAndModule, srcModule, twoPackages, withRootFiles } from './fixtures.js';

describe('canRender', () => {
  it('is exported from render.ts, and every family has a renderer', () => {
    expect(exported).toBe(canRender);
    expect(renderableFamilies()).toEqual([...FAMILIES].sort());
  });

  it('says true for a model every family can express, at current versions and unknown ones', () => {
    for (const family of FAMILIES) {
      expect(canRender(onePackage, family), family).toBe(true);
      expect(renderLimits(onePackage, family), family).toEqual([]);
    }
    expect(canRender(onePackage, 'flit', '3.12.0')).toBe(true);
    expect(canRender(onePackage, 'poetry', '1.9.1')).toBe(true);
    expect(canRender(onePackage, 'uv', '0.13.6')).toBe(true);
    expect(canRender(onePackage, 'uv', 'not-a-version')).toBe(true);
  });

  it('flit: one top-level package or module (or a namespace chain), a summary, [project]', () => {
    expect(canRender(packageAndModule, 'flit')).toBe(false);
    expect(canRender(twoPackages, 'flit')).toBe(false);
    expect(canRender(srcModule, 'flit')).toBe(true);
    expect(canRender({ ...srcModule, description: null }, 'flit')).toBe(false);
    expect(canRender(onePackage, 'flit', '3.1.0')).toBe(false);
    expect(canRender(onePackage, 'flit', '3.2.0')).toBe(true);
    expect(renderProblem(namespaced, 'flit', '3.5.0')).toBeNull();
    expect(renderProblem(namespaced, 'flit', '3.4.0')).toMatch(/dotted module name/);
    expect(renderProblem({ ...withRootFiles, sdistFiles: [{ path: 'a:b', content: '' }] }, 'flit')).toMatch(/include pattern/);
  });

  it('uv: packages only; lists, namespaces and glob escapes by version', () => {
    expect(canRender(srcModule, 'uv')).toBe(false);
    expect(canRender(packageAndModule, 'uv')).toBe(false);
    expect(canRender(twoPackages, 'uv', '0.7.20')).toBe(true);
    expect(canRender(twoPackages, 'uv', '0.7.19')).toBe(false);
    expect(canRender(namespaced, 'uv', '0.7.13')).toBe(true);
    expect(canRender(namespaced, 'uv', '0.7.12')).toBe(false);
    expect(canRender(withRootFiles, 'uv', '0.7.3')).toBe(true);
    expect(canRender(withRootFiles, 'uv', '0.7.2')).toBe(false);
    expect(canRender(onePackage, 'uv', '0.6.17')).toBe(false);
  });

  it('poetry: the [tool.poetry] rendering of 1.x translates only some metadata', () => {
    expect(canRender(twoPackages, 'poetry', '1.9.1')).toBe(true);
    expect(canRender({ ...onePackage, requiresPython: '>=3.8' }, 'poetry', '1.9.1')).toBe(false);
    expect(canRender({ ...onePackage, requiresPython: '>=3.8' }, 'poetry', '2.5.0')).toBe(true);
    expect(canRender({ ...onePackage, dependencies: ['python'] }, 'poetry', '1.9.1')).toBe(false);
    // poetry-core 2 refuses an unsatisfiable requirement: rendered, but not to be built.
    const unsatisfiable = { ...onePackage, dependencies: ['a~=2.0,==1.0'] };
    expect(canRender(unsatisfiable, 'poetry', '2.5.0')).toBe(false);
    expect(renderProblem(unsatisfiable, 'poetry', '2.5.0')).toBeNull();
    expect(renderLimits(unsatisfiable, 'poetry', '2.5.0')).toEqual(["poetry-core 2 rejects the unsatisfiable requirement 'a~=2.0,==1.0'"]);
    expect(canRender(unsatisfiable, 'poetry', '1.9.1')).toBe(true);
  });

  it('pdm: pdm-backend only', () => {
    expect(canRender(packageAndModule, 'pdm', '2.0.0')).toBe(true);
    expect(canRender(onePackage, 'pdm', '1.1.4')).toBe(false);
  });

  it('is false for features a version renders only in an older form (capability table)', () => {
    const spdx = { ...onePackage, license: { kind: 'spdx' as const, expression: 'MIT' } };
    expect(canRender(spdx, 'flit', '3.12.0')).toBe(true);
    expect(canRender(spdx, 'flit', '3.10.1')).toBe(false);
    expect(renderLimits(spdx, 'flit', '3.10.1').join('\n')).toMatch(/license:spdx/);
    // render itself still renders the older form.
    expect(render(spdx, 'flit', { familyVersion: '3.10.1' })['pyproject.toml']).toContain('[project.license]\ntext = "MIT"\n');
    expect(render(spdx, 'flit', { familyVersion: '3.12.0' })['pyproject.toml']).toContain('license = "MIT"');
  });

  it('when false because of render, render throws', () => {
    const models = [onePackage, packageAndModule, srcModule, twoPackages, namespaced, withRootFiles];
    for (const family of FAMILIES) {
      for (const model of models) {
        if (renderProblem(model, family) !== null) expect(() => render(model, family), `${family} ${model.name}`).toThrow();
        else expect(() => render(model, family), `${family} ${model.name}`).not.toThrow();
      }
    }
  });

  it('compares versions with PEP 440 rules, an unknown version counting as current', () => {
    expect(versionAtLeast('3.10.1', '3.5')).toBe(true);
    expect(versionAtLeast('3.4.0', '3.5')).toBe(false);
    expect(versionAtLeast(undefined, '99')).toBe(true);
    expect(versionBefore('2.0.0rc1', '2.0.0')).toBe(true);
    expect(versionBefore(undefined, '2.0.0')).toBe(false);
  });
});
