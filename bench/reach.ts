/**
 * `npm run bench -- --reach` (after `npx tsc`): what coverage-guided search
 * (`fuzz --guide coverage`, src/fuzz/guide.ts) buys, and what tracing costs.
 * See docs/coverage.md "Guided search".
 *
 * For each backend and seed, three runs of the real CLI on the same
 * generated stream (`fuzz --a SPEC --property spec --runs N --seed S`, an
 * empty corpus, TWINBUILD_JUDGE=off so that the reference judge's fixed cost
 * per artifact does not dilute the tracing cost):
 *
 *   unguided  --coverage FILE                  lines reached by N fresh projects
 *   guided    --coverage FILE --guide coverage  the same N, drawn around the pool
 *   plain     (no coverage)                     the same N fresh projects, untraced
 *
 * The order of the three rotates with the seed. Reported per backend, as
 * medians over the seeds: backend lines reached (total and build path, as
 * the coverage report counts them) unguided vs guided; the guided runs'
 * mutated projects and pool entries; and the cost of tracing per build
 * (unguided vs plain: the same projects): wall time of the search (the
 * report's durationMs, which leaves out the coverage report's one-off
 * static analysis) and CPU time of the whole process tree (which includes it).
 *
 *   npm run bench -- --reach [--backends S1;S2] [--projects N,...] [--seeds 1,2,3] [--json FILE]
 *
 * Single backend, `spec`: every project's sdist and wheel are built once and
 * judged by the spec oracles (a `diff` of a backend against itself builds
 * each twice for the same lines).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { packageRoot } from '../src/_internals/packageRoot.js';
import type { CoverageReport } from '../src/coverage/coverage.js';
import { ConfigError } from '../src/errors.js';
import type { GuideSummary } from '../src/fuzz/guide.js';
import type { JsonReport } from '../src/report/jsonReport.js';
import { machineInfo } from './machine.js';
import { fmt, mdTable, median } from './stats.js';

const DEFAULT_BACKENDS = ['setuptools==80.9.0', 'hatchling==1.27.0'];
const MODES = ['unguided', 'guided', 'plain'] as const;
type Mode = (typeof MODES)[number];

export interface ReachRun {
  backend: string;
  seed: number;
  mode: Mode;
  /** Generated projects (the run count). */
  runs: number;
  /** Projects evaluated: the generated ones, and the candidates of a finding's shrinking. */
  projects: number;
  builds: number;
  durationMs: number;
  /** CPU time (user + system) of the twinbuild process and everything it waited for. */
  cpuMs: number;
  total?: number;
  buildPath?: number;
  executable?: { total: number; buildPath: number };
  guide?: GuideSummary;
  findings: number;
}

const log = (line: string): void => void process.stderr.write(`[bench:reach ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

/** CPU time (ms) of the children this process waited for (/proc/self/stat cutime + cstime). */
function childCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 of the stat line (cutime, cstime), in clock ticks (100 per second on Linux).
  return ((Number(f[13]) + Number(f[14])) * 1000) / 100;
}

async function oneRun(spec: string, seed: number, mode: Mode, projects: number): Promise<ReachRun> {
  const dir = mkdtempSync(join(tmpdir(), 'twinbench-reach-'));
  try {
    const report = join(dir, 'report.json');
    const coverage = join(dir, 'coverage.json');
    const args = ['fuzz', '--a', spec, '--property', 'spec', '--runs', String(projects), '--seed', String(seed), '--corpus', join(dir, 'corpus'), '--no-progress', '--report', report];
    if (mode !== 'plain') args.push('--coverage', coverage);
    if (mode === 'guided') args.push('--guide', 'coverage');
    const cpu0 = childCpuMs();
    const r = await execa('node', [join(packageRoot(), 'bin', 'twinbuild.js'), ...args], {
      reject: false,
      env: { TWINBUILD_JUDGE: 'off', CI: 'true' },
      timeout: 60 * 60_000,
    });
    const cpuMs = childCpuMs() - cpu0;
    if (r.exitCode !== 0 && r.exitCode !== 1) throw new Error(`twinbuild ${args.join(' ')}: exit ${r.exitCode}\n${r.stderr.slice(-3000)}`);
    const rep = JSON.parse(readFileSync(report, 'utf8')) as JsonReport;
    const run: ReachRun = { backend: spec, seed, mode, runs: rep.runs, projects: rep.stats.projects, builds: rep.builds, durationMs: rep.durationMs, cpuMs, findings: rep.findings.length, ...(rep.guide ? { guide: rep.guide } : {}) };
    if (mode !== 'plain') {
      const cov = JSON.parse(readFileSync(coverage, 'utf8')) as CoverageReport;
      const b = cov.backends[0]!;
      if (b.unavailable !== undefined) throw new Error(`${spec}: no backend coverage: ${b.unavailable}`);
      run.total = b.total.reached;
      run.buildPath = b.buildPath?.reached ?? 0;
      run.executable = { total: b.total.executable, buildPath: b.buildPath?.executable ?? 0 };
    }
    return run;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The Markdown tables of a bench's runs. */
export function reachTables(runs: ReachRun[]): string {
  const backends = [...new Set(runs.map((r) => r.backend))];
  const of = (b: string, m: Mode): ReachRun[] => runs.filter((r) => r.backend === b && r.mode === m);
  const med = (rs: ReachRun[], f: (r: ReachRun) => number): number => median(rs.map(f));
  const each = (rs: ReachRun[], f: (r: ReachRun) => number): string => rs.map(f).join(', ');
  const reach = mdTable(
    ['backend', 'runs; builds (unguided / guided)', 'total: unguided', 'total: guided', 'build path: unguided', 'build path: guided', 'executable (total / build path)', 'guided: mutated / pool', 'findings (unguided / guided)'],
    backends.map((b) => {
      const u = of(b, 'unguided');
      const g = of(b, 'guided');
      const ex = u[0]?.executable ?? g[0]?.executable;
      return [
        b,
        `${med(u, (r) => r.runs)}; ${med(u, (r) => r.builds)} / ${med(g, (r) => r.builds)}`,
        `**${med(u, (r) => r.total ?? 0)}** (${each(u, (r) => r.total ?? 0)})`,
        `**${med(g, (r) => r.total ?? 0)}** (${each(g, (r) => r.total ?? 0)})`,
        `**${med(u, (r) => r.buildPath ?? 0)}** (${each(u, (r) => r.buildPath ?? 0)})`,
        `**${med(g, (r) => r.buildPath ?? 0)}** (${each(g, (r) => r.buildPath ?? 0)})`,
        ex ? `${ex.total} / ${ex.buildPath}` : '–',
        `${med(g, (r) => r.guide?.mutated ?? 0)} / ${med(g, (r) => r.guide?.pool ?? 0)}`,
        `${each(u, (r) => r.findings)} / ${each(g, (r) => r.findings)}`,
      ];
    }),
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
  const perBuild = (r: ReachRun, f: (r: ReachRun) => number): number => f(r) / Math.max(1, r.builds);
  const cost = mdTable(
    ['backend', 'wall ms/build: traced', 'untraced', 'ratio', 'CPU ms/build: traced', 'untraced', 'ratio'],
    backends.map((b) => {
      const u = of(b, 'unguided');
      const p = of(b, 'plain');
      const wall = [med(u, (r) => perBuild(r, (x) => x.durationMs)), med(p, (r) => perBuild(r, (x) => x.durationMs))] as const;
      const cpu = [med(u, (r) => perBuild(r, (x) => x.cpuMs)), med(p, (r) => perBuild(r, (x) => x.cpuMs))] as const;
      return [b, fmt(wall[0], 0), fmt(wall[1], 0), `**${fmt(wall[0] / wall[1], 2)}**`, fmt(cpu[0], 0), fmt(cpu[1], 0), `**${fmt(cpu[0] / cpu[1], 2)}**`];
    }),
    ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
  return `Backend lines reached after the same projects (median of the seeds; each seed's figure in brackets):\n\n${reach}\n\nCost of tracing per build (unguided runs with --coverage vs the same projects without it; medians):\n\n${cost}\n`;
}

/** `npm run bench -- --reach ...` (the arguments after --reach). */
export async function reachBench(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { backends: { type: 'string' }, projects: { type: 'string' }, seeds: { type: 'string' }, json: { type: 'string' }, help: { type: 'boolean' } },
    strict: true,
  });
  if (values.help) {
    process.stdout.write('usage: npm run bench -- --reach [--backends S1;S2] [--projects N,... (default 80)] [--seeds 1,2,3] [--json FILE]\n');
    return 0;
  }
  const specs = (values.backends ?? DEFAULT_BACKENDS.join(';')).split(';').map((s) => s.trim()).filter(Boolean);
  const counts = (values.projects ?? '80').split(',').map(Number);
  const seeds = (values.seeds ?? '1,2,3').split(',').map(Number);
  if (counts.some((n) => !Number.isInteger(n) || n < 1)) throw new ConfigError(`--projects must be whole numbers ≥ 1 separated by commas, got ${JSON.stringify(values.projects)}`);
  if (seeds.some((s) => !Number.isInteger(s))) throw new ConfigError(`--seeds must be whole numbers separated by commas, got ${JSON.stringify(values.seeds)}`);
  const started = performance.now();
  const loadStart = loadavg();
  const all: ReachRun[][] = [];
  for (const projects of counts) {
    const runs: ReachRun[] = [];
    all.push(runs);
    for (const spec of specs) {
      for (const [i, seed] of seeds.entries()) {
        const order = MODES.map((_, k) => MODES[(k + i) % MODES.length]!);
        for (const mode of order) {
          log(`${spec} seed ${seed}: ${mode} ... (load ${loadavg()[0]!.toFixed(1)})`);
          const r = await oneRun(spec, seed, mode, projects);
          log(
            `${spec} seed ${seed}: ${mode}: ${r.projects} projects, ${r.builds} builds in ${(r.durationMs / 1000).toFixed(1)} s, CPU ${(r.cpuMs / 1000).toFixed(1)} s` +
              (r.total !== undefined ? `; lines ${r.total} total, ${r.buildPath} build path` : '') +
              (r.guide ? `; ${r.guide.mutated} mutated, ${r.guide.pool} pool entries` : ''),
          );
          runs.push(r);
        }
      }
    }
  }
  const m = machineInfo();
  const head = `bench --reach: ${new Date().toISOString()}, ${m.nproc} CPUs, load ${loadStart.map((x) => x.toFixed(1)).join(' ')} → ${loadavg().map((x) => x.toFixed(1)).join(' ')}, seeds ${seeds.join(', ')}, ${((performance.now() - started) / 60_000).toFixed(1)} min\n`;
  process.stdout.write(head + counts.map((n, i) => `\n### ${n} projects per run\n\n${reachTables(all[i]!)}`).join(''));
  if (values.json) writeFileSync(values.json, `${JSON.stringify({ counts, seeds, runs: all.flat() }, null, 2)}\n`);
  return 0;
}
