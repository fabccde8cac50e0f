import { py2Allowed } from '../pythonTag.js';
import type { NormalizationRule } from '../types.js';

export const sdistTopFolder: NormalizationRule = {
  name: 'sdist-top-folder',
  level: 'content',
  artifacts: ['sdist'],
  doc: "Members are compared relative to the sdist's single top folder; the folder's name is compared once on its own (content level) or not at all (semantic level; spec checks it against PEP 625).",
  apply: (members, ctx) => {
    const tops = new Set(members.map((m) => (m.path.includes('/') ? m.path.slice(0, m.path.indexOf('/')) : '')));
    if (tops.size !== 1 || tops.has('')) return members; // not one top folder: spec reports it; compare as stored
    const strip = (p: string): string => {
      const i = p.indexOf('/');
      return i < 0 ? p : p.slice(i + 1);
    };
    ctx.pathMaps.push(strip);
    return members.map((m) => ({ ...m, path: strip(m.path) })).filter((m) => m.path !== '');
  },
};

export const distInfoFolder: NormalizationRule = {
  name: 'dist-info-folder',
  level: 'content',
  artifacts: ['wheel'],
  doc: 'Members of the .dist-info folder are compared as {dist-info}/...; the folder\'s name is compared once on its own (content level) or not at all (semantic level; spec checks its normalization).',
  apply: (members, ctx) => {
    const folders = new Set(members.map((m) => /^([^/]+\.dist-info)\//.exec(m.path)?.[1]).filter((f) => f !== undefined));
    if (folders.size !== 1) return members; // none or several: spec reports it; compare as stored
    const rename = (p: string): string => p.replace(/^[^/]+\.dist-info\//, '{dist-info}/');
    ctx.pathMaps.push(rename);
    return members.map((m) => ({ ...m, path: rename(m.path) }));
  },
};

export const wheelPythonTagPy2: NormalizationRule = {
  name: 'wheel-python-tag-py2',
  level: 'semantic',
  artifacts: ['wheel'],
  doc: 'A pure wheel tagged py2.py3 and one tagged py3 are both valid when Requires-Python does not exclude Python 2; the py2 tag is ignored.',
  apply: (members) => {
    if (!py2Allowed(members)) return members;
    return members.map((m) => {
      if (!/(^|\/)[^/]*\.dist-info\/WHEEL$|^\{dist-info\}\/WHEEL$/.test(m.path) || m.text === null) return m;
      const lines = m.text.split('\n');
      if (!lines.some((l) => /^Tag:\s*py3-/.test(l))) return m;
      return { ...m, text: lines.filter((l) => !/^Tag:\s*py2-/.test(l)).join('\n') };
    });
  },
};
