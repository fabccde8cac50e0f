import fc from 'fast-check';
import { projectModel } from '../../generators/projectModel.js';
import type { CorpusFile } from '../../src/corpus/corpusFile.js';
import type { ProjectModel } from '../../src/model/projectModel.js';
import type { JsonReport } from '../../src/report/jsonReport.js';
import type { RenderTarget } from '../../src/render/capabilities.js';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll } from 'vitest';

export const BIN = fileURLToPath(new URL('../../bin/twinbuild.js', import.meta.url));

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Run the real CLI (built into dist/ by `npm test`'s tsc step). */
export async function twinbuild(args: string[], opts: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<CliResult> {
  const r = await execa('node', [BIN, ...args], {
    cwd: opts.cwd,
    env: { CI: 'true', ...opts.env },
    reject: false,
    timeout: opts.timeoutMs ?? 15 * 60_000,
  });
  return { exitCode: r.exitCode ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const made: string[] = [];
// Every test file that uses these helpers removes its temporary folders when it is done.
afterAll(async () => {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

export async function tempDir(prefix = 'twinbuild-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export async function readJson<T = unknown>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

/** Pinned versions the test suite (and .ci/run) uses. */
export const SETUPTOOLS = 'setuptools==80.9.0';
export const HATCHLING = 'hatchling==1.27.0';

/**
 * The first seed from `from` whose first generated project for `targets` is
 * one `wanted` accepts. `fuzz --seed S --runs 1` builds that very project
 * first (the search draws from `projectModel({ targets })` with its seed), so
 * a planted-bug test names what its bug needs rather than a seed number that
 * moves whenever the generator draws a new part.
 */
export function seedWhere(targets: RenderTarget[], wanted: (m: ProjectModel) => boolean, from = 1): number {
  const arb = projectModel({ targets });
  for (let seed = from; seed < from + 5000; seed++) {
    const [m] = fc.sample(arb, { seed, numRuns: 1 });
    if (m !== undefined && wanted(m)) return seed;
  }
  throw new Error(`seedWhere: no seed in ${from}..${from + 4999} gives a first project as wanted`);
}

/** A `fuzz` run of a planted-bug test: the CLI's result, its JSON report, and the corpus files it saved (sorted) with their contents. */
export interface PlantedRun {
  r: CliResult;
  rep: JsonReport;
  corpusFiles: string[];
  entries: CorpusFile[];
}

/** `twinbuild fuzz ARGS --jobs 1 --stats` with a fresh corpus and report (a missing report is an error that shows stderr). */
export async function plantedFuzz(args: string[]): Promise<PlantedRun> {
  const dir = await tempDir();
  const report = join(dir, 'report.json');
  const corpus = join(dir, 'corpus');
  const r = await twinbuild(['fuzz', ...args, '--jobs', '1', '--stats', '--corpus', corpus, '--report', report, '--no-progress']);
  if (!existsSync(report)) throw new Error(`no report (exit ${r.exitCode}):\n${r.stderr}`);
  const corpusFiles = existsSync(corpus) ? (await readdir(corpus)).sort() : [];
  const entries = await Promise.all(corpusFiles.map((f) => readJson<CorpusFile>(join(corpus, f))));
  return { r, rep: await readJson<JsonReport>(report), corpusFiles, entries };
}
