/**
 * Issue #12: file-system features. Planted bugs in a real hatchling: its
 * long names dropped from the sdist, its case twins folded in the wheel
 * (both caught by `spec` against the model's `dataPathEdges`), and, first, a
 * planted bug in the file modes of a real
 * hatchling 1.27.0 (test/fixtures/backends/tb_planted_files.py: its wheel
 * drops every file's mode) is caught by `fuzz --property spec` (one
 * backend, judged against the model's executable files) and by `fuzz
 * --property install` (the installed file is not executable), shrunk to a
 * project that keeps one executable file, and saved under a signature that
 * names the mode that was lost (the kind of file, never its path); the real
 * hatchling passes the very same runs (same seed and run count), which did
 * generate executable files (asserted through --stats).
 *
 * Seeds are chosen (`seedWhere`) so that the first generated project
 * already has an executable file of the kind the test is about (package
 * data for spec, a module for install, which shrinks on to package data:
 * the planted bug takes every file's mode).
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPTIONAL_PARTS } from '../../generators/projectModel.js';
import type { CorpusFile } from '../../src/corpus/corpusFile.js';
import { executableKind, executableWheelPaths } from '../../src/model/executableFiles.js';
import type { DataPathEdge, ProjectModel } from '../../src/model/projectModel.js';
import { LONG_DATA_PATH } from '../../src/model/dataPathEdges.js';
import type { JsonReport } from '../../src/report/jsonReport.js';
import { FAKE_BACKENDS } from '../helpers.js';
import { HATCHLING, readJson, seedWhere, tempDir, twinbuild, type CliResult } from './cli.js';

const planted = (name: string): string => `${HATCHLING},backend=tb_planted_files:${name},path=${FAKE_BACKENDS}`;

interface Run {
  r: CliResult;
  rep: JsonReport;
  corpusFiles: string[];
  entries: CorpusFile[];
}

async function fuzz(property: string, a: string, seed: number, runs: number): Promise<Run> {
  const dir = await tempDir();
  const report = join(dir, 'report.json');
  const corpus = join(dir, 'corpus');
  const r = await twinbuild(['fuzz', '--a', a, '--property', property, '--seed', String(seed), '--runs', String(runs), '--jobs', '1', '--stats', '--corpus', corpus, '--report', report, '--no-progress']);
  if (!existsSync(report)) throw new Error(`no report (exit ${r.exitCode}):\n${r.stderr}`);
  const corpusFiles = existsSync(corpus) ? (await readdir(corpus)).sort() : [];
  const entries = await Promise.all(corpusFiles.map((f) => readJson<CorpusFile>(join(corpus, f))));
  return { r, rep: await readJson<JsonReport>(report), corpusFiles, entries };
}

/** The planted backend's run and the real backend's run of the same property, seed and run count. */
function pair(property: string, bug: string, seed: number, runs: number): () => Promise<{ bad: Run; good: Run }> {
  let result: Promise<{ bad: Run; good: Run }> | undefined;
  return () =>
    (result ??= (async () => {
      const bad = await fuzz(property, planted(bug), seed, runs);
      const good = await fuzz(property, HATCHLING, seed, runs);
      return { bad, good };
    })());
}

const optionalParts = (m: ProjectModel): string[] => OPTIONAL_PARTS.filter((k) => m[k] !== undefined);

function theFinding(run: Run, property: string) {
  expect(run.r.stderr).not.toContain('internal error');
  expect(run.r.exitCode).toBe(1);
  expect(run.rep.findings).toHaveLength(1);
  const f = run.rep.findings[0]!;
  expect(f.property).toBe(property);
  expect(run.corpusFiles).toEqual([`${property}-${f.signature}.json`]);
  return { f, model: run.entries[0]!.model };
}

function passes(run: Run, runs: number, features: string[]): void {
  expect(run.r.stderr).not.toContain('internal error');
  expect(run.r.exitCode).toBe(0);
  expect(run.rep.findings).toEqual([]);
  expect(run.corpusFiles).toEqual([]);
  expect(run.rep.stats.projects).toBe(runs);
  expect(run.rep.stats.rejected).toEqual({ a: 0, b: 0 });
  // The run is meaningful: it did build projects with the executable files the bug is about.
  for (const feature of features) expect(run.rep.features?.[feature] ?? 0, feature).toBeGreaterThan(0);
}

/** Minimal: one package holding its `__init__.py` and one executable file with nothing but its `#!` line. */
function expectMinimal(model: ProjectModel, kind: 'data' | 'module'): void {
  expect(optionalParts(model)).toEqual(['executableFiles']);
  expect(model.modules).toEqual([]);
  expect(model.packages).toHaveLength(1);
  expect(model.packages[0]).toMatchObject({ modules: [], subpackages: [], data: [] });
  expect(model.executableFiles).toEqual([kind === 'data' ? { path: 'tool.sh', content: '#!/bin/sh\n' } : { path: 'launch.py', content: '#!/usr/bin/env python3\n' }]);
}

const TIMEOUT = 400_000;
const onlyKind = (m: ProjectModel, kind: 'data' | 'module'): boolean => {
  const files = m.packages.length > 0 ? (m.executableFiles ?? []) : [];
  return files.length > 0 && files.every((f) => executableKind(f) === kind);
};

describe('hatchling whose wheel drops file modes (spec)', () => {
  const seed = seedWhere([{ family: 'hatchling', version: '1.27.0' }], (m) => onlyKind(m, 'data'));
  const runs = pair('spec', 'wheel_drops_modes', seed, 1);
  beforeAll(() => runs().then(() => undefined), TIMEOUT);

  it('is caught as executable package data without the execute bit in the wheel, and shrunk to one such file', async () => {
    const { f, model } = theFinding((await runs()).bad, 'spec');
    expect(f.signatureText).toBe('spec|wheel:spec:file-mode:executable-data:a');
    expectMinimal(model, 'data');
    // The one difference is that file, in the wheel (the sdist is the real backend's and keeps the mode).
    const [path] = executableWheelPaths(model);
    expect(f.differences).toEqual([expect.objectContaining({ artifact: 'wheel', kind: 'spec-problem', code: 'file-mode:executable-data', path })]);
    expect(f.differences[0]!.a).toContain('with mode 0o644');
  });

  it('the real hatchling passes the same run', async () => {
    passes((await runs()).good, 1, ['file-mode:executable-data']);
  });
});

describe('hatchling whose wheel drops file modes (install)', () => {
  const seed = seedWhere([{ family: 'hatchling', version: '1.27.0' }], (m) => onlyKind(m, 'module'));
  const runs = pair('install', 'wheel_drops_modes', seed, 1);
  beforeAll(() => runs().then(() => undefined), TIMEOUT);

  it('is caught as an executable file installed without the execute bit, shrunk from a module to the smallest executable file', async () => {
    const { f, model } = theFinding((await runs()).bad, 'install');
    // Every executable file loses its mode: shrinking goes on from the module to the bare tool.sh.
    expectMinimal(model, 'data');
    const [path] = executableWheelPaths(model);
    expect(f.differences).toEqual([expect.objectContaining({ kind: 'installed', code: 'not-executable', path: `purelib/${path}` })]);
    expect(f.signatureText).toContain('not-executable');
  });

  it('the real hatchling passes the same run', async () => {
    passes((await runs()).good, 1, ['file-mode:executable-module']);
  });
});

/** Minimal for a data path edge: one package holding its `__init__.py` and the one edge's files. */
function expectMinimalEdge(model: ProjectModel, edge: DataPathEdge): void {
  expect(optionalParts(model)).toEqual(['dataPathEdges']);
  expect(model.dataPathEdges).toEqual([edge]);
  expect(model.modules).toEqual([]);
  expect(model.packages).toHaveLength(1);
  expect(model.packages[0]).toMatchObject({ modules: [], subpackages: [], data: [] });
}

const onlyEdge = (m: ProjectModel, edge: DataPathEdge): boolean => m.packages.length > 0 && (m.dataPathEdges ?? []).length === 1 && m.dataPathEdges![0] === edge;

describe('hatchling whose sdist drops long names (spec)', () => {
  const seed = seedWhere([{ family: 'hatchling', version: '1.27.0' }], (m) => onlyEdge(m, 'long-path'));
  const runs = pair('spec', 'sdist_drops_long_names', seed, 1);
  beforeAll(() => runs().then(() => undefined), TIMEOUT);

  it('is caught as a long path the sdist lacks, and shrunk to that edge alone', async () => {
    const { f, model } = theFinding((await runs()).bad, 'spec');
    expect(f.signatureText).toBe('spec|sdist:spec:must-ship:long-path:a');
    expectMinimalEdge(model, 'long-path');
    // The one difference is that file, in the sdist (the wheel is the real backend's and ships it).
    expect(f.differences).toEqual([expect.objectContaining({ artifact: 'sdist', kind: 'spec-problem', code: 'must-ship:long-path', path: `${model.packages[0]!.name}/${LONG_DATA_PATH}` })]);
  });

  it('the real hatchling passes the same run', async () => {
    passes((await runs()).good, 1, ['package-data:long-path']);
  });
});

describe('hatchling whose wheel folds names that differ in case (spec)', () => {
  const seed = seedWhere([{ family: 'hatchling', version: '1.27.0' }], (m) => onlyEdge(m, 'case-twins'));
  const runs = pair('spec', 'wheel_folds_case', seed, 1);
  beforeAll(() => runs().then(() => undefined), TIMEOUT);

  it('is caught as a case twin the wheel lacks, and shrunk to the twins alone', async () => {
    const { f, model } = theFinding((await runs()).bad, 'spec');
    expect(f.signatureText).toBe('spec|wheel:spec:must-ship:case-twins:a');
    expectMinimalEdge(model, 'case-twins');
    // The first in sorted order (`CaseTwin.txt`) stays; its lower-case twin is the one lost.
    expect(f.differences).toEqual([expect.objectContaining({ artifact: 'wheel', kind: 'spec-problem', code: 'must-ship:case-twins', path: `${model.packages[0]!.name}/casetwin.txt` })]);
  });

  it('the real hatchling passes the same run', async () => {
    passes((await runs()).good, 1, ['package-data:case-collision']);
  });
});
