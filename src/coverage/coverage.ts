/**
 * Backend coverage (`--coverage FILE`, docs/coverage.md): which lines of the
 * backend's own package the builds of a run executed. The hook worker records
 * them (src/build/_python/coverage_probe.py) and sends them with every
 * response; a CoverageBook collects them per backend (every worker of a
 * backend, restarts and --jobs lanes included, feeds the same entry); at the
 * end the executable lines of each backend file (from its code objects,
 * compiled once by the probe) turn the book into a CoverageReport.
 */
import { execa } from 'execa';
import { packageFile } from '../_internals/packageRoot.js';
import { familyInfo } from '../backends/families.js';
import type { Backend, Family } from '../backends/types.js';

export const PROBE_SCRIPT = packageFile('src', 'build', '_python', 'coverage_probe.py');

/** Lines per backend file, the file named relative to its package's parent (`setuptools/build_meta.py`). */
export type LineMap = Record<string, number[]>;

/** What a worker says about tracing when it starts (its ready message's `coverage`). */
export interface CoverageStart {
  /** `sys.monitoring` (Python ≥ 3.12) or `sys.settrace`. */
  method: string;
  /** The backend's package folders whose files are traced. */
  roots: string[];
  /** Why tracing is impossible in this worker, or null. */
  unavailable: string | null;
  /** Lines the backend's import executed. */
  lines: LineMap;
}

/** Where a HookWorker sends what it traced (WorkerOptions.coverage). */
export interface CoverageSink {
  /** The package whose distribution is traced (the family's: `setuptools`, `hatchling`, `pdm.backend`). */
  module: string;
  started(info: CoverageStart): void;
  add(lines: LineMap): void;
}

interface BookEntry {
  backend: Pick<Backend, 'label' | 'python' | 'family' | 'version'>;
  method?: string;
  roots: string[];
  unavailable?: string;
  workers: number;
  responses: number;
  reached: Map<string, Set<number>>;
}

/** Lines reached per backend of one run (also the line source of `--guide coverage`: src/fuzz/guide.ts). */
export class CoverageBook {
  private readonly entries = new Map<string, BookEntry>();
  private reachedCount = 0;

  /** @param note told once per backend when tracing is impossible there (the run goes on without it) */
  constructor(private readonly note: (text: string) => void = () => {}) {}

  sink(backend: Pick<Backend, 'label' | 'python' | 'family' | 'version'>): CoverageSink {
    let e = this.entries.get(backend.label);
    if (!e) {
      e = { backend, roots: [], workers: 0, responses: 0, reached: new Map() };
      this.entries.set(backend.label, e);
    }
    const entry = e;
    return {
      module: tracedModule(backend),
      started: (info) => {
        entry.workers++;
        entry.method ??= info.method;
        for (const r of info.roots) if (!entry.roots.includes(r)) entry.roots.push(r);
        if (info.unavailable !== null) {
          if (entry.unavailable === undefined) this.note(`${backend.label}: no backend coverage: ${info.unavailable}; the run goes on without it`);
          entry.unavailable = info.unavailable;
          return;
        }
        this.reachedCount += addLines(entry.reached, info.lines);
      },
      add: (lines) => {
        entry.responses++;
        this.reachedCount += addLines(entry.reached, lines);
      },
    };
  }

  /** Distinct backend lines reached so far, every backend together. */
  linesReached(): number {
    return this.reachedCount;
  }

  /** Whether some backend's worker traces its builds (false before any worker started, or where tracing is impossible). */
  traced(): boolean {
    return [...this.entries.values()].some((e) => e.workers > 0 && e.unavailable === undefined);
  }

  /** The report: executable lines of every traced backend's files read by `staticLines` (the probe by default). */
  async report(staticLines: (python: string, roots: string[]) => Promise<StaticMap> = readStaticLines): Promise<CoverageReport> {
    const backends: BackendCoverage[] = [];
    for (const e of this.entries.values()) {
      const base = { label: e.backend.label, family: e.backend.family, python: e.backend.python, method: e.method ?? 'none', roots: e.roots, responses: e.responses };
      if (e.unavailable !== undefined || e.roots.length === 0) {
        backends.push(backendCoverage({ ...base, unavailable: e.unavailable ?? 'no worker reported coverage' }, {}, new Map()));
        continue;
      }
      backends.push(backendCoverage(base, await staticLines(e.backend.python, e.roots), e.reached));
    }
    return { format: COVERAGE_FORMAT, formatVersion: 1, backends };
  }
}

/** The family's own package, whatever hook object the spec names (a wrapper of the backend traces the backend). */
export function tracedModule(backend: Pick<Backend, 'family' | 'version'>): string {
  return familyInfo(backend.family).implFor(backend.version).module;
}

/** Adds `lines` to `into`; returns how many were not there yet. */
function addLines(into: Map<string, Set<number>>, lines: LineMap | undefined): number {
  let added = 0;
  for (const [file, ls] of Object.entries(lines ?? {})) {
    let s = into.get(file);
    if (!s) into.set(file, (s = new Set()));
    for (const l of ls) {
      if (s.has(l)) continue;
      s.add(l);
      added++;
    }
  }
  return added;
}

// ---------------------------------------------------------------- the report

export const COVERAGE_FORMAT = 'twinbuild-coverage';

/** Executable lines and functions of each backend file (`coverage_probe.py static`). */
export type StaticMap = Record<string, { lines: number[]; functions: [string, number, number[]][]; error?: string }>;

export interface Counts {
  reached: number;
  executable: number;
}

export interface FileCoverage extends Counts {
  path: string;
  /** Executable lines some build reached. */
  reachedLines: number[];
  /** Executable lines no build reached. */
  neverReached: number[];
  /** Functions none of whose lines ran: qualified name, `def` line, body lines. */
  functionsNeverEntered: { name: string; line: number; body: number[] }[];
}

export interface BackendCoverage {
  label: string;
  family: Family;
  python: string;
  method: string;
  /** Why nothing was traced (then `files` is empty). */
  unavailable?: string;
  roots: string[];
  /** Worker responses that brought lines (hook calls and warm-ups). */
  responses: number;
  total: Counts;
  /** Per top folder (`setuptools/command`; files directly in the package: `setuptools`). */
  groups: ({ group: string } & Counts)[];
  /** The family's build path (BUILD_PATH), when it has one. */
  buildPath?: { parts: string[] } & Counts;
  files: FileCoverage[];
}

export interface CoverageReport {
  format: typeof COVERAGE_FORMAT;
  formatVersion: 1;
  backends: BackendCoverage[];
}

/**
 * The files of a family's build path: what a build of a project goes through
 * (prefixes of backend files; a folder ends with `/`).
 */
export const BUILD_PATH: Partial<Record<Family, string[]>> = {
  setuptools: ['setuptools/build_meta.py', 'setuptools/command/', 'setuptools/config/', 'setuptools/_core_metadata.py', 'setuptools/discovery.py'],
  hatchling: ['hatchling/builders/', 'hatchling/metadata/'],
};

export function groupOf(path: string): string {
  const parts = path.split('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : parts[0]!;
}

export function inBuildPath(family: Family, path: string): boolean {
  return (BUILD_PATH[family] ?? []).some((p) => (p.endsWith('/') ? path.startsWith(p) : path === p));
}

function sum(rows: Counts[]): Counts {
  return { reached: rows.reduce((n, r) => n + r.reached, 0), executable: rows.reduce((n, r) => n + r.executable, 0) };
}

/** One backend's coverage from its files' executable lines and the lines reached. */
export function backendCoverage(
  base: Omit<BackendCoverage, 'total' | 'groups' | 'files' | 'buildPath'>,
  staticMap: StaticMap,
  reached: Map<string, Set<number>>,
): BackendCoverage {
  const files: FileCoverage[] = [];
  for (const path of Object.keys(staticMap).sort()) {
    const exec = staticMap[path]!.lines;
    const hit = reached.get(path) ?? new Set<number>();
    const neverReached = exec.filter((l) => !hit.has(l));
    const functionsNeverEntered = staticMap[path]!.functions.filter(([, , body]) => !body.some((l) => hit.has(l))).map(([name, line, body]) => ({ name, line, body }));
    const reachedLines = exec.filter((l) => hit.has(l));
    files.push({ path, reached: reachedLines.length, executable: exec.length, reachedLines, neverReached, functionsNeverEntered });
  }
  return withTotals({ ...base, files });
}

/** Totals, groups and build path of a backend's files. */
function withTotals(b: Omit<BackendCoverage, 'total' | 'groups' | 'buildPath'>): BackendCoverage {
  const groups = new Map<string, FileCoverage[]>();
  for (const f of b.files) groups.set(groupOf(f.path), [...(groups.get(groupOf(f.path)) ?? []), f]);
  const parts = BUILD_PATH[b.family];
  return {
    ...b,
    total: sum(b.files),
    groups: [...groups].sort(([x], [y]) => (x < y ? -1 : 1)).map(([group, fs]) => ({ group, ...sum(fs) })),
    ...(parts && b.files.length ? { buildPath: { parts, ...sum(b.files.filter((f) => inBuildPath(b.family, f.path))) } } : {}),
  };
}

/**
 * Several reports of the same backends (shards, the lanes of several runs) as
 * one: a line is reached when any of them reached it; backends are matched by
 * label (the same release: the same executable lines).
 */
export function mergeCoverage(reports: CoverageReport[]): CoverageReport {
  const byLabel = new Map<string, { base: BackendCoverage; files: Map<string, FileCoverage> }>();
  for (const r of reports) {
    for (const b of r.backends) {
      const have = byLabel.get(b.label);
      if (!have || (have.base.unavailable !== undefined && b.unavailable === undefined)) {
        byLabel.set(b.label, { base: { ...b, responses: b.responses + (have?.base.responses ?? 0) }, files: new Map(b.files.map((f) => [f.path, f])) });
        continue;
      }
      have.base = { ...have.base, responses: have.base.responses + b.responses, roots: [...new Set([...have.base.roots, ...b.roots])] };
      for (const f of b.files) {
        const into = have.files.get(f.path);
        have.files.set(f.path, into ? mergeFile(into, f) : f);
      }
    }
  }
  const backends = [...byLabel.values()].map(({ base, files }) => {
    const { total: _t, groups: _g, buildPath: _b, ...rest } = base;
    return withTotals({ ...rest, files: [...files.values()].sort((x, y) => (x.path < y.path ? -1 : 1)) });
  });
  return { format: COVERAGE_FORMAT, formatVersion: 1, backends };
}

function mergeFile(a: FileCoverage, b: FileCoverage): FileCoverage {
  const reached = new Set([...a.reachedLines, ...b.reachedLines]);
  const all = new Set([...a.reachedLines, ...a.neverReached, ...b.reachedLines, ...b.neverReached]);
  const neverReached = [...all].filter((l) => !reached.has(l)).sort((x, y) => x - y);
  return {
    path: a.path,
    reached: reached.size,
    executable: all.size,
    reachedLines: [...reached].sort((x, y) => x - y),
    neverReached,
    functionsNeverEntered: a.functionsNeverEntered.filter((f) => !f.body.some((l) => reached.has(l))),
  };
}

/** Executable lines and functions of the files under `roots`, read by the probe with the backend's Python. */
export async function readStaticLines(python: string, roots: string[]): Promise<StaticMap> {
  const r = await execa(python, ['-I', '-B', PROBE_SCRIPT, 'static', ...roots], {
    reject: false,
    timeout: 300_000,
    maxBuffer: 512 * 1024 * 1024,
    extendEnv: false,
    env: { PATH: '/usr/bin:/bin', LANG: 'C.UTF-8' },
  });
  if (r.exitCode !== 0) throw new Error(`${python} ${PROBE_SCRIPT} static: ${String(r.stderr).slice(-2000)}`);
  return JSON.parse(String(r.stdout)) as StaticMap;
}

// ---------------------------------------------------------------- human output

const pct = (c: Counts): string => (c.executable ? `${((100 * c.reached) / c.executable).toFixed(1)}%` : '-');
const row = (name: string, c: Counts): string => `  ${name.padEnd(34)} ${String(c.reached).padStart(6)} / ${String(c.executable).padEnd(6)} ${pct(c).padStart(6)}`;

/** The summary the CLI prints: per backend the total, the build path and each top folder. */
export function formatCoverage(report: CoverageReport): string[] {
  const out: string[] = [];
  for (const b of report.backends) {
    if (b.unavailable !== undefined) {
      out.push(`backend coverage of ${b.label}: not measured (${b.unavailable})`);
      continue;
    }
    out.push(`backend coverage of ${b.label} (${b.method}, ${b.responses} traced calls): lines reached / executable`);
    out.push(row('total', b.total));
    if (b.buildPath) out.push(row('build path', b.buildPath));
    for (const g of b.groups) out.push(row(`${g.group}/`, g));
  }
  return out;
}
