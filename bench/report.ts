/** The benchmark's report: Markdown tables printed by `npm run bench` (and pasted into docs/performance.md). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { packageFile } from '../src/_internals/packageRoot.js';
import type { Mismatch } from './compareOutputs.js';
import type { MachineInfo } from './machine.js';
import { METHOD_NAMES, type Method, type MethodRun } from './methods.js';
import type { SoakResult } from './soak.js';
import { fmt, mdTable, median } from './stats.js';

export interface BackendReport {
  label: string;
  spec: string;
  /** Projects built (the first `projects` of the stream that the family can render). */
  projects: number;
  /** Generated projects passed over because the family cannot express them. */
  notRenderable: number;
  family: string;
  version: string;
  python: string;
  pythonVersion: string;
  benchEnvVersions: Record<string, string> | undefined;
  methods: Method[];
  runs: Partial<Record<Method, Omit<MethodRun, 'artifacts'>[]>>;
  /** (a) vs (b): must be empty. */
  mismatches: (Mismatch & { rep: number })[];
  /** (c) and (d) vs (b), first repetition, for information. */
  infoMismatches: Record<'c' | 'd', Mismatch[]>;
  failureSamples: Partial<Record<Method, string[]>>;
}

export interface BenchReport {
  date: string;
  machine: MachineInfo;
  seed: number;
  projects: number;
  reps: number;
  slowReps: number;
  tmpdir: string;
  /** twinbuild revision measured (`git describe --always --dirty`). */
  revision: string;
  pythonVersions: string[];
  loadAvgStart: number[];
  loadAvgEnd?: number[];
  timeoutSec: number;
  skipped: string[];
  backends: BackendReport[];
  nodePeakRssMiB?: number;
  soak?: SoakResult;
  /** `twinbuild-*` folders left in the run's private temporary folder at the end. */
  leftoverTempDirs?: string[];
  totalSeconds?: number;
}

/** Issue 3's targets: (a) must be at least this many times as fast as the other method. */
export const TARGETS: Record<'b' | 'c' | 'd', number> = { c: 10, b: 3, d: 0.5 };

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

const rate = (r: Omit<MethodRun, 'artifacts'>): number => r.builds / r.seconds;

export function medianRate(b: BackendReport, m: Method): number {
  const runs = b.runs[m];
  return runs && runs.length ? median(runs.map(rate)) : Number.NaN;
}

export function ratio(b: BackendReport, other: 'b' | 'c' | 'd'): number {
  return medianRate(b, 'a') / medianRate(b, other);
}

/** Median CPU ms per build (all processes of the method). */
export function medianCpu(b: BackendReport, m: Method): number {
  const runs = (b.runs[m] ?? []).filter((r) => r.cpuMs !== undefined);
  return runs.length ? median(runs.map((r) => r.cpuMs! / r.builds)) : Number.NaN;
}

/** The same ratio by CPU time per build instead of wall time (less sensitive to other load). */
export function cpuRatio(b: BackendReport, other: 'b' | 'c' | 'd'): number {
  return medianCpu(b, other) / medianCpu(b, 'a');
}

/** Targets that this backend's medians miss (e.g. `(a)/(d) 0.31 < 0.5`). */
export function targetsMissed(b: BackendReport): string[] {
  const out: string[] = [];
  for (const o of ['c', 'b', 'd'] as const) {
    const r = ratio(b, o);
    if (Number.isFinite(r) && r < TARGETS[o]) out.push(`(a)/(${o}) ${fmt(r, 2)} < ${TARGETS[o]}`);
  }
  return out;
}

function breakdown(b: BackendReport): string[] {
  const a = b.runs.a ?? [];
  const d = b.runs.d ?? [];
  if (a.length === 0) return [];
  // Per-build figures are medians over all projects of all repetitions (robust to the odd slow build).
  const perProject = a.flatMap((r) => r.perBuild ?? []);
  const wall = median(perProject.map((p) => p.wallMs)) / 2;
  const worker = median(perProject.map((p) => p.workerMs)) / 2;
  const nodeSide = median(perProject.map((p) => p.wallMs - p.workerMs)) / 2;
  const lines: string[] = [];
  lines.push(
    `- (a) per build (median over the projects): **${fmt(wall)} ms** wall in Node, of which **${fmt(worker)} ms** in the worker ` +
      `(the hook in the worker itself, or in a forked child for a wrapper, with the reset of the interpreter and the result, timed in Python: \`outcome.ms\`) and **${fmt(nodeSide)} ms** on the Node side ` +
      `(temporary folders, writing the project copy, JSON over the pipe, reading logs and the artifact, removing the folder).`,
  );
  const split = a.filter((r) => r.cpuSplit);
  if (split.length) {
    const node = median(split.map((r) => r.cpuSplit!.nodeMs / r.builds));
    const nodeSys = median(split.map((r) => r.cpuSplit!.nodeSysMs / r.builds));
    const py = median(split.map((r) => r.cpuSplit!.workerMs / r.builds));
    const loopWall = median(a.map((r) => (r.seconds * 1000) / r.builds));
    lines.push(
      `- (a) CPU per build (loop totals): ${fmt(node)} ms in Node (${fmt(nodeSys)} ms of it in the kernel) + ${fmt(py)} ms in the worker and its forked children ` +
        `= ${fmt(node + py)} ms of ${fmt(loopWall)} ms wall; the rest is waiting (disk, scheduling, other load).`,
    );
  }
  if (d.length) {
    const dCpu = median(d.filter((r) => r.cpuMs !== undefined).map((r) => r.cpuMs! / r.builds));
    const hookMs = d.flatMap((r) => r.hookMs ?? []);
    const sdist = median(hookMs.filter((_, i) => i % 2 === 0));
    const wheel = median(hookMs.filter((_, i) => i % 2 === 1));
    const steady = (sdist + wheel) / 2;
    const fork = median(d.flatMap((r) => r.forkMs ?? []));
    const first = median(d.map((r) => r.hookMs?.[0] ?? Number.NaN));
    lines.push(
      `- (d) the same hooks in one warm process (median over the projects): build_sdist ${fmt(sdist)} ms, build_wheel ${fmt(wheel)} ms, ` +
        `so **${fmt(steady)} ms** per build (the first call of a loop takes ${fmt(first)} ms; CPU ${fmt(dCpu)} ms per build over the loop). ` +
        `Isolation (the reset after an in-process call; a fork for wrappers) therefore costs about **${fmt(worker - steady)} ms** per build ` +
        `(worker time − in-process hook time); for comparison, a bare fork + exit + wait of a process with the backend imported takes ${fmt(fork, 2)} ms, ` +
        `and a forked build also redoes lazy initialisation that a warm process keeps, and pays copy-on-write page faults.`,
    );
  }
  const copies = d.map((r) => r.copies).filter((c): c is NonNullable<typeof c> => c !== undefined);
  if (copies.length) {
    const perCopy = median(copies.map((c) => c.ms / c.count));
    const perFile = median(copies.map((c) => (c.ms * 1000) / c.files));
    lines.push(
      `- Writing one project copy with twinbuild's \`writeFileMap\` (done for every build) takes ${fmt(perCopy)} ms here ` +
        `(${fmt(perFile, 0)} µs per file, ${fmt(copies[0]!.files / copies[0]!.count)} files per project on average), measured while preparing (d).`,
    );
  }
  const aStart = median(a.map((r) => r.startupMs ?? Number.NaN));
  const dStart = median(d.map((r) => r.startupMs ?? Number.NaN));
  lines.push(
    `- One-off start-up, not counted above: (a) worker start + warm-up build ${fmt(aStart, 0)} ms` +
      (d.length ? `; (d) interpreter start + backend import ${fmt(dStart, 0)} ms.` : '.'),
  );
  const hwm = a.map((r) => r.worker?.hwmKb).filter((x): x is number => x !== undefined);
  const nodeRss = a.map((r) => r.nodeRssMiB).filter((x): x is number => x !== undefined);
  if (hwm.length || nodeRss.length) {
    lines.push(
      `- Memory: Node process RSS at the end of each (a) loop ${nodeRss.map((x) => fmt(x)).join(', ')} MiB; ` +
        `hook worker peak RSS (VmHWM of the long-lived worker, not its forked children) ${fmt(Math.max(...hwm) / 1024)} MiB.`,
    );
  }
  return lines;
}

function backendSection(b: BackendReport): string {
  const out: string[] = [];
  const ver = b.benchEnvVersions;
  const extra = ver ? ` — (c) uses build ${ver['build'] ?? '?'}, pyproject-hooks ${ver['pyproject-hooks'] ?? '?'}, packaging ${ver['packaging'] ?? '?'}` : '';
  out.push(`### ${b.label} (Python ${b.pythonVersion}${extra})`, '');
  if (b.notRenderable > 0) {
    out.push(
      `${b.projects} projects: the first ${b.projects} of the generated stream that ${b.family} can express ` +
        `(${b.notRenderable} passed over: the renderer cannot express them).`,
      '',
    );
  }
  const rows = b.methods.map((m) => {
    const runs = b.runs[m] ?? [];
    const r = medianRate(b, m);
    const failed = runs.reduce((n, x) => n + x.failures, 0);
    return [`(${m}) ${METHOD_NAMES[m]}`, fmt(r, 2), fmt(1000 / r), fmt(medianCpu(b, m)), runs.map((x) => fmt(rate(x), 2)).join(', '), String(failed)];
  });
  out.push(
    mdTable(['method', 'builds/s (median)', 'wall ms/build', 'CPU ms/build', 'each repetition (builds/s)', 'failed builds (all repetitions)'], rows, ['l', 'r', 'r', 'r', 'l', 'r']),
  );
  out.push('');
  if (b.methods.includes('a')) {
    const rrows = (['c', 'b', 'd'] as const)
      .filter((o) => b.methods.includes(o))
      .map((o) => {
        const r = ratio(b, o);
        return [`(a)/(${o})`, `${fmt(r, 2)}×`, `${fmt(cpuRatio(b, o), 2)}×`, `≥ ${TARGETS[o]}×`, r >= TARGETS[o] ? 'yes' : '**no**'];
      });
    out.push(mdTable(['ratio', 'measured (wall)', 'by CPU time', 'target', 'met (wall)'], rrows, ['l', 'r', 'r', 'r', 'l']), '');
  }
  out.push(...breakdown(b));
  if (b.methods.includes('a') && b.methods.includes('b')) {
    out.push(
      b.mismatches.length === 0
        ? `- Output check: (a) = (b) after \`content\` normalization for every sdist and wheel of every project, in every repetition.`
        : `- Output check: **${b.mismatches.length} mismatches between (a) and (b)**:`,
    );
    for (const mm of b.mismatches.slice(0, 10)) out.push(`  - rep ${mm.rep + 1}, project ${mm.project} ${mm.artifact}: ${mm.what.join('; ').slice(0, 2000)}`);
  }
  for (const m of ['c', 'd'] as const) {
    if (!b.methods.includes(m) || !b.methods.includes('b')) continue;
    const list = b.infoMismatches[m];
    out.push(`- For information, (${m}) vs (b), first repetition: ${list.length === 0 ? 'equal for every artifact' : `${list.length} artifacts differ`}.`);
    for (const mm of list.slice(0, 3)) out.push(`  - project ${mm.project} ${mm.artifact}: ${mm.what.join('; ').slice(0, 600)}`);
  }
  for (const [m, samples] of Object.entries(b.failureSamples)) {
    if (samples && samples.length) out.push(`- Failed builds of (${m}), first repetition (up to 5): ${samples.map((s) => `\`${s.replace(/`/g, "'").replace(/\n/g, ' ')}\``).join('; ')}`);
  }
  return out.join('\n');
}

function soakSection(s: SoakResult): string {
  const out: string[] = [];
  out.push(`### ${s.builds} builds of (a) with ${s.backend}`, '');
  out.push(
    `${s.builds} builds (${s.projects} distinct projects, sdist + wheel) in ${fmt(s.seconds)} s ` +
      `(${fmt(s.builds / s.seconds, 2)} builds/s), ${s.failures} failed, ${s.restarts} worker restarts; ${s.samples.length} samples, one every 20 builds.`,
    '',
  );
  const rows: string[][] = [];
  const row = (what: string, q: SoakResult['node'] | undefined): void => {
    if (!q) return;
    rows.push([what, fmt(q.firstQuarterMiB), fmt(q.lastQuarterMiB), `${q.growthMiB >= 0 ? '+' : ''}${fmt(q.growthMiB)}`, q.flat ? 'yes' : '**no**']);
  };
  row('Node process RSS', s.node);
  row('hook worker RSS', s.worker);
  out.push(mdTable(['memory (MiB)', 'first quarter (median)', 'last quarter (median)', 'growth', 'flat'], rows, ['l', 'r', 'r', 'r', 'l']), '');
  const heap = s.samples.map((x) => x.nodeHeapMiB);
  const q = Math.max(1, Math.floor(heap.length / 4));
  out.push(
    `- Node heap used: first quarter ${fmt(median(heap.slice(0, q)))} MiB, last quarter ${fmt(median(heap.slice(-q)))} MiB; ` +
      `Node peak RSS ${fmt(s.nodePeakRssMiB)} MiB; worker peak RSS (VmHWM) ${fmt(s.workerHwmMiB ?? Number.NaN)} MiB.`,
  );
  const wfds = s.samples.map((x) => x.workerFds).filter((x): x is number => x !== undefined);
  out.push(
    `- Open fds of the Node process: ${s.fds.before} before the runner, ${s.fds.afterStart} with the worker started, ${s.fds.after} after the last build, ` +
      `${s.fds.afterClose} after closing the runner. Worker fds: ${wfds.length ? `${wfds[0]} at the first sample, ${wfds.at(-1)} at the last` : 'unknown'}.`,
  );
  out.push(
    `- \`twinbuild-*\` folders in the temporary directory: ${s.tempDirs.before} before, ${s.tempDirs.after} after the last build, ` +
      `${s.tempDirs.afterClose} after closing the runner${s.tempDirs.leftover.length ? ` (new leftovers: ${s.tempDirs.leftover.join(', ')})` : ' (no new leftovers)'}.`,
  );
  out.push(`- Hook processes still alive under the worker after the last build: ${s.workerChildrenAfter ?? 'unknown'}.`);
  return out.join('\n');
}

/** Date, machine, and what the run did. */
function header(r: BenchReport, title = 'Measured'): string {
  const out: string[] = [];
  const m = r.machine;
  const py = r.pythonVersions.join(', ') || 'n/a';
  out.push(`## ${title} (${r.date.slice(0, 10)}, \`npm run bench\`)`, '');
  out.push(`Machine: ${m.nproc} CPUs (${m.cpuModel}), ${fmt(m.memoryGiB)} GiB memory, ${m.kernel}; Node ${m.node}; Python ${py}; twinbuild ${r.revision}.`);
  const where =
    `temporary folders in ${r.tmpdir}; load average at the start ${r.loadAvgStart.map((x) => fmt(x, 2)).join(' / ')}` +
    `${r.loadAvgEnd ? `, at the end ${r.loadAvgEnd.map((x) => fmt(x, 2)).join(' / ')}` : ''} (1 / 5 / 15 min).`;
  if (r.backends.length) {
    out.push(
      `${r.projects} generated projects (seed ${r.seed}), sdist + wheel each, so ${2 * r.projects} builds per run; ` +
        `${plural(r.reps, 'repetition')} of (a) and (d), ${r.slowReps} of (b) and (c), medians; one build at a time (no --jobs); ${where}`,
    );
  } else {
    out.push(`${where.charAt(0).toUpperCase()}${where.slice(1)}`);
  }
  return out.join('\n');
}

export function renderReport(r: BenchReport): string {
  const out: string[] = [header(r)];
  if (r.skipped.length) out.push('', `Skipped: ${r.skipped.join('; ')}.`);
  if (r.backends.length) {
    out.push('', '### Summary', '');
    const all: Method[] = ['a', 'b', 'c', 'd'];
    const rows = r.backends.map((b) => [
      b.label,
      ...all.map((x) => (b.methods.includes(x) ? fmt(medianRate(b, x), 2) : '–')),
      ...(['c', 'b', 'd'] as const).map((o) => (b.methods.includes('a') && b.methods.includes(o) ? `${fmt(ratio(b, o), 2)}×` : '–')),
    ]);
    out.push(
      mdTable(
        ['backend', '(a) twinbuild', '(b) fresh process', '(c) python -m build', '(d) in-process', '(a)/(c) ≥ 10', '(a)/(b) ≥ 3', '(a)/(d) ≥ 0.5'],
        rows,
        ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      ),
    );
    out.push(
      '',
      'Builds per second (median of the repetitions, wall time); one build is one hook call producing an artifact. ' +
        'The ratios are (a)\'s rate over the other\'s.',
    );
    if (r.nodePeakRssMiB !== undefined) {
      out.push(
        '',
        `Peak RSS of the twinbuild (Node) process over the whole benchmark: ${fmt(r.nodePeakRssMiB)} MiB ` +
          `(an upper bound: the benchmark also holds the other methods' artifacts for the output check).`,
      );
    }
    for (const b of r.backends) out.push('', backendSection(b));
  }
  if (r.soak) out.push('', soakSection(r.soak));
  if (r.leftoverTempDirs) {
    out.push('', `\`twinbuild-*\` folders left in the run's private temporary folder at the end: ${r.leftoverTempDirs.length ? r.leftoverTempDirs.join(', ') : 'none'}.`);
  }
  if (r.totalSeconds !== undefined) out.push('', `Benchmark wall time: ${fmt(r.totalSeconds / 60)} min.`);
  return out.join('\n');
}

/** The generated parts of docs/performance.md, each between its own markers. */
const PARTS = {
  bench: ['<!-- bench:begin (generated by `npm run bench -- --update-docs`) -->', '<!-- bench:end -->'],
  soak: ['<!-- soak:begin (generated by `npm run bench -- --soak --update-docs`) -->', '<!-- soak:end -->'],
} as const;

/**
 * Replace the generated parts of docs/performance.md that this run measured
 * (the throughput tables, the soak, or both), leaving the others as they are.
 * Returns the parts written.
 */
export function updateDocs(r: BenchReport): string[] {
  const file = packageFile('docs', 'performance.md');
  if (!existsSync(file)) return [];
  let doc = readFileSync(file, 'utf8');
  const written: string[] = [];
  const texts: [keyof typeof PARTS, string | undefined][] = [
    ['bench', r.backends.length ? renderReport({ ...r, soak: undefined }) : undefined],
    ['soak', r.soak ? `${header({ ...r, backends: [] }, 'Memory soak')}\n\n${soakSection(r.soak)}` : undefined],
  ];
  for (const [part, text] of texts) {
    if (text === undefined) continue;
    const [begin, end] = PARTS[part];
    const i = doc.indexOf(begin);
    const j = doc.indexOf(end);
    if (i < 0 || j < i) continue;
    doc = `${doc.slice(0, i + begin.length)}\n\n${text}\n\n${doc.slice(j)}`;
    written.push(part);
  }
  if (written.length) writeFileSync(file, doc);
  return written;
}
