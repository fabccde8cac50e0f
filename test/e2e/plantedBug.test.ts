import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { execa } from 'execa';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CorpusFile } from '../../src/corpus/corpusFile.js';
import { allPackages } from '../../src/model/projectModel.js';
import type { JsonReport } from '../../src/report/jsonReport.js';
import { readWheel } from '../../src/archive/readWheel.js';
import type { ArtifactIndex } from '../../src/corpus/keptArtifacts.js';
import { validateSarif } from '../report/sarifSchema.js';
import { FAKE_BACKENDS } from '../helpers.js';
import { SETUPTOOLS, readJson, seedWhere, tempDir, twinbuild } from './cli.js';

const planted = (name: string): string => `${SETUPTOOLS},backend=tb_planted:${name},path=${FAKE_BACKENDS}`;

/**
 * The seed of the runs below: the first whose first project (generated for setuptools 80.9.0 on both sides, as
 * `diff` does) has a package data file ending in .json, the files drop_json leaves out of the wheel. The planted
 * run finds it in its first project; the runs after it (a new round, a new seed) show the same signature or none.
 */
const SEED = seedWhere([{ family: 'setuptools', version: '80.9.0' }, { family: 'setuptools', version: '80.9.0' }], (m) =>
  allPackages(m).some(({ pkg }) => pkg.data.some((d) => d.path.endsWith('.json'))),
);

/** One fuzz run against the drop_json backend, shared by the tests below. */
let dropJson: Promise<{ dir: string; corpus: string; report: string; r: Awaited<ReturnType<typeof twinbuild>> }> | undefined;
function dropJsonRun() {
  dropJson ??= (async () => {
    const dir = await tempDir();
    const report = join(dir, 'report.json');
    const corpus = join(dir, 'corpus');
    // The run also writes every other report, and keeps the finding's artifacts (see 'the reports of a run' below).
    const others = ['--html', join(dir, 'report.html'), '--sarif', join(dir, 'report.sarif'), '--junit', join(dir, 'report.xml'), '--keep-artifacts', join(dir, 'kept')];
    const r = await twinbuild(['fuzz', '--a', SETUPTOOLS, '--b', planted('drop_json'), '--runs', '30', '--seed', String(SEED), '--corpus', corpus, '--report', report, '--no-progress', ...others]);
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
    const r = await twinbuild(['fuzz', '--a', SETUPTOOLS, '--b', SETUPTOOLS, '--runs', '15', '--seed', String(SEED), '--corpus', join(dir, 'corpus'), '--report', report, '--no-progress']);
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

describe('the reports of a run that found the planted bug', () => {
  it('HTML, SARIF, JUnit and the kept artifacts of the finding, pointed at by explain; replay --report - and --html', { timeout: 600_000 }, async () => {
    const { dir, corpus, report, r } = await dropJsonRun();
    expect(r.exitCode).toBe(1);
    const rep = await readJson<JsonReport>(report);
    const f = rep.findings[0]!;
    const json = Object.keys(f.project.files).find((p) => p.endsWith('.json'))!;

    // Kept: both sides' sdist and wheel of the shrunk project, indexed; B's wheel lacks the .json A's has.
    const index = await readJson<ArtifactIndex>(join(dir, 'kept', 'index.json'));
    expect(index.findings.map((e) => e.signature)).toEqual([f.signature]);
    const kept = index.findings[0]!.artifacts;
    expect(kept.map((k) => `${k.side}:${k.artifact}`).sort()).toEqual(['a:sdist', 'a:wheel', 'b:sdist', 'b:wheel']);
    expect(f.artifacts?.map((k) => k.file).sort()).toEqual(kept.map((k) => join(dir, 'kept', k.file!)).sort());
    const members = async (side: 'a' | 'b'): Promise<string[]> => {
      const k = kept.find((x) => x.side === side && x.artifact === 'wheel')!;
      const view = await readWheel(k.file!, await readFile(join(dir, 'kept', k.file!)));
      return view.entries.map((e) => e.path);
    };
    expect(await members('a')).toContain(json);
    expect(await members('b')).not.toContain(json);

    // HTML: the finding, its diff, its commands, links to the kept files relative to the page.
    const html = await readFile(join(dir, 'report.html'), 'utf8');
    expect(html).toContain(`data-signature="${f.signature}"`);
    expect(html).toContain('class="d2h-file-side-diff"');
    expect(html).toContain(`href="kept/${f.signature}/b/`);
    // SARIF: valid, results at the wheel member, the project file to blame related.
    const sarif = await readJson<{ runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[] }[] }[] }>(join(dir, 'report.sarif'));
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    const only = sarif.runs[0]!.results.find((x) => x.ruleId === 'difference/only-in-a')!;
    expect(only.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: json, uriBaseId: 'WHEEL' });
    // JUnit: the finding's test case carries the finding's own time.
    const xml = await readFile(join(dir, 'report.xml'), 'utf8');
    expect(f.ownMs).toBeGreaterThan(0);
    expect(xml).toContain(`name="${f.signature}: `);
    expect(xml).toMatch(new RegExp(`name="${f.signature}: [^"]*" time="${(f.ownMs! / 1000).toFixed(3)}"`));

    // explain points at the kept artifacts.
    const [file] = await readdir(corpus);
    const ex = await twinbuild(['explain', join(corpus, file!), '--artifacts', join(dir, 'kept')]);
    expect(ex.exitCode).toBe(0);
    expect(ex.stdout).toContain('### Built artifacts');
    for (const k of kept) expect(ex.stdout).toContain(join(dir, 'kept', k.file!));

    // replay: the JSON results on stdout (the table goes to stderr), and an HTML page of what still fails.
    const rp = await twinbuild(['replay', join(corpus, file!), '--b', planted('drop_json'), '--report', '-', '--html', join(dir, 'replay.html')]);
    expect(rp.exitCode).toBe(1);
    expect(JSON.parse(rp.stdout)).toMatchObject({ command: 'replay', results: [{ status: 'reproduced', signature: f.signature }] });
    expect(rp.stderr).toContain('REPRODUCED');
    expect(await readFile(join(dir, 'replay.html'), 'utf8')).toContain(`data-signature="${f.signature}"`);
  });
});
