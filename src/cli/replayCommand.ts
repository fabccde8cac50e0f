import { showsSavedAtom, usesAtoms } from '../compare/atoms.js';
import { join, relative, resolve } from 'node:path';
import type { Backend } from '../backends/types.js';
import { timeoutFromEnv } from '../build/buildArtifacts.js';
import { BackendRunner } from '../build/runner.js';
import type { CorpusFile } from '../corpus/corpusFile.js';
import { replaySpec } from '../corpus/replaySpec.js';
import { materialize } from '../corpus/reproducer.js';
import { corpusFiles, loadCorpusFile, writeAtomic } from '../corpus/store.js';
import { ConfigError } from '../errors.js';
import { PROPERTIES } from '../fuzz/properties.js';
import { emptyStats, type PropertyOutcome } from '../fuzz/types.js';
import { formatDifference, type Paint } from '../report/human.js';
import { describeRules, reportBackend, type JsonReport, type ReportFinding } from '../report/jsonReport.js';
import { textFiles } from '../render/textFiles.js';
import { paint } from './colour.js';
import { reportsToStdout, writeReports, writeText } from './reportOutputs.js';
import { toolVersion } from '../report/toolVersion.js';
import { resolveSpec, withSettings } from './backendSetup.js';
import { configFlag, withConfigFile } from './configFile.js';
import { parseCommandLine, synopsis, type CommandDef, type FlagTable } from './flags.js';
import { environmentSection, exitSection, specSection } from './helpSections.js';
import { closeJudge, openJudge } from './judgeSetup.js';
import { EXIT, type CliIO } from './io.js';
import { COVERAGE_FLAG, coverageBook, writeCoverage } from './coverageCommand.js';

export type ReplayStatus = 'reproduced' | 'changed' | 'fixed' | 'rejected' | 'holds' | 'regressed';

export interface ReplayRow {
  file: string;
  property: string;
  signature: string;
  status: ReplayStatus;
  summary: string;
  newSignature?: string;
}

/**
 * Rebuild saved counterexamples. Each is `reproduced` (same signature),
 * `changed` (fails, but differently), `fixed` (passes) or `rejected`
 * (the backends no longer build the project); `--update` re-records each
 * `changed` file with what it shows now. A named scenario that must
 * pass (`expect: "pass"`) either `holds` or has `regressed`.
 */
const REPLAY_OPTIONS = {
  a: { type: 'string', value: 'SPEC', defaultIs: 'the recorded backend A', doc: 'backend A to replay with' },
  b: { type: 'string', value: 'SPEC', defaultIs: 'the recorded backend B', doc: 'backend B to replay with' },
  materialize: { type: 'string', value: 'DIR', doc: 'write the project and a reproduce.sh (plain Python) into DIR (one corpus file only)' },
  report: { type: 'string', value: 'FILE.json', doc: 'write the JSON results (- for stdout)' },
  update: { type: 'boolean', doc: 're-record each `changed` file with what it shows now' },
  coverage: COVERAGE_FLAG,
  html: { type: 'string', value: 'FILE.html', doc: 'write a self-contained HTML page of what still fails (reproduced, changed, regressed)' },
  sarif: { type: 'string', value: 'FILE.sarif', doc: 'write what still fails as SARIF 2.1.0' },
  'config-setting': { type: 'string', short: 'C', multiple: true, value: 'KEY=VALUE', doc: 'a PEP 517 config_settings entry for every hook of both sides (as pypa/build -C; recorded as config= in the specs)' },
  config: configFlag('replay'),
} as const satisfies FlagTable;

export const REPLAY_COMMAND: CommandDef<typeof REPLAY_OPTIONS> = {
  name: 'replay',
  args: 'FILE|DIR',
  summary:
    'Rebuild saved counterexamples (one corpus file, or every *.json in a folder) and print a table: reproduced (same signature), changed (fails differently), fixed (passes) or rejected (no longer builds); a named scenario that must pass holds or has regressed. Exit 1 when anything reproduced, changed or regressed.',
  flags: REPLAY_OPTIONS,
  sections: () => [specSection(), environmentSection(), exitSection()],
};

export async function replayCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandLine(REPLAY_COMMAND, await withConfigFile(argv, REPLAY_OPTIONS, io.cwd, 'replay'));
  const stdout = io.out;
  if (reportsToStdout(values)) io = { ...io, out: io.err };
  const colours = paint(io.colour ?? false);
  const started = performance.now();
  const failing: ReportFinding[] = [];
  const rulesSeen = new Set<string>();
  if (positionals.length !== 1) throw new ConfigError('replay takes one corpus file or folder', synopsis(REPLAY_COMMAND));
  const files = await corpusFiles(resolve(io.cwd, positionals[0]!));
  const entries: [string, CorpusFile][] = [];
  for (const f of files) entries.push([f, await loadCorpusFile(f)]); // every file validated before anything runs
  if (entries.length === 0) throw new ConfigError(`no corpus files (*.json) in ${positionals[0]}`);
  if (values.materialize && entries.length !== 1) throw new ConfigError('--materialize takes a single corpus file');

  const coverage = coverageBook(values.coverage, io);
  const resolved = new Map<string, Backend>();
  const runners = new Map<string, BackendRunner>();
  const runnerFor = async (given: string): Promise<BackendRunner> => {
    const spec = withSettings(given, values['config-setting']);
    let r = runners.get(spec);
    if (!r) {
      const backend = resolved.get(spec) ?? (await resolveSpec(spec, io));
      resolved.set(spec, backend);
      r = new BackendRunner(backend, undefined, coverage ? { coverage: coverage.sink(backend) } : {});
      await r.ready();
      runners.set(spec, r);
    }
    return r;
  };
  const rows: ReplayRow[] = [];
  const timeoutSec = timeoutFromEnv(io.env);
  const judge = await openJudge(io, [...new Set(entries.map(([, e]) => e.property))]);
  try {
    for (const [file, entry] of entries) {
      const def = PROPERTIES[entry.property];
      if (!def) throw new ConfigError(`${file}: property ${entry.property} is not available in this version of twinbuild`);
      const specOf = (given: string | undefined, recorded: CorpusFile['backends']['a'] | undefined): string | undefined => {
        if (given !== undefined || recorded === undefined) return given;
        const r = replaySpec(recorded);
        if (r.note) io.err(`twinbuild: ${relative(io.cwd, file) || file}: ${r.note}`);
        return r.spec;
      };
      const ra = await runnerFor(specOf(values.a, entry.backends.a)!);
      const bSpec = specOf(values.b, entry.backends.b);
      const rb = bSpec ? await runnerFor(bSpec) : undefined;
      if (values.materialize) {
        const dir = resolve(io.cwd, values.materialize);
        await materialize(dir, entry, ra.backend, rb?.backend);
        io.err(`twinbuild: wrote the counterexample to ${dir}; run ${join(dir, 'reproduce.sh')} to see the difference without twinbuild`);
      }
      const labels: [string, string] = def.sides ?? (ra.backend.label === rb?.backend.label ? [`A (${ra.backend.label})`, `B (${rb.backend.label})`] : [ra.backend.label, rb?.backend.label ?? ra.backend.label]);
      const out: PropertyOutcome = await def.evaluate(entry.model, { a: ra, b: rb, level: entry.level, build: { timeoutSec }, stats: emptyStats(), labels, judge });
      const row: ReplayRow = {
        file: relative(io.cwd, file) || file,
        property: entry.property,
        signature: entry.signature,
        status: replayStatus(entry, out),
        summary: out.status === 'fail' ? out.summary : out.status === 'rejected' ? out.reason : entry.summary,
      };
      if (out.status === 'fail' && row.status === 'changed' && values.update) {
        // Re-record: the same project still fails, now as this (after a fix in twinbuild, say).
        const updated: CorpusFile = { ...entry, signature: out.signature.id, signatureText: out.signature.text, summary: out.summary, differences: out.differences, tool: `twinbuild ${toolVersion()}` };
        await writeAtomic(file, JSON.stringify(updated, null, 2) + '\n');
        io.err(`twinbuild: ${row.file}: re-recorded with signature ${out.signature.id}`);
      }
      out.rules.forEach((r) => rulesSeen.add(r));
      if (out.status === 'fail') {
        row.newSignature = out.signature.id;
        if (entries.length === 1) {
          io.out(`${paintStatus(row.status, colours)}: ${out.summary}\n  signature: ${out.signature.text}`);
          for (const d of out.differences) io.out(formatDifference(d, colours));
        }
        // A reproduced entry is the same finding: it keeps its saved signature (an atom's, issue #13).
        const reproduced = row.status === 'reproduced';
        failing.push({
          signature: reproduced ? entry.signature : out.signature.id,
          signatureText: reproduced ? entry.signatureText : out.signature.text,
          property: entry.property,
          summary: `${row.status}: ${out.summary}`,
          differences: out.differences,
          seed: entry.seed,
          path: entry.path,
          corpusFile: row.file,
          foundAfterMs: 0,
          shrinkMs: 0,
          shrinks: 0,
          shrinkComplete: entry.shrinkComplete ?? true,
          replay: `twinbuild replay ${row.file}`,
          project: { files: textFiles(out.files) },
        });
      }
      rows.push(row);
    }
  } finally {
    await Promise.all([...[...runners.values()].map((r) => r.close()), closeJudge(io, judge)]);
  }
  io.out(formatTable(rows, colours));
  if (coverage) await writeCoverage(coverage, values.coverage!, io, stdout);
  const backends = [...resolved.entries()].map(([, b], i) => reportBackend(i === 0 ? 'a' : 'b', b));
  if (values.report) await writeText(values.report, JSON.stringify({ tool: 'twinbuild', version: toolVersion(), command: 'replay', backends, results: rows }, null, 2) + '\n', io.cwd, stdout);
  if (values.html || values.sarif) {
    // The same pages as a fuzz run's, of what still fails.
    const report: JsonReport = {
      tool: 'twinbuild',
      version: toolVersion(),
      command: 'replay',
      seed: 0,
      runs: rows.length,
      builds: 0,
      durationMs: Math.round(performance.now() - started),
      backends,
      properties: [...new Set(entries.map(([, e]) => e.property))],
      level: entries[0]![1].level,
      rules: describeRules(rulesSeen),
      findings: failing,
      stats: { ...emptyStats(), projects: rows.length },
      outcome: failing.length ? 'failed' : 'passed',
    };
    await writeReports(report, { html: values.html, sarif: values.sarif }, io.cwd, stdout);
  }
  return rows.some((r) => r.status === 'reproduced' || r.status === 'changed' || r.status === 'regressed') ? EXIT.findings : EXIT.ok;
}

/** What replaying `entry` shows when it now gives `out`. */
export function replayStatus(entry: CorpusFile, out: PropertyOutcome): ReplayStatus {
  if (out.status === 'rejected') return 'rejected';
  if (entry.expect === 'pass') return out.status === 'pass' ? 'holds' : 'regressed';
  if (out.status === 'pass') return 'fixed';
  if (out.signature.id === entry.signature) return 'reproduced';
  // A file that records its atom (issue #13) reproduces while the project still shows that atom.
  return entry.atom !== undefined && usesAtoms(entry.property) && showsSavedAtom(out.differences, entry.atom) ? 'reproduced' : 'changed';
}

const STATUS_COLOUR: Record<ReplayStatus, 'red' | 'green' | 'cyan'> = { reproduced: 'red', changed: 'red', regressed: 'red', fixed: 'green', holds: 'green', rejected: 'cyan' };

function paintStatus(status: ReplayStatus, p: Paint, text: string = status.toUpperCase()): string {
  return p[STATUS_COLOUR[status]](text);
}

function formatTable(rows: ReplayRow[], p: Paint): string {
  const head = ['status', 'signature', 'property', 'file', 'summary'];
  const body = rows.map((r) => [r.status + (r.status === 'changed' || r.status === 'regressed' ? ` (now ${r.newSignature})` : ''), r.signature || '-', r.property, r.file, r.summary.slice(0, 100)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[], status?: ReplayStatus): string =>
    cells.map((c, i) => (i === cells.length - 1 ? c : i === 0 && status ? paintStatus(status, p, c.padEnd(widths[i]!)) : c.padEnd(widths[i]!))).join('  ');
  const counts = (['reproduced', 'changed', 'fixed', 'rejected', 'holds', 'regressed'] as const)
    .filter((s, i) => i < 4 || rows.some((r) => r.status === s))
    .map((s) => `${rows.filter((r) => r.status === s).length} ${s}`)
    .join(', ');
  return [line(head), ...body.map((cells, i) => line(cells, rows[i]!.status)), counts].join('\n');
}
