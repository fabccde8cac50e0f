/**
 * Issue #12 (blind spots, setuptools side): dynamic metadata read from files
 * (`ProjectModel.dynamicMetadata`) reaches setuptools' `[tool.setuptools.dynamic]`
 * readers of a real setuptools 80.9.0, and the package-finder variant
 * (`SetuptoolsOptionsModel.packageFinder`) its `packages.find`; the summary as
 * the module docstring reaches flit-core 4.2.0's dynamic description. Planted bugs there
 * (test/fixtures/backends/tb_planted_stconfig.py, tb_planted_flitdoc.py) are found by `fuzz`
 * (property `diff`, the real backend as A), shrunk to a project whose only
 * optional parts are what the bug needs, and saved; the real backend
 * compared with itself passes the same run, which did generate the feature
 * (asserted through --stats).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { OPTIONAL_PARTS } from '../../generators/projectModel.js';
import { activeDynamicMetadata } from '../../src/model/dynamicMetadata.js';
import { allPackages, type ProjectModel } from '../../src/model/projectModel.js';
import { packageFind } from '../../src/render/_internals/setuptoolsDiscovery.js';
import { FAKE_BACKENDS } from '../helpers.js';
import { SETUPTOOLS, seedWhere, plantedFuzz, type PlantedRun } from './cli.js';

const planted = (name: string): string => `${SETUPTOOLS},backend=tb_planted_stconfig:${name},path=${FAKE_BACKENDS}`;

const optionalParts = (m: ProjectModel): string[] => OPTIONAL_PARTS.filter((k) => m[k] !== undefined);
const TIMEOUT = 400_000;
const TARGETS = [{ family: 'setuptools' as const, version: '80.9.0' }];

describe('dynamic dependencies: the requirements file loses its last line', () => {
  // The first generated project reads its dependencies from requirements.txt.
  const SEED = String(seedWhere(TARGETS, (m) => activeDynamicMetadata(m).dependencies));
  let bad: PlantedRun;
  let good: PlantedRun;
  beforeAll(async () => {
    bad = await plantedFuzz(['--a', SETUPTOOLS, '--b', planted('requirements_file_last_line_dropped'), '--seed', SEED, '--runs', '1']);
    good = await plantedFuzz(['--a', SETUPTOOLS, '--b', SETUPTOOLS, '--seed', SEED, '--runs', '1']);
  }, TIMEOUT);

  it('is found and shrunk to one dependency read from requirements.txt', () => {
    expect(bad.r.stderr).not.toContain('internal error');
    expect(bad.r.exitCode).toBe(1);
    expect(bad.rep.findings).toHaveLength(1);
    const f = bad.rep.findings[0]!;
    expect(f.property).toBe('diff');
    const model = bad.entries[0]!.model;
    expect(optionalParts(model)).toEqual(['dynamicMetadata']);
    expect(model.dynamicMetadata).toEqual({ dependencies: true });
    expect(model.dependencies).toHaveLength(1);
    // The difference is the Requires-Dist line of that dependency, in the wheel's METADATA and the sdist's PKG-INFO.
    expect(f.differences.length).toBeGreaterThan(0);
    expect(JSON.stringify(f.differences)).toContain('Requires-Dist');
    const metadata = f.differences.find((d) => d.path === '{dist-info}/METADATA');
    const diffLines = (metadata?.diff ?? '').split('\n').filter((l) => /^[-+][^-+]/.test(l));
    expect(diffLines).toEqual([`-Requires-Dist: ${model.dependencies[0]!}`]);
    // Everything else follows from that line: PKG-INFO copies, requires.txt, SOURCES.txt and RECORD.
    expect(f.differences.map((d) => `${d.artifact}:${d.path}`).sort()).toEqual(
      ['sdist:PKG-INFO', 'sdist:a.egg-info/PKG-INFO', 'sdist:a.egg-info/SOURCES.txt', 'sdist:a.egg-info/requires.txt', 'wheel:{dist-info}/METADATA', 'wheel:{dist-info}/RECORD'].map((p) =>
        p.replaceAll('a.egg-info', `${model.name.replace(/[-.]/g, '_')}.egg-info`),
      ),
    );
  });

  it('the real setuptools passes the same run, which generated the feature', () => {
    expect(good.r.stderr).not.toContain('internal error');
    expect(good.r.exitCode, good.r.stdout).toBe(0);
    expect(good.rep.findings).toEqual([]);
    expect(good.corpusFiles).toEqual([]);
    expect(good.rep.features?.['dynamic:dependencies'] ?? 0).toBeGreaterThan(0);
  });
});

describe('dynamic readme: the content type is dropped', () => {
  // The first generated project reads its readme through [tool.setuptools.dynamic].
  const SEED = String(seedWhere(TARGETS, (m) => activeDynamicMetadata(m).readme));
  let bad: PlantedRun;
  let good: PlantedRun;
  beforeAll(async () => {
    bad = await plantedFuzz(['--a', SETUPTOOLS, '--b', planted('dynamic_readme_content_type_dropped'), '--seed', SEED, '--runs', '1']);
    good = await plantedFuzz(['--a', SETUPTOOLS, '--b', SETUPTOOLS, '--seed', SEED, '--runs', '1']);
  }, TIMEOUT);

  it('is found and shrunk to a dynamic readme file', () => {
    expect(bad.r.stderr).not.toContain('internal error');
    expect(bad.r.exitCode).toBe(1);
    expect(bad.rep.findings).toHaveLength(1);
    const f = bad.rep.findings[0]!;
    expect(f.property).toBe('diff');
    const model = bad.entries[0]!.model;
    expect(optionalParts(model)).toEqual(['readme', 'dynamicMetadata']);
    expect(model.dynamicMetadata).toEqual({ readme: true });
    const metadata = f.differences.find((d) => d.path === '{dist-info}/METADATA');
    const diffLines = (metadata?.diff ?? '').split('\n').filter((l) => /^[-+][^-+]/.test(l));
    expect(diffLines).toEqual([`-Description-Content-Type: ${model.readme!.contentType}`, '+Description-Content-Type: text/x-rst']);
  });

  it('the real setuptools passes the same run, which generated the feature', () => {
    expect(good.r.stderr).not.toContain('internal error');
    expect(good.r.exitCode, good.r.stdout).toBe(0);
    expect(good.rep.findings).toEqual([]);
    expect(good.rep.features?.['dynamic:readme'] ?? 0).toBeGreaterThan(0);
  });
});

describe('package discovery: the finder does not recurse into subpackages', () => {
  // The first generated project finds its packages with [tool.setuptools.packages.find] and has a subpackage.
  const SEED = String(
    seedWhere(TARGETS, (m) => packageFind(m) !== null && allPackages(m).some(({ dotted }) => dotted.includes('.'))),
  );
  let bad: PlantedRun;
  let good: PlantedRun;
  beforeAll(async () => {
    bad = await plantedFuzz(['--a', SETUPTOOLS, '--b', planted('find_drops_subpackages'), '--seed', SEED, '--runs', '1']);
    good = await plantedFuzz(['--a', SETUPTOOLS, '--b', SETUPTOOLS, '--seed', SEED, '--runs', '1']);
  }, TIMEOUT);

  it('is found and shrunk to a found package with one subpackage, missing from B', () => {
    expect(bad.r.stderr).not.toContain('internal error');
    expect(bad.r.exitCode).toBe(1);
    expect(bad.rep.findings).toHaveLength(1);
    const f = bad.rep.findings[0]!;
    expect(f.property).toBe('diff');
    const model = bad.entries[0]!.model;
    expect(optionalParts(model)).toEqual(['setuptools']);
    expect(Object.keys(model.setuptools!)).toEqual(['packageFinder']);
    expect(allPackages(model).map((p) => p.dotted)).toEqual(['a', 'a.a']);
    // Only A's wheel has the subpackage.
    const wheelOnlyInA = f.differences.filter((d) => d.artifact === 'wheel' && d.kind === 'only-in-a').map((d) => d.path);
    expect(wheelOnlyInA).toContain('a/a/__init__.py');
  });

  it('the real setuptools passes the same run, which generated the feature', () => {
    expect(good.r.stderr).not.toContain('internal error');
    expect(good.r.exitCode, good.r.stdout).toBe(0);
    expect(good.rep.findings).toEqual([]);
    const features = good.rep.features ?? {};
    expect((features['setuptools:packages-find'] ?? 0) + (features['setuptools:packages-find-namespace'] ?? 0)).toBeGreaterThan(0);
  });
});

describe('dynamic description: flit-core reads the docstring as written, escapes and all', () => {
  const FLIT = 'flit==4.2.0';
  // The first generated project for flit-core 4.2.0 has its summary as the docstring, with a quote or a backslash.
  const SEED = String(seedWhere([{ family: 'flit', version: '4.2.0' }], (m) => activeDynamicMetadata(m).description && /["\\]/.test(m.description ?? '')));
  let bad: PlantedRun;
  let good: PlantedRun;
  beforeAll(async () => {
    bad = await plantedFuzz(['--a', FLIT, '--b', `${FLIT},backend=tb_planted_flitdoc:docstring_summary_unescaped,path=${FAKE_BACKENDS}`, '--seed', SEED, '--runs', '1']);
    good = await plantedFuzz(['--a', FLIT, '--b', FLIT, '--seed', SEED, '--runs', '1']);
  }, TIMEOUT);

  it('is found and shrunk to a one-character summary that needs an escape', () => {
    expect(bad.r.stderr).not.toContain('internal error');
    expect(bad.r.exitCode).toBe(1);
    expect(bad.rep.findings).toHaveLength(1);
    const f = bad.rep.findings[0]!;
    expect(f.property).toBe('diff');
    const model = bad.entries[0]!.model;
    expect(optionalParts(model)).toEqual(['dynamicMetadata']);
    expect(model.dynamicMetadata).toEqual({ description: true });
    expect(['"', '\\']).toContain(model.description);
    const metadata = f.differences.find((d) => d.path === '{dist-info}/METADATA');
    const diffLines = (metadata?.diff ?? '').split('\n').filter((l) => /^[-+][^-+]/.test(l));
    expect(diffLines).toEqual([`-Summary: ${model.description!}`, `+Summary: \\${model.description!}`]);
  });

  it('the real flit-core passes the same run, which generated the feature', () => {
    expect(good.r.stderr).not.toContain('internal error');
    expect(good.r.exitCode, good.r.stdout).toBe(0);
    expect(good.rep.findings).toEqual([]);
    expect(good.rep.features?.['dynamic:description'] ?? 0).toBeGreaterThan(0);
  });
});
