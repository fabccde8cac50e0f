/**
 * Issue #12 (blind spots): a package folder other than `src/`
 * (`ProjectModel.packageDir`: `lib/`, `python/`, `lib/python/`). A planted bug
 * in a real hatchling 1.27.0 (test/fixtures/backends/tb_planted_layout.py:
 * build_wheel honours `sources` only when it is `["src"]`) is found by
 * `fuzz --property diff` against the real hatchling, shrunk to a project whose
 * only optional part is the package folder (`lib`, the first of the
 * vocabulary, as the first project has it: the signature names the folder,
 * so shrinking keeps it), and saved under a signature that names the wheel's
 * misplaced files; the real hatchling compared with itself passes the same
 * run, which did generate a package folder (asserted through --stats).
 *
 * Also hatchling's other spellings of the same wheel selection
 * (`HatchlingOptionsModel.wheelSelection`): a planted hatchling that takes
 * `packages = ["src/pkg"]` as a plain `only-include` (no collapse to the
 * last path component) is found the same way and shrunk to a project whose
 * only optional part is that spelling, in the src layout under `src/`.
 *
 * And hatchling's `support-legacy` (a generated setup.py in the sdist,
 * `HatchlingOptionsModel.supportLegacy`): a planted hatchling whose sdist
 * ignores it is found by `fuzz --property spec` (the `legacy-setup-py:missing`
 * expectation) and shrunk to that option alone; the real hatchling passes.
 *
 * And force-included files (`ProjectModel.forceIncluded`, hatchling's
 * `force-include` from `assets/` into the first package): a planted hatchling
 * whose wheel ignores the table is found by `spec` (`force-include:missing`)
 * and shrunk to one such file; the real hatchling passes.
 *
 * The seeds are chosen (`seedWhere`) so that the first generated project has
 * what the bug is about; shrinking is what takes the time.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { OPTIONAL_PARTS } from '../../generators/projectModel.js';
import { PACKAGE_DIRS } from '../../src/model/packageDir.js';
import type { ProjectModel } from '../../src/model/projectModel.js';
import { FAKE_BACKENDS } from '../helpers.js';
import { HATCHLING, seedWhere, plantedFuzz, type PlantedRun } from './cli.js';

const planted = (name: string): string => `${HATCHLING},backend=tb_planted_layout:${name},path=${FAKE_BACKENDS}`;

const optionalParts = (m: ProjectModel): string[] => OPTIONAL_PARTS.filter((k) => m[k] !== undefined);
const TIMEOUT = 400_000;
// The first generated project (for hatchling 1.27.0) has its import tree under lib/. The finding's atom names
// the folder the wheel left the tree in (`wheel:moved:(top)/->lib/`), so shrinking keeps the folder it started with.
const SEED = String(seedWhere([{ family: 'hatchling', version: '1.27.0' }], (m) => m.layout === 'src' && m.packageDir === PACKAGE_DIRS[0]));

describe('package folder: the wheel honours sources = ["src"] only', () => {
  let bad: PlantedRun;
  let good: PlantedRun;
  beforeAll(async () => {
    bad = await plantedFuzz(['--a', HATCHLING, '--b', planted('wheel_sources_src_only'), '--property', 'diff', '--seed', SEED, '--runs', '1']);
    good = await plantedFuzz(['--a', HATCHLING, '--b', HATCHLING, '--property', 'diff', '--seed', SEED, '--runs', '1']);
  }, TIMEOUT);

  it('is found and shrunk to a project whose only optional part is the package folder lib/', () => {
    expect(bad.r.stderr).not.toContain('internal error');
    expect(bad.r.exitCode).toBe(1);
    expect(bad.rep.findings).toHaveLength(1);
    const f = bad.rep.findings[0]!;
    expect(f.property).toBe('diff');
    expect(bad.corpusFiles).toEqual([`diff-${f.signature}.json`]);
    const model = bad.entries[0]!.model;
    expect(optionalParts(model)).toEqual(['packageDir']);
    expect(model.layout).toBe('src');
    expect(model.packageDir).toBe(PACKAGE_DIRS[0]);
    expect(topLevel(model)).toHaveLength(1);
    // The rendered project points the wheel at the folder.
    expect(f.project.files['pyproject.toml']).toContain('sources = [ "lib" ]');
  });

  it('the difference is the import tree left under lib/ in the wheel; the sdists agree', () => {
    const f = bad.rep.findings[0]!;
    const model = bad.entries[0]!.model;
    const file = model.packages.length > 0 ? `${model.packages[0]!.name}/__init__.py` : `${model.modules[0]!.name}.py`;
    expect(f.differences.filter((d) => d.artifact === 'sdist')).toEqual([]);
    expect(f.differences).toContainEqual(expect.objectContaining({ artifact: 'wheel', kind: 'only-in-a', path: file }));
    expect(f.differences).toContainEqual(expect.objectContaining({ artifact: 'wheel', kind: 'only-in-b', path: `lib/${file}` }));
  });

  it('the real hatchling passes the same run, which had a package folder', () => {
    expect(good.r.stderr).not.toContain('internal error');
    expect(good.r.exitCode).toBe(0);
    expect(good.rep.findings).toEqual([]);
    expect(good.corpusFiles).toEqual([]);
    expect(good.rep.stats.projects).toBe(1);
    expect(good.rep.stats.rejected).toEqual({ a: 0, b: 0 });
    expect(good.rep.features?.['layout:package-dir'] ?? 0).toBe(1);
  });
});

describe('hatchling packages option: the wheel does not collapse the paths', () => {
  // The first generated project selects its wheel with `packages` and has its tree in a folder.
  const seed = String(seedWhere([{ family: 'hatchling', version: '1.27.0' }], (m) => m.hatchling?.wheelSelection === 'packages' && m.layout === 'src' && m.metaPackage === undefined));
  let bad: PlantedRun;
  let good: PlantedRun;
  beforeAll(async () => {
    bad = await plantedFuzz(['--a', HATCHLING, '--b', planted('wheel_packages_not_collapsed'), '--property', 'diff', '--seed', seed, '--runs', '1']);
    good = await plantedFuzz(['--a', HATCHLING, '--b', HATCHLING, '--property', 'diff', '--seed', seed, '--runs', '1']);
  }, TIMEOUT);

  it('is found and shrunk to the packages spelling alone, in the src layout under src/', () => {
    expect(bad.r.stderr).not.toContain('internal error');
    expect(bad.r.exitCode).toBe(1);
    expect(bad.rep.findings).toHaveLength(1);
    const f = bad.rep.findings[0]!;
    expect(bad.corpusFiles).toEqual([`diff-${f.signature}.json`]);
    const model = bad.entries[0]!.model;
    expect(optionalParts(model)).toEqual(['hatchling']);
    expect(model.hatchling).toEqual({ wheelSelection: 'packages' });
    expect(model.layout).toBe('src');
    const [name] = topLevel(model);
    const file = model.packages.length > 0 ? `${name}/__init__.py` : `${name}.py`;
    expect(f.project.files['pyproject.toml']).toContain(`packages = [ "src/${file.endsWith('.py') && !file.includes('/') ? file : name}" ]`);
    expect(f.differences.filter((d) => d.artifact === 'sdist')).toEqual([]);
    expect(f.differences).toContainEqual(expect.objectContaining({ artifact: 'wheel', kind: 'only-in-a', path: file }));
    expect(f.differences).toContainEqual(expect.objectContaining({ artifact: 'wheel', kind: 'only-in-b', path: `src/${file}` }));
  });

  it('the real hatchling passes the same run, which used the packages spelling', () => {
    expect(good.r.exitCode).toBe(0);
    expect(good.rep.findings).toEqual([]);
    expect(good.rep.stats.rejected).toEqual({ a: 0, b: 0 });
    expect(good.rep.features?.['hatchling:packages'] ?? 0).toBe(1);
  });
});

describe('hatchling support-legacy: the sdist lacks the generated setup.py', () => {
  // The first generated project asks for the legacy setup.py.
  const seed = String(seedWhere([{ family: 'hatchling', version: '1.27.0' }], (m) => m.hatchling?.supportLegacy === true));
  let bad: PlantedRun;
  let good: PlantedRun;
  beforeAll(async () => {
    bad = await plantedFuzz(['--a', planted('sdist_without_legacy_setup_py'), '--property', 'spec', '--seed', seed, '--runs', '1']);
    good = await plantedFuzz(['--a', HATCHLING, '--property', 'spec', '--seed', seed, '--runs', '1']);
  }, TIMEOUT);

  it('is caught by the spec expectation and shrunk to support-legacy alone', () => {
    expect(bad.r.stderr).not.toContain('internal error');
    expect(bad.r.exitCode).toBe(1);
    expect(bad.rep.findings).toHaveLength(1);
    const f = bad.rep.findings[0]!;
    expect(f.property).toBe('spec');
    expect(f.signatureText).toBe('spec|sdist:spec:legacy-setup-py:missing:a');
    expect(bad.corpusFiles).toEqual([`spec-${f.signature}.json`]);
    const model = bad.entries[0]!.model;
    expect(optionalParts(model)).toEqual(['hatchling']);
    expect(model.hatchling).toEqual({ supportLegacy: true });
    expect(f.differences).toEqual([expect.objectContaining({ artifact: 'sdist', kind: 'spec-problem', code: 'legacy-setup-py:missing', path: 'setup.py' })]);
    expect(f.project.files['pyproject.toml']).toContain('support-legacy = true');
  });

  it('the real hatchling passes the same run, which asked for the setup.py', () => {
    expect(good.r.stderr).not.toContain('internal error');
    expect(good.r.exitCode).toBe(0);
    expect(good.rep.findings).toEqual([]);
    expect(good.rep.stats.rejected).toEqual({ a: 0, b: 0 });
    expect(good.rep.features?.['hatchling:support-legacy'] ?? 0).toBe(1);
  });
});

describe('force-include: the wheel ignores the table', () => {
  // The first generated project force-includes files into its first package.
  const seed = String(seedWhere([{ family: 'hatchling', version: '1.27.0' }], (m) => (m.forceIncluded ?? []).length > 0 && m.packages.length > 0));
  let bad: PlantedRun;
  let good: PlantedRun;
  beforeAll(async () => {
    bad = await plantedFuzz(['--a', planted('wheel_ignores_force_include'), '--property', 'spec', '--seed', seed, '--runs', '1']);
    good = await plantedFuzz(['--a', HATCHLING, '--property', 'spec', '--seed', seed, '--runs', '1']);
  }, TIMEOUT);

  it('is caught by the spec expectation and shrunk to one force-included file', () => {
    expect(bad.r.stderr).not.toContain('internal error');
    expect(bad.r.exitCode).toBe(1);
    expect(bad.rep.findings).toHaveLength(1);
    const f = bad.rep.findings[0]!;
    expect(f.signatureText).toBe('spec|wheel:spec:force-include:missing:a');
    expect(bad.corpusFiles).toEqual([`spec-${f.signature}.json`]);
    const model = bad.entries[0]!.model;
    expect(optionalParts(model)).toEqual(['forceIncluded']);
    expect(model.forceIncluded).toEqual([{ path: 'schema.json', content: '' }]);
    const pkg = model.packages[0]!.name;
    expect(f.differences).toEqual([expect.objectContaining({ artifact: 'wheel', kind: 'spec-problem', code: 'force-include:missing', path: `${pkg}/schema.json` })]);
    expect(f.project.files['pyproject.toml']).toContain(`[tool.hatch.build.targets.wheel.force-include]\n"assets/schema.json" = "${pkg}/schema.json"`);
  });

  it('the real hatchling passes the same run, which force-included files', () => {
    expect(good.r.stderr).not.toContain('internal error');
    expect(good.r.exitCode).toBe(0);
    expect(good.rep.findings).toEqual([]);
    expect(good.rep.stats.rejected).toEqual({ a: 0, b: 0 });
    expect(good.rep.features?.['force-include'] ?? 0).toBe(1);
  });
});

function topLevel(m: ProjectModel): string[] {
  return [...m.packages.map((p) => p.name), ...m.modules.map((x) => x.name)];
}
