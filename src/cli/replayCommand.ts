import { mkdir } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
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
import { formatDifference } from '../report/human.js';
import { reportBackend } from '../report/jsonReport.js';
import { toolVersion } from '../report/toolVersion.js';
import { resolveSpec, withSettings } from './backendSetup.js';
import { withConfigFile } from './configFile.js';
import { EXIT, type CliIO } from './io.js';

export type ReplayStatus = 'reproduced' | 'changed' | 'fixed' | 'rejected' | 'holds' | 'regressed';

export interface ReplayRow {
  file: string;
  property: string;
  signature: string;
  status: ReplayStatus;
  summary: string;
  newSignature?: string;
}

const REPLAY_OPTIONS = {
      a: { type: 'string' },
      b: { type: 'string' },
      materialize: { type: 'string' },
      report: { type: 'string' },
      update: { type: 'boolean' },
      'config-setting': { type: 'string', short: 'C', multiple: true },
    } as const;

/**
 * Rebuild saved counterexamples. Each is `reproduced` (same signature),
 * `changed` (fails, but differently), `fixed` (passes) or `rejected`
 * (the backends no longer build the project); `--update` re-records each
 * `changed` file with what it shows now. A named scenario that must
 * pass (`expect: "pass"`) either `holds` or has `regressed`.
 */
export async function replayCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: await withConfigFile(argv, REPLAY_OPTIONS, io.cwd, 'replay'),
    strict: true,
    allowPositionals: true,
    options: REPLAY_OPTIONS,
  });
  if (positionals.length !== 1) throw new ConfigError('replay takes one corpus file or folder', 'twinbuild replay FILE|DIR [--a SPEC] [--b SPEC] [--materialize DIR] [--report FILE.json] [--update] [-C KEY=VALUE ...]');
  const files = await corpusFiles(resolve(io.cwd, positionals[0]!));
  const entries: [string, CorpusFile][] = [];
  for (const f of files) entries.push([f, await loadCorpusFile(f)]); // every file validated before anything runs
  if (entries.length === 0) throw new ConfigError(`no corpus files (*.json) in ${positionals[0]}`);
  if (values.materialize && entries.length !== 1) throw new ConfigError('--materialize takes a single corpus file');

  const resolved = new Map<string, Backend>();
  const runners = new Map<string, BackendRunner>();
  const runnerFor = async (spec: string): Promise<BackendRunner> => {
    spec = withSettings(spec, values['config-setting']);
    let r = runners.get(spec);
    if (!r) {
      const backend = resolved.get(spec) ?? (await resolveSpec(spec, io));
      resolved.set(spec, backend);
      r = new BackendRunner(backend);
      await r.ready();
      runners.set(spec, r);
    }
    return r;
  };
  const rows: ReplayRow[] = [];
  const timeoutSec = timeoutFromEnv(io.env);
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
      const out: PropertyOutcome = await def.evaluate(entry.model, { a: ra, b: rb, level: entry.level, build: { timeoutSec }, stats: emptyStats(), labels });
      const row: ReplayRow = {
        file: relative(io.cwd, file) || file,
        property: entry.property,
        signature: entry.signature,
        status: statusOf(entry, out),
        summary: out.status === 'fail' ? out.summary : out.status === 'rejected' ? out.reason : entry.summary,
      };
      if (out.status === 'fail' && row.status === 'changed' && values.update) {
        // Re-record: the same project still fails, now as this (after a fix in twinbuild, say).
        const updated: CorpusFile = { ...entry, signature: out.signature.id, signatureText: out.signature.text, summary: out.summary, differences: out.differences, tool: `twinbuild ${toolVersion()}` };
        await writeAtomic(file, JSON.stringify(updated, null, 2) + '\n');
        io.err(`twinbuild: ${row.file}: re-recorded with signature ${out.signature.id}`);
      }
      if (out.status === 'fail') {
        row.newSignature = out.signature.id;
        if (entries.length === 1) {
          io.out(`${row.status.toUpperCase()}: ${out.summary}\n  signature: ${out.signature.text}`);
          for (const d of out.differences) io.out(formatDifference(d));
        }
      }
      rows.push(row);
    }
  } finally {
    await Promise.all([...runners.values()].map((r) => r.close()));
  }
  io.out(formatTable(rows));
  if (values.report) {
    const file = resolve(io.cwd, values.report);
    await mkdir(dirname(file), { recursive: true });
    const backends = [...resolved.entries()].map(([, b], i) => reportBackend(i === 0 ? 'a' : 'b', b));
    await writeAtomic(file, JSON.stringify({ tool: 'twinbuild', version: toolVersion(), command: 'replay', backends, results: rows }, null, 2) + '\n');
  }
  return rows.some((r) => r.status === 'reproduced' || r.status === 'changed' || r.status === 'regressed') ? EXIT.findings : EXIT.ok;
}

function statusOf(entry: CorpusFile, out: PropertyOutcome): ReplayStatus {
  if (out.status === 'rejected') return 'rejected';
  if (entry.expect === 'pass') return out.status === 'pass' ? 'holds' : 'regressed';
  if (out.status === 'pass') return 'fixed';
  return out.signature.id === entry.signature ? 'reproduced' : 'changed';
}

function formatTable(rows: ReplayRow[]): string {
  const head = ['status', 'signature', 'property', 'file', 'summary'];
  const body = rows.map((r) => [r.status + (r.status === 'changed' || r.status === 'regressed' ? ` (now ${r.newSignature})` : ''), r.signature || '-', r.property, r.file, r.summary.slice(0, 100)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  const counts = (['reproduced', 'changed', 'fixed', 'rejected', 'holds', 'regressed'] as const)
    .filter((s, i) => i < 4 || rows.some((r) => r.status === s))
    .map((s) => `${rows.filter((r) => r.status === s).length} ${s}`)
    .join(', ');
  return [line(head), ...body.map(line), counts].join('\n');
}
