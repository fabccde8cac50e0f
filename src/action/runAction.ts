/**
 * The GitHub Action (action.yml at the repository root) in TypeScript: the
 * composite action only installs Node and twinbuild, restores and saves the
 * corpus, uploads artifacts, and calls `twinbuild action`, which runs this.
 *
 * It reads the action's inputs (INPUT_* variables, set by action.yml),
 * turns them into one `twinbuild fuzz` command line, runs it in this
 * process, finds the corpus files the run added or rewrote and copies them
 * to an output folder (so an upload or a pull request keeps them even when
 * the cache is evicted; the HTML page goes there too), writes the step's outputs ($GITHUB_OUTPUT), and
 * says whether the step fails: on findings unless `fail-on-findings` is
 * false, and always on a usage or internal error.
 */
import { createHash } from 'node:crypto';
import { appendFile, copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { ConfigError } from '../errors.js';

/** The action's inputs, by name as in action.yml. */
export const ACTION_INPUTS = {
  a: 'backend spec A (required)',
  b: 'backend spec B (needed by diff)',
  properties: 'properties to check, separated by spaces or commas (default: diff)',
  time: 'time budget, e.g. 20m (default: 10m)',
  runs: 'number of generated projects instead of a time budget',
  seed: 'seed (default: the run number)',
  shards: 'number of shards the seed space is split into (with shard)',
  shard: 'this job\'s shard, 1..shards',
  jobs: 'worker pairs per job (default 1)',
  corpus: 'corpus folder, replayed first and added to (default: corpus)',
  allow: 'allow-list file of accepted signatures',
  'config-settings': 'PEP 517 config settings for both sides, KEY=VALUE, one per line',
  'fail-on-findings': 'fail the step when there are findings (default: true)',
  'output-dir': 'folder for the report, JUnit file and new corpus files (default: twinbuild-out)',
} as const;
export type ActionInput = keyof typeof ACTION_INPUTS;

export interface ActionPlan {
  /** Arguments for `twinbuild fuzz`. */
  argv: string[];
  corpus: string;
  outputDir: string;
  report: string;
  junit: string;
  failOnFindings: boolean;
}

/** `INPUT_FAIL-ON-FINDINGS` is how the runner names an input; also accept underscores. */
function input(env: NodeJS.ProcessEnv, name: ActionInput): string | undefined {
  const upper = name.toUpperCase();
  const v = env[`INPUT_${upper}`] ?? env[`INPUT_${upper.replace(/-/g, '_')}`];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function bool(v: string | undefined, name: string, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  if (/^(true|yes|1)$/i.test(v)) return true;
  if (/^(false|no|0)$/i.test(v)) return false;
  throw new ConfigError(`input ${name} must be true or false, got ${JSON.stringify(v)}`);
}

/** The fuzz command line the inputs describe. Throws ConfigError on bad inputs. */
export function planAction(env: NodeJS.ProcessEnv, cwd: string): ActionPlan {
  const a = input(env, 'a');
  if (!a) throw new ConfigError('input a (backend spec A) is required, e.g. a: setuptools==80.9.0');
  const outputDir = resolve(cwd, input(env, 'output-dir') ?? 'twinbuild-out');
  const corpus = resolve(cwd, input(env, 'corpus') ?? 'corpus');
  const report = join(outputDir, 'twinbuild.json');
  const junit = join(outputDir, 'twinbuild.xml');
  const argv = ['fuzz', '--a', a];
  const b = input(env, 'b');
  if (b) argv.push('--b', b);
  for (const p of (input(env, 'properties') ?? '').split(/[\s,]+/).filter(Boolean)) argv.push('--property', p);
  const runs = input(env, 'runs');
  const time = input(env, 'time');
  if (runs && time) throw new ConfigError('give input runs or input time, not both');
  if (runs) argv.push('--runs', runs);
  else argv.push('--time', time ?? '10m');
  const seed = input(env, 'seed') ?? env['GITHUB_RUN_NUMBER'];
  if (seed) argv.push('--seed', seed);
  const shards = input(env, 'shards');
  const shard = input(env, 'shard');
  if ((shards === undefined) !== (shard === undefined)) throw new ConfigError('inputs shard and shards go together (shard: 2, shards: 4)');
  if (shards && shard) argv.push('--shard', `${shard}/${shards}`);
  const jobs = input(env, 'jobs');
  if (jobs) argv.push('--jobs', jobs);
  const allow = input(env, 'allow');
  if (allow) argv.push('--allow', allow);
  for (const s of (input(env, 'config-settings') ?? '').split('\n').map((l) => l.trim()).filter(Boolean)) argv.push(`--config-setting=${s}`);
  argv.push('--corpus', corpus, '--report', report, '--junit', junit, '--html', join(outputDir, 'twinbuild.html'), '--no-progress');
  return { argv, corpus, outputDir, report, junit, failOnFindings: bool(input(env, 'fail-on-findings'), 'fail-on-findings', true) };
}

/** sha256 of every corpus file, by path relative to the folder. */
export async function corpusSnapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (sub: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(join(dir, sub), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const rel = sub ? `${sub}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(rel);
      else if (e.isFile() && e.name.endsWith('.json')) out.set(rel, createHash('sha256').update(await readFile(join(dir, rel))).digest('hex'));
    }
  };
  await walk('');
  return out;
}

/** Files added or rewritten between two snapshots, sorted. */
export function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([f, h]) => before.get(f) !== h).map(([f]) => f).sort();
}

export interface ActionResult {
  /** The step's exit code. */
  exitCode: number;
  /** twinbuild fuzz's own exit code. */
  fuzzExitCode: number;
  newCorpusFiles: string[];
  outputs: Record<string, string>;
}

/**
 * Run the action: plan, run `fuzz` with `runFuzzCommand` (the CLI's main, or
 * a stand-in in tests), collect new corpus files into `<output-dir>/corpus/`,
 * write the outputs.
 */
export async function runAction(
  env: NodeJS.ProcessEnv,
  cwd: string,
  runFuzzCommand: (argv: string[]) => Promise<number>,
): Promise<ActionResult> {
  const plan = planAction(env, cwd);
  await mkdir(plan.outputDir, { recursive: true });
  const before = await corpusSnapshot(plan.corpus);
  const fuzzExitCode = await runFuzzCommand(plan.argv);
  const newCorpusFiles = changedFiles(before, await corpusSnapshot(plan.corpus));
  const copied = join(plan.outputDir, 'corpus');
  for (const f of newCorpusFiles) {
    await mkdir(join(copied, f, '..'), { recursive: true });
    await copyFile(join(plan.corpus, f), join(copied, f));
  }
  let findings = 0;
  try {
    findings = (JSON.parse(await readFile(plan.report, 'utf8')) as { findings?: unknown[] }).findings?.length ?? 0;
  } catch {
    /* no report: a usage or internal error, already said */
  }
  const outputs: Record<string, string> = {
    'exit-code': String(fuzzExitCode),
    findings: String(findings),
    report: relative(cwd, plan.report),
    junit: relative(cwd, plan.junit),
    'new-corpus-dir': relative(cwd, copied),
    'new-corpus-files': String(newCorpusFiles.length),
  };
  const outFile = env['GITHUB_OUTPUT'];
  if (outFile) await appendFile(outFile, Object.entries(outputs).map(([k, v]) => `${k}=${v}\n`).join(''));
  const summary = env['GITHUB_STEP_SUMMARY'];
  if (summary && newCorpusFiles.length) {
    await appendFile(
      summary,
      `\n### New corpus files\n\n${newCorpusFiles.map((f) => `- \`${f}\``).join('\n')}\n\nThey are in the \`${relative(cwd, copied)}\` artifact; commit them to keep them.\n`,
    );
  }
  const exitCode = fuzzExitCode === 1 ? (plan.failOnFindings ? 1 : 0) : fuzzExitCode;
  return { exitCode, fuzzExitCode, newCorpusFiles, outputs };
}
