/**
 * Issue #12: symbolic links in the source tree. A planted bug in a real
 * hatchling 1.27.0 (test/fixtures/backends/tb_planted_links.py: its wheel is
 * built from a copy without the project's symlinks) is caught by `fuzz
 * --property spec` against the model's `symlinkedData` (the wheel must hold
 * the link's target content at the link's path), shrunk to a package that
 * keeps only the link and its target, and saved under a signature naming
 * the symlink check (never the path); the real hatchling, which stores the
 * link in its sdist and dereferences it in its wheel, passes the same run.
 *
 * The seed is chosen (`seedWhere`) so that the first generated project has
 * the symlinked data file.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPTIONAL_PARTS } from '../../generators/projectModel.js';
import type { CorpusFile } from '../../src/corpus/corpusFile.js';
import type { ProjectModel } from '../../src/model/projectModel.js';
import { SYMLINK_PATH } from '../../src/model/symlinkedData.js';
import type { JsonReport } from '../../src/report/jsonReport.js';
import { FAKE_BACKENDS } from '../helpers.js';
import { HATCHLING, readJson, seedWhere, tempDir, twinbuild, type CliResult } from './cli.js';

const planted = (name: string): string => `${HATCHLING},backend=tb_planted_links:${name},path=${FAKE_BACKENDS}`;

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

const optionalParts = (m: ProjectModel): string[] => OPTIONAL_PARTS.filter((k) => m[k] !== undefined);
const TIMEOUT = 400_000;

describe('hatchling whose wheel skips symlinks (spec)', () => {
  const seed = seedWhere([{ family: 'hatchling', version: '1.27.0' }], (m) => m.packages.length > 0 && m.symlinkedData === true);
  let runs: Promise<{ bad: Run; good: Run }> | undefined;
  const both = () =>
    (runs ??= (async () => ({ bad: await fuzz('spec', planted('wheel_skips_symlinks'), seed, 1), good: await fuzz('spec', HATCHLING, seed, 1) }))());
  beforeAll(() => both().then(() => undefined), TIMEOUT);

  it('is caught as the symlinked file the wheel lacks, and shrunk to the link and its target alone', async () => {
    const { bad } = await both();
    expect(bad.r.stderr).not.toContain('internal error');
    expect(bad.r.exitCode).toBe(1);
    expect(bad.rep.findings).toHaveLength(1);
    const f = bad.rep.findings[0]!;
    expect(f.property).toBe('spec');
    expect(bad.corpusFiles).toEqual([`spec-${f.signature}.json`]);
    expect(f.signatureText).toBe('spec|wheel:spec:must-ship:symlink:a');
    const model = bad.entries[0]!.model;
    expect(optionalParts(model)).toEqual(['symlinkedData']);
    expect(model.modules).toEqual([]);
    expect(model.packages).toHaveLength(1);
    expect(model.packages[0]).toMatchObject({ modules: [], subpackages: [], data: [] });
    // The one difference is the link's path in the wheel: the target ships, the sdist is the real backend's.
    expect(f.differences).toEqual([expect.objectContaining({ artifact: 'wheel', kind: 'spec-problem', code: 'must-ship:symlink', path: `${model.packages[0]!.name}/${SYMLINK_PATH}` })]);
  });

  it('the real hatchling passes the same run, which generated the symlink', async () => {
    const { good } = await both();
    expect(good.r.stderr).not.toContain('internal error');
    expect(good.r.exitCode).toBe(0);
    expect(good.rep.findings).toEqual([]);
    expect(good.corpusFiles).toEqual([]);
    expect(good.rep.stats.projects).toBe(1);
    expect(good.rep.stats.rejected).toEqual({ a: 0, b: 0 });
    expect(good.rep.features?.['package-data:symlink'] ?? 0).toBeGreaterThan(0);
  });
});
