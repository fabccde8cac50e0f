import { createHash } from 'node:crypto';
import type { Difference } from '../compare/types.js';
import { FIELDS, metadataVersionRank, WHEEL_FIELDS } from '../pep/coreMetadata.js';

/**
 * The class of a member path, without names: `dist-info/METADATA`,
 * `PKG-INFO`, `*.py`, `*.json`, `(no extension)`. Two findings whose
 * differences fall in the same classes are the same problem.
 */
export function pathClass(path: string): string {
  if (path === '') return '(artifact)';
  const hook = /^(prepare_metadata_for_build_wheel|build_editable|setup\.cfg|setup\.py):(.*)$/.exec(path);
  if (hook) return `${hook[1]}:${pathClass(hook[2]!)}`;
  const distInfo = /(?:^|\/)(?:[^/]*\.dist-info|\{dist-info\})\/(.+)$/.exec(path);
  if (distInfo) return `dist-info/${distInfo[1]!.replace(/^licenses\/.*/, 'licenses/*')}`;
  if (/(^|\/)[^/]*\.egg-info\//.test(path)) return 'egg-info/*';
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (['PKG-INFO', 'pyproject.toml', 'setup.py', 'setup.cfg', 'MANIFEST.in'].includes(base)) return base;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? `*${base.slice(dot).toLowerCase()}` : '(no extension)';
}

/**
 * Fields of core metadata up to 2.4 and of WHEEL: the set saved signatures
 * were recorded with (a later field in it would change their signatures).
 */
const HEADER_FIELDS = new Set([
  ...[...FIELDS.values()].filter((f) => metadataVersionRank(f.since) <= 204).map((f) => f.name.toLowerCase()),
  ...WHEEL_FIELDS.map((f) => f.toLowerCase()),
]);

/** Names of header fields a unified diff of a metadata file adds or removes. */
export function changedFields(diff: string | undefined): string[] {
  if (!diff) return [];
  const fields = new Set<string>();
  for (const line of diff.split('\n')) {
    const m = /^[+-]([A-Za-z][A-Za-z0-9-]*):/.exec(line);
    if (m && !line.startsWith('+++') && !line.startsWith('---') && HEADER_FIELDS.has(m[1]!.toLowerCase())) fields.add(m[1]!);
  }
  return [...fields].sort();
}

const ARCHIVE_LEVEL_KINDS = new Set<string>(['mtime', 'mode', 'owner', 'member-order', 'archive-bytes']);

/**
 * The classes of one difference: usually one; a metadata file whose fields
 * differ gives one class per field, so that the same field differing again
 * (next to another) is recognised as known.
 */
export function differenceClasses(d: Difference): string[] {
  const one = differenceClass(d);
  const m = /^(.*)\[(.*)\]$/.exec(one);
  return m ? m[2]!.split(',').map((f) => `${m[1]}[${f}]`) : [one];
}

/** One difference reduced to its class: artifact, kind, path class (and changed fields). */
export function differenceClass(d: Difference): string {
  // Archive-level details (times, permissions, owners, order) are one problem whichever member shows them.
  if (ARCHIVE_LEVEL_KINDS.has(d.kind)) return `${d.artifact}:${d.kind}`;
  if (d.kind === 'spec-problem') return `${d.artifact}:spec:${d.code ?? '?'}${d.a !== undefined && d.b === undefined ? ':a' : d.b !== undefined && d.a === undefined ? ':b' : ''}`;
  if (d.kind === 'installed') return `${d.artifact}:installed:${d.code ?? '?'}`;
  const cls = pathClass(d.path);
  const isHeader = /(METADATA|PKG-INFO|WHEEL)$/.test(cls);
  const fields = d.kind === 'content' && isHeader ? changedFields(d.diff) : [];
  return `${d.artifact}:${d.kind}:${cls}${fields.length ? `[${fields.join(',')}]` : ''}`;
}

export interface Signature {
  /** Readable form: property and the sorted set of difference classes. */
  text: string;
  /** The sorted set of difference classes. */
  classes: string[];
  /** Short stable hash of `text`, used in file names. */
  id: string;
}

export function signatureOf(property: string, differences: Difference[]): Signature {
  const classes = [...new Set(differences.flatMap(differenceClasses))].sort();
  const text = `${property}|${classes.join('|')}`;
  return { text, classes, id: createHash('sha256').update(text).digest('hex').slice(0, 12) };
}

/** One line saying what differs, for reports and corpus files. */
export function summarize(differences: Difference[], labels: [string, string]): string {
  if (differences.length === 0) return 'no difference';
  const first = differences[0]!;
  const where = first.path ? ` ${first.path}` : '';
  const what: Record<string, string> = {
    'only-in-a': `only ${labels[0]}'s ${first.artifact} has${where}`,
    'only-in-b': `only ${labels[1]}'s ${first.artifact} has${where}`,
    content: `${first.artifact} member${where} differs`,
    executable: `${first.artifact} member${where} differs in its executable bit`,
    filename: `${first.artifact} filenames differ (${first.a} vs ${first.b})`,
    'folder-name': `${first.artifact} folder names differ (${first.a} vs ${first.b})`,
    'build-failed': `${first.artifact} builds with one backend only (${first.a} | ${first.b})`,
    'archive-problem': `${first.artifact} archive problems differ (${first.a} vs ${first.b})`,
    'spec-problem': `${first.artifact} breaks ${first.code}: ${first.a ?? first.b}`,
    installed: `installed ${first.artifact}: ${first.code}${where}: ${first.b}`,
  };
  const head = what[first.kind] ?? `${first.artifact} ${first.kind}${where}`;
  const more = differences.length > 1 ? ` (+${differences.length - 1} more)` : '';
  return (head + more).slice(0, 300);
}
