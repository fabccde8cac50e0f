import { formatHeaderFile, parseHeaderFile, sortFields } from '../../pep/coreMetadata.js';
import type { NormalizationRule, WorkMember } from '../types.js';

const isCoreMetadata = (p: string): boolean => /(^|\/)(METADATA|PKG-INFO)$/.test(p);
const isEntryPoints = (p: string): boolean => /(^|\/)(\{dist-info\}|[^/]*\.dist-info)\/entry_points\.txt$/.test(p);

/** Multiple-use fields whose order carries no meaning. */
const UNORDERED = new Set(['classifier', 'license-file', 'project-url', 'platform', 'supported-platform', 'requires-external', 'provides-dist', 'obsoletes-dist', 'dynamic', 'import-name', 'import-namespace']);

function edit(members: WorkMember[], which: (p: string) => boolean, f: (text: string) => string): WorkMember[] {
  return members.map((m) => (which(m.path) && m.text !== null ? { ...m, text: f(m.text) } : m));
}

export const unorderedFields: NormalizationRule = {
  name: 'unordered-fields',
  level: 'semantic',
  artifacts: ['wheel', 'sdist'],
  doc: 'Classifier, License-File, Project-URL, Import-Name and other repeatable fields, and the items of Keywords, are compared as sorted sets: their order carries no meaning.',
  apply: (members) =>
    edit(members, isCoreMetadata, (text) => {
      const h = parseHeaderFile(text);
      const fields = h.fields.map(([k, v]): [string, string] =>
        k.toLowerCase() === 'keywords' ? [k, [...new Set(v.split(/[,\s]+/).filter(Boolean))].sort().join(',')] : [k, v],
      );
      const keyed = fields.map((f, i) => ({ f, i, key: UNORDERED.has(f[0].toLowerCase()) ? `${f[0].toLowerCase()}\u0000${f[1]}` : '' }));
      keyed.sort((x, y) => {
        const kx = x.f[0].toLowerCase();
        const ky = y.f[0].toLowerCase();
        if (kx !== ky) return kx < ky ? -1 : 1;
        if (x.key && y.key) return x.key < y.key ? -1 : x.key > y.key ? 1 : 0;
        return x.i - y.i;
      });
      return formatHeaderFile({ ...h, fields: sortFields(keyed.map((k) => k.f)) });
    }),
};

export const fieldWhitespace: NormalizationRule = {
  name: 'field-whitespace',
  level: 'semantic',
  artifacts: ['wheel', 'sdist'],
  doc: 'White space at the ends of field values and white-space-only continuation lines are ignored (backends fold multi-line values differently); a field with an empty value (`Summary: `, `License: `) is compared as an absent one.',
  apply: (members) =>
    edit(members, isCoreMetadata, (text) => {
      const h = parseHeaderFile(text);
      const fields = h.fields
        .map(([k, v]): [string, string] => [
          k,
          v
            .split('\n')
            .map((l) => l.trim())
            .filter((l, i) => i === 0 || l !== '')
            .join('\n'),
        ])
        .filter(([, v]) => v !== '');
      return formatHeaderFile({ ...h, fields });
    }),
};

export const dynamicField: NormalizationRule = {
  name: 'dynamic-field',
  level: 'semantic',
  artifacts: ['wheel', 'sdist'],
  doc: 'Dynamic says which fields a backend computed at build time (e.g. setuptools marks auto-detected license files); backends differ legitimately, and spec (M007) checks its rules.',
  apply: (members) =>
    edit(members, isCoreMetadata, (text) => {
      const h = parseHeaderFile(text);
      return formatHeaderFile({ ...h, fields: h.fields.filter(([k]) => k.toLowerCase() !== 'dynamic') });
    }),
};

/** entry_points.txt as sorted sections of sorted `name = value` lines. */
export function canonicalEntryPoints(text: string): string {
  const sections = new Map<string, Set<string>>();
  let current = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const sec = /^\[(.*)\]$/.exec(line);
    if (sec) {
      current = sec[1]!.trim();
      if (!sections.has(current)) sections.set(current, new Set());
      continue;
    }
    const eq = line.indexOf('=');
    const entry = eq < 0 ? line : `${line.slice(0, eq).trim()} = ${line.slice(eq + 1).trim().replace(/\s*:\s*/, ':').replace(/\s*\[\s*/, ' [').replace(/\s*\]$/, ']')}`;
    if (!sections.has(current)) sections.set(current, new Set());
    sections.get(current)!.add(entry);
  }
  return [...sections.keys()]
    .sort()
    .map((s) => `[${s}]\n${[...sections.get(s)!].sort().join('\n')}\n`)
    .join('\n');
}

export const entryPointsAsSets: NormalizationRule = {
  name: 'entry-points-as-sets',
  level: 'semantic',
  artifacts: ['wheel'],
  doc: 'entry_points.txt is compared as sorted groups of sorted `name = object` entries, spaces normalized (INI order and spacing carry no meaning).',
  apply: (members) => edit(members, isEntryPoints, canonicalEntryPoints),
};
