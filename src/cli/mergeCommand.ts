import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import type { JsonReport } from '../report/jsonReport.js';
import { mergeReports } from '../report/merge.js';
import { parseCommandLine, synopsis, type CommandDef, type FlagTable } from './flags.js';
import { exitSection } from './helpSections.js';
import { configFlag, withConfigFile } from './configFile.js';
import { EXIT, type CliIO } from './io.js';
import { reportsToStdout, writeReports } from './reportOutputs.js';

const MERGE_OPTIONS = {
  out: { type: 'string', value: 'FILE.json', required: true, doc: 'the merged JSON report (- for stdout)' },
  junit: { type: 'string', value: 'FILE.xml', doc: 'also write the merged report as JUnit XML' },
  html: { type: 'string', value: 'FILE.html', doc: 'also write the merged report as a self-contained HTML page' },
  sarif: { type: 'string', value: 'FILE.sarif', doc: 'also write the merged report as SARIF 2.1.0' },
  config: configFlag('merge'),
} as const satisfies FlagTable;

export const MERGE_COMMAND: CommandDef<typeof MERGE_OPTIONS> = {
  name: 'merge',
  args: 'REPORT...',
  summary: 'Combine the JSON reports of the shards of one run (same backends and properties): counts add up, findings are deduplicated by signature (the smallest project is kept).',
  flags: MERGE_OPTIONS,
  sections: () => [exitSection()],
};

/** `twinbuild merge REPORT... --out FILE`: combine shard reports, deduplicating findings. */
export async function mergeCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandLine(MERGE_COMMAND, await withConfigFile(argv, MERGE_OPTIONS, io.cwd, 'merge'));
  if (!values.out || positionals.length === 0) throw new ConfigError('merge needs reports and --out FILE', synopsis(MERGE_COMMAND));
  const reports: { file: string; report: JsonReport }[] = [];
  for (const p of positionals) {
    const file = resolve(io.cwd, p);
    let report: JsonReport;
    try {
      report = JSON.parse(await readFile(file, 'utf8')) as JsonReport;
    } catch (e) {
      throw new ConfigError(`cannot read report ${p}: ${(e as Error).message}`);
    }
    reports.push({ file: p, report });
  }
  const merged = mergeReports(reports);
  const stdout = io.out;
  if (reportsToStdout({ ...values, report: values.out })) io = { ...io, out: io.err };
  await writeReports(merged, { ...values, report: values.out }, io.cwd, stdout);
  io.out(`${merged.findings.length} distinct finding(s) from ${reports.length} report(s), ${merged.runs} runs, ${merged.builds} builds: ${values.out}`);
  return merged.findings.length ? EXIT.findings : EXIT.ok;
}
