import { describe, expect, it } from 'vitest';
import { declaredByProject } from '../../src/build/runner.js';

describe('declaredByProject: requirements the project names itself are not missing from the environment', () => {
  const setupPy = 'from setuptools import setup\nsetup(name="foo", setup_requires=["Six>=1.0", "my_build.tool"])\n';
  const pyproject = '[build-system]\nrequires = ["setuptools>=61", "wheel"]\n';
  it.each([
    ['six', true],
    ['six>=1.0', true],
    ['SIX ; python_version < "4"', true],
    ['my-build-tool', true],
    ['My.Build_Tool>=2', true],
    ['wheel', true],
    ['sixty', false],
    ['editables', false],
    ['build', false],
    ['tool', false],
  ])('%s → %s', (req, expected) => {
    expect(declaredByProject(req, [setupPy, pyproject])).toBe(expected);
  });
  it('an unparsable requirement is not declared', () => {
    expect(declaredByProject('  ', [setupPy])).toBe(false);
  });
});
