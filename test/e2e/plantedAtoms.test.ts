/**
 * Issue #13: a planted backend pair carrying three independent changes (real
 * setuptools 80.9.0 as A; B wraps it, test/fixtures/backends/tb_planted_atoms.py):
 * one universal (the WHEEL Generator), two triggered by different features
 * (a non-ASCII Summary is rewritten; entry points bring an extra file). A
 * `fuzz --baseline` run gets exactly three findings, one per change, each
 * minimal project showing only its own change (the baseline one aside), and
 * the real backend compared with itself passes the same run.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { atomsOf } from '../../src/compare/atoms.js';
import type { CorpusFile } from '../../src/corpus/corpusFile.js';
import type { JsonReport } from '../../src/report/jsonReport.js';
import { FAKE_BACKENDS } from '../helpers.js';
import { SETUPTOOLS, readJson, tempDir, twinbuild, type CliResult } from './cli.js';

const PLANTED = `${SETUPTOOLS},backend=tb_planted_atoms:three_changes,path=${FAKE_BACKENDS}`;
const SEED = 7;
const RUNS = 30;

interface Run {
  r: CliResult;
  rep: JsonReport;
  entries: CorpusFile[];
  corpusFiles: string[];
}

async function fuzz(b: string): Promise<Run> {
  const dir = await tempDir();
  const report = join(dir, 'report.json');
  const corpus = join(dir, 'corpus');
  const r = await twinbuild(['fuzz', '--a', SETUPTOOLS, '--b', b, '--baseline', '--seed', String(SEED), '--runs', String(RUNS), '--jobs', '1', '--shrink-time', '90s', '--corpus', corpus, '--report', report, '--no-progress']);
  if (!existsSync(report)) throw new Error(`no report (exit ${r.exitCode}):\n${r.stderr}`);
  const corpusFiles = existsSync(corpus) ? (await readdir(corpus)).sort() : [];
  const entries = await Promise.all(corpusFiles.map((f) => readJson<CorpusFile>(join(corpus, f))));
  return { r, rep: await readJson<JsonReport>(report), entries, corpusFiles };
}

const GENERATOR = 'wheel:content:dist-info/WHEEL[Generator]';
const SUMMARY = 'wheel:content:dist-info/METADATA[Summary]';
const EXTRA = 'wheel:only-in-b:dist-info/planted.txt';

describe('three independent changes give three findings', () => {
  let bad: Run;
  let good: Run;
  beforeAll(async () => {
    bad = await fuzz(PLANTED);
    good = await fuzz(SETUPTOOLS);
  }, 600_000);

  it('one finding per change, the universal one as the baseline', () => {
    expect(bad.r.stderr).not.toContain('internal error');
    expect(bad.r.exitCode).toBe(1);
    expect(bad.rep.findings.map((f) => f.atom).sort()).toEqual([EXTRA, SUMMARY, GENERATOR].sort());
    expect(bad.rep.findings.filter((f) => f.baseline).map((f) => f.atom)).toEqual([GENERATOR]);
    expect(new Set(bad.rep.findings.map((f) => f.signature)).size).toBe(3);
    for (const f of bad.rep.findings) expect(f.signatureText).toBe(`diff|${f.atom}`);
    // Corpus files record their atom, named by its signature.
    expect(bad.corpusFiles).toEqual(bad.rep.findings.map((f) => `diff-${f.signature}.json`).sort());
    expect(bad.entries.map((e) => e.atom).sort()).toEqual([EXTRA, SUMMARY, GENERATOR].sort());
  });

  it('each minimal project shows its own change only (beside the baseline one)', () => {
    for (const f of bad.rep.findings) {
      const own = atomsOf(f.differences).filter((a) => a !== GENERATOR || f.baseline);
      expect(own, f.atom).toEqual([f.atom]);
    }
    const entry = (atom: string) => bad.entries.find((e) => e.atom === atom)!.model;
    // The Summary change needs a non-ASCII summary and no entry points; the extra file needs entry points only.
    expect(entry(SUMMARY).description).toMatch(/[^\x00-\x7f]/);
    expect(entry(SUMMARY).entryPoints).toBeUndefined();
    expect(entry(EXTRA).entryPoints?.length).toBe(1);
    expect(entry(EXTRA).description ?? '').toMatch(/^[\x00-\x7f]*$/);
    expect(entry(GENERATOR).entryPoints).toBeUndefined();
    expect(entry(GENERATOR).description ?? '').toMatch(/^[\x00-\x7f]*$/);
  });

  it('the real setuptools passes the same run', () => {
    expect(good.r.stderr).not.toContain('internal error');
    expect(good.r.exitCode).toBe(0);
    expect(good.rep.findings).toEqual([]);
    expect(good.corpusFiles).toEqual([]);
    expect(good.rep.stats.projects).toBe(RUNS);
  });
});
