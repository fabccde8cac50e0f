/**
 * Issue #12: files that must not ship. A planted bug in the exclude rules of a
 * real hatchling 1.27.0 (test/fixtures/backends/tb_planted_exclude.py) is
 * caught by `fuzz --property spec` (one backend, judged against the model's
 * `shipExpectation`), shrunk to a project that keeps one excluded file, and
 * saved under a signature that names the exclusion that failed (its rule and
 * scope, never the path); the real hatchling passes the very same run (same
 * seed and run count), which did generate the excluded files (asserted
 * through --stats).
 *
 * Seeds are chosen so that the first generated project already has the
 * excluded file the bug is about (shrinking is what takes the time).
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPTIONAL_PARTS } from '../../generators/projectModel.js';
import type { CorpusFile } from '../../src/corpus/corpusFile.js';
import type { ProjectModel } from '../../src/model/projectModel.js';
import { shipExpectation } from '../../src/model/excludedFiles.js';
import type { JsonReport } from '../../src/report/jsonReport.js';
import { FAKE_BACKENDS } from '../helpers.js';
import { HATCHLING, readJson, tempDir, twinbuild, type CliResult } from './cli.js';

const planted = (name: string): string => `${HATCHLING},backend=tb_planted_exclude:${name},path=${FAKE_BACKENDS}`;

interface Run {
  r: CliResult;
  rep: JsonReport;
  corpusFiles: string[];
  entries: CorpusFile[];
}

async function spec(a: string, seed: number, runs: number): Promise<Run> {
  const dir = await tempDir();
  const report = join(dir, 'report.json');
  const corpus = join(dir, 'corpus');
  const r = await twinbuild(['fuzz', '--a', a, '--property', 'spec', '--seed', String(seed), '--runs', String(runs), '--jobs', '1', '--stats', '--corpus', corpus, '--report', report, '--no-progress']);
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
      const bad = await spec(planted(bug), seed, runs);
      const good = await spec(HATCHLING, seed, runs);
      return { bad, good };
    })());
}

const optionalParts = (m: ProjectModel): string[] => OPTIONAL_PARTS.filter((k) => m[k] !== undefined);

/** The one finding of a planted run, with its saved corpus file. */
function theFinding(run: Run) {
  expect(run.r.stderr).not.toContain('internal error');
  expect(run.r.exitCode).toBe(1);
  expect(run.rep.findings).toHaveLength(1);
  const f = run.rep.findings[0]!;
  expect(f.property).toBe('spec');
  expect(run.corpusFiles).toEqual([`spec-${f.signature}.json`]);
  return { f, model: run.entries[0]!.model };
}

function passes(run: Run, runs: number, features: string[]): void {
  expect(run.r.stderr).not.toContain('internal error');
  expect(run.r.exitCode).toBe(0);
  expect(run.rep.findings).toEqual([]);
  expect(run.corpusFiles).toEqual([]);
  expect(run.rep.stats.projects).toBe(runs);
  expect(run.rep.stats.rejected).toEqual({ a: 0, b: 0 });
  // The run is meaningful: it did build projects with the excluded files the bug is about.
  for (const feature of features) expect(run.rep.features?.[feature] ?? 0, feature).toBeGreaterThan(0);
}

/** Minimal: one package holding nothing but its `__init__.py` and the one excluded file, nothing else optional. */
function expectMinimal(model: ProjectModel): void {
  expect(optionalParts(model)).toEqual(['excludedFiles']);
  expect(model.excludedFiles).toHaveLength(1);
  expect(model.modules).toEqual([]);
  expect(model.packages).toHaveLength(1);
  expect(model.packages[0]).toMatchObject({ modules: [], subpackages: [], data: [] });
  expect(model.dependencies).toEqual([]);
}

const TIMEOUT = 400_000;

describe('hatchling whose wheel ignores its exclude rules', () => {
  const runs = pair('wheel_ignores_excludes', 250, 1);
  beforeAll(() => runs().then(() => undefined), TIMEOUT);

  it('is caught as a folder excluded from both artifacts that the wheel ships, and shrunk to one excluded file', async () => {
    const { f, model } = theFinding((await runs()).bad);
    // The signature is about the exclusion that failed: rule and scope, not the file.
    expect(f.signatureText).toBe('spec|wheel:spec:must-not-ship:folder:both:a');
    expectMinimal(model);
    const [x] = model.excludedFiles!;
    expect(x).toMatchObject({ scope: 'both', rule: 'folder' });
    expect(x!.path).toContain('/');
    // The one difference is that file, in the wheel; the sdist keeps its exclusion.
    const [expectation] = shipExpectation(model);
    expect(f.differences).toEqual([expect.objectContaining({ artifact: 'wheel', kind: 'spec-problem', code: 'must-not-ship:folder:both', path: expectation!.wheelPath })]);
    // The shrunk project still says so in its configuration: the wheel target excludes the folder.
    const folder = `/${model.packages[0]!.name}/${x!.path.slice(0, x!.path.indexOf('/'))}`;
    expect(f.project.files['pyproject.toml']).toContain(`[tool.hatch.build.targets.wheel]\nexclude = [ "${folder}" ]`);
  });

  it('the real hatchling passes the same run', async () => {
    passes((await runs()).good, 1, ['exclude:both', 'exclude:folder']);
  });
});

describe('hatchling whose wheel takes the sdist-only exclude rules', () => {
  const runs = pair('wheel_takes_sdist_excludes', 65, 1);
  beforeAll(() => runs().then(() => undefined), TIMEOUT);

  it('is caught as a file excluded from the sdist only that the wheel lacks, and shrunk to one excluded file', async () => {
    const { f, model } = theFinding((await runs()).bad);
    expect(f.signatureText).toBe('spec|wheel:spec:must-ship:glob:sdist:a');
    expectMinimal(model);
    const x = model.excludedFiles![0]!;
    expect(x).toMatchObject({ scope: 'sdist', rule: 'glob' });
    const [expectation] = shipExpectation(model);
    expect(expectation!.inWheel).toBe('present');
    expect(f.differences).toEqual([expect.objectContaining({ artifact: 'wheel', kind: 'spec-problem', code: 'must-ship:glob:sdist', path: expectation!.wheelPath })]);
    // The configuration excludes the glob from the sdist target only: the wheel target has no exclude at all.
    const pyproject = f.project.files['pyproject.toml']!;
    const glob = `/${model.packages[0]!.name}/*${x.path.slice(x.path.lastIndexOf('.'))}`;
    expect(pyproject).toContain(`[tool.hatch.build.targets.sdist]\nexclude = [ "${glob}" ]`);
    expect(pyproject.slice(pyproject.indexOf('[tool.hatch.build.targets.wheel]'))).not.toContain('exclude');
  });

  it('the real hatchling passes the same run', async () => {
    passes((await runs()).good, 1, ['exclude:sdist-only', 'exclude:glob']);
  });
});
