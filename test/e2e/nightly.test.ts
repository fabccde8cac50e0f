import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/jsonReport.js';
import { FAKE_BACKENDS } from '../helpers.js';
import { SETUPTOOLS, readJson, tempDir, twinbuild } from './cli.js';

const planted = (name: string): string => `${SETUPTOOLS},backend=tb_planted:${name},path=${FAKE_BACKENDS}`;

describe('a nightly run goes on after a finding', () => {
  it('finds two planted bugs as two signatures, saves both, and the next run replays them first', { timeout: 600_000 }, async () => {
    const dir = await tempDir();
    const corpus = join(dir, 'corpus');
    const report1 = join(dir, 'r1.json');
    const r1 = await twinbuild(['fuzz', '--a', SETUPTOOLS, '--b', planted('two_bugs'), '--runs', '40', '--seed', '11', '--corpus', corpus, '--report', report1, '--no-progress']);
    expect(r1.stderr).not.toContain('twinbuild: internal error');
    expect(r1.exitCode).toBe(1);
    const rep1 = await readJson<JsonReport>(report1);
    expect(rep1.findings).toHaveLength(2);
    const kinds = rep1.findings.map((f) => f.signatureText).sort();
    expect(kinds.some((s) => s.includes('wheel:only-in-a:*.json'))).toBe(true);
    expect(kinds.some((s) => s.includes('dist-info/METADATA[Requires-Dist]'))).toBe(true);
    expect(new Set(rep1.findings.map((f) => f.signature)).size).toBe(2);
    const files = (await readdir(corpus)).sort();
    expect(files).toEqual(rep1.findings.map((f) => `diff-${f.signature}.json`).sort());

    // The next run checks the saved counterexamples before generating anything.
    const report2 = join(dir, 'r2.json');
    const r2 = await twinbuild(['fuzz', '--a', SETUPTOOLS, '--b', planted('two_bugs'), '--runs', '1', '--seed', '12', '--corpus', corpus, '--report', report2, '--no-progress']);
    expect(r2.exitCode).toBe(1);
    expect(r2.stderr).toContain('replaying 2 saved counterexample(s)');
    const rep2 = await readJson<JsonReport>(report2);
    expect(rep2.findings.map((f) => f.signature).sort()).toEqual(rep1.findings.map((f) => f.signature).sort());
    expect(rep2.findings.every((f) => f.corpusFile !== null && files.includes(f.corpusFile.slice(f.corpusFile.lastIndexOf('/') + 1)))).toBe(true);
    expect((await readdir(corpus)).sort()).toEqual(files);
  });
});
