import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeAtomic } from '../corpus/store.js';
import { ConfigError } from '../errors.js';
import type { JsonReport } from '../report/jsonReport.js';
import { mergeReports } from '../report/merge.js';
import { withConfigFile } from './configFile.js';
import { EXIT, type CliIO } from './io.js';

const MERGE_OPTIONS = { out: { type: 'string' } } as const;

/** `twinbuild merge REPORT... --out FILE`: combine shard reports, deduplicating findings. */
export async function mergeCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: await withConfigFile(argv, MERGE_OPTIONS, io.cwd, 'merge'), strict: true, allowPositionals: true, options: MERGE_OPTIONS });
  if (!values.out || positionals.length === 0) throw new ConfigError('merge needs reports and --out FILE', 'twinbuild merge REPORT... --out FILE');
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
  await writeAtomic(resolve(io.cwd, values.out), JSON.stringify(merged, null, 2) + '\n');
  io.out(`${merged.findings.length} distinct finding(s) from ${reports.length} report(s), ${merged.runs} runs, ${merged.builds} builds: ${values.out}`);
  return merged.findings.length ? EXIT.findings : EXIT.ok;
}
