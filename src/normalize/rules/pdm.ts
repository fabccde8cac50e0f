/**
 * Rules for what pdm-backend legitimately adds to its artifacts, or writes
 * its own way. (uv_build 0.12 and later also re-serializes pyproject.toml,
 * which `pdm-rewritten-pyproject` covers as well.)
 *
 * `pdm-rewritten-pyproject` applies from level `content` on: every release of
 * pdm-backend re-serializes pyproject.toml, and the project twinbuild renders
 * for each release pins that release in `[build-system] requires`, so two
 * releases given the same model write different bytes for the same data.
 * Without the rule at `content`, every comparison of two pdm-backend
 * releases reported "sdist member pyproject.toml differs" (a false finding).
 */
import { parse } from 'smol-toml';
import { UNCHANGED_CONFIG } from './familyConfig.js';
import { inputText } from '../text.js';
import type { NormalizationRule } from '../types.js';

/** A parsed TOML value as JSON with sorted keys (dates as their TOML text), for comparison. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value instanceof Date ? String(value) : value);
}

/** The TOML text's data in canonical form, or null when it does not parse. */
function tomlData(text: string): string | null {
  try {
    return canonicalJson(parse(text));
  } catch {
    return null;
  }
}

export const pdmRewrittenPyproject: NormalizationRule = {
  name: 'pdm-rewritten-pyproject',
  level: 'content',
  artifacts: ['sdist'],
  doc: "pdm-backend (and uv_build) re-serialize pyproject.toml into their sdists; one holding the same TOML data as the project's own copy counts as that copy.",
  apply: (members, ctx) => {
    const input = ctx.inputs?.['pyproject.toml'];
    const own = inputText(input);
    if (own === null) return members;
    const ownData = tomlData(own);
    if (ownData === null) return members;
    return members.map((m) => {
      if (m.path !== 'pyproject.toml' || m.text === null || m.text === UNCHANGED_CONFIG || m.text === own) return m;
      if (tomlData(m.text) !== ownData) return m;
      return { ...m, text: UNCHANGED_CONFIG, data: new TextEncoder().encode(UNCHANGED_CONFIG) };
    });
  },
};

const ENTRY_POINTS = /^(\{dist-info\}|[^/]+\.dist-info)\/entry_points\.txt$/;

/** True when an entry_points.txt text has section headers, blank lines and comments only: no entry point. */
export function declaresNoEntryPoint(text: string): boolean {
  return text.split(/\r?\n/).every((line) => {
    const t = line.trim();
    return t === '' || t.startsWith('#') || t.startsWith(';') || /^\[[^\]]*\]$/.test(t);
  });
}

export const pdmEmptyEntryPoints: NormalizationRule = {
  name: 'pdm-empty-entry-points',
  level: 'semantic',
  artifacts: ['wheel'],
  doc: 'A wheel entry_points.txt with empty groups only (pdm-backend writes [console_scripts] and [gui_scripts] always) declares nothing and counts as absent.',
  apply: (members, ctx) => {
    const empty = new Set(members.filter((m) => ENTRY_POINTS.test(m.path) && m.text !== null && declaresNoEntryPoint(m.text)).map((m) => m.path));
    if (empty.size === 0) return members;
    ctx.pathMaps.push((p) => (empty.has(p) ? null : p));
    return members.filter((m) => !empty.has(m.path));
  },
};
