/**
 * Issue #13: one behaviour change that shows as two atoms is one finding.
 * Real setuptools 80.9.0 as A; B wraps it (test/fixtures/backends/tb_planted_coupled.py):
 * a project with entry points gets two extra wheel files (`planted.txt`,
 * `planted-too.txt`: two atoms, always together), and a non-ASCII Summary is
 * rewritten (an independent change, triggered by another feature). The run
 * gets exactly two findings: the coupled one lists both atoms (each atom's
 * minimal project shows the other: src/fuzz/coupling.ts), the Summary one its
 * own; the real backend compared with itself passes the same run.
 *
 * The seed is picked so the first project has both features (the Summary
 * change, first by atom name, is found from it) and the next round's first
 * project has entry points.
 */
import fc from 'fast-check';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectModel } from '../../generators/projectModel.js';
import { atomsOf } from '../../src/compare/atoms.js';
import type { CorpusFile } from '../../src/corpus/corpusFile.js';
import { roundSeed } from '../../src/fuzz/runFuzz.js';
import type { ProjectModel } from '../../src/model/projectModel.js';
import type { JsonReport } from '../../src/report/jsonReport.js';
import { FAKE_BACKENDS } from '../helpers.js';
import { SETUPTOOLS, readJson, seedWhere, tempDir, twinbuild, type CliResult } from './cli.js';

const PLANTED = `${SETUPTOOLS},backend=tb_planted_coupled:coupled_change,path=${FAKE_BACKENDS}`;
const TARGETS = [{ family: 'setuptools' as const, version: '80.9.0' }];
const RUNS = 30;
const hasEntryPoints = (m: ProjectModel): boolean => (m.entryPoints?.length ?? 0) > 0;
const nonAscii = (m: ProjectModel): boolean => /[^\x00-\x7f]/.test(m.description ?? '');

function pickSeed(): number {
  for (let from = 1; ; ) {
    const seed = seedWhere(TARGETS, (m) => hasEntryPoints(m) && nonAscii(m), from);
    const [next] = fc.sample(projectModel({ targets: TARGETS }), { seed: roundSeed(seed, 1), numRuns: 1 });
    if (next !== undefined && hasEntryPoints(next)) return seed;
    from = seed + 1;
  }
}
const SEED = pickSeed();

interface Run {
  r: CliResult;
  rep: JsonReport;
  entries: CorpusFile[];
}

async function fuzz(b: string): Promise<Run> {
  const dir = await tempDir();
  const report = join(dir, 'report.json');
  const corpus = join(dir, 'corpus');
  const r = await twinbuild(['fuzz', '--a', SETUPTOOLS, '--b', b, '--seed', String(SEED), '--runs', String(RUNS), '--jobs', '1', '--shrink-time', '90s', '--corpus', corpus, '--report', report, '--no-progress']);
  if (!existsSync(report)) throw new Error(`no report (exit ${r.exitCode}):\n${r.stderr}`);
  const files = existsSync(corpus) ? (await readdir(corpus)).sort() : [];
  const entries = await Promise.all(files.map((f) => readJson<CorpusFile>(join(corpus, f))));
  return { r, rep: await readJson<JsonReport>(report), entries };
}

const PLANTED_FILES = ['wheel:only-in-b:dist-info/planted-too.txt', 'wheel:only-in-b:dist-info/planted.txt'];
const SUMMARY = 'wheel:content:dist-info/METADATA[Summary]';

describe('two atoms of one change give one finding', () => {
  let bad: Run;
  let good: Run;
  beforeAll(async () => {
    bad = await fuzz(PLANTED);
    good = await fuzz(SETUPTOOLS);
  }, 600_000);

  it('two findings: the coupled change listing both atoms, the independent Summary change its own', () => {
    expect(bad.r.stderr).not.toContain('internal error');
    expect(bad.r.exitCode).toBe(1);
    expect(bad.rep.findings).toHaveLength(2);
    const coupled = bad.rep.findings.find((f) => PLANTED_FILES.includes(f.atom ?? ''))!;
    const summary = bad.rep.findings.find((f) => f.atom === SUMMARY)!;
    expect(coupled.atoms).toEqual(PLANTED_FILES);
    expect(summary.atoms).toBeUndefined();
    // The coupled change's minimal project shows its two atoms and needs entry points; the Summary one shows only its own.
    expect(atomsOf(coupled.differences)).toEqual(PLANTED_FILES);
    expect(atomsOf(summary.differences)).toEqual([SUMMARY]);
    const entry = (atom: string) => bad.entries.find((e) => e.atom === atom)!;
    expect(entry(coupled.atom!).model.entryPoints?.length).toBe(1);
    expect(entry(coupled.atom!).atoms).toEqual(PLANTED_FILES);
    expect(entry(SUMMARY).model.entryPoints).toBeUndefined();
    expect(entry(SUMMARY).model.description).toMatch(/[^\x00-\x7f]/);
  });

  it('the real setuptools passes the same run', () => {
    expect(good.r.stderr).not.toContain('internal error');
    expect(good.r.exitCode).toBe(0);
    expect(good.rep.findings).toEqual([]);
    expect(good.rep.stats.projects).toBe(RUNS);
  });
});
