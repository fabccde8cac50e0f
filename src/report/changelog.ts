import type { Change, Changelog } from '../fuzz/changes.js';
import type { ProjectModel } from '../model/projectModel.js';

/** The JSON of `twinbuild changes --report`: the changelog with each change's minimal project. */
export interface ChangelogReport {
  tool: 'twinbuild';
  version: string;
  command: 'changes';
  family: string;
  from: string;
  to: string;
  seed: number;
  releases: string[];
  changes: {
    atom: string;
    /** The behaviour change the atom is part of, when not the atom alone (as in the fuzz report). */
    change?: string;
    /** Every atom of that change the search saw, when several. */
    atoms?: string[];
    signature: string;
    signatureId: string;
    firstRelease: string | null;
    lastGood: string | null;
    checks: number;
    note?: string;
    summary: string;
    baseline: boolean;
    shrinkComplete: boolean;
    model: ProjectModel;
  }[];
}

export function changelogReport(log: Changelog, tool: { version: string; seed: number }): ChangelogReport {
  return {
    tool: 'twinbuild',
    version: tool.version,
    command: 'changes',
    family: log.family,
    from: log.from,
    to: log.to,
    seed: tool.seed,
    releases: log.releases,
    changes: log.changes.map((c) => ({
      atom: c.atom,
      ...(c.finding.change !== undefined ? { change: c.finding.change } : {}),
      ...(c.finding.atoms !== undefined ? { atoms: c.finding.atoms } : {}),
      signature: c.signature,
      signatureId: c.signatureId,
      firstRelease: c.firstRelease,
      lastGood: c.lastGood,
      checks: c.checks,
      ...(c.note !== undefined ? { note: c.note } : {}),
      summary: c.finding.summary,
      baseline: c.finding.baseline === true,
      shrinkComplete: c.finding.shrinkComplete,
      model: c.model,
    })),
  };
}

const REQUIRED = new Set(['name', 'version', 'description', 'dependencies', 'layout', 'packages', 'modules']);

/** A one-line sketch of a minimal project: name, version, and the fields it sets beyond the required ones. */
export function modelSketch(m: ProjectModel): string {
  const parts = [`${m.name} ${m.version}`];
  const code = [...m.packages.map((p) => `package ${p.name}`), ...m.modules.map((x) => `module ${x.name}`)];
  if (code.length) parts.push(code.join(', '));
  if (m.description !== null) parts.push('description');
  if (m.dependencies.length) parts.push(`dependencies ${m.dependencies.join(', ')}`);
  for (const [k, v] of Object.entries(m)) {
    if (REQUIRED.has(k) || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    const text = JSON.stringify(v);
    parts.push(`${k} ${text.length > 40 ? `${text.slice(0, 39)}…` : text}`);
  }
  return parts.join('; ');
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** `s` as a Markdown code span, fenced by more backticks than it holds in a row (a build failure's error may quote `code`). */
export function codeSpan(s: string): string {
  const fence = '`'.repeat(Math.max(0, ...[...s.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

function releaseCell(c: Change): string {
  if (c.firstRelease !== null) return `${c.firstRelease} (last good ${c.lastGood})`;
  return `not bisected: ${c.note ?? 'unknown'}`;
}

/** The changelog as a Markdown table: change, minimal project, first release. */
export function changelogMarkdown(log: Changelog): string {
  const lines = [
    `## ${log.family} ${log.from} → ${log.to}`,
    '',
    `${log.changes.length} change(s) over ${log.releases.length} release(s).`,
    '',
    '| change | minimal project | first release |',
    '| --- | --- | --- |',
  ];
  for (const c of log.changes) {
    // The other atoms of the same change (coupled, or other fields of the wheel copy following the sdist's), and its name.
    const others = (c.finding.atoms ?? []).filter((a) => a !== c.atom).map((a) => ` + ${codeSpan(cell(a))}`).join('');
    const change = c.finding.change !== undefined ? ` (${codeSpan(cell(c.finding.change))})` : '';
    lines.push(`| ${codeSpan(cell(c.atom))}${others}${change}${c.finding.baseline ? ' (baseline)' : ''} | ${cell(modelSketch(c.model))} | ${cell(releaseCell(c))} |`);
  }
  return lines.join('\n') + '\n';
}
