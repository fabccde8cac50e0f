/**
 * Issue #15: the `install` property finds what an installer makes of a
 * wheel. Three planted bugs in a real hatchling 1.27.0
 * (test/fixtures/backends/tb_planted_install.py): each is caught by
 * `fuzz --property install`, shrunk to a project that keeps only what the
 * bug needs, and saved; the real hatchling passes the very same run (same
 * seed and run count), which did generate what the bug is about.
 *
 * Each case's seed is the first whose first generated project has what the
 * bug needs (seedWhere, test/e2e/cli.ts), so the seed follows the generators.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPTIONAL_PARTS } from '../../generators/projectModel.js';
import type { CorpusFile } from '../../src/corpus/corpusFile.js';
import { allPackages, type ProjectModel } from '../../src/model/projectModel.js';
import type { JsonReport } from '../../src/report/jsonReport.js';
import { FAKE_BACKENDS } from '../helpers.js';
import { modelFeatures } from '../../src/model/features.js';
import { HATCHLING, readJson, seedWhere, tempDir, twinbuild, type CliResult } from './cli.js';

interface Run {
  r: CliResult;
  rep: JsonReport;
  corpusFiles: string[];
  models: ProjectModel[];
}

async function fuzz(a: string, seed: number): Promise<Run> {
  const dir = await tempDir();
  const report = join(dir, 'report.json');
  const corpus = join(dir, 'corpus');
  const r = await twinbuild(['fuzz', '--a', a, '--property', 'install', '--seed', String(seed), '--runs', '1', '--jobs', '1', '--stats', '--corpus', corpus, '--report', report, '--no-progress']);
  if (!existsSync(report)) throw new Error(`no report (exit ${r.exitCode}):\n${r.stderr}`);
  const corpusFiles = existsSync(corpus) ? (await readdir(corpus)).sort() : [];
  const entries = await Promise.all(corpusFiles.map((f) => readJson<CorpusFile>(join(corpus, f))));
  return { r, rep: await readJson<JsonReport>(report), corpusFiles, models: entries.map((e) => e.model) };
}

function pair(bug: string, seed: number): () => Promise<{ bad: Run; good: Run }> {
  let result: Promise<{ bad: Run; good: Run }> | undefined;
  return () =>
    (result ??= (async () => ({ bad: await fuzz(`${HATCHLING},backend=tb_planted_install:${bug},path=${FAKE_BACKENDS}`, seed), good: await fuzz(HATCHLING, seed) }))());
}

function theFinding(run: Run) {
  expect(run.r.stderr).not.toContain('internal error');
  expect(run.r.exitCode).toBe(1);
  expect(run.rep.findings).toHaveLength(1);
  const f = run.rep.findings[0]!;
  expect(f.property).toBe('install');
  expect(f.shrinkComplete).toBe(true);
  expect(run.corpusFiles).toEqual([`install-${f.signature}.json`]);
  expect(f.differences.every((d) => d.kind === 'installed')).toBe(true);
  return { f, model: run.models[0]! };
}

function passes(run: Run, feature: string): void {
  expect(run.r.stderr).not.toContain('internal error');
  expect(run.r.exitCode).toBe(0);
  expect(run.rep.findings).toEqual([]);
  expect(run.corpusFiles).toEqual([]);
  expect(run.rep.stats.projects).toBe(1);
  expect(run.rep.stats.rejected).toEqual({ a: 0, b: 0 });
  expect(run.rep.features?.[feature] ?? 0, `the run generated ${feature}`).toBeGreaterThan(0);
}

/** The first seed whose first hatchling 1.27.0 project is one `wanted` accepts. */
const seedFor = (wanted: (m: ProjectModel) => boolean): number => seedWhere([{ family: 'hatchling', version: '1.27.0' }], wanted);
const has = (feature: string) => (m: ProjectModel): boolean => modelFeatures(m).includes(feature);

const optionalParts = (m: ProjectModel): string[] => OPTIONAL_PARTS.filter((k) => m[k] !== undefined);
const TIMEOUT = 400_000;

describe('install: a wheel without the __init__.py of a subpackage', () => {
  // A regular package with a subpackage (one inside a namespace package would keep the namespace).
  const runs = pair('subpackage_without_init', seedFor((m) => m.packages.some((p) => p.subpackages.length > 0)));
  beforeAll(() => runs().then(() => undefined), TIMEOUT);

  it('is caught as that missing file (the subpackage does not import) and shrunk to one package with one subpackage', async () => {
    const { f, model } = theFinding((await runs()).bad);
    expect(f.signatureText).toBe('install|wheel:installed:missing-file');
    expect(f.differences).toEqual([expect.objectContaining({ code: 'missing-file', path: expect.stringMatching(/^purelib\/\w+\/\w+\/__init__\.py$/) })]);
    expect(f.differences[0]!.b).toMatch(/does not import|namespace package/);
    const pkgs = allPackages(model);
    expect(pkgs.map((p) => p.dotted.split('.').length).sort()).toEqual([1, 2]);
    expect(model.modules).toEqual([]);
    expect(optionalParts(model)).toEqual([]);
  });

  it('the real hatchling passes the same run', async () => {
    passes((await runs()).good, 'layout:subpackages');
  });
});

describe('install: a wheel storing .data/data/ files under .data/purelib/', () => {
  const runs = pair('data_under_purelib', seedFor(has('wheel-data')));
  beforeAll(() => runs().then(() => undefined), TIMEOUT);

  it('is caught as the data file missing from the data scheme and present in site-packages, shrunk to one data file', async () => {
    const { f, model } = theFinding((await runs()).bad);
    expect(f.signatureText).toBe('install|wheel:installed:missing-file|wheel:installed:unexpected-file');
    const path = model.wheelData?.[0]?.path;
    expect(model.wheelData).toHaveLength(1);
    expect(f.differences).toContainEqual(expect.objectContaining({ code: 'missing-file', path: `data/${path}` }));
    expect(f.differences).toContainEqual(expect.objectContaining({ code: 'unexpected-file', path: `purelib/${path}` }));
    expect(f.differences).toHaveLength(2);
    expect(optionalParts(model)).toEqual(['wheelData']);
    expect(model.packages.length + model.modules.length).toBe(1);
  });

  it('the real hatchling passes the same run', async () => {
    passes((await runs()).good, 'wheel-data');
  });
});

describe('install: an editable wheel whose .pth names the wrong folder', () => {
  // Any importable project has a .pth in its editable wheel; a single module is the smallest.
  const runs = pair('editable_wrong_folder', seedFor(has('layout:single-module')));
  beforeAll(() => runs().then(() => undefined), TIMEOUT);

  it('is caught in the editable install only (nothing imports, no edit is seen), shrunk to the smallest project', async () => {
    const { f, model } = theFinding((await runs()).bad);
    expect(f.differences.every((d) => d.code?.startsWith('editable:'))).toBe(true);
    expect(f.differences).toContainEqual(expect.objectContaining({ code: 'editable:import' }));
    expect(f.differences).toContainEqual(expect.objectContaining({ code: 'editable:edit-not-seen' }));
    expect(model.packages.length + model.modules.length).toBe(1);
    expect(model.dependencies).toEqual([]);
    expect(optionalParts(model)).toEqual([]);
  });

  it('the real hatchling passes the same run', async () => {
    passes((await runs()).good, 'layout:single-module');
  });
});
