import type { Difference } from '../compare/types.js';
import type { ReportFinding } from './jsonReport.js';

/** Plain-text rendering of one difference, with its unified diff when there is one. */
export function formatDifference(d: Difference): string {
  const head = `  [${d.artifact}] ${d.kind}${d.path ? ` ${d.path}` : ''}`;
  const sides = d.a !== undefined || d.b !== undefined ? `\n      A: ${d.a ?? '-'}\n      B: ${d.b ?? '-'}` : '';
  const diff = d.diff ? '\n' + d.diff.replace(/^/gm, '      ').trimEnd() : '';
  return head + (d.kind === 'content' && d.diff ? '' : sides) + diff;
}

/** A finding for the terminal: summary, differences, the minimal project, the replay recipe. */
export function formatFinding(f: ReportFinding, opts: { maxFileLines?: number } = {}): string {
  const maxLines = opts.maxFileLines ?? 40;
  const lines: string[] = [];
  lines.push(`FINDING ${f.signature} (${f.property}): ${f.summary}`);
  lines.push(`  signature: ${f.signatureText}`);
  lines.push(`  found after ${(f.foundAfterMs / 1000).toFixed(1)} s, shrunk in ${(f.shrinkMs / 1000).toFixed(1)} s (${f.shrinks} steps)${f.shrinkComplete === false ? '; shrinking was cut short, so the project may not be minimal (a run replaying this corpus file shrinks it further)' : ''}`);
  lines.push('differences:');
  for (const d of f.differences.slice(0, 20)) lines.push(formatDifference(d));
  if (f.differences.length > 20) lines.push(`  ... ${f.differences.length - 20} more`);
  lines.push('minimal project (as written for A):');
  for (const [path, text] of Object.entries(f.project.files)) {
    const body = text.split('\n');
    const shown = body.length > maxLines ? [...body.slice(0, maxLines), `... (${body.length - maxLines} more lines)`] : body;
    lines.push(`  --- ${path}`);
    for (const l of shown) lines.push(`    ${l}`);
  }
  if (f.corpusFile) lines.push(`saved: ${f.corpusFile}`);
  lines.push(`replay: ${f.replay}`);
  return lines.join('\n');
}
