/**
 * Writing a run's reports: JSON (`--report`), JUnit (`--junit`), HTML
 * (`--html`) and SARIF (`--sarif`), each to a file (folders made, atomic
 * writes) or, given as `-`, to stdout. Shared by fuzz, replay and merge.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { writeAtomic } from '../corpus/store.js';
import { ConfigError } from '../errors.js';
import { htmlReport } from '../report/html.js';
import type { JsonReport } from '../report/jsonReport.js';
import { junitXml } from '../report/junit.js';
import { sarifLog } from '../report/sarif.js';

export interface ReportTargets {
  report?: string;
  junit?: string;
  html?: string;
  sarif?: string;
  /** The backend coverage report (--coverage; written by coverageCommand.ts). */
  coverage?: string;
}

/** Whether one of the reports goes to stdout (then the command's own output goes to stderr). */
export function reportsToStdout(t: ReportTargets): boolean {
  const dashes = [t.report, t.junit, t.html, t.sarif, t.coverage].filter((x) => x === '-').length;
  if (dashes > 1) throw new ConfigError('only one report can be written to stdout (-)');
  return dashes === 1;
}

export async function writeText(target: string, text: string, cwd: string, stdout: (t: string) => void): Promise<void> {
  if (target === '-') {
    stdout(text.endsWith('\n') ? text.slice(0, -1) : text);
    return;
  }
  const file = resolve(cwd, target);
  await mkdir(dirname(file), { recursive: true });
  await writeAtomic(file, text);
}

export async function writeReports(r: JsonReport, t: ReportTargets, cwd: string, stdout: (t: string) => void): Promise<void> {
  if (t.report) await writeText(t.report, JSON.stringify(r, null, 2) + '\n', cwd, stdout);
  if (t.junit) await writeText(t.junit, junitXml(r), cwd, stdout);
  if (t.html) await writeText(t.html, htmlReport(r, { baseDir: t.html === '-' ? cwd : dirname(resolve(cwd, t.html)) }), cwd, stdout);
  if (t.sarif) await writeText(t.sarif, JSON.stringify(sarifLog(r), null, 2) + '\n', cwd, stdout);
}
