/**
 * Issue #4: a planted bug in each of three feature areas (PEP 420 namespace
 * packages, entry points, non-ASCII metadata) of a real setuptools is found
 * by `fuzz` (property `diff`, the real backend as A), shrunk to a project that
 * keeps only what the bug needs, and saved; the real backend compared with
 * itself passes the very same run (same seed, same runs), which did generate
 * the feature (asserted through --stats).
 *
 * The planted backends are test/fixtures/backends/tb_planted_features.py.
 * Each case's seed is the first whose first generated project has the feature
 * (seedWhere, test/e2e/cli.ts; the shrinking is what these tests are about,
 * and it is what takes the time), so the seed follows the generators.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPTIONAL_PARTS } from '../../generators/projectModel.js';
import type { CorpusFile } from '../../src/corpus/corpusFile.js';
import type { ProjectModel } from '../../src/model/projectModel.js';
import type { JsonReport } from '../../src/report/jsonReport.js';
import { FAKE_BACKENDS } from '../helpers.js';
import { modelFeatures } from '../../src/model/features.js';
import { SETUPTOOLS, readJson, seedWhere, tempDir, twinbuild, type CliResult } from './cli.js';

const planted = (name: string): string => `${SETUPTOOLS},backend=tb_planted_features:${name},path=${FAKE_BACKENDS}`;

interface Run {
  r: CliResult;
  rep: JsonReport;
  corpusFiles: string[];
  entries: CorpusFile[];
}

async function fuzz(b: string, seed: number, runs: number): Promise<Run> {
  const dir = await tempDir();
  const report = join(dir, 'report.json');
  const corpus = join(dir, 'corpus');
  const r = await twinbuild(['fuzz', '--a', SETUPTOOLS, '--b', b, '--seed', String(seed), '--runs', String(runs), '--jobs', '1', '--stats', '--corpus', corpus, '--report', report, '--no-progress']);
  if (!existsSync(report)) throw new Error(`no report (exit ${r.exitCode}):\n${r.stderr}`);
  const corpusFiles = existsSync(corpus) ? (await readdir(corpus)).sort() : [];
  const entries = await Promise.all(corpusFiles.map((f) => readJson<CorpusFile>(join(corpus, f))));
  return { r, rep: await readJson<JsonReport>(report), corpusFiles, entries };
}

/** The planted backend's run and the real backend's run of the same seed and run count. */
function pair(bug: string, seed: number, runs: number): () => Promise<{ bad: Run; good: Run }> {
  let result: Promise<{ bad: Run; good: Run }> | undefined;
  return () =>
    (result ??= (async () => {
      const bad = await fuzz(planted(bug), seed, runs);
      const good = await fuzz(SETUPTOOLS, seed, runs);
      return { bad, good };
    })());
}

/** The first seed whose first project (generated for setuptools 80.9.0 on both sides, as `diff` does) has `feature`. */
const seedWith = (feature: string): number =>
  seedWhere([{ family: 'setuptools', version: '80.9.0' }, { family: 'setuptools', version: '80.9.0' }], (m) => modelFeatures(m).includes(feature));

/** The optional parts a model has (the generator's list: readme, authors, entry points, ...). */
const optionalParts = (m: ProjectModel): string[] => OPTIONAL_PARTS.filter((k) => m[k] !== undefined);

/** The one finding of a planted run, with its saved corpus file. */
function theFinding(run: Run) {
  expect(run.r.stderr).not.toContain('internal error');
  expect(run.r.exitCode).toBe(1);
  expect(run.rep.findings).toHaveLength(1);
  const f = run.rep.findings[0]!;
  expect(f.property).toBe('diff');
  expect(run.corpusFiles).toEqual([`diff-${f.signature}.json`]);
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

function passes(run: Run, runs: number, feature: string): void {
  expect(run.r.stderr).not.toContain('internal error');
  expect(run.r.exitCode).toBe(0);
  expect(run.rep.findings).toEqual([]);
  expect(run.corpusFiles).toEqual([]);
  expect(run.rep.stats.projects).toBe(runs);
  // The run is meaningful: it did build projects with the feature the bug is about.
  expect(featureCount(run.rep, feature)).toBeGreaterThan(0);
}

const TIMEOUT = 400_000;

describe('namespace packages: a wheel without the PEP 420 namespace folders', () => {
  const runs = pair('no_namespaces', seedWith('namespace-package'), 1);
  beforeAll(() => runs().then(() => undefined), TIMEOUT);

  it('is found and shrunk to one namespace folder holding one thing', async () => {
    const { f, model } = theFinding((await runs()).bad);
    // What is missing from B's wheel lies under the namespace folder; the sdists are equal.
    const ns = model.namespacePackages ?? [];
    expect(ns).toHaveLength(1);
    const missing = f.differences.filter((d) => d.kind === 'only-in-a');
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.every((d) => d.artifact === 'wheel' && d.path.startsWith(`${ns[0]!.name}/`))).toBe(true);
    expect(f.differences.filter((d) => d.kind === 'only-in-b')).toEqual([]);
    expect(f.differences.filter((d) => d.artifact === 'sdist')).toEqual([]);
    // Minimal: nothing but the namespace folder, which holds a single module or package, no nesting.
    expect(model.packages).toEqual([]);
    expect(model.modules).toEqual([]);
    expect(model.dependencies).toEqual([]);
    expect(optionalParts(model)).toEqual(['namespacePackages']);
    expect(ns[0]!.namespaces).toEqual([]);
    expect(ns[0]!.packages.length + ns[0]!.modules.length).toBe(1);
  });

  it('the real setuptools passes the same run', async () => {
    passes((await runs()).good, 1, 'namespace-package');
  });
});

describe('entry points: entry_points.txt without its [gui_scripts] section', () => {
  const runs = pair('no_gui_scripts', seedWith('entry-points:gui'), 1);
  beforeAll(() => runs().then(() => undefined), TIMEOUT);

  it('is found and shrunk to one GUI script', async () => {
    const { f, model } = theFinding((await runs()).bad);
    expect(f.differences).toContainEqual(expect.objectContaining({ artifact: 'wheel', kind: 'content', path: '{dist-info}/entry_points.txt' }));
    expect(f.differences.filter((d) => d.artifact === 'sdist')).toEqual([]);
    // Minimal: one module and a single gui_scripts entry; no other group, no other optional part.
    expect(optionalParts(model)).toEqual(['entryPoints']);
    expect(model.entryPoints!.map((g) => g.group)).toEqual(['gui_scripts']);
    expect(model.entryPoints![0]!.entries).toHaveLength(1);
    expect(model.packages.length + model.modules.length).toBe(1);
    expect(model.dependencies).toEqual([]);
  });

  it('the real setuptools passes the same run', async () => {
    passes((await runs()).good, 1, 'entry-points:gui');
  });
});

describe('non-ASCII metadata: the wheel METADATA written as Latin-1', () => {
  const runs = pair('latin1_metadata', seedWith('description:non-ascii'), 1);
  beforeAll(() => runs().then(() => undefined), TIMEOUT);

  it('is found and shrunk to a single non-ASCII character in the metadata', async () => {
    const { f, model } = theFinding((await runs()).bad);
    expect(f.differences).toContainEqual(expect.objectContaining({ artifact: 'wheel', kind: 'content', path: '{dist-info}/METADATA' }));
    // The sdist's PKG-INFO is UTF-8 as it should be: only the wheel differs.
    expect(f.differences.filter((d) => d.artifact === 'sdist')).toEqual([]);
    // Minimal: exactly one character beyond ASCII in the whole project, and no package, dependency or file that
    // could hold it but the metadata itself.
    const nonAscii = JSON.stringify(model).match(/[^\x00-\x7f]/gu) ?? [];
    expect(nonAscii).toHaveLength(1);
    expect(model.packages).toEqual([]);
    expect(model.modules).toEqual([{ name: model.modules[0]!.name, source: '' }]);
    expect(model.dependencies).toEqual([]);
    const metadataText = JSON.stringify({ ...model, modules: [] });
    expect(metadataText).toMatch(/[^\x00-\x7f]/u);
    expect(optionalParts(model).length).toBeLessThanOrEqual(1);
  });

  it('the real setuptools passes the same run', async () => {
    passes((await runs()).good, 1, 'description:non-ascii');
  });
});
