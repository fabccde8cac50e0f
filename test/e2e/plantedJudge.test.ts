/**
 * Issue #14: the reference judge (pypa/packaging, codes P001-P007) catches
 * what twinbuild's TypeScript checks let through. For each of the three
 * disagreements of the issue, a real setuptools 80.9.0 wrapped to write it
 * (test/fixtures/backends/tb_planted_judge.py) is caught by `fuzz --property
 * spec` with the new code, shrunk to a project that keeps only what the bug
 * needs, and saved; the real setuptools passes the very same run; and with
 * the judge off (TWINBUILD_JUDGE=off) the planted run shows no P code, so it
 * is the judge that finds it.
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
import type { ProjectModel } from '../../src/model/projectModel.js';
import type { JsonReport } from '../../src/report/jsonReport.js';
import { FAKE_BACKENDS } from '../helpers.js';
import { modelFeatures } from '../../src/model/features.js';
import { SETUPTOOLS, readJson, seedWhere, tempDir, twinbuild, type CliResult } from './cli.js';

interface Run {
  r: CliResult;
  rep: JsonReport;
  entries: CorpusFile[];
  corpusFiles: string[];
}

async function fuzz(a: string, seed: number, env: Record<string, string> = {}): Promise<Run> {
  const dir = await tempDir();
  const report = join(dir, 'report.json');
  const corpus = join(dir, 'corpus');
  const r = await twinbuild(['fuzz', '--a', a, '--property', 'spec', '--seed', String(seed), '--runs', '1', '--jobs', '1', '--stats', '--corpus', corpus, '--report', report, '--no-progress'], { env });
  if (!existsSync(report)) throw new Error(`no report (exit ${r.exitCode}):\n${r.stderr}`);
  const corpusFiles = existsSync(corpus) ? (await readdir(corpus)).sort() : [];
  const entries = await Promise.all(corpusFiles.map((f) => readJson<CorpusFile>(join(corpus, f))));
  return { r, rep: await readJson<JsonReport>(report), entries, corpusFiles };
}

interface Case {
  bug: string;
  seed: number;
  /** A --stats feature the bug needs (the real run must have generated it). */
  feature: string;
}

function runsOf(c: Case) {
  let result: Promise<{ bad: Run; good: Run; off: Run }> | undefined;
  const planted = `${SETUPTOOLS},backend=tb_planted_judge:${c.bug},path=${FAKE_BACKENDS}`;
  return () =>
    (result ??= (async () => ({
      bad: await fuzz(planted, c.seed),
      good: await fuzz(SETUPTOOLS, c.seed),
      off: await fuzz(planted, c.seed, { TWINBUILD_JUDGE: 'off' }),
    }))());
}

/** What `fuzz --a setuptools==80.9.0` generates for (the planted backend wraps it, same family and version). */
const TARGETS = [{ family: 'setuptools', version: '80.9.0' }] as const;
/** The first seed whose first project has `feature` (a --stats name, src/model/features.ts). */
const seedWith = (feature: string): number => seedWhere([...TARGETS], (m) => modelFeatures(m).includes(feature));

const optionalParts = (m: ProjectModel): string[] => OPTIONAL_PARTS.filter((k) => m[k] !== undefined);

function theFinding(run: Run) {
  expect(run.r.stderr).not.toContain('internal error');
  expect(run.r.stderr).toContain('reference checks by packaging 26.3 and trove-classifiers 2026.9.21.13');
  expect(run.r.exitCode).toBe(1);
  expect(run.rep.findings).toHaveLength(1);
  const f = run.rep.findings[0]!;
  expect(f.property).toBe('spec');
  expect(run.corpusFiles).toEqual([`spec-${f.signature}.json`]);
  return { f, model: run.entries[0]!.model };
}

/** The smallest project but for `keep`: one empty module, no dependencies. */
function expectSmallestBut(model: ProjectModel, keep: string[]): void {
  expect(model.packages).toEqual([]);
  expect(model.modules).toHaveLength(1);
  expect(model.modules[0]!.source).toBe('');
  expect(model.dependencies).toEqual([]);
  expect(optionalParts(model)).toEqual(keep);
}

function realPasses(run: Run, feature: string): void {
  expect(run.r.stderr).not.toContain('internal error');
  expect(run.r.exitCode).toBe(0);
  expect(run.rep.findings).toEqual([]);
  expect(run.rep.stats.projects).toBe(1);
  expect(run.rep.features?.[feature] ?? 0).toBe(1);
}

function noReferenceCode(run: Run): void {
  expect(run.r.stderr).toContain('reference checks (pypa/packaging, codes P001-P007) are off (TWINBUILD_JUDGE=off)');
  expect(run.rep.findings.flatMap((f) => f.differences.map((d) => d.code ?? '')).filter((c) => c.startsWith('P'))).toEqual([]);
}

const TIMEOUT = 400_000;

describe('P001: a wheel named foo__bar-1.0-py3-none-any.whl (each _ of the name doubled)', () => {
  // setuptools writes each separator of the name as `_` in the wheel's filename: a hyphen is one.
  const c: Case = { bug: 'doubled_underscores', seed: seedWith('name:hyphen'), feature: 'name:hyphen' };
  const runs = runsOf(c);
  beforeAll(() => runs().then(() => undefined), TIMEOUT);

  it('is caught by P001 and shrunk to a name with one separator', async () => {
    const { f, model } = theFinding((await runs()).bad);
    const p001 = f.differences.filter((d) => d.code === 'P001');
    expect(p001).toHaveLength(1);
    expect(p001[0]!.a).toMatch(/P001 \(error\) packaging\.utils\.parse_wheel_filename rejects '[a-z0-9]+__[a-z0-9]+-0-py3-none-any\.whl': Invalid project name/);
    // Only the wheel's filename: our W001 (src/pep's filename parser, equal to packaging's) agrees with P001, nothing else is wrong.
    expect(f.differences.map((d) => `${d.artifact}:${d.code}`).sort()).toEqual(['wheel:P001', 'wheel:W001']);
    expect(model.name).toMatch(/^[a-z0-9]+[-_.][a-z0-9]+$/i);
    expectSmallestBut(model, []);
  });

  it('the real setuptools passes the same run', async () => {
    realPasses((await runs()).good, c.feature);
  });

  it('without the judge, our own W001 (src/pep, equal to packaging) still catches it', async () => {
    const { off } = await runs();
    noReferenceCode(off);
    expect(off.rep.findings.flatMap((f) => f.differences.map((d) => d.code))).toEqual(['W001']);
  });
});

describe('P003: License-Expression with an unknown exception (MIT WITH Foo-exception)', () => {
  // setuptools writes License-Expression for an SPDX license.
  const c: Case = { bug: 'unknown_license_exception', seed: seedWith('license:spdx'), feature: 'license:spdx' };
  const runs = runsOf(c);
  beforeAll(() => runs().then(() => undefined), TIMEOUT);

  it('is caught by P003 on the wheel and shrunk to the license alone', async () => {
    const { f, model } = theFinding((await runs()).bad);
    expect(f.differences).toHaveLength(1);
    expect(f.differences[0]).toMatchObject({ artifact: 'wheel', kind: 'spec-problem', code: 'P003', path: expect.stringMatching(/\.dist-info\/METADATA$/) });
    expect(f.differences[0]!.a).toMatch(/license-expression: '.+ WITH Foo-exception' is invalid for 'license-expression' \(Unknown license exception: 'foo-exception'\)/);
    expectSmallestBut(model, ['license']);
    expect(model.license).toMatchObject({ kind: 'spdx' });
  });

  it('the real setuptools passes the same run', async () => {
    realPasses((await runs()).good, c.feature);
  });

  it('without the judge, the run passes: our M008 accepts the expression', async () => {
    const { off } = await runs();
    noReferenceCode(off);
    expect(off.r.exitCode).toBe(0);
  });
});

describe('P003: Description-Content-Type: text/markdown; variant=Foo', () => {
  // A Markdown readme gives Description-Content-Type: text/markdown.
  const c: Case = { bug: 'markdown_variant', seed: seedWith('readme:md'), feature: 'readme:md' };
  const runs = runsOf(c);
  beforeAll(() => runs().then(() => undefined), TIMEOUT);

  it('is caught by P003 on the wheel and shrunk to the markdown readme alone', async () => {
    const { f, model } = theFinding((await runs()).bad);
    expect(f.differences).toHaveLength(1);
    expect(f.differences[0]).toMatchObject({ artifact: 'wheel', kind: 'spec-problem', code: 'P003', path: expect.stringMatching(/\.dist-info\/METADATA$/) });
    expect(f.differences[0]!.a).toMatch(/description-content-type: valid Markdown variants for 'description-content-type' are \[.*\], not 'Foo'/);
    expectSmallestBut(model, ['readme']);
    expect(model.readme).toMatchObject({ contentType: 'text/markdown' });
  });

  it('the real setuptools passes the same run', async () => {
    realPasses((await runs()).good, c.feature);
  });

  it('without the judge, the run passes: our M014 accepts the content type', async () => {
    const { off } = await runs();
    noReferenceCode(off);
    expect(off.r.exitCode).toBe(0);
  });
});
