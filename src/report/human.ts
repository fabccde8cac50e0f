import type { Difference } from '../compare/types.js';
import type { ReportFinding } from './jsonReport.js';

/** Colours for terminal output (the CLI passes picocolors' functions; default: none). */
export interface Paint {
  red: (s: string) => string;
  green: (s: string) => string;
  cyan: (s: string) => string;
  bold: (s: string) => string;
}

const PLAIN: Paint = { red: (s) => s, green: (s) => s, cyan: (s) => s, bold: (s) => s };

/** A unified diff's lines coloured: removals red, additions green, hunk heads cyan. */
export function paintDiff(diff: string, p: Paint): string {
  return diff
    .split('\n')
    .map((l) => (/^(---|\+\+\+) /.test(l) ? p.bold(l) : l.startsWith('@@') ? p.cyan(l) : l.startsWith('-') ? p.red(l) : l.startsWith('+') ? p.green(l) : l))
    .join('\n');
}

/** Plain-text rendering of one difference, with its unified diff when there is one. */
export function formatDifference(d: Difference, p: Paint = PLAIN): string {
  const head = `  [${d.artifact}] ${p.bold(d.kind)}${d.path ? ` ${d.path}` : ''}`;
  const sides = d.a !== undefined || d.b !== undefined ? `\n      A: ${d.a ?? '-'}\n      B: ${d.b ?? '-'}` : '';
  const diff = d.diff ? '\n' + paintDiff(d.diff.trimEnd(), p).replace(/^/gm, '      ') : '';
  return head + (d.kind === 'content' && d.diff ? '' : sides) + diff;
}

/** A finding for the terminal: summary, differences, the minimal project, the replay recipe. */
export function formatFinding(f: ReportFinding, opts: { maxFileLines?: number; paint?: Paint } = {}): string {
  const maxLines = opts.maxFileLines ?? 40;
  const p = opts.paint ?? PLAIN;
  const lines: string[] = [];
  lines.push(`${p.bold(p.red(`FINDING ${f.signature}`))} (${f.property}): ${f.summary}`);
  lines.push(`  signature: ${f.signatureText}`);
  lines.push(`  found after ${(f.foundAfterMs / 1000).toFixed(1)} s, shrunk in ${(f.shrinkMs / 1000).toFixed(1)} s (${f.shrinks} steps)${f.shrinkComplete === false ? '; shrinking was cut short, so the project may not be minimal (a run replaying this corpus file shrinks it further)' : ''}`);
  lines.push('differences:');
  for (const d of f.differences.slice(0, 20)) lines.push(formatDifference(d, p));
  if (f.differences.length > 20) lines.push(`  ... ${f.differences.length - 20} more`);
  lines.push('minimal project (as written for A):');
  for (const [path, text] of Object.entries(f.project.files)) {
    const body = text.split('\n');
    const shown = body.length > maxLines ? [...body.slice(0, maxLines), `... (${body.length - maxLines} more lines)`] : body;
    lines.push(`  --- ${path}`);
    for (const l of shown) lines.push(`    ${l}`);
  }
  if (f.corpusFile) lines.push(`saved: ${f.corpusFile}`);
  for (const k of f.artifacts ?? []) lines.push(`kept: ${k.side.toUpperCase()} ${k.artifact} ${k.file}`);
  lines.push(`replay: ${f.replay}`);
  return lines.join('\n');
}
