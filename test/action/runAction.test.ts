import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedFiles, corpusSnapshot, planAction, runAction } from '../../src/action/runAction.js';
import { ConfigError } from '../../src/errors.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'twinbuild-action-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('planAction: inputs to one fuzz command line', () => {
  it('every input maps to its flag; defaults for time, seed, corpus and outputs', () => {
    const p = planAction(
      {
        INPUT_A: 'setuptools==80.9.0',
        INPUT_B: 'setuptools@.',
        INPUT_PROPERTIES: 'diff, spec roundtrip',
        INPUT_SHARDS: '4',
        INPUT_SHARD: '2',
        INPUT_JOBS: '2',
        INPUT_ALLOW: '.twinbuild-allow',
        'INPUT_CONFIG-SETTINGS': 'editable-mode=strict\n--build-option=--quiet\n',
        GITHUB_RUN_NUMBER: '41',
      },
      '/w',
    );
    expect(p.argv).toEqual([
      'fuzz', '--a', 'setuptools==80.9.0', '--b', 'setuptools@.', '--property', 'diff', '--property', 'spec', '--property', 'roundtrip',
      '--time', '10m', '--seed', '41', '--shard', '2/4', '--jobs', '2', '--allow', '.twinbuild-allow',
      '--config-setting=editable-mode=strict', '--config-setting=--build-option=--quiet',
      '--corpus', '/w/corpus', '--report', '/w/twinbuild-out/twinbuild.json', '--junit', '/w/twinbuild-out/twinbuild.xml', '--html', '/w/twinbuild-out/twinbuild.html', '--no-progress',
    ]);
    expect(p.failOnFindings).toBe(true);
  });

  it('runs instead of time; fail-on-findings false; underscore spellings', () => {
    const p = planAction({ INPUT_A: 'flit', INPUT_RUNS: '50', INPUT_FAIL_ON_FINDINGS: 'false', INPUT_OUTPUT_DIR: 'out' }, '/w');
    expect(p.argv.slice(0, 5)).toEqual(['fuzz', '--a', 'flit', '--runs', '50']);
    expect(p.failOnFindings).toBe(false);
    expect(p.report).toBe('/w/out/twinbuild.json');
  });

  it.each([
    [{}, /input a .* is required/],
    [{ INPUT_A: 'flit', INPUT_RUNS: '5', INPUT_TIME: '5m' }, /runs or input time, not both/],
    [{ INPUT_A: 'flit', INPUT_SHARD: '1' }, /shard and shards go together/],
    [{ INPUT_A: 'flit', 'INPUT_FAIL-ON-FINDINGS': 'maybe' }, /fail-on-findings must be true or false/],
  ])('bad inputs: %j', (env, message) => {
    expect(() => planAction(env as NodeJS.ProcessEnv, '/w')).toThrow(ConfigError);
    expect(() => planAction(env as NodeJS.ProcessEnv, '/w')).toThrow(message);
  });
});

describe('runAction: new corpus files, outputs, exit policy', () => {
  it('collects the files the run added or rewrote, writes outputs and the summary; findings fail the step unless told not to', async () => {
    const cwd = join(root, 'ws');
    const corpus = join(cwd, 'corpus');
    await mkdir(join(corpus, 'findings'), { recursive: true });
    await writeFile(join(corpus, 'findings', 'old.json'), '{"a":1}');
    await writeFile(join(corpus, 'kept.json'), '{"k":1}');
    const output = join(cwd, 'gh-output');
    const summary = join(cwd, 'gh-summary');
    const env = { INPUT_A: 'setuptools', INPUT_RUNS: '3', GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary };
    // a stand-in for the fuzz command: adds one file, rewrites one, writes a report with two findings
    const fakeFuzz = async (argv: string[]): Promise<number> => {
      expect(argv).toContain('--runs');
      await writeFile(join(corpus, 'diff-abc.json'), '{"new":1}');
      await writeFile(join(corpus, 'findings', 'old.json'), '{"a":2}');
      await writeFile(argv[argv.indexOf('--report') + 1]!, JSON.stringify({ findings: [{}, {}] }));
      return 1;
    };
    const r = await runAction(env, cwd, fakeFuzz);
    expect(r.newCorpusFiles).toEqual(['diff-abc.json', 'findings/old.json']);
    expect(r.exitCode).toBe(1);
    expect(await readFile(join(cwd, 'twinbuild-out', 'corpus', 'findings', 'old.json'), 'utf8')).toBe('{"a":2}');
    expect(await readFile(output, 'utf8')).toContain('findings=2\n');
    expect(await readFile(output, 'utf8')).toContain('new-corpus-files=2\n');
    expect(await readFile(summary, 'utf8')).toContain('- `diff-abc.json`');

    const lenient = await runAction({ ...env, 'INPUT_FAIL-ON-FINDINGS': 'false' }, cwd, async () => 1);
    expect(lenient.exitCode).toBe(0);
    expect(lenient.newCorpusFiles).toEqual([]);
    // usage and internal errors fail whatever the policy
    expect((await runAction({ ...env, 'INPUT_FAIL-ON-FINDINGS': 'false' }, cwd, async () => 2)).exitCode).toBe(2);
  });

  it('corpus snapshots see nested files and nothing else', async () => {
    const dir = join(root, 'snap');
    await mkdir(join(dir, 'a', 'b'), { recursive: true });
    await writeFile(join(dir, 'a', 'b', 'x.json'), '1');
    await writeFile(join(dir, 'notes.txt'), 'not corpus');
    const before = await corpusSnapshot(dir);
    expect([...before.keys()]).toEqual(['a/b/x.json']);
    expect(changedFiles(before, await corpusSnapshot(dir))).toEqual([]);
    expect(await corpusSnapshot(join(root, 'missing'))).toEqual(new Map());
  });
});
