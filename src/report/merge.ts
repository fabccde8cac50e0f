import { ConfigError } from '../errors.js';
import type { JsonReport, ReportFinding } from './jsonReport.js';

/**
 * Combine the reports of the shards of one run (same backends and properties):
 * counts add up, the duration is the longest shard's, and findings are
 * deduplicated by signature (the one with the smallest project is kept).
 */
export function mergeReports(reports: { file: string; report: JsonReport }[]): JsonReport {
  if (reports.length === 0) throw new ConfigError('merge needs at least one report');
  const first = reports[0]!.report;
  const key = (r: JsonReport): string => JSON.stringify([r.backends.map((b) => [b.role, b.family, b.version, b.spec]), r.properties]);
  for (const { file, report } of reports) {
    if (report.tool !== 'twinbuild' || !Array.isArray(report.findings)) throw new ConfigError(`${file} is not a twinbuild JSON report`);
    if (key(report) !== key(first)) throw new ConfigError(`${file} ran other backends or properties than ${reports[0]!.file}: only shards of one run can be merged`);
  }
  const bySignature = new Map<string, ReportFinding>();
  const size = (f: ReportFinding): number => JSON.stringify(f.project.files).length;
  for (const { report } of reports) {
    for (const f of report.findings) {
      const old = bySignature.get(f.signature);
      if (!old || size(f) < size(old)) bySignature.set(f.signature, f);
    }
  }
  const sum = (pick: (r: JsonReport) => number): number => reports.reduce((n, { report }) => n + pick(report), 0);
  const findings = [...bySignature.values()].sort((a, b) => a.foundAfterMs - b.foundAfterMs);
  return {
    ...first,
    command: 'merge',
    runs: sum((r) => r.runs),
    builds: sum((r) => r.builds),
    durationMs: Math.max(...reports.map(({ report }) => report.durationMs)),
    rules: [...new Map(reports.flatMap(({ report }) => report.rules.map((x) => [x.name, x] as const))).values()],
    findings,
    stats: {
      projects: sum((r) => r.stats.projects),
      builds: sum((r) => r.stats.builds),
      rejected: { a: sum((r) => r.stats.rejected.a), b: sum((r) => r.stats.rejected.b) },
      bothRejected: sum((r) => r.stats.bothRejected),
      unconfirmed: sum((r) => r.stats.unconfirmed ?? 0),
    },
    outcome: findings.length ? 'failed' : reports.some(({ report }) => report.outcome === 'interrupted') ? 'interrupted' : 'passed',
    shards: reports.map(({ file, report }) => ({ file, seed: report.seed, runs: report.runs, findings: report.findings.length })),
  };
}
