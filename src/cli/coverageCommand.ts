import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { compareCoverage, formatComparison, readCoverageData } from '../coverage/compare.js';
import { COVERAGE_FORMAT, CoverageBook, formatCoverage, mergeCoverage, type CoverageReport } from '../coverage/coverage.js';
import { ConfigError } from '../errors.js';
import { configFlag, withConfigFile } from './configFile.js';
import { parseCommandLine, synopsis, type CommandDef, type FlagTable } from './flags.js';
import { exitSection } from './helpSections.js';
import { EXIT, type CliIO } from './io.js';
import { writeText } from './reportOutputs.js';

/** The flag fuzz and replay share: where the backend coverage report goes. */
export const COVERAGE_FLAG = {
  type: 'string',
  value: 'FILE.json',
  doc: "record which lines of each backend's own package the builds execute, and write the report (docs/coverage.md; - for stdout)",
} as const;

/** The book of a run with --coverage, or one that needs it anyway (`always`: --guide coverage); its notes go to stderr. */
export function coverageBook(target: string | undefined, io: CliIO, always = false): CoverageBook | undefined {
  return target === undefined && !always ? undefined : new CoverageBook((text) => io.err(`twinbuild: ${text}`));
}

/** At the end of a run: write the coverage report and print its summary. */
export async function writeCoverage(book: CoverageBook, target: string, io: CliIO, stdout: (t: string) => void): Promise<void> {
  let report;
  try {
    report = await book.report();
  } catch (e) {
    // The run's own results stand: a backend whose files cannot be read back costs the coverage report only.
    io.err(`twinbuild: no backend coverage report: ${(e as Error).message}`);
    return;
  }
  await writeText(target, JSON.stringify(report, null, 2) + '\n', io.cwd, stdout);
  for (const line of formatCoverage(report)) io.out(line);
  if (target !== '-') io.out(`backend coverage report: ${target}`);
}

const COVERAGE_OPTIONS = {
  compare: { type: 'string', value: 'DATA', doc: 'a coverage.py data file (.coverage) of another run, such as the backend\'s own tests: printed side by side on the same modules' },
  name: { type: 'string', value: 'TEXT', defaultIs: 'the data file\'s name', doc: 'what to call the other run in the table' },
  out: { type: 'string', value: 'FILE.json', doc: 'write the merged report (with --compare: the comparison) as JSON (- for stdout)' },
  config: configFlag('coverage'),
} as const satisfies FlagTable;

export const COVERAGE_COMMAND: CommandDef<typeof COVERAGE_OPTIONS> = {
  name: 'coverage',
  args: 'REPORT...',
  summary:
    "Read the backend coverage reports of fuzz or replay runs (--coverage), merge them (a line is reached when any run reached it) and print lines reached per module group; with --compare, next to another run's coverage.py data (read with coverage.py in an environment twinbuild manages): lines only twinbuild reaches, only the other run, both, and the functions only the other run enters.",
  flags: COVERAGE_OPTIONS,
  sections: () => [exitSection()],
};

async function loadReport(cwd: string, p: string): Promise<CoverageReport> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(resolve(cwd, p), 'utf8'));
  } catch (e) {
    throw new ConfigError(`cannot read coverage report ${p}: ${(e as Error).message}`);
  }
  if (!data || typeof data !== 'object' || (data as { format?: unknown }).format !== COVERAGE_FORMAT || !Array.isArray((data as { backends?: unknown }).backends)) {
    throw new ConfigError(`${p} is not a twinbuild coverage report (written by fuzz or replay --coverage FILE)`);
  }
  return data as CoverageReport;
}

/** `twinbuild coverage REPORT... [--compare DATA] [--out FILE]`. */
export async function coverageCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandLine(COVERAGE_COMMAND, await withConfigFile(argv, COVERAGE_OPTIONS, io.cwd, 'coverage'));
  if (positionals.length === 0) throw new ConfigError('coverage needs at least one report written by --coverage FILE', synopsis(COVERAGE_COMMAND));
  const stdout = io.out;
  if (values.out === '-') io = { ...io, out: io.err };
  const reports: CoverageReport[] = [];
  for (const p of positionals) reports.push(await loadReport(io.cwd, p));
  const merged = mergeCoverage(reports);
  if (values.compare === undefined) {
    for (const line of formatCoverage(merged)) io.out(line);
    if (values.out) await writeText(values.out, JSON.stringify(merged, null, 2) + '\n', io.cwd, stdout);
    return EXIT.ok;
  }
  const other = await readCoverageData(resolve(io.cwd, values.compare));
  const name = values.name ?? values.compare;
  // A report of two backends next to the data of one's tests: the other backend has no file there.
  const comparisons = merged.backends
    .filter((b) => b.unavailable === undefined)
    .map((b) => compareCoverage(b, other))
    .filter((c) => c.matchedFiles > 0);
  if (comparisons.length === 0) throw new ConfigError(`no measured file of ${values.compare} is a file of the backends in the report(s) (${merged.backends.map((b) => b.label).join(', ')})`);
  for (const c of comparisons) for (const line of formatComparison(c, name)) io.out(line);
  if (values.out) await writeText(values.out, JSON.stringify({ format: 'twinbuild-coverage-comparison', formatVersion: 1, other: name, comparisons }, null, 2) + '\n', io.cwd, stdout);
  return EXIT.ok;
}
