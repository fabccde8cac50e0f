import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpusFile } from '../../src/corpus/store.js';
import { allPackages } from '../../src/model/projectModel.js';
import type { JsonReport } from '../../src/report/jsonReport.js';
import { FAKE_BACKENDS } from '../helpers.js';
import { SETUPTOOLS, readJson, tempDir, twinbuild } from './cli.js';

const planted = (name: string, ...paths: string[]): string =>
  [`${SETUPTOOLS},backend=tb_planted:${name},path=${FAKE_BACKENDS}`, ...paths.map((p) => `path=${p}`)].join(',');

describe('a time budget that runs out while a failure shrinks', () => {
  it('saves the failure as it stands, marked not fully shrunk; the next run shrinks it to the end', { timeout: 600_000 }, async () => {
    const dir = await tempDir();
    const state = join(dir, 'state');
    const corpus = join(dir, 'corpus');
    const report = join(dir, 'report.json');
    await mkdir(state);
    await writeFile(join(state, 'tb_planted_slow'), '');

    // 1. Found fast, shrunk slowly (3 s per wheel once found): the budget ends mid-shrink.
    const r = await twinbuild(['fuzz', '--a', SETUPTOOLS, '--b', planted('slow_drop_json', state), '--runs', '30', '--seed', '3', '--time', '60s', '--corpus', corpus, '--report', report, '--no-progress']);
    expect(r.stderr).not.toContain('internal error');
    expect(r.exitCode, r.stderr).toBe(1);
    const rep = await readJson<JsonReport>(report);
    expect(rep.findings).toHaveLength(1);
    const f = rep.findings[0]!;
    expect(f.shrinkComplete).toBe(false);
    expect(r.stdout).toContain('shrinking was cut short');
    expect(f.differences).toContainEqual(expect.objectContaining({ artifact: 'wheel', kind: 'only-in-a', path: expect.stringMatching(/\.json$/) }));
    const files = await readdir(corpus);
    expect(files).toEqual([`diff-${f.signature}.json`]);
    const saved = await loadCorpusFile(join(corpus, files[0]!));
    expect(saved.shrinkComplete).toBe(false);
    expect(saved.signature).toBe(f.signature);
    const before = JSON.stringify(saved.model).length;

    // 2. The next run replays the corpus first and goes on shrinking that file (fast backend now).
    const report2 = join(dir, 'report2.json');
    const r2 = await twinbuild(['fuzz', '--a', SETUPTOOLS, '--b', planted('drop_json'), '--runs', '1', '--seed', '3', '--corpus', corpus, '--report', report2, '--no-progress']);
    expect(r2.stderr).not.toContain('internal error');
    expect(r2.exitCode, r2.stderr).toBe(1);
    const rep2 = await readJson<JsonReport>(report2);
    const f2 = rep2.findings.find((x) => x.corpusFile === join(corpus, files[0]!));
    expect(f2?.shrinkComplete).toBe(true);
    expect(f2!.shrinks).toBeGreaterThan(0);
    expect(await readdir(corpus)).toEqual(files);
    const after = await loadCorpusFile(join(corpus, files[0]!));
    expect(after.shrinkComplete).toBeUndefined();
    expect(JSON.stringify(after.model).length).toBeLessThan(before);
    // Shrunk to what the bug needs: one package holding one .json file.
    const pkgs = allPackages(after.model);
    expect(pkgs).toHaveLength(1);
    const data = pkgs.flatMap((p) => p.pkg.data);
    expect(data).toHaveLength(1);
    expect(data[0]!.path).toMatch(/\.json$/);
  });
});
