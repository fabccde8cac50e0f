/**
 * Issue #12: self-referencing extras (`all = ["<name>[cli]"]`). A planted bug
 * in a real setuptools 80.9.0 (test/fixtures/backends/tb_planted_extras.py:
 * the self-reference is left out of METADATA) is caught by `fuzz --property
 * spec` (the Requires-Dist under the self-referencing extra, compared
 * expanded: src/pep/selfReference.ts), shrunk to one extra with one
 * requirement and the self-referencing extra, and the real setuptools passes
 * the same seed and run count, which did generate the feature (--stats).
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

const planted = (name: string): string => `${SETUPTOOLS},backend=tb_planted_extras:${name},path=${FAKE_BACKENDS}`;

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

const optionalParts = (m: ProjectModel): string[] => OPTIONAL_PARTS.filter((k) => m[k] !== undefined);
const TIMEOUT = 400_000;

describe('setuptools whose METADATA leaves out self-referencing extras', () => {
  // The first project has a self-referencing extra over an extra with requirements.
  const seed = seedWhere([{ family: 'setuptools', version: '80.9.0' }], (m) => m.selfReferencingExtra !== undefined && (m.optionalDependencies ?? []).some((e) => e.requirements.length > 0) && m.dynamicMetadata === undefined);
  let bad: Run;
  let good: Run;
  beforeAll(async () => {
    bad = await spec(planted('self_reference_dropped'), seed, 1);
    good = await spec(SETUPTOOLS, seed, 1);
  }, TIMEOUT);

  it('is caught as the Requires-Dist of the self-referencing extra, and shrunk to one extra with one requirement', () => {
    expect(bad.r.stderr).not.toContain('internal error');
    expect(bad.r.exitCode).toBe(1);
    expect(bad.rep.findings).toHaveLength(1);
    const f = bad.rep.findings[0]!;
    expect(f.signatureText).toBe('spec|wheel:content:dist-info/METADATA[Requires-Dist]');
    expect(bad.corpusFiles).toEqual([`spec-${f.signature}.json`]);
    const model = bad.entries[0]!.model;
    expect(optionalParts(model)).toEqual(['optionalDependencies', 'selfReferencingExtra']);
    expect(model.optionalDependencies).toHaveLength(1);
    const [extra] = model.optionalDependencies!;
    expect(extra!.requirements).toHaveLength(1);
    // The difference is the missing expansion: the extra's requirement under the self-referencing extra.
    const self = model.selfReferencingExtra!.name.toLowerCase();
    const [d] = f.differences;
    expect(d).toMatchObject({ artifact: 'wheel', kind: 'content', path: '{dist-info}/METADATA' });
    expect(d!.b).toContain(`extra == "${self}"`);
    expect(d!.a).toBe('Requires-Dist: (absent)');
    // The project as written says it: the self-referencing extra names the project with the other extra.
    expect(f.project.files['pyproject.toml']).toContain(`${model.name}[${extra!.name}]`);
  });

  it('is not found in the real setuptools, which built the same self-referencing extra', () => {
    expect(good.r.stderr).not.toContain('internal error');
    expect(good.r.exitCode).toBe(0);
    expect(good.rep.findings).toEqual([]);
    expect(good.rep.stats.projects).toBe(1);
    expect(good.rep.features?.['optional-dependencies:self-reference'] ?? 0).toBeGreaterThan(0);
  });
});
