import { mkdirSync } from 'node:fs';
import { appendFile, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseSpec } from '../backends/parseSpec.js';
import { timeoutFromEnv } from '../build/buildArtifacts.js';
import type { BackendRunner } from '../build/runner.js';
import { CORPUS_FORMAT, CORPUS_FORMAT_VERSION, type CorpusFile } from '../corpus/corpusFile.js';
import { replaySpec } from '../corpus/replaySpec.js';
import { corpusFiles, loadCorpusFile, saveCounterexample, saveCounterexampleSync, writeAtomic, writeAtomicSync } from '../corpus/store.js';
import type { Backend } from '../backends/types.js';
import { ConfigError } from '../errors.js';
import type { HealthVerdict } from '../fuzz/health.js';
import { PROPERTIES } from '../fuzz/properties.js';
import { CoverageGuide, type GuideSummary } from '../fuzz/guide.js';
import { runFuzz, type FuzzRun, type Progress, type ReplayEntry } from '../fuzz/runFuzz.js';
import { cannotWriteProjects } from '../render/writable.js';
import { emptyStats, PROPERTY_NAMES, type Finding, type PropertyName } from '../fuzz/types.js';
import { LEVELS, type Level } from '../normalize/types.js';
import { formatFinding } from '../report/human.js';
import { junitXml } from '../report/junit.js';
import { describeRules, reportBackend, reportFinding, type JsonReport, type ReportFinding } from '../report/jsonReport.js';
import { githubAnnotations, markdownSummary } from '../report/github.js';
import { toolVersion } from '../report/toolVersion.js';
import { resolveSpec, startRunner, withSettings } from './backendSetup.js';
import { COVERAGE_FLAG, coverageBook, writeCoverage } from './coverageCommand.js';
import { closeJudge, openJudge } from './judgeSetup.js';
import { featuresOf } from '../../generators/featuresOf.js';
import { configFlag, withConfigFile } from './configFile.js';
import { paint } from './colour.js';
import { ARTIFACT_INDEX, keepArtifacts } from '../corpus/keptArtifacts.js';
import { reportsToStdout, writeReports as writeReportFiles } from './reportOutputs.js';
import { parseCommandLine, synopsis, type CommandDef, type FlagTable } from './flags.js';
import { configSection, environmentSection, exitSection, levelsSection, propertiesSection, specSection } from './helpSections.js';
import { parseDuration } from './duration.js';
import { onInterrupt, PendingWork } from './interrupt.js';
import { EXIT, type CliIO } from './io.js';
import { propertyTimeShare } from '../fuzz/shrinkBudget.js';

function intFlag(v: string | undefined, name: string, min: number): number | undefined {
  if (v === undefined) return undefined;
  if (!/^-?\d+$/.test(v) || Number(v) < min) throw new ConfigError(`--${name} must be a whole number ≥ ${min}, got ${JSON.stringify(v)}`);
  return Number(v);
}

/** Signatures listed in an allow-list file: JSON array, or one per line (# comments). */
export async function loadAllowList(file: string): Promise<Set<string>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read allow-list ${file}: ${(e as Error).message}`);
  }
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      const arr = JSON.parse(trimmed) as unknown;
      if (Array.isArray(arr)) return new Set(arr.map((x) => (typeof x === 'string' ? x : String((x as { signature?: string }).signature))));
    } catch (e) {
      throw new ConfigError(`allow-list ${file} is not valid JSON: ${(e as Error).message}`);
    }
  }
  return new Set(
    text
      .split('\n')
      .map((l) => l.replace(/#.*/, '').trim())
      .filter(Boolean),
  );
}

export async function fuzzCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandLine(FUZZ_COMMAND, await withConfigFile(argv, FUZZ_OPTIONS, io.cwd, 'fuzz'));
  return fuzzWith(values, io);
}

/** The flags of `fuzz` (the parser and `twinbuild help fuzz` both read this table). */
const FUZZ_OPTIONS = {
  a: { type: 'string', value: 'SPEC', required: true, doc: 'backend A (see Backend specs)' },
  b: { type: 'string', value: 'SPEC', doc: 'backend B, for the properties that compare two backends' },
  property: { type: 'string', multiple: true, value: 'NAME', defaultIs: 'diff', doc: 'property to check (see Properties)' },
  runs: { type: 'string', value: 'N', defaultIs: '100 unless --time is given', doc: 'number of generated projects' },
  time: { type: 'string', value: 'DURATION', doc: 'time budget for the whole run, shrinking included, shared by its properties (90s, 10m, 1h)' },
  seed: { type: 'string', value: 'N', defaultIs: 'random (printed)', doc: 'seed of the generator' },
  jobs: { type: 'string', value: 'N', defaultIs: '1', doc: 'search with N worker pairs in parallel' },
  corpus: { type: 'string', value: 'DIR', defaultIs: 'corpus', doc: 'saved counterexamples: replayed first, new findings saved there' },
  allow: { type: 'string', value: 'FILE', doc: 'known finding signatures to skip (one per line, # comments, or a JSON array)' },
  shard: { type: 'string', value: 'I/N', doc: 'search shard I of N of the seed space (combine the reports with merge)' },
  level: { type: 'string', value: 'LEVEL', defaultIs: "the property's own", doc: 'normalization level: bytes, content or semantic' },
  report: { type: 'string', value: 'FILE.json', doc: 'write the JSON report (- for stdout; the log then goes to stderr)' },
  junit: { type: 'string', value: 'FILE.xml', doc: 'write a JUnit XML report (a test case per property and per finding, each with its own time)' },
  html: { type: 'string', value: 'FILE.html', doc: 'write a self-contained HTML report (open it in any browser; no network needed)' },
  sarif: { type: 'string', value: 'FILE.sarif', doc: 'write a SARIF 2.1.0 report (for code scanning)' },
  'keep-artifacts': { type: 'string', value: 'DIR', doc: "keep the wheels and sdists of every finding's shrunk project, both sides, under DIR with DIR/index.json (built at the end of the run; not when it is interrupted)" },
  'no-progress': { type: 'boolean', doc: 'no progress line' },
  stats: { type: 'boolean', doc: 'print how often each generator feature appeared' },
  coverage: COVERAGE_FLAG,
  guide: {
    type: 'string',
    value: 'coverage',
    defaultIs: 'off: every project fresh from the generator',
    doc: 'keep the projects whose builds reach backend lines no earlier build reached, and draw about half of the later projects as one-part mutations of them (traces the builds; docs/coverage.md)',
  },
  baseline: { type: 'boolean', doc: 'diff: report the changes the smallest projects show once each, then ignore them' },
  'shrink-time': { type: 'string', value: 'DURATION', defaultIs: "5m, never more than --time leaves", doc: "each finding's own shrinking budget; when it is spent the finding is saved not fully shrunk (shrinkComplete: false)" },
  'config-setting': { type: 'string', short: 'C', multiple: true, value: 'KEY=VALUE', doc: 'a PEP 517 config_settings entry for every hook of both sides (as pypa/build -C; recorded as config= in the specs)' },
  config: configFlag('fuzz', ' (see Config file)'),
} as const satisfies FlagTable;

export const FUZZ_COMMAND: CommandDef<typeof FUZZ_OPTIONS> = {
  name: 'fuzz',
  args: '',
  summary:
    'Generate random valid Python projects, build each with the backends, check the properties, and shrink every failure to a minimal project saved in the corpus (replayed first on the next run). In GitHub Actions findings also become annotations and a job summary.',
  flags: FUZZ_OPTIONS,
  sections: () => [propertiesSection(), levelsSection(), specSection(), configSection(), environmentSection(), exitSection()],
};

export const FUZZ_USAGE = synopsis(FUZZ_COMMAND);

type FuzzValues = ReturnType<typeof parseCommandLine<typeof FUZZ_OPTIONS>>['values'];

async function fuzzWith(values: FuzzValues, io: CliIO): Promise<number> {
  // `--report -` (or another report to stdout): the report has stdout, the run's own output goes to stderr.
  const stdout = io.out;
  if (reportsToStdout(values)) io = { ...io, out: io.err };
  const colours = paint(io.colour ?? false);
  if (!values.a) throw new ConfigError('fuzz needs --a SPEC', FUZZ_USAGE);
  if (values.guide !== undefined && values.guide !== 'coverage') throw new ConfigError(`--guide must be coverage, got ${JSON.stringify(values.guide)}`);
  // -C KEY=VALUE goes to both sides, as part of their specs (recorded with them).
  values.a = withSettings(values.a, values['config-setting']);
  if (values.b) values.b = withSettings(values.b, values['config-setting']);
  parseSpec(values.a);
  if (values.b) parseSpec(values.b);
  const properties = (values.property ?? ['diff']) as PropertyName[];
  for (const p of properties) {
    if (!PROPERTY_NAMES.includes(p)) throw new ConfigError(`unknown property ${JSON.stringify(p)}: use one of ${PROPERTY_NAMES.join(', ')}`);
    if (!PROPERTIES[p]) throw new ConfigError(`property ${p} is not available in this version of twinbuild (available: ${Object.keys(PROPERTIES).join(', ')})`);
    if (PROPERTIES[p]!.needsB && !values.b) throw new ConfigError(`property ${p} compares two backends: give --b SPEC`);
  }
  const runs = intFlag(values.runs, 'runs', 1);
  const timeMs = values.time !== undefined ? parseDuration(values.time) : undefined;
  const shrinkMs = values['shrink-time'] !== undefined ? parseDuration(values['shrink-time']) : undefined;
  const jobs = intFlag(values.jobs, 'jobs', 1) ?? 1;
  let seed = intFlag(values.seed, 'seed', -2147483648) ?? (Math.floor(Math.random() * 0x7fffffff) ^ Date.now()) | 0;
  if (values.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(values.shard);
    if (!m || Number(m[2]) < 1 || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) {
      throw new ConfigError(`--shard must be I/N with 1 ≤ I ≤ N, got ${JSON.stringify(values.shard)}`);
    }
    seed = (seed + (Number(m[1]) - 1) * 0x9e3779b1) | 0;
  }
  if (values.level !== undefined && !LEVELS.includes(values.level as Level)) {
    throw new ConfigError(`--level must be one of ${LEVELS.join(', ')}`);
  }
  const allow = values.allow ? await loadAllowList(resolve(io.cwd, values.allow)) : new Set<string>();
  const timeoutSec = timeoutFromEnv(io.env);
  const corpusDir = resolve(io.cwd, values.corpus ?? 'corpus');
  const progress = !values['no-progress'];

  const a = await resolveSpec(values.a, io);
  const b = values.b ? await resolveSpec(values.b, io) : undefined;
  // A backend no project can be written for (pdm-pep517, setuptools style= it cannot take) would
  // leave the generator searching for ever: say so now.
  for (const x of b ? [a, b] : [a]) {
    const why = cannotWriteProjects(x);
    if (why !== undefined) throw new ConfigError(`twinbuild cannot write projects for ${x.label}: ${why}`);
  }
  const levelOf = (p: PropertyName): Level => (values.level as Level | undefined) ?? PROPERTIES[p]!.defaultLevel(a, b);
  const level = levelOf(properties[0]!);
  io.err(`twinbuild ${toolVersion()}: A = ${a.label} (${a.python})${b ? `, B = ${b.label} (${b.python})` : ''}; ${properties.map((p) => `${p} at level ${levelOf(p)}`).join(', ')}; seed ${seed}`);

  const features = values.stats ? new Map<string, number>() : undefined;
  // --guide coverage traces the builds whether or not --coverage writes a report.
  const coverage = coverageBook(values.coverage, io, values.guide === 'coverage');
  let guide: CoverageGuide | undefined;
  const runners: BackendRunner[] = [];
  const judge = await openJudge(io, properties);
  const started = performance.now();
  const findings: ReportFinding[] = [];
  const allRules = new Set<string>();
  const stats = emptyStats();
  let totalRuns = 0;
  let interrupted = false;
  let health: HealthVerdict | undefined;
  const propertyMs: Partial<Record<PropertyName, number>> = {};
  // --keep-artifacts: each finding's project is built again by both sides once the search is over
  // (not in an interrupted run: its builds are stopped).
  const keepDir = values['keep-artifacts'] !== undefined ? resolve(io.cwd, values['keep-artifacts']) : undefined;
  const toKeep: [Finding, ReportFinding][] = [];
  // The report, now or when SIGINT/SIGTERM stops the run (`live`: progress of the property running then).
  let live: Progress | undefined;
  const makeReport = (outcome: JsonReport['outcome']): JsonReport => ({
    tool: 'twinbuild',
    version: toolVersion(),
    command: 'fuzz',
    seed,
    runs: totalRuns,
    builds: stats.builds + (live?.builds ?? 0),
    durationMs: Math.round(performance.now() - started),
    backends: [reportBackend('a', a), ...(b ? [reportBackend('b', b)] : [])],
    properties,
    level,
    rules: describeRules(allRules),
    findings,
    stats: { ...stats, projects: stats.projects + (live?.projects ?? 0), builds: stats.builds + (live?.builds ?? 0) },
    ...(features ? { features: Object.fromEntries([...features].sort(([x], [y]) => (x < y ? -1 : 1))) } : {}),
    ...(health ? { health } : {}),
    ...(guide ? { guide: guide.summary() } : {}),
    propertyMs,
    outcome,
  });
  const writeReports = async (report: JsonReport): Promise<void> => {
    await writeReportFiles(report, values, io.cwd, stdout);
  if (io.env['GITHUB_ACTIONS'] === 'true') {
    for (const line of githubAnnotations(report)) io.out(line);
    const summary = io.env['GITHUB_STEP_SUMMARY'];
    if (summary) await appendFile(summary, markdownSummary(report));
  }
  };
  const savingFindings = new PendingWork();
  // Failures being shrunk right now (per lane): the smallest failing project so far.
  const shrinking = new Map<number, Finding>();
  // Every finding runFuzz reported, saved or still being saved (for an exit that cannot wait).
  const reported = new Map<string, Finding>();
  const listSaved = (f: Finding): ReportFinding => {
    const rf = reportFinding(f, `twinbuild replay ${f.corpusFile}${replayFlags(a, b)}`);
    if (keepDir) toKeep.push([f, rf]);
    findings.push(rf);
    return rf;
  };
  const saveFinding = async (f: Finding): Promise<ReportFinding> => {
    if (f.replayedFrom === undefined) f.corpusFile = await saveCounterexample(corpusDir, corpusEntry(f, a, b));
    else {
      f.corpusFile = f.replayedFrom;
      // A saved counterexample shrunk further in this run: the file gets the smaller project.
      if (f.shrinks > 0) await writeAtomic(f.replayedFrom, JSON.stringify(corpusEntry(f, a, b), null, 2) + '\n');
    }
    return listSaved(f);
  };
  /** Exiting now (a later signal, or saving took too long): the same files, written synchronously. */
  const saveAllSync = (signal: NodeJS.Signals): void => {
    const unsaved = [...reported.values(), ...shrinking.values()].filter((f) => !findings.some((x) => x.signature === f.signature));
    for (const f of unsaved) {
      if (f.replayedFrom === undefined) f.corpusFile = saveCounterexampleSync(corpusDir, corpusEntry(f, a, b));
      else {
        f.corpusFile = f.replayedFrom;
        if (f.shrinks > 0) writeAtomicSync(f.replayedFrom, JSON.stringify(corpusEntry(f, a, b), null, 2) + '\n');
      }
      listSaved(f);
    }
    const report = makeReport('interrupted');
    for (const [flag, text] of [
      [values.report, () => JSON.stringify(report, null, 2) + '\n'],
      [values.junit, () => junitXml(report)],
    ] as const) {
      if (!flag) continue;
      if (flag === '-') {
        process.stdout.write(text());
        continue;
      }
      const file = resolve(io.cwd, flag);
      mkdirSync(dirname(file), { recursive: true });
      writeAtomicSync(file, text());
    }
    io.out(`interrupted by ${signal}: ${findings.length} finding(s) saved (${unsaved.length} written at exit), ${report.builds} builds; seed ${seed}`);
  };
  const offInterrupt = onInterrupt(async (signal) => {
    await savingFindings.settled(); // a corpus file being written is finished, not cut
    // A failure still shrinking is saved as it stands (marked not fully shrunk; the next run goes on).
    const partial = [...shrinking.values()].filter((f) => !findings.some((x) => x.signature === f.signature));
    for (const f of partial) await saveFinding(f);
    const report = makeReport('interrupted');
    await writeReports(report);
    if (coverage && values.coverage !== undefined) await writeCoverage(coverage, values.coverage, io, stdout);
    io.out(
      `interrupted by ${signal}: ${findings.length} finding(s) saved${partial.length ? ` (${partial.length} not fully shrunk: a run that replays the corpus shrinks further)` : ''}, ${report.builds} builds in ${(report.durationMs / 1000).toFixed(1)} s; seed ${seed}`,
    );
  }, saveAllSync);
  try {
    const traced = (x: Backend) => (coverage ? { coverage: coverage.sink(x) } : {});
    const ra = await startRunner(a, traced(a));
    runners.push(ra);
    const rb = b ? await startRunner(b, traced(b)) : undefined;
    if (rb) runners.push(rb);
    // --jobs N: N-1 more runner pairs, each searching rounds of its own.
    const extraLanes: { a: BackendRunner; b?: BackendRunner }[] = [];
    for (let j = 1; j < jobs; j++) {
      const la = await startRunner(a, traced(a));
      runners.push(la);
      const lb = b ? await startRunner(b, traced(b)) : undefined;
      if (lb) runners.push(lb);
      extraLanes.push({ a: la, b: lb });
    }
    if (values.guide === 'coverage') {
      guide = new CoverageGuide(coverage!);
      if (!coverage!.traced()) io.err('twinbuild: --guide coverage: no backend of this run can be traced; the search goes on unguided');
    }
    for (const [i, property] of properties.entries()) {
      const left = timeMs !== undefined ? propertyTimeShare(timeMs - (performance.now() - started), properties.length - i) : undefined;
      let lastLine = 0;
      const replay = await loadReplaySet(corpusDir, property);
      if (replay.length) io.err(`twinbuild: ${property}: replaying ${replay.length} saved counterexample(s) from ${corpusDir} first`);
      const run: FuzzRun = await runFuzz({
        a: ra,
        b: PROPERTIES[property]!.needsB ? rb : undefined,
        property,
        level: levelOf(property),
        seed,
        runs,
        timeMs: left,
        shrinkMs,
        allow,
        baseline: values.baseline === true && property === 'diff',
        replay,
        onModel: features ? (m) => featuresOf(m).forEach((f) => features.set(f, (features.get(f) ?? 0) + 1)) : undefined,
        extraLanes: extraLanes.map((l) => ({ a: l.a, b: PROPERTIES[property]!.needsB ? l.b : undefined })),
        build: { timeoutSec },
        judge,
        guide,
        onFinding: savingFindings.track(async (f) => {
          reported.set(f.signature, f);
          const rf = await saveFinding(f);
          if (io.status) io.status('');
          io.out(formatFinding(rf, { paint: colours }));
        }),
        onShrinkProgress: (lane, best) => (best ? shrinking.set(lane, best) : shrinking.delete(lane)),
        onProgress: (p) => {
          live = p;
          if (!progress) return;
          const line = `${property}: ${p.phase}, ${p.projects} projects, ${p.builds} builds, ${(p.builds / Math.max(0.001, p.elapsedMs / 1000)).toFixed(1)} builds/s, ${p.findings} findings${left !== undefined ? `, ${Math.max(0, Math.round((left - p.elapsedMs) / 1000))} s left` : ''}`;
          if (io.status) io.status(line);
          else if (p.elapsedMs - lastLine > 10_000) {
            lastLine = p.elapsedMs;
            io.err(line);
          }
        },
      });
      live = undefined;
      if (io.status) io.status('');
      propertyMs[property] = Math.round(run.durationMs);
      totalRuns += run.runs;
      run.rules.forEach((r) => allRules.add(r));
      stats.projects += run.stats.projects;
      stats.builds += run.stats.builds;
      stats.rejected.a += run.stats.rejected.a;
      stats.rejected.b += run.stats.rejected.b;
      stats.bothRejected += run.stats.bothRejected;
      stats.unconfirmed += run.stats.unconfirmed;
      if (run.kind === 'interrupted' || (run.kind === 'failed' && run.interrupted)) interrupted = true;
      if (run.replaySkipped) {
        const names = run.replaySkipped.map((f) => basename(f));
        io.err(`twinbuild: ${property}: skipped ${names.length} saved counterexample(s) a backend of this run cannot express: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', ...' : ''}`);
      }
      if (run.health) {
        health ??= run.health;
        io.err(
          `twinbuild: ${property}: health check: the first ${run.health.projects} generated projects all failed the same way (${run.health.summary}); the backend looks broken: one finding saved, search stopped`,
        );
      }
    }
    if (keepDir && toKeep.length) {
      const sides = [{ side: 'a' as const, runner: ra }, ...(rb ? [{ side: 'b' as const, runner: rb }] : [])];
      for (const [f, rf] of toKeep) rf.artifacts = await keepArtifacts(keepDir, f, sides, { timeoutSec });
      io.out(`kept the wheels and sdists of ${toKeep.length} finding(s) in ${keepDir} (index: ${join(keepDir, ARTIFACT_INDEX)})`);
    }
  } finally {
    await Promise.all([...runners.map((r) => r.close()), closeJudge(io, judge)]);
  }
  const report = makeReport(findings.length ? 'failed' : interrupted ? 'interrupted' : 'passed');
  const durationMs = report.durationMs;
  await writeReports(report);
  offInterrupt();
  if (coverage && values.coverage !== undefined) await writeCoverage(coverage, values.coverage, io, stdout);
  if (features) {
    const generated = Math.max(1, totalRuns);
    io.out(`features of the ${totalRuns} generated projects (count, share):`);
    for (const [f, n] of [...features].sort(([x], [y]) => (x < y ? -1 : 1))) io.out(`  ${f.padEnd(32)} ${String(n).padStart(6)}  ${((100 * n) / generated).toFixed(1)}%`);
    io.out(`rejected: A ${stats.rejected.a}, B ${stats.rejected.b} of ${stats.projects} projects built (a high rate is a generator bug: only valid projects are generated)`);
  }
  if (guide) io.out(guideLine(guide.summary()));
  const rejectRate = stats.projects ? ` (A rejected ${stats.rejected.a}, B rejected ${stats.rejected.b}, both ${stats.bothRejected})` : '';
  if (stats.unconfirmed) io.out(`${stats.unconfirmed} failure(s) did not fail again when rebuilt and were not reported (a nondeterministic backend, or builds starved of time: see TWINBUILD_TIMEOUT)`);
  io.out(
    `${findings.length ? colours.red(`${findings.length} finding(s)`) : colours.green('no findings')}: ${totalRuns} runs, ${stats.projects} projects, ${stats.builds} builds in ${(durationMs / 1000).toFixed(1)} s${rejectRate}; seed ${seed}`,
  );
  return findings.length ? EXIT.findings : EXIT.ok;
}

/** The human line of --guide coverage. */
function guideLine(g: GuideSummary): string {
  if (!g.active) return `guided search: off (no backend could be traced): ${g.projects} fresh projects`;
  return `guided search: ${g.mutated} of ${g.projects} projects mutated from the pool (add ${g.mutations.add}, remove ${g.mutations.remove}, alter ${g.mutations.alter}; ${g.fellBack} draws without a valid mutation), ${g.pool} pool entries (projects that reached new backend lines)`;
}

/** Saved counterexamples of `property` in the corpus folder (all files validated: a bad one is a usage error). */
async function loadReplaySet(dir: string, property: PropertyName): Promise<ReplayEntry[]> {
  const st = await stat(dir).catch(() => null);
  if (!st?.isDirectory()) return [];
  const out: ReplayEntry[] = [];
  for (const file of await corpusFiles(dir)) {
    const entry = await loadCorpusFile(file);
    if (entry.property === property) out.push({ model: entry.model, source: file, signature: entry.signature, shrinkComplete: entry.shrinkComplete });
  }
  return out;
}

/** The --a/--b a replay needs when a spec runs code a corpus file may not name by itself. */
function replayFlags(a: Backend, b?: Backend): string {
  const q = (s: string): string => (/^[\w.=:,/@+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  const flag = (name: string, x: Backend): string => (replaySpec({ spec: x.spec.raw, family: x.family, version: x.version, python: x.python }).note ? ` --${name} ${q(x.spec.raw)}` : '');
  return flag('a', a) + (b ? flag('b', b) : '');
}

export function corpusEntry(f: Finding, a: Backend, b?: Backend): CorpusFile {
  const side = (x: Backend) => ({ spec: x.spec.raw, family: x.family, version: x.version, python: x.python });
  return {
    format: CORPUS_FORMAT,
    formatVersion: CORPUS_FORMAT_VERSION,
    property: f.property,
    level: f.level,
    backends: b ? { a: side(a), b: side(b) } : { a: side(a) },
    seed: f.seed,
    path: f.path,
    signature: f.signature,
    signatureText: f.signatureText,
    ...(f.atom !== undefined ? { atom: f.atom } : {}),
    ...(f.change !== undefined ? { change: f.change } : {}),
    ...(f.atoms !== undefined ? { atoms: f.atoms } : {}),
    summary: f.summary,
    differences: f.differences,
    model: f.model,
    ...(f.shrinkComplete ? {} : { shrinkComplete: false }),
    createdAt: new Date().toISOString(),
    tool: `twinbuild ${toolVersion()}`,
  };
}

