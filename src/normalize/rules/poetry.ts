/** Rules for what poetry-core legitimately adds to its artifacts, or spells its own way. */
import { parse } from 'smol-toml';
import { formatHeaderFile, parseHeaderFile } from '../../pep/coreMetadata.js';
import { parseRequirement } from '../../pep/requirement.js';
import { formatSpecifier } from '../../pep/specifier.js';
import { rangeSpelling } from '../../pep/versionRanges.js';
import { inputText } from '../text.js';
import type { NormalizationRule, WorkMember } from '../types.js';

const isCoreMetadata = (p: string): boolean => /(^|\/)(METADATA|PKG-INFO)$/.test(p);

function editMetadata(members: WorkMember[], edit: (fields: [string, string][]) => [string, string][]): WorkMember[] {
  return members.map((m) => {
    if (!isCoreMetadata(m.path) || m.text === null) return m;
    const header = parseHeaderFile(m.text);
    const fields = edit(header.fields);
    const text = formatHeaderFile({ ...header, fields });
    return text === m.text ? m : { ...m, text };
  });
}

// ---------------------------------------------------------------------------
// The generated setup.py of older poetry-core sdists.

/** The shape of the setup.py poetry-core writes into sdists (by default before 1.5.0). */
export function isPoetryGeneratedSetupPy(text: string): boolean {
  return (
    /^# -\*- coding: utf-8 -\*-\nfrom setuptools import setup\n/.test(text) &&
    /\nsetup_kwargs = \{\n/.test(text) &&
    /\nsetup\(\*\*setup_kwargs\)\n?$/.test(text)
  );
}

export const poetryGeneratedSetupPy: NormalizationRule = {
  name: 'poetry-generated-setup-py',
  level: 'semantic',
  artifacts: ['sdist'],
  doc: 'The setup.py that poetry-core generates into sdists (generate-setup-file, on by default before 1.5.0) is ignored when the project has none of its own.',
  apply: (members, ctx) => {
    if (ctx.inputs === undefined || 'setup.py' in ctx.inputs) return members;
    return members.filter((m) => !(m.path === 'setup.py' && m.text !== null && isPoetryGeneratedSetupPy(m.text)));
  },
};

// ---------------------------------------------------------------------------
// Automatic classifiers.

/** The classifiers a project declares itself ([project] or [tool.poetry]), or null when its pyproject.toml is not poetry's. */
function declaredClassifiers(pyproject: string | null): Set<string> | null {
  if (pyproject === null) return null;
  let data: { 'build-system'?: { 'build-backend'?: unknown }; project?: { classifiers?: unknown }; tool?: { poetry?: { classifiers?: unknown } } };
  try {
    data = parse(pyproject) as typeof data;
  } catch {
    return null;
  }
  const backend = data['build-system']?.['build-backend'];
  if (typeof backend !== 'string' || !backend.startsWith('poetry.')) return null;
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return new Set([...list(data.project?.classifiers), ...list(data.tool?.poetry?.classifiers)]);
}

/** Classifiers poetry-core derives by itself: Python versions from the Python constraint, and the license. */
const AUTOMATIC_CLASSIFIER = /^(Programming Language :: Python( :: [0-9]+(\.[0-9]+)?)?|License :: .*)$/;

export const poetryAutomaticClassifiers: NormalizationRule = {
  name: 'poetry-automatic-classifiers',
  level: 'semantic',
  artifacts: ['wheel', 'sdist'],
  doc: "The Python-version and License classifiers poetry-core adds by itself when a project lists no classifiers are ignored in artifacts built from a poetry configuration (classifiers the project lists are kept).",
  apply: (members, ctx) => {
    const declared = declaredClassifiers(inputText(ctx.inputs?.['pyproject.toml']));
    if (declared === null || declared.size > 0) return members; // poetry adds them only when the project lists none
    return editMetadata(members, (fields) =>
      fields.filter(([k, v]) => !(k.toLowerCase() === 'classifier' && AUTOMATIC_CLASSIFIER.test(v.trim()))),
    );
  },
};

// ---------------------------------------------------------------------------
// Version specifier sets as the sets of versions they allow (src/pep/versionRanges.ts).

/** A Requires-Dist value with its specifiers in canonical spelling (unchanged when not handled). */
export function canonicalRequirement(requirement: string): string {
  const parsed = parseRequirement(requirement, { lenient: true });
  if (!parsed.ok || parsed.value.url !== undefined || parsed.value.specifiers.length === 0) return requirement;
  const r = parsed.value;
  const canonical = rangeSpelling(r.specifiers.map(formatSpecifier).join(','));
  if (canonical === null) return requirement;
  return `${r.name}${r.extras.length > 0 ? `[${r.extras.join(',')}]` : ''}${canonical}${r.markerText !== undefined ? `; ${r.markerText}` : ''}`;
}

export const poetrySpecifierSets: NormalizationRule = {
  name: 'poetry-specifier-sets',
  level: 'semantic',
  artifacts: ['wheel', 'sdist'],
  doc: 'Version specifier sets in Requires-Dist and Requires-Python are compared as the versions they allow (poetry-core rewrites them: ~= as a range, bounds merged, <=V,>=V as ==V); sets it cannot spell canonically are kept as written.',
  apply: (members) =>
    editMetadata(members, (fields) =>
      fields.map(([k, v]): [string, string] => {
        const key = k.toLowerCase();
        if (key === 'requires-dist') return [k, canonicalRequirement(v)];
        // A set it cannot spell canonically (===) is still a set: its specifiers sorted, spaces dropped.
        if (key === 'requires-python' && v.trim() !== '') return [k, rangeSpelling(v) || v.split(',').map((x) => x.replace(/\s+/g, '')).filter(Boolean).sort().join(',')];
        return [k, v];
      }),
    ),
};
