/**
 * Issue #5: for every property (diff, spec, roundtrip, metadata,
 * reproducible, config) a planted bug in a real backend (setuptools 80.9.0 or
 * hatchling 1.27.0, test/fixtures/backends/tb_planted_props.py) is caught by
 * `fuzz --property P`, shrunk to a project that keeps only what the bug
 * needs, and saved; the real backend passes the very same run (same seed and
 * run count), which did generate what the bug is about (asserted through
 * --stats where a feature name says it).
 *
 * Each case's seed is the first whose first generated project has what the
 * bug needs (seedWhere, test/e2e/cli.ts), so the seed follows the generators:
 * shrinking is what takes the time.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPTIONAL_PARTS } from '../../generators/projectModel.js';
import type { CorpusFile } from '../../src/corpus/corpusFile.js';
import { allPackages, topLevelNames, type ProjectModel } from '../../src/model/projectModel.js';
import type { JsonReport } from '../../src/report/jsonReport.js';
import { FAKE_BACKENDS } from '../helpers.js';
import { modelFeatures } from '../../src/model/features.js';
import { HATCHLING, SETUPTOOLS, readJson, seedWhere, tempDir, twinbuild, type CliResult } from './cli.js';

const planted = (real: string, name: string): string => `${real},backend=tb_planted_props:${name},path=${FAKE_BACKENDS}`;

interface Run {
  r: CliResult;
  rep: JsonReport;
  corpusFiles: string[];
  entries: CorpusFile[];
}

interface Case {
  property: string;
  /** The real backend (`--a` of the correct run; `--a` of diff's planted run too). */
  real: string;
  bug: string;
  seed: number;
  runs: number;
}

async function fuzz(c: Case, a: string, b: string | undefined): Promise<Run> {
  const dir = await tempDir();
  const report = join(dir, 'report.json');
  const corpus = join(dir, 'corpus');
  const sides = b === undefined ? ['--a', a] : ['--a', a, '--b', b];
  const r = await twinbuild(['fuzz', ...sides, '--property', c.property, '--seed', String(c.seed), '--runs', String(c.runs), '--jobs', '1', '--stats', '--corpus', corpus, '--report', report, '--no-progress']);
  if (!existsSync(report)) throw new Error(`no report (exit ${r.exitCode}):\n${r.stderr}`);
  const corpusFiles = existsSync(corpus) ? (await readdir(corpus)).sort() : [];
  const entries = await Promise.all(corpusFiles.map((f) => readJson<CorpusFile>(join(corpus, f))));
  return { r, rep: await readJson<JsonReport>(report), corpusFiles, entries };
}

/**
 * The planted backend's run and the real backend's run of the same seed and run count: for `diff`, real vs planted
 * and real vs real; for the one-backend properties, planted alone and real alone.
 */
function pair(c: Case): () => Promise<{ bad: Run; good: Run }> {
  let result: Promise<{ bad: Run; good: Run }> | undefined;
  const bugged = planted(c.real, c.bug);
  return () =>
    (result ??= (async () => {
      const bad = c.property === 'diff' ? await fuzz(c, c.real, bugged) : await fuzz(c, bugged, undefined);
      const good = c.property === 'diff' ? await fuzz(c, c.real, c.real) : await fuzz(c, c.real, undefined);
      return { bad, good };
    })());
}

const ST = { family: 'setuptools', version: '80.9.0' } as const;
const HA = { family: 'hatchling', version: '1.27.0' } as const;
/** Whether a model has `feature` (a --stats name, src/model/features.ts). */
const has = (feature: string) => (m: ProjectModel): boolean => modelFeatures(m).includes(feature);

const optionalParts = (m: ProjectModel): string[] => OPTIONAL_PARTS.filter((k) => m[k] !== undefined);

/** The one finding of a planted run, with its saved corpus file. */
function theFinding(run: Run, property: string) {
  expect(run.r.stderr).not.toContain('internal error');
  expect(run.r.exitCode).toBe(1);
  expect(run.rep.findings).toHaveLength(1);
  const f = run.rep.findings[0]!;
  expect(f.property).toBe(property);
  expect(run.corpusFiles).toEqual([`${property}-${f.signature}.json`]);
  return { f, model: run.entries[0]!.model };
}

/**
 * How many generated projects had `feature`, from the --stats table on stdout
 * (`  NAME  COUNT  SHARE%`; the JSON report does not carry it).
 */
function featureCount(rep: JsonReport, feature: string): number {
  expect(rep.features, 'the report holds the --stats feature counts').toBeDefined();
  return rep.features?.[feature] ?? 0;
}

function passes(run: Run, runs: number, feature?: string): void {
  expect(run.r.stderr).not.toContain('internal error');
  expect(run.r.exitCode).toBe(0);
  expect(run.rep.findings).toEqual([]);
  expect(run.corpusFiles).toEqual([]);
  expect(run.rep.stats.projects).toBe(runs);
  expect(run.rep.stats.rejected).toEqual({ a: 0, b: 0 });
  // The run is meaningful: it did build projects with the feature the bug is about.
  if (feature !== undefined) expect(featureCount(run.rep, feature)).toBeGreaterThan(0);
}

/** The smallest project there is: one empty top-level module, nothing optional. */
function expectSmallest(model: ProjectModel): void {
  expect(model.packages).toEqual([]);
  expect(model.modules).toHaveLength(1);
  expect(model.modules[0]!.source).toBe('');
  expect(model.dependencies).toEqual([]);
  expect(optionalParts(model)).toEqual([]);
}

const TIMEOUT = 400_000;

describe('diff: hatchling whose wheel METADATA loses Keywords', () => {
  // `diff` generates for both sides: hatchling twice.
  const c: Case = { property: 'diff', real: HATCHLING, bug: 'no_keywords', seed: seedWhere([HA, HA], has('keywords')), runs: 1 };
  const runs = pair(c);
  beforeAll(() => runs().then(() => undefined), TIMEOUT);

  it('is caught and shrunk to one keyword', async () => {
    const { f, model } = theFinding((await runs()).bad, 'diff');
    expect(f.signatureText).toContain('METADATA[Keywords]');
    expect(f.differences.filter((d) => d.artifact === 'sdist')).toEqual([]);
    expect(optionalParts(model)).toEqual(['keywords']);
    expect(model.keywords).toHaveLength(1);
    expect(model.packages.length + model.modules.length).toBe(1);
    expect(model.dependencies).toEqual([]);
  });

  it('the real hatchling passes the same run', async () => {
    passes((await runs()).good, c.runs, 'keywords');
  });
});

// The same bug, one backend alone: `spec` holds METADATA to what the model says (src/fuzz/properties/_modelMetadata.ts).
describe('spec: hatchling whose wheel METADATA loses Keywords, with no second backend to compare', () => {
  const c: Case = { property: 'spec', real: HATCHLING, bug: 'no_keywords', seed: seedWhere([HA], has('keywords')), runs: 1 };
  const runs = pair(c);
  beforeAll(() => runs().then(() => undefined), TIMEOUT);

  it('is caught as the Keywords field of METADATA against the model, and shrunk to one keyword', async () => {
    const { f, model } = theFinding((await runs()).bad, 'spec');
    expect(f.signatureText).toBe('spec|wheel:content:dist-info/METADATA[Keywords]');
    const d = f.differences.find((x) => x.path === '{dist-info}/METADATA')!;
    expect(d.a).toBe('Keywords: (absent)');
    expect(d.b).toBe(`Keywords: ${model.keywords![0]} (the model)`);
    expect(optionalParts(model)).toEqual(['keywords']);
    expect(model.keywords).toHaveLength(1);
  });

  it('the real hatchling passes the same run', async () => {
    passes((await runs()).good, c.runs, 'keywords');
  });
});

// PEP 794 import names (issue #12): the model declares them; `spec` holds Import-Name to the model.
describe('spec: flit-core whose wheel METADATA drops the `; private` mark of Import-Name', () => {
  const c: Case = { property: 'spec', real: 'flit==4.2.0', bug: 'import_names_unmarked', seed: seedWhere([{ family: 'flit', version: '4.2.0' }], (m) => m.importNames !== undefined && m.importNames.private !== 'none' && topLevelNames(m).every((n) => !n.startsWith('_'))), runs: 1 };
  // (An `_name` may go unmarked: the Import-Name check takes a leading underscore as private already.)
  const runs = pair(c);
  beforeAll(() => runs().then(() => undefined), TIMEOUT);

  it('is caught as Import-Name of METADATA against the model, and shrunk to the declaration alone', async () => {
    const { f, model } = theFinding((await runs()).bad, 'spec');
    const d = f.differences.find((x) => x.path === '{dist-info}/METADATA')!;
    const name = model.modules[0]!.name;
    expect(d.diff!.split('\n')).toEqual(expect.arrayContaining([`-Import-Name: ${name}; private`, `+Import-Name: ${name}`]));
    expect(d.a).toBe(`Import-Name: ${name}`);
    expect(optionalParts(model)).toEqual(['importNames']);
    expect(model.importNames?.private).not.toBe('none');
    expect(model.packages).toEqual([]);
    expect(model.modules).toHaveLength(1);
    expect(model.dependencies).toEqual([]);
  });

  it('the real flit-core passes the same run', async () => {
    passes((await runs()).good, c.runs, 'import-names:private');
  });
});

// Metapackages (issue #12): a project with no import tree; `install` holds the installed files to the model.
describe('install: hatchling whose metapackage wheel ships the pyproject.toml', () => {
  const c: Case = { property: 'install', real: HATCHLING, bug: 'meta_wheel_ships_tree', seed: seedWhere([{ family: 'hatchling', version: '1.27.0' }], (m) => m.metaPackage === true), runs: 1 };
  const runs = pair(c);
  beforeAll(() => runs().then(() => undefined), TIMEOUT);

  it('is caught as a file installed that the model does not have, and shrunk to the bare metapackage', async () => {
    const { f, model } = theFinding((await runs()).bad, 'install');
    expect(f.differences).toEqual([expect.objectContaining({ artifact: 'wheel', kind: 'installed', code: 'unexpected-file', path: 'purelib/pyproject.toml' })]);
    expect(optionalParts(model)).toEqual(['metaPackage']);
    expect(model.packages).toEqual([]);
    expect(model.modules).toEqual([]);
    expect(model.dependencies).toEqual([]);
  });

  it('the real hatchling passes the same run', async () => {
    passes((await runs()).good, c.runs, 'meta-package');
  });
});

describe('spec: setuptools whose RECORD gives sizes in characters, not bytes', () => {
  // A non-ASCII description makes METADATA a text file whose characters and bytes differ in number; each
  // character beyond ASCII in the project is two bytes in UTF-8, so whichever the shrinking keeps is one byte off.
  const twoByteOnly = (m: ProjectModel): boolean => [...JSON.stringify(m)].every((ch) => ch.codePointAt(0)! < 0x800);
  const c: Case = { property: 'spec', real: SETUPTOOLS, bug: 'record_char_sizes', seed: seedWhere([ST], (m) => has('description:non-ascii')(m) && twoByteOnly(m)), runs: 1 };
  const runs = pair(c);
  beforeAll(() => runs().then(() => undefined), TIMEOUT);

  it('is caught as W013 and shrunk to a single non-ASCII character', async () => {
    const { f, model } = theFinding((await runs()).bad, 'spec');
    expect(f.differences.length).toBeGreaterThan(0);
    expect(f.differences.every((d) => d.artifact === 'wheel' && d.kind === 'spec-problem' && d.code === 'W013')).toBe(true);
    // The size is one byte too small: one two-byte character in the file.
    expect(f.differences).toHaveLength(1);
    expect(f.differences[0]!.a).toMatch(/is (\d+) bytes, RECORD says (\d+)/);
    const [, bytes, said] = /is (\d+) bytes, RECORD says (\d+)/.exec(f.differences[0]!.a!)!;
    expect(Number(bytes) - Number(said)).toBe(1);
    // Minimal: one character beyond ASCII in the whole project, and otherwise the smallest project.
    expect(JSON.stringify(model).match(/[^\x00-\x7f]/gu) ?? []).toHaveLength(1);
    expect(model.packages).toEqual([]);
    expect(model.modules).toHaveLength(1);
    expect(model.dependencies).toEqual([]);
    expect(optionalParts(model).length).toBeLessThanOrEqual(1);
  });

  it('the real setuptools passes the same run', async () => {
    passes((await runs()).good, c.runs, 'description:non-ascii');
  });
});

describe('roundtrip: setuptools whose sdist leaves out py.typed', () => {
  const c: Case = { property: 'roundtrip', real: SETUPTOOLS, bug: 'sdist_without_py_typed', seed: seedWhere([ST], has('py.typed')), runs: 1 };
  const runs = pair(c);
  beforeAll(() => runs().then(() => undefined), TIMEOUT);

  it('is caught as a py.typed only the tree wheel has, and shrunk to one typed package', async () => {
    const { f, model } = theFinding((await runs()).bad, 'roundtrip');
    expect(f.differences).toContainEqual(expect.objectContaining({ artifact: 'wheel', kind: 'only-in-a', path: expect.stringMatching(/(^|\/)py\.typed$/) }));
    expect(f.differences.filter((d) => d.kind === 'only-in-b')).toEqual([]);
    const pkgs = allPackages(model);
    expect(pkgs).toHaveLength(1);
    expect(pkgs[0]!.pkg).toEqual({ name: pkgs[0]!.pkg.name, init: '', modules: [], data: [], subpackages: [], typed: true });
    expect(model.modules).toEqual([]);
    expect(model.dependencies).toEqual([]);
    expect(optionalParts(model)).toEqual([]);
  });

  it('the real setuptools passes the same run', async () => {
    passes((await runs()).good, c.runs, 'py.typed');
  });
});

// Files at non-default paths (issue #12): a readme named by the configuration under docs/.
describe('roundtrip: hatchling whose sdist leaves out a readme that is in a folder', () => {
  const c: Case = { property: 'roundtrip', real: HATCHLING, bug: 'sdist_without_foldered_readme', seed: seedWhere([{ family: 'hatchling', version: '1.27.0' }], (m) => m.readme?.path?.includes('/') === true), runs: 1 };
  const runs = pair(c);
  beforeAll(() => runs().then(() => undefined), TIMEOUT);

  it('is caught as the sdist that cannot build its wheel, and shrunk to the readme in its folder', async () => {
    const { f, model } = theFinding((await runs()).bad, 'roundtrip');
    expect(f.differences).toEqual([expect.objectContaining({ artifact: 'wheel', kind: 'build-failed', b: expect.stringContaining('Readme file does not exist: docs/') })]);
    expect(optionalParts(model)).toEqual(['readme']);
    expect(model.readme).toEqual({ contentType: 'text/markdown', form: 'file', text: '# a\n', path: 'docs/DESCRIPTION.md' });
    expect(model.packages.length + model.modules.length).toBe(1);
  });

  it('the real hatchling passes the same run', async () => {
    passes((await runs()).good, c.runs, 'readme:in-folder');
  });
});

describe('metadata: setuptools whose prepare_metadata_for_build_wheel drops requirements with markers', () => {
  // A dependency (not an extra's requirement, whose `extra ==` marker the bug drops too) with a marker.
  const c: Case = { property: 'metadata', real: SETUPTOOLS, bug: 'prepared_without_marker_deps', seed: seedWhere([ST], (m) => m.dependencies.some((d) => d.includes(';'))), runs: 1 };
  const runs = pair(c);
  beforeAll(() => runs().then(() => undefined), TIMEOUT);

  it('is caught on Requires-Dist and shrunk to one dependency with a marker', async () => {
    const { f, model } = theFinding((await runs()).bad, 'metadata');
    expect(f.signatureText).toContain('prepare_metadata_for_build_wheel');
    expect(f.signatureText).toContain('Requires-Dist');
    // The editable wheel is not affected.
    expect(f.signatureText).not.toContain('build_editable');
    expect(model.dependencies).toHaveLength(1);
    expect(model.dependencies[0]).toContain(';');
    expect(model.packages.length + model.modules.length).toBe(1);
    expect(optionalParts(model)).toEqual([]);
  });

  it('the real setuptools passes the same run', async () => {
    passes((await runs()).good, c.runs, 'dependencies:markers');
  });
});

describe('reproducible: hatchling whose wheel keeps the source files\' mtimes', () => {
  // Any project whose wheel takes a file from the source tree: all but a metapackage.
  const c: Case = { property: 'reproducible', real: HATCHLING, bug: 'source_mtimes', seed: seedWhere([HA], (m) => m.metaPackage !== true), runs: 1 };
  const runs = pair(c);
  beforeAll(() => runs().then(() => undefined), TIMEOUT);

  it('is caught in the wheel bytes only and shrunk to the smallest project', async () => {
    const { f, model } = theFinding((await runs()).bad, 'reproducible');
    expect(f.differences.length).toBeGreaterThan(0);
    expect(f.differences.every((d) => d.artifact === 'wheel')).toBe(true);
    // Any file from the source tree shows it: one empty module is all the bug needs.
    expectSmallest(model);
  });

  it('the real hatchling passes the same run', async () => {
    passes((await runs()).good, c.runs);
  });
});

describe('config: setuptools that does not read setup.cfg\'s [options.entry_points]', () => {
  const c: Case = { property: 'config', real: SETUPTOOLS, bug: 'cfg_without_entry_points', seed: seedWhere([ST], has('entry-points')), runs: 1 };
  const runs = pair(c);
  beforeAll(() => runs().then(() => undefined), TIMEOUT);

  it('is caught for the setup.cfg style only and shrunk to one entry point', async () => {
    const { f, model } = theFinding((await runs()).bad, 'config');
    expect(f.differences.length).toBeGreaterThan(0);
    expect(f.differences.every((d) => d.path.startsWith('setup.cfg:'))).toBe(true);
    expect(f.differences).toContainEqual(expect.objectContaining({ artifact: 'wheel', kind: 'only-in-a', path: 'setup.cfg:{dist-info}/entry_points.txt' }));
    expect(optionalParts(model)).toEqual(['entryPoints']);
    expect(model.entryPoints).toHaveLength(1);
    expect(model.entryPoints![0]!.entries).toHaveLength(1);
    expect(model.packages.length + model.modules.length).toBe(1);
    expect(model.dependencies).toEqual([]);
  });

  it('the real setuptools passes the same run', async () => {
    passes((await runs()).good, c.runs, 'entry-points');
  });
});
