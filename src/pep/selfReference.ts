/**
 * Self-referencing extras: an extra whose requirements name the project
 * itself with other extras (`all = ["acme[cli,test]"]`). Core metadata may
 * say it two ways that install the same: the literal line
 * (`Requires-Dist: acme[cli]; extra == "all"`), or
 * its expansion, every requirement of `cli` again under `extra == "all"`
 * (what hatchling 1.24 and later write: `_resolve_optional_dependencies` in
 * hatchling/metadata/core.py, absent from 1.22.5, present in 1.24.1).
 * Both install the same. Measured (one project, `all = ["Acme_Tool[cli]"]`):
 * setuptools 80.9.0, pdm-backend 2.5.0, poetry-core 2.5.0, flit-core 3.12.0
 * and 4.2.0 write the line as written, uv_build 0.13.6 and hatchling 1.22.5
 * with the name normalized (`acme-tool[cli]`), hatchling 1.24.1 and 1.27.0
 * the expansion.
 */
import { canonicalizeName } from './name.js';
import type { Marker, MarkerComparison, MarkerGroup } from './marker.js';
import { formatRequirement, parseRequirement, type Requirement } from './requirement.js';

/** The extra of a marker that is exactly one `extra == "x"` comparison (normalized), or null. */
function onlyExtra(marker: Marker | undefined): string | null {
  let root: MarkerGroup | undefined = marker;
  while (root && root.terms.length === 1 && root.terms[0]!.kind === 'group') root = root.terms[0];
  if (!root || root.terms.length !== 1) return null;
  const t = root.terms[0] as MarkerComparison;
  if (t.op !== '==') return null;
  if (t.left.kind === 'variable' && t.left.name === 'extra' && t.right.kind === 'value') return canonicalizeName(t.right.value);
  if (t.right.kind === 'variable' && t.right.name === 'extra' && t.left.kind === 'value') return canonicalizeName(t.left.value);
  return null;
}

/** The marker with every `extra == from` comparison made `extra == to`. */
function renameExtra(marker: MarkerGroup, from: string, to: string): MarkerGroup {
  return {
    ...marker,
    terms: marker.terms.map((t): MarkerComparison | MarkerGroup => {
      if (t.kind === 'group') return renameExtra(t, from, to);
      const isExtra = (a: MarkerComparison['left'], b: MarkerComparison['right']): boolean =>
        a.kind === 'variable' && a.name === 'extra' && b.kind === 'value' && canonicalizeName(b.value) === from;
      if (isExtra(t.left, t.right)) return { ...t, right: { kind: 'value', value: to } };
      if (isExtra(t.right, t.left)) return { ...t, left: { kind: 'value', value: to } };
      return t;
    }),
  };
}

function markerNamesExtra(marker: MarkerGroup | undefined, extra: string): boolean {
  if (!marker) return false;
  return marker.terms.some((t) =>
    t.kind === 'group'
      ? markerNamesExtra(t, extra)
      : (t.left.kind === 'variable' && t.left.name === 'extra' && t.right.kind === 'value' && canonicalizeName(t.right.value) === extra) ||
        (t.right.kind === 'variable' && t.right.name === 'extra' && t.left.kind === 'value' && canonicalizeName(t.left.value) === extra),
  );
}

/**
 * Whether a Requires-Dist value is a self-reference of `project`: the
 * project's own name (any spelling) with extras, no version or URL, under
 * exactly one `extra == "x"` marker.
 */
export function isSelfReference(project: string, requiresDist: string): boolean {
  const r = parseRequirement(requiresDist, { lenient: true });
  return r.ok && selfReferenceOf(canonicalizeName(project), r.value) !== null;
}

function selfReferenceOf(self: string, r: Requirement): { extra: string; extras: string[] } | null {
  if (canonicalizeName(r.name) !== self || r.url !== undefined || r.specifiers.length > 0 || r.extras.length === 0) return null;
  const extra = onlyExtra(r.marker);
  return extra === null ? null : { extra, extras: r.extras.map(canonicalizeName) };
}

/**
 * The Requires-Dist values with every self-reference of `project` replaced
 * by its expansion (transitively; a cycle stops where it closes): the form
 * hatchling 1.24+ writes, so that the two spellings compare equal. Values
 * that do not parse, and self-references under any other marker, are kept
 * as they are.
 */
export function expandSelfReferences(project: string, requiresDist: readonly string[]): string[] {
  const self = canonicalizeName(project);
  const parsed = requiresDist.map((text) => {
    const r = parseRequirement(text, { lenient: true });
    return { text, r: r.ok ? r.value : null, ref: r.ok ? selfReferenceOf(self, r.value) : null };
  });
  const out: string[] = [];
  const expand = (from: string, into: string, seen: Set<string>): void => {
    for (const p of parsed) {
      if (p.r === null) continue;
      if (p.ref !== null) {
        if (p.ref.extra !== from) continue;
        for (const x of p.ref.extras) if (!seen.has(x)) expand(x, into, new Set([...seen, x]));
      } else if (markerNamesExtra(p.r.marker, from)) {
        const moved = formatRequirement({ ...p.r, marker: renameExtra(p.r.marker!, from, into) });
        out.push(moved.ok ? moved.value : p.text);
      }
    }
  };
  for (const p of parsed) {
    if (p.ref === null) out.push(p.text);
    else for (const x of p.ref.extras) if (x !== p.ref.extra) expand(x, p.ref.extra, new Set([p.ref.extra, x]));
  }
  return out;
}
