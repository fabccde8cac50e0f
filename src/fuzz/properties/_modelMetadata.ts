import type { ArchiveView } from '../../archive/types.js';
import type { Difference } from '../../compare/types.js';
import { declaredImportNames, modelExtras, type ProjectModel } from '../../model/projectModel.js';
import { decodeUtf8, parseHeaders, values, type HeaderBlock } from '../../pep/coreMetadata.js';
import { importNameComparisonForm, importNameValueForm } from '../../pep/importName.js';
import { canonicalizeName } from '../../pep/name.js';
import { normalSpecifierSet } from '../../pep/specifier.js';
import { normalizeVersion } from '../../pep/version.js';
import { formatRequirement, parseRequirement, requirementComparisonForm, requirementMarkerExtras } from '../../pep/requirement.js';
import { expandSelfReferences, isSelfReference } from '../../pep/selfReference.js';
import { lt, valid } from '@renovatebot/pep440';
import type { Family } from '../../backends/types.js';
import { extraRequirement } from '../../install/expect.js';

/**
 * The wheel's core metadata against what the model says, for the fields
 * whose value every backend writes alike from the same configuration (the
 * specification allows one spelling, or a canonical form compares): a
 * single backend's `spec` run then sees a field it drops or mangles, with no
 * second backend to compare with.
 *
 * Compared: Name (canonical form), Version (normal form), Summary (as
 * written), Requires-Python (the specifier set's normal form), Keywords (the
 * set; the field is comma-separated), Classifier (every model classifier is
 * written: a backend may add its own, as poetry-core adds Python-version
 * classifiers), Provides-Extra (canonical names), Project-URL (the URLs; a
 * label's spelling is the backend's, PEP 753), Import-Name and
 * Import-Namespace when the model declares them (PEP 794: the names, and
 * which are `; private`, white space around the `;` free), and the
 * Requires-Dist under a self-referencing extra (`selfReferencingExtra`),
 * the literal self-reference or hatchling's expansion of it, compared
 * expanded. Left to other checks: the rest of the
 * meaning of Requires-Dist and entry points (`install`), people and license
 * fields (spellings differ legitimately), the description.
 *
 * Each difference is a `content` difference of `{dist-info}/METADATA` whose
 * diff names the field (`-Keywords: model` / `+Keywords: written`), so its
 * signature class is `wheel:content:dist-info/METADATA[Field]`.
 */
export function metadataAgainstModel(model: ProjectModel, wheel: ArchiveView | null, target?: SelfReferenceTarget): Difference[] {
  if (!wheel) return []; // no wheel built: the build failure is the finding
  const member = wheel.entries.find((e) => e.type === 'file' && /^[^/]+\.dist-info\/METADATA$/.test(e.path));
  if (!member) return []; // the spec checks report a wheel without METADATA
  return metadataFieldDifferences(model, decodeUtf8(member.data).text, target);
}

/** The differences between a METADATA text and the model, field by field (see `metadataAgainstModel`). */
export function metadataFieldDifferences(model: ProjectModel, text: string, target?: SelfReferenceTarget): Difference[] {
  const meta = parseHeaders(text);
  const out: Difference[] = [];

  for (const field of FIELDS) {
    const want = field.expected(model);
    const got = field.written(meta, model);
    if (want === undefined || (field.subset ? want.every((w) => got.includes(w)) : same(want, got))) continue;
    out.push({
      artifact: 'wheel',
      kind: 'content',
      path: '{dist-info}/METADATA',
      a: `${field.name}: ${got.join(' | ') || '(absent)'}`,
      b: `${field.name}: ${want.join(' | ') || '(absent)'} (the model)`,
      diff: [`--- the model`, `+++ METADATA`, ...want.map((v) => `-${field.name}: ${v}`), ...got.map((v) => `+${field.name}: ${v}`)].join('\n'),
    });
  }
  const form = target === undefined ? null : selfReferenceFormDifference(model, meta, target);
  if (form !== null) out.push(form);
  return out;
}

interface FieldCheck {
  name: string;
  /** What the model implies, in comparison form (sorted when the field is a set); undefined: not judged. */
  expected(model: ProjectModel): string[] | undefined;
  /** What METADATA says, in the same form. */
  written(meta: HeaderBlock, model: ProjectModel): string[];
  /** Every expected value must be written; more may be (the backend's own additions are not judged). */
  subset?: boolean;
}

const sorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();
const same = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
const specifiers = (text: string): string => {
  const n = normalSpecifierSet(text);
  return n.ok ? [...new Set(n.value.split(',').map(sameSpecifier))].sort().join(',') : text.trim();
};

/**
 * A clause as packaging compares specifiers (a specifier set is a set of
 * them): the version's release without trailing zeros, except for `~=` and
 * `===` and wildcards, so `>=3.0, >=3` is one clause, as setuptools writes it
 * (`>=3.0`).
 */
function sameSpecifier(clause: string): string {
  const m = /^(~=|===|==|!=|<=|>=|<|>)(\d+!)?(\d+(?:\.\d+)*)(.*)$/.exec(clause);
  if (m === null || m[1] === '~=' || m[1] === '===' || m[4]!.includes('*')) return clause;
  return `${m[1]}${m[2] ?? ''}${m[3]!.replace(/(?:\.0+)+$/, '')}${m[4]}`;
}

const FIELDS: readonly FieldCheck[] = [
  { name: 'Name', expected: (m) => [canonicalizeName(m.name)], written: (md) => values(md, 'name').map(canonicalizeName) },
  { name: 'Version', expected: (m) => [normalizeVersion(m.version) ?? m.version], written: (md) => values(md, 'version').map((v) => normalizeVersion(v) ?? v) },
  {
    name: 'Summary',
    expected: (m) => (m.description === null || m.description.trim() === '' ? undefined : [m.description.trim()]),
    written: (md) => values(md, 'summary').map((v) => v.trim()),
  },
  {
    name: 'Requires-Python',
    expected: (m) => (m.requiresPython === undefined ? [] : [specifiers(m.requiresPython)]),
    written: (md) => values(md, 'requires-python').map(specifiers),
  },
  {
    name: 'Keywords',
    expected: (m) => sorted((m.keywords ?? []).map((k) => k.trim())),
    written: (md) => sorted(values(md, 'keywords').flatMap((v) => v.split(',')).map((k) => k.trim()).filter((k) => k !== '')),
  },
  { name: 'Classifier', expected: (m) => sorted(m.classifiers ?? []), written: (md) => sorted(values(md, 'classifier').map((c) => c.trim())), subset: true },
  {
    name: 'Provides-Extra',
    expected: (m) => sorted(modelExtras(m).map((e) => canonicalizeName(e.name))),
    written: (md) => sorted(values(md, 'provides-extra').map(canonicalizeName)),
  },
  {
    name: 'Project-URL',
    expected: (m) => sorted((m.urls ?? []).map((u) => u.url.trim())),
    written: (md) => sorted(values(md, 'project-url').map((v) => v.slice(v.indexOf(',') + 1).trim())),
  },
  {
    // The self-referencing extra's requirements, expanded (either spelling: src/pep/selfReference.ts).
    name: 'Requires-Dist',
    expected: (m) => (selfExtra(m) === null ? undefined : underSelfExtra(m, modelExtras(m).flatMap((e) => e.requirements.map((r) => extraRequirement(r, e.name))))),
    written: (md, m) => underSelfExtra(m, values(md, 'requires-dist')),
  },
  {
    name: 'Import-Name',
    expected: (m) => declaredNames(m, 'names'),
    // An empty `Import-Name:` field says the project has no import names (PEP 794).
    written: (md) => sorted(values(md, 'import-name').filter((v) => v.trim() !== '').map(importNameValueForm)),
  },
  {
    name: 'Import-Namespace',
    expected: (m) => declaredNames(m, 'namespaces'),
    written: (md) => sorted(values(md, 'import-namespace').map(importNameValueForm)),
  },
];

/** The backend a METADATA comes from, for the form of a self-referencing extra it writes. */
export interface SelfReferenceTarget {
  family: Family;
  /** The release (absent or not PEP 440: either form is accepted). */
  version?: string;
}

/**
 * Which form of a self-referencing extra `target` writes: `expanded` for
 * hatchling 1.24 and later (`_resolve_optional_dependencies`, absent from
 * 1.22.5), `literal` for every other family and release (measured:
 * src/pep/selfReference.ts), null when the release is unknown.
 */
export function selfReferenceForm(target: SelfReferenceTarget): 'literal' | 'expanded' | null {
  if (target.family !== 'hatchling') return 'literal';
  if (target.version === undefined || valid(target.version) === null) return null;
  return lt(target.version, '1.24.0') ? 'literal' : 'expanded';
}

/** A `Requires-Dist` difference when the METADATA spells the self-referencing extra in the other form than its backend's. */
function selfReferenceFormDifference(m: ProjectModel, meta: HeaderBlock, target: SelfReferenceTarget): Difference | null {
  const extra = selfExtra(m);
  const want = selfReferenceForm(target);
  if (extra === null || want === null) return null;
  const literal = values(meta, 'requires-dist').filter((r) => isSelfReference(m.name, r) && requirementExtras(r).includes(extra));
  const got = literal.length > 0 ? 'literal' : 'expanded';
  // With nothing to expand (the other extras have no requirements), the expanded form writes no line at all.
  if (got === want || (want === 'literal' && (m.optionalDependencies ?? []).every((e) => e.requirements.length === 0))) return null;
  const line = `${m.name}[${(m.optionalDependencies ?? []).map((e) => e.name).join(',')}]; extra == "${extra}"`;
  return {
    artifact: 'wheel',
    kind: 'content',
    path: '{dist-info}/METADATA',
    a: `Requires-Dist: ${got === 'literal' ? literal.join(' | ') : '(the expansion)'}`,
    b: `Requires-Dist: ${want === 'literal' ? line : '(the expansion)'} (the ${target.family} form)`,
    diff: [`--- the model`, `+++ METADATA`, want === 'literal' ? `-Requires-Dist: ${line}` : `+Requires-Dist: ${literal.join(' | ')}`].join('\n'),
  };
}

/** The self-referencing extra's normalized name, or null when the model has none. */
function selfExtra(m: ProjectModel): string | null {
  return m.selfReferencingExtra !== undefined && (m.optionalDependencies ?? []).length > 0 ? canonicalizeName(m.selfReferencingExtra.name) : null;
}

/** The Requires-Dist values under the self-referencing extra once self-references are expanded, in comparison form. */
function underSelfExtra(m: ProjectModel, requiresDist: string[]): string[] {
  const extra = selfExtra(m);
  return sorted(
    expandSelfReferences(m.name, requiresDist)
      .filter((r) => extra !== null && requirementExtras(r).includes(extra))
      .map(withoutSpecifiers),
  );
}

/**
 * A requirement's comparison form without its version specifiers: poetry-core
 * rewrites specifier sets (`~=0.0` as `<1.0,>=0.0`), whose meaning the diff
 * and install properties judge; here only which requirement lands under which extra.
 */
function withoutSpecifiers(text: string): string {
  const r = parseRequirement(text, { lenient: true });
  if (!r.ok) return text.trim();
  const bare = formatRequirement({ ...r.value, specifiers: [] });
  return requirementComparisonForm(bare.ok ? bare.value : text);
}

function requirementExtras(text: string): string[] {
  const r = parseRequirement(text, { lenient: true });
  return r.ok ? requirementMarkerExtras(r.value).map(canonicalizeName) : [];
}

function declaredNames(m: ProjectModel, which: 'names' | 'namespaces'): string[] | undefined {
  const declared = declaredImportNames(m);
  return declared === null ? undefined : sorted(declared[which].map(importNameComparisonForm));
}
