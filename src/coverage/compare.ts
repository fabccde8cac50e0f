/**
 * twinbuild's backend coverage next to another run's (`twinbuild coverage
 * REPORT --compare DATA`, docs/coverage.md): a coverage.py data file, read
 * with coverage.py itself (pinned, COVERAGE_REQUIREMENT) in an environment
 * twinbuild manages, matched file by file on the backend's own modules.
 */
import { execa } from 'execa';
import { provisionTool, type ToolEnv } from '../backends/provision.js';
import { ConfigError } from '../errors.js';
import { groupOf, inBuildPath, PROBE_SCRIPT, type BackendCoverage, type LineMap } from './coverage.js';

/** coverage.py, pinned: the reader of the other run's data file (7.10 runs on Python 3.9 to 3.14). */
export const COVERAGE_REQUIREMENT = 'coverage==7.10.7';

let env: Promise<ToolEnv> | undefined;

export function coverageEnv(): Promise<ToolEnv> {
  env ??= provisionTool('coverage-7.10.7', [COVERAGE_REQUIREMENT], { minVersion: [3, 9] }).catch((e: unknown) => {
    env = undefined;
    throw e;
  });
  return env;
}

/** The lines a coverage.py data file records, per measured file (absolute paths as recorded). */
export async function readCoverageData(file: string): Promise<LineMap> {
  const tool = await coverageEnv();
  const r = await execa(tool.python, ['-I', '-B', PROBE_SCRIPT, 'read-data', file], { reject: false, timeout: 300_000, maxBuffer: 512 * 1024 * 1024 });
  if (r.exitCode !== 0) throw new ConfigError(`cannot read ${file} with ${COVERAGE_REQUIREMENT}: ${String(r.stderr).trim().split('\n').slice(-1)[0] ?? ''}`);
  return JSON.parse(String(r.stdout)) as LineMap;
}

export interface SideCounts {
  /** Executable lines only twinbuild reached. */
  onlyTwinbuild: number;
  /** Executable lines only the other run reached. */
  onlyOther: number;
  both: number;
  /** Executable lines of these files. */
  executable: number;
}

export interface FileComparison extends SideCounts {
  path: string;
  /** Functions the other run entered and twinbuild never did (qualified name, `def` line, lines of its body the other run reached). */
  functionsOnlyOther: { name: string; line: number; lines: number }[];
}

export interface CoverageComparison {
  label: string;
  /** Measured files of the data file that matched a backend file, and those that did not (other packages, tests). */
  matchedFiles: number;
  unmatchedFiles: number;
  total: SideCounts;
  buildPath?: SideCounts;
  groups: ({ group: string } & SideCounts)[];
  files: FileComparison[];
}

/**
 * The backend file a measured path of the other run is: the part of the path
 * from a folder named like one of the backend's top packages on, when the
 * report has a file of that name (`/tmp/venv/.../site-packages/setuptools/x.py`
 * and `/src/setuptools-80.9.0/setuptools/x.py` are both `setuptools/x.py`).
 */
export function matchPath(measured: string, known: Set<string>, tops: string[]): string | undefined {
  const p = measured.replace(/\\/g, '/');
  for (const top of tops) {
    let at = p.indexOf(`/${top}/`);
    while (at >= 0) {
      const rel = p.slice(at + 1);
      if (known.has(rel)) return rel;
      at = p.indexOf(`/${top}/`, at + 1);
    }
  }
  return undefined;
}

function add(into: SideCounts, c: SideCounts): void {
  into.onlyTwinbuild += c.onlyTwinbuild;
  into.onlyOther += c.onlyOther;
  into.both += c.both;
  into.executable += c.executable;
}

const zero = (): SideCounts => ({ onlyTwinbuild: 0, onlyOther: 0, both: 0, executable: 0 });

/** twinbuild's lines of one backend against the other run's, on the backend's executable lines. */
export function compareCoverage(ours: BackendCoverage, other: LineMap): CoverageComparison {
  const known = new Set(ours.files.map((f) => f.path));
  const tops = [...new Set(ours.files.map((f) => f.path.split('/')[0]!))];
  const theirs = new Map<string, Set<number>>();
  let unmatched = 0;
  for (const [measured, lines] of Object.entries(other)) {
    const rel = matchPath(measured, known, tops);
    if (rel === undefined) {
      unmatched++;
      continue;
    }
    const s = theirs.get(rel) ?? new Set<number>();
    lines.forEach((l) => s.add(l));
    theirs.set(rel, s);
  }
  const files: FileComparison[] = [];
  const total = zero();
  const buildPath = zero();
  const groups = new Map<string, SideCounts>();
  for (const f of ours.files) {
    const us = new Set(f.reachedLines);
    const them = theirs.get(f.path) ?? new Set<number>();
    const exec = [...f.reachedLines, ...f.neverReached];
    const c = zero();
    c.executable = exec.length;
    for (const l of exec) {
      if (us.has(l) && them.has(l)) c.both++;
      else if (us.has(l)) c.onlyTwinbuild++;
      else if (them.has(l)) c.onlyOther++;
    }
    const functionsOnlyOther = f.functionsNeverEntered
      .map((fn) => ({ name: fn.name, line: fn.line, lines: fn.body.filter((l) => them.has(l)).length }))
      .filter((fn) => fn.lines > 0);
    files.push({ path: f.path, ...c, functionsOnlyOther });
    add(total, c);
    if (inBuildPath(ours.family, f.path)) add(buildPath, c);
    const g = groups.get(groupOf(f.path)) ?? zero();
    add(g, c);
    groups.set(groupOf(f.path), g);
  }
  return {
    label: ours.label,
    matchedFiles: theirs.size,
    unmatchedFiles: unmatched,
    total,
    ...(ours.buildPath ? { buildPath } : {}),
    groups: [...groups].sort(([x], [y]) => (x < y ? -1 : 1)).map(([group, c]) => ({ group, ...c })),
    files,
  };
}

const cells = (name: string, c: SideCounts): string =>
  `  ${name.padEnd(30)} ${String(c.onlyTwinbuild + c.both).padStart(7)} ${String(c.onlyOther + c.both).padStart(7)} ${String(c.onlyTwinbuild).padStart(7)} ${String(c.onlyOther).padStart(7)} ${String(c.both).padStart(7)} ${String(c.executable).padStart(7)}`;

/** The side-by-side table the CLI prints, and the biggest blind spots (what only the other run reaches). */
export function formatComparison(c: CoverageComparison, otherName: string, blindSpots = 15): string[] {
  const out = [
    `${c.label}: twinbuild vs ${otherName} (${c.matchedFiles} files matched, ${c.unmatchedFiles} other measured files ignored); lines:`,
    `  ${'module group'.padEnd(30)} ${'twinb.'.padStart(7)} ${'other'.padStart(7)} ${'only tb'.padStart(7)} ${'only ot'.padStart(7)} ${'both'.padStart(7)} ${'exec'.padStart(7)}`,
    cells('total', c.total),
  ];
  if (c.buildPath) out.push(cells('build path', c.buildPath));
  for (const g of c.groups) out.push(cells(`${g.group}/`, g));
  const spots = c.files.flatMap((f) => f.functionsOnlyOther.map((fn) => ({ ...fn, path: f.path }))).sort((x, y) => y.lines - x.lines || (x.path < y.path ? -1 : 1));
  if (spots.length) {
    out.push(`  functions only ${otherName} enters (biggest first, lines it reaches):`);
    for (const s of spots.slice(0, blindSpots)) out.push(`    ${`${s.path}:${s.line}`.padEnd(44)} ${s.name} (${s.lines})`);
    if (spots.length > blindSpots) out.push(`    ... ${spots.length - blindSpots} more in the JSON (--out)`);
  }
  return out;
}
