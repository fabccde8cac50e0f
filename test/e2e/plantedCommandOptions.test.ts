/**
 * Issue #12 (reach): setuptools command options (`ProjectModel.setuptoolsCommandOptions`:
 * setup.cfg command sections, `[tool.distutils]`, `setup(options=)`) reach a
 * real setuptools 80.9.0. A planted bug in the conversion of text values
 * (a boolean option written as text, `[egg_info] tag_date = 0` or
 * `[bdist_wheel] universal = 0`, is taken raw, so "0" counts as true;
 * test/fixtures/backends/tb_planted_cmdopts.py) is found by the `config`
 * property (the typed `[tool.distutils]` of the pyproject rendering is not
 * affected, the setup.cfg and setup.py renderings are), shrunk to a project
 * whose only optional part is one such option, and saved; the real backend
 * passes the same run, which did generate the feature (asserted through --stats).
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
import { SETUPTOOLS, readJson, seedWhere, tempDir, twinbuild, type CliResult } from './cli.js';

const planted = (name: string): string => `${SETUPTOOLS},backend=tb_planted_cmdopts:${name},path=${FAKE_BACKENDS}`;

interface Run {
  r: CliResult;
  rep: JsonReport;
  corpusFiles: string[];
  entries: CorpusFile[];
}

async function fuzz(args: string[]): Promise<Run> {
  const dir = await tempDir();
  const report = join(dir, 'report.json');
  const corpus = join(dir, 'corpus');
  const r = await twinbuild(['fuzz', ...args, '--jobs', '1', '--stats', '--corpus', corpus, '--report', report, '--no-progress']);
  if (!existsSync(report)) throw new Error(`no report (exit ${r.exitCode}):\n${r.stderr}`);
  const corpusFiles = existsSync(corpus) ? (await readdir(corpus)).sort() : [];
  const entries = await Promise.all(corpusFiles.map((f) => readJson<CorpusFile>(join(corpus, f))));
  return { r, rep: await readJson<JsonReport>(report), corpusFiles, entries };
}

const optionalParts = (m: ProjectModel): string[] => OPTIONAL_PARTS.filter((k) => m[k] !== undefined);
const BOOLEANS = ['egg_info.tag_date', 'bdist_wheel.universal'];
const TIMEOUT = 400_000;
// The first generated project (for setuptools 80.9.0) sets a boolean command option.
// And no license file: with `license = {file}` the planted bug shows fewer differences than without it
// (5 against 9 for `egg_info.tag_date`), and the shrinker takes no candidate with a difference class
// outside the first failure's, so a first project with a license file shrinks to one that keeps it.
const SEED = String(seedWhere([{ family: 'setuptools', version: '80.9.0' }], (m) => m.license === undefined && (m.setuptoolsCommandOptions ?? []).some((c) => BOOLEANS.includes(c))));

describe('command options: a boolean option given as text is not converted', () => {
  let bad: Run;
  let good: Run;
  beforeAll(async () => {
    bad = await fuzz(['--property', 'config', '--a', planted('command_booleans_unconverted'), '--seed', SEED, '--runs', '1']);
    good = await fuzz(['--property', 'config', '--a', SETUPTOOLS, '--seed', SEED, '--runs', '1']);
  }, TIMEOUT);

  it('is found and shrunk to a project whose only optional part is one boolean command option', () => {
    expect(bad.r.stderr).not.toContain('internal error');
    expect(bad.r.exitCode, bad.r.stdout).toBe(1);
    expect(bad.rep.findings).toHaveLength(1);
    const f = bad.rep.findings[0]!;
    expect(f.property).toBe('config');
    const model = bad.entries[0]!.model;
    expect(optionalParts(model)).toEqual(['setuptoolsCommandOptions']);
    expect(model.setuptoolsCommandOptions).toHaveLength(1);
    const option = model.setuptoolsCommandOptions![0]!;
    expect(BOOLEANS).toContain(option);
    // The difference is what "0 counts as true" does: a py2.py3 wheel, or a date-tagged version, in the text renderings.
    const names = f.differences.filter((d) => d.kind === 'filename' && d.artifact === 'wheel');
    expect(names.length).toBeGreaterThan(0);
    for (const d of names) {
      expect(d.a).toBe('a-0-py3-none-any.whl');
      if (option === 'bdist_wheel.universal') expect(d.b).toBe('a-0-py2.py3-none-any.whl');
      else expect(d.b).toMatch(/^a-0?20\d{6}-py3-none-any\.whl$/);
    }
    expect(names.every((d) => /^(setup\.cfg|setup\.py):/.test(d.path))).toBe(true);
  });

  it('the real setuptools passes the same run, which generated the feature', () => {
    expect(good.r.stderr).not.toContain('internal error');
    expect(good.r.exitCode, good.r.stdout).toBe(0);
    expect(good.rep.findings).toEqual([]);
    expect(good.corpusFiles).toEqual([]);
    expect(good.rep.features?.['setuptools:command-options'] ?? 0).toBeGreaterThan(0);
  });
});
