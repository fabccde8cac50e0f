import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { execa } from 'execa';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CorpusFile } from '../../src/corpus/corpusFile.js';
import { allPackages } from '../../src/model/projectModel.js';
import type { JsonReport } from '../../src/report/jsonReport.js';
import { FAKE_BACKENDS } from '../helpers.js';
import { SETUPTOOLS, readJson, tempDir, twinbuild } from './cli.js';

const planted = (name: string): string => `${SETUPTOOLS},backend=tb_planted:${name},path=${FAKE_BACKENDS}`;

/** One fuzz run against the drop_json backend, shared by the tests below. */
let dropJson: Promise<{ dir: string; corpus: string; report: string; r: Awaited<ReturnType<typeof twinbuild>> }> | undefined;
function dropJsonRun() {
  dropJson ??= (async () => {
    const dir = await tempDir();
    const report = join(dir, 'report.json');
    const corpus = join(dir, 'corpus');
    const r = await twinbuild(['fuzz', '--a', SETUPTOOLS, '--b', planted('drop_json'), '--runs', '30', '--seed', '3', '--corpus', corpus, '--report', report, '--no-progress']);
    return { dir, corpus, report, r };
  })();
  return dropJson;
}

describe('fuzz finds and shrinks a planted bug in a real backend', () => {
  it('drop_json: .json package data left out of the wheel', { timeout: 600_000 }, async () => {
    const { corpus, report, r } = await dropJsonRun();
    expect(r.stderr).not.toContain('twinbuild: internal error');
    expect(r.exitCode).toBe(1);
    const rep = await readJson<JsonReport>(report);
    expect(rep.findings).toHaveLength(1);
    const f = rep.findings[0]!;
    expect(f.property).toBe('diff');
    expect(f.differences).toContainEqual(expect.objectContaining({ artifact: 'wheel', kind: 'only-in-a', path: expect.stringMatching(/\.json$/) }));
    // Only the wheel is affected: the sdists are equal.
    expect(f.differences.filter((d) => d.artifact === 'sdist')).toEqual([]);
    expect(rep.backends.map((b) => b.version)).toEqual(['80.9.0', '80.9.0']);

    // The minimal project: one package holding one .json file, nothing else.
    const files = await readdir(corpus);
    expect(files).toEqual([`diff-${f.signature}.json`]);
    const entry = await readJson<CorpusFile>(join(corpus, files[0]!));
    const pkgs = allPackages(entry.model);
    expect(pkgs).toHaveLength(1);
    expect(entry.model.modules).toEqual([]);
    expect(entry.model.dependencies).toEqual([]);
    const data = pkgs.flatMap((p) => p.pkg.data);
    expect(data).toHaveLength(1);
    expect(data[0]!.path).toMatch(/\.json$/);
    expect(pkgs[0]!.pkg.modules).toEqual([]);
    const jsonFiles = Object.keys(f.project.files).filter((p) => p.endsWith('.json'));
    expect(jsonFiles).toHaveLength(1);

    // Replay shows the same difference again.
    const replay = await twinbuild(['replay', join(corpus, files[0]!), '--b', planted('drop_json')]);
    expect(replay.exitCode).toBe(1);
    expect(replay.stdout).toContain('REPRODUCED');
    expect(replay.stdout).toMatch(/only-in-a \S+\.json/);
  });

  it('the same backend compared with itself yields no finding', { timeout: 600_000 }, async () => {
    const dir = await tempDir();
    const report = join(dir, 'report.json');
    const r = await twinbuild(['fuzz', '--a', SETUPTOOLS, '--b', SETUPTOOLS, '--runs', '15', '--seed', '3', '--corpus', join(dir, 'corpus'), '--report', report, '--no-progress']);
    expect(r.stderr).not.toContain('twinbuild: internal error');
    expect(r.exitCode).toBe(0);
    const rep = await readJson<JsonReport>(report);
    expect(rep.findings).toEqual([]);
    expect(rep.stats.projects).toBe(15);
    expect(rep.stats.rejected).toEqual({ a: 0, b: 0 });
    expect(rep.level).toBe('content');
  });
});

describe('a materialized counterexample reproduces without twinbuild', () => {
  it('reproduce.sh shows the dropped file with Python only (no Node.js on the way)', { timeout: 600_000 }, async () => {
    const { dir, corpus, r } = await dropJsonRun();
    expect(r.exitCode).toBe(1);
    const [file] = await readdir(corpus);
    const out = join(dir, 'case');
    const m = await twinbuild(['replay', join(corpus, file!), '--b', planted('drop_json'), '--materialize', out]);
    expect(m.exitCode).toBe(1);
    expect((await readdir(out)).sort()).toEqual(['a', 'b', 'reproduce.py', 'reproduce.sh', 'sides.json', 'twinbuild-counterexample.json', 'twinbuild_judge.py']);
    // A `node` that records being called comes first on PATH: the script must never reach it.
    const bin = join(dir, 'bin');
    const marker = join(dir, 'node-was-called');
    await mkdir(bin);
    await writeFile(join(bin, 'node'), `#!/bin/sh\ntouch ${marker}\nexit 99\n`, { mode: 0o755 });
    const sh = await execa('sh', [join(out, 'reproduce.sh')], { reject: false, env: { PATH: `${bin}:/usr/bin:/bin` }, extendEnv: false });
    expect(sh.exitCode).toBe(1);
    expect(sh.stdout).toMatch(/only in A \([^)]*\): \S+\.json/);
    expect(sh.stdout).toMatch(/differs: \{dist-info\}\/RECORD/);
    expect(existsSync(marker)).toBe(false);
  });
});
