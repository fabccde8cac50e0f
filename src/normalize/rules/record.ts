import { recordRowPath, withRowPath } from '../../pep/record.js';
import type { NormalizationRule, RuleContext, WorkMember } from '../types.js';

const isRecord = (p: string): boolean => /(^|\/)[^/]*\.dist-info\/RECORD$|^\{dist-info\}\/RECORD$/.test(p);

function rows(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => l.trim() !== '');
}

export const recordAsSet: NormalizationRule = {
  name: 'record-as-set',
  level: 'content',
  artifacts: ['wheel'],
  doc: "RECORD is compared as a sorted set of rows (row order is not meaningful), paths renamed as the members are.",
  apply: (members, ctx) =>
    members.map((m) => {
      if (!isRecord(m.path) || m.text === null) return m;
      const out = rows(m.text).map((r) => {
        const path = recordRowPath(r);
        const mapped = mapPath(path, ctx);
        if (mapped === null || mapped === path) return r;
        return withRowPath(r, mapped);
      });
      return { ...m, text: out.sort().join('\n') + '\n' };
    }),
};

function mapPath(p: string, ctx: RuleContext): string | null {
  let cur: string | null = p;
  for (const f of ctx.pathMaps) {
    if (cur === null) return null;
    cur = f(cur);
  }
  return cur;
}

export const recordPathsOnly: NormalizationRule = {
  name: 'record-paths-only',
  level: 'semantic',
  artifacts: ['wheel'],
  doc: 'RECORD is compared as the set of paths it lists, after the other rules\' renames (hashes are compared through the members).',
  apply: (members: WorkMember[], ctx) =>
    members.map((m) => {
      if (!isRecord(m.path) || m.text === null) return m;
      const paths = rows(m.text)
        .map((r) => mapPath(recordRowPath(r), ctx))
        .filter((p): p is string => p !== null)
        .sort();
      return { ...m, text: paths.join('\n') + '\n' };
    }),
};
