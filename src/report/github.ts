import { blamedFile } from './blame.js';
import type { JsonReport } from './jsonReport.js';

/** GitHub Actions annotation escaping (workflow commands). */
const escData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escProp = (s: string): string => escData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** One `::error` workflow command per finding, with `file=` when a file of the minimal project is to blame. */
export function githubAnnotations(r: JsonReport): string[] {
  return r.findings.map((f) => {
    const file = f.differences.map((d) => blamedFile(d, f.project.files)).find((x) => x !== undefined);
    return `::error ${file ? `file=${escProp(file)},` : ''}title=${escProp(`twinbuild ${f.property} ${f.signature}`)}::${escData(`${f.summary}\n${f.signatureText}\nreplay: ${f.replay}`)}`;
  });
}

/** A Markdown job summary ($GITHUB_STEP_SUMMARY). */
export function markdownSummary(r: JsonReport): string {
  const lines: string[] = [];
  lines.push(`## twinbuild ${r.command}: ${r.findings.length ? `${r.findings.length} finding(s)` : 'no findings'}`, '');
  lines.push(`| backend | version | python |`, '|---|---|---|');
  for (const b of r.backends) lines.push(`| ${b.role.toUpperCase()}: \`${b.spec}\` | ${b.version} | \`${b.python}\` |`);
  lines.push('', `${r.runs} runs, ${r.stats.projects} projects, ${r.builds} builds in ${(r.durationMs / 1000).toFixed(0)} s; seed ${r.seed}; properties ${r.properties.join(', ')}.`, '');
  if (r.findings.length) {
    lines.push('| signature | property | summary | replay |', '|---|---|---|---|');
    for (const f of r.findings) lines.push(`| \`${f.signature}\` | ${f.property} | ${f.summary.replace(/\|/g, '\\|')} | \`${f.replay.replace(/\|/g, '\\|')}\` |`);
    lines.push('');
  }
  return lines.join('\n') + '\n';
}
