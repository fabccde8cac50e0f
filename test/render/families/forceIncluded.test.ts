/**
 * Force-included files (`ProjectModel.forceIncluded`): kept under `assets/`,
 * shipped by hatchling's wheel inside the first package; the other families
 * cannot express it (capability rows); validation, features, the spec and
 * install expectations know it.
 */
import fc from 'fast-check';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { projectModel } from '../../../generators/projectModel.js';
import type { ArchiveEntry, ArchiveView } from '../../../src/archive/types.js';
import { isValidModel } from '../../../src/corpus/corpusFile.js';
import { forceIncludedDifferences } from '../../../src/fuzz/properties/_forceIncluded.js';
import { installedExpectation } from '../../../src/install/expect.js';
import { modelFeatures } from '../../../src/model/features.js';
import { forceIncludedProblem } from '../../../src/model/forceIncluded.js';
import type { ProjectModel } from '../../../src/model/projectModel.js';
import { unsupportedFeatures } from '../../../src/render/capabilities.js';
import { render } from '../../../src/render/render.js';

const pkg = { name: 'alpha', init: '', modules: [{ name: 'core', source: '' }], data: [{ path: 'templates/base.html', content: '' }], subpackages: [] };
const forced: ProjectModel = {
  name: 'a', version: '1.0', description: 'x', dependencies: [], layout: 'src', packageDir: 'lib', packages: [pkg], modules: [],
  forceIncluded: [{ path: 'schema.json', content: '{}\n' }, { path: 'templates/page.html', content: '<p/>\n' }],
};

describe('force-included files', () => {
  it('hatchling maps each assets/ file into the first package; the sdist lists them with the root files', () => {
    const files = render(forced, 'hatchling', { familyVersion: '1.27.0' });
    expect(files['assets/schema.json']).toBe('{}\n');
    expect(files['assets/templates/page.html']).toBe('<p/>\n');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const targets = (parse(files['pyproject.toml'] as string) as any).tool.hatch.build.targets;
    expect(targets.wheel['force-include']).toEqual({ 'assets/schema.json': 'alpha/schema.json', 'assets/templates/page.html': 'alpha/templates/page.html' });
    expect(targets.sdist['only-include']).toEqual(['assets/schema.json', 'assets/templates/page.html', 'lib/alpha']);
    expect(modelFeatures(forced)).toContain('force-include');
  });

  it('only hatchling can express it', () => {
    for (const family of ['setuptools', 'flit', 'poetry', 'pdm', 'uv'] as const) {
      expect(unsupportedFeatures(forced, { family }).map((u) => u.feature), family).toContain('force-include');
    }
    expect(unsupportedFeatures(forced, { family: 'hatchling', version: '1.27.0' })).toEqual([]);
    expect(fc.sample(projectModel({ targets: [{ family: 'setuptools', version: '80.9.0' }] }), { seed: 1, numRuns: 200 }).some((m) => m.forceIncluded !== undefined)).toBe(false);
  });

  it('validation: a first package, distinct paths, nothing it ships already, safe paths', () => {
    expect(forceIncludedProblem(forced)).toBeNull();
    expect(isValidModel(forced)).toBe(true);
    expect(forceIncludedProblem({ ...forced, packages: [], modules: [{ name: 'm', source: '' }] })).toMatch(/first top-level package/);
    expect(forceIncludedProblem({ ...forced, forceIncluded: [{ path: 'core.py', content: '' }] })).toMatch(/core\.py/);
    expect(forceIncludedProblem({ ...forced, forceIncluded: [{ path: 'templates/base.html', content: '' }] })).toMatch(/templates\/base\.html/);
    expect(forceIncludedProblem({ ...forced, forceIncluded: [{ path: 'x', content: '' }, { path: 'X', content: '' }] })).toMatch(/distinct/);
    expect(forceIncludedProblem({ ...forced, forceIncluded: [] })).toMatch(/at least one/);
    expect(forceIncludedProblem({ ...forced, layout: 'flat', packageDir: undefined, packages: [pkg, { ...pkg, name: 'assets' }] })).toMatch(/assets/);
    expect(isValidModel({ ...forced, forceIncluded: [{ path: '../escape', content: '' }] })).toBe(false);
    expect(isValidModel({ ...forced, forceIncluded: [{ path: '.hidden', content: '' }] })).toBe(false);
  });

  it('spec expects each file in the wheel with its content; install expects it in the package', () => {
    const entry = (path: string, text: string): ArchiveEntry => ({ path, type: 'file', mode: 0o644, size: text.length, mtime: 0, data: new TextEncoder().encode(text) });
    const wheel = (...entries: ArchiveEntry[]): ArchiveView => ({ format: 'wheel', filename: 'a-1.0-py3-none-any.whl', entries, problems: [] });
    expect(forceIncludedDifferences(forced, wheel(entry('alpha/schema.json', '{}\n'), entry('alpha/templates/page.html', '<p/>\n')))).toEqual([]);
    expect(forceIncludedDifferences(forced, wheel(entry('alpha/schema.json', '{ }\n')))).toEqual([
      expect.objectContaining({ code: 'force-include:content', path: 'alpha/schema.json' }),
      expect.objectContaining({ code: 'force-include:missing', path: 'alpha/templates/page.html' }),
    ]);
    expect(forceIncludedDifferences(forced, null)).toEqual([]);
    expect(forceIncludedDifferences({ ...forced, forceIncluded: undefined }, wheel())).toEqual([]);
    const install = installedExpectation(forced);
    expect(Object.keys(install.libFiles)).toEqual(expect.arrayContaining(['alpha/schema.json', 'alpha/templates/page.html', 'alpha/core.py']));
    // An editable install holds them as files too (no path into the source tree reaches assets/), and only them.
    expect(install.editableLibFiles).toEqual({ 'alpha/schema.json': install.libFiles['alpha/schema.json'], 'alpha/templates/page.html': install.libFiles['alpha/templates/page.html'] });
    expect(installedExpectation({ ...forced, forceIncluded: undefined }).editableLibFiles).toBeUndefined();
  });

  it('the generator drops them from a model without a package, and shrinks them toward absent', () => {
    const arb = projectModel({ targets: [{ family: 'hatchling', version: '1.27.0' }] });
    const models = fc.sample(arb, { seed: 9, numRuns: 300 });
    expect(models.filter((m) => m.forceIncluded !== undefined).length).toBeGreaterThan(10);
    expect(models.every((m) => m.forceIncluded === undefined || (m.packages.length > 0 && isValidModel(m)))).toBe(true);
    const out = fc.check(fc.property(arb, (m) => m.forceIncluded === undefined), { seed: 3, numRuns: 300 });
    expect(out.failed).toBe(true);
    expect(out.counterexample![0].forceIncluded).toEqual([{ path: 'schema.json', content: '' }]);
  });
});
