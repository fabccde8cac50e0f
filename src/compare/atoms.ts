import { createHash } from 'node:crypto';
import type { Difference } from './types.js';
import { FIELDS } from '../pep/coreMetadata.js';
import { referenceCheck } from '../oracles/judge/codes.js';
import { changedFields, differenceClasses, type Signature } from '../fuzz/signature.js';

/**
 * Atoms (issue #13): one per independent behaviour change a set of
 * differences shows. One core-metadata field (PKG-INFO and the egg-info's
 * copy of it are one file; the sdist's copy and the wheel's METADATA are one
 * atom, `core-metadata[F]`, when the field changed in both the same way), one
 * member present on one side only (by path class), one folder-name rule
 * (`{name}-{version}.data/` renamed is one atom however many files it holds; a
 * file missing from it is classed by its file name rule, as anywhere else; the
 * `.egg-info/` folder renamed with the Name is that Name change; a license file
 * shipped on the side whose License-File alone names it is that field's change), one WHEEL
 * field, one RECORD aspect (a RECORD whose changed rows only name members that
 * differ anyway is no change of its own), one failure of a backend (keyed on
 * its normalized error, whichever builds and hooks show it), one renaming of
 * an artifact (its filename, the folder inside named after it, the wheel's
 * `.data/` folder, and a naming spec problem of either on one side only), one
 * move of members into a subfolder or out of one (by folder, whatever the
 * files' names: license files moved under `.dist-info/licenses/`), one spec
 * problem on one side only (the reference judge's report of a field one of
 * twinbuild's own checks reports too is that problem; the same problem in both
 * copies of core metadata is one). Atoms apply to the diff property; the other
 * properties keep their difference classes.
 */

/** A member path with its top-level `.data`, `.dist-info` and `.egg-info` folder names abstracted. */
export function abstractPath(path: string): string {
  return path
    .replace(/(^|\/)[^/]*\.data\//, '$1{data}/')
    .replace(/(^|\/)[^/]*\.dist-info\//, '$1{dist-info}/')
    .replace(/(^|\/)[^/]*\.egg-info\//, '$1{egg-info}/');
}

/** Paths a RECORD diff adds or removes rows for. */
export function recordPaths(diff: string | undefined): string[] {
  if (!diff) return [];
  const out: string[] = [];
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++') || line.startsWith('---') || !/^[+-]/.test(line)) continue;
    const row = line.slice(1);
    out.push(row.startsWith('"') ? row.slice(1, row.indexOf('"', 1)) : row.split(',')[0]!);
  }
  return out;
}

export const isRecord = (d: Difference): boolean => d.kind === 'content' && /(^|\/)(\{dist-info\}|[^/]*\.dist-info)\/RECORD$/.test(d.path);

/** The atom of a core-metadata field changed the same way in the sdist's copy and the wheel's. */
export const coreFieldAtom = (field: string): string => `core-metadata[${FIELDS.get(field.toLowerCase())?.name ?? field}]`;
/** The atom of one spec problem (one code, one side) in both copies of core metadata. */
export const coreSpecAtom = (code: string, side: 'a' | 'b'): string => `core-metadata:spec:${code}:${side}`;

/**
 * The core-metadata atom a per-copy atom is part of (`sdist:content:PKG-INFO[Name]`,
 * `wheel:spec:M006:a`), or undefined for any other atom.
 */
export function coreAtomOf(atom: string): string | undefined {
  const field = /^(?:sdist:content:PKG-INFO|wheel:content:dist-info\/METADATA)\[(.+)\]$/.exec(atom);
  if (field) return coreFieldAtom(field[1]!);
  const spec = /^(?:sdist|wheel):spec:([^:]+):(a|b)$/.exec(atom);
  return spec ? coreSpecAtom(spec[1]!, spec[2] as 'a' | 'b') : undefined;
}

/** The per-copy atoms a core-metadata atom stands for (the sdist's and the wheel's), [] for any other atom. */
export function atomParts(atom: string): string[] {
  const field = /^core-metadata\[(.+)\]$/.exec(atom);
  if (field) return [`sdist:content:PKG-INFO[${field[1]}]`, `wheel:content:dist-info/METADATA[${field[1]}]`];
  const spec = /^core-metadata:spec:([^:]+):(a|b)$/.exec(atom);
  return spec ? [`sdist:spec:${spec[1]}:${spec[2]}`, `wheel:spec:${spec[1]}:${spec[2]}`] : [];
}

/** An atom with a core-metadata field spelled as the specification does (`[Author-Email]` is `[Author-email]`). */
export function canonicalAtom(atom: string): string {
  return atom.replace(/^((?:sdist:content:PKG-INFO|wheel:content:dist-info\/METADATA)\[)(.+)\]$/, (_, head: string, f: string) => `${head}${FIELDS.get(f.toLowerCase())?.name ?? f}]`);
}

/** Which copy of core metadata a difference's file is: the sdist's (PKG-INFO, its egg-info copy), the wheel's METADATA. */
function metadataCopy(d: Difference): 'sdist' | 'wheel' | undefined {
  if (d.artifact === 'sdist' && (d.path === 'PKG-INFO' || /(^|\/)[^/]*\.egg-info\/PKG-INFO$/.test(d.path))) return 'sdist';
  if (d.artifact === 'wheel' && /^(\{dist-info\}|[^/:]*\.dist-info)\/METADATA$/.test(d.path)) return 'wheel';
  return undefined;
}

/**
 * The changed lines of a metadata diff by field (lower-cased name): each `-`
 * and `+` header line, and the continuation lines of a multi-line value, under
 * the field they belong to. Two copies changed a field the same way when these
 * are equal.
 */
export function fieldChanges(diff: string | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { line, sign, sides, field } of fieldLines(diff)) {
    const name = field[sides[0]!];
    if (sign === ' ' || name === undefined) continue;
    out.set(name, [...(out.get(name) ?? []), line]);
  }
  for (const [f, lines] of out) out.set(f, [...new Set(lines)].sort());
  return out;
}

/**
 * Each line of a metadata diff (file headers and hunk lines left out): the
 * line, its sign, its text, the sides it is on (`-` A, `+` B, context both),
 * and on each side the field (lower-cased) it belongs to: the header it
 * starts, or the last header for a continuation line; none for the body.
 */
function* fieldLines(diff: string | undefined): Generator<{ line: string; sign: string; body: string; sides: ('a' | 'b')[]; field: Record<'a' | 'b', string | undefined> }> {
  if (!diff) return;
  const current: Record<'a' | 'b', string | undefined> = { a: undefined, b: undefined };
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++') || line.startsWith('---') || line.startsWith('@@') || line === '') continue;
    const sign = line[0]!;
    const body = line.slice(1);
    const sides: ('a' | 'b')[] = sign === '-' ? ['a'] : sign === '+' ? ['b'] : ['a', 'b'];
    const header = /^([A-Za-z][A-Za-z0-9-]*):/.exec(body);
    for (const side of sides) {
      if (header) current[side] = header[1]!.toLowerCase();
      else if (!/^\s/.test(body)) current[side] = undefined; // the body, or a line that is no header
    }
    yield { line, sign, body, sides, field: { ...current } };
  }
}

/** The change of the wheel's METADATA following the sdist's PKG-INFO (side B's copies agree where side A's did not). */
export const COPIED_CHANGE = 'wheel:copied:PKG-INFO->dist-info/METADATA';

/**
 * Each field's lines (lower-cased name) on side A and side B, in order, as far
 * as a metadata diff shows them: its changed lines and its context lines,
 * without the sign (lines reordered are a change: setuptools 75.6.0 writes
 * METADATA's Requires-Dist in PKG-INFO's order).
 */
export function fieldSides(diff: string | undefined): Map<string, { a: string[]; b: string[] }> {
  const out = new Map<string, { a: string[]; b: string[] }>();
  for (const { body, sides, field } of fieldLines(diff)) {
    for (const side of sides) {
      const name = field[side];
      if (name === undefined) continue;
      const entry = out.get(name) ?? { a: [], b: [] };
      entry[side].push(body);
      out.set(name, entry);
    }
  }
  return out;
}

/** The core-metadata field a spec problem is about: the field its message names first (`License-File (line 6) ...`, P003's `license-file: ...`). */
export function problemField(d: Difference): string | undefined {
  const message = (d.a ?? d.b ?? '').replace(/^\S+ \((?:error|warning)\) /, '');
  const first = /^([A-Za-z][A-Za-z0-9-]*)/.exec(message)?.[1]?.toLowerCase();
  return first !== undefined && FIELDS.has(first) ? first : undefined;
}

const problemSide = (d: Difference): 'a' | 'b' | undefined => (d.a !== undefined && d.b === undefined ? 'a' : d.b !== undefined && d.a === undefined ? 'b' : undefined);

/** A failing build's text without what changes from one build, hook or machine to the next. */
export function failureKey(text: string): string {
  let t = text.replace(/^differs from its own wheel \(([\s\S]*)\)$/, '$1');
  // The stderr tail (src/build/exitReason.ts) is the build's log: kept only when the error itself says nothing (`SystemExit: 1`).
  const at = t.indexOf(' (stderr: ');
  if (at >= 0 && !/^system-exit: SystemExit: -?\d*$/.test(t.slice(0, at))) t = t.slice(0, at);
  return t
    .replace(/\\n|\r?\n/g, ' ')
    .replace(/(^|[\s'"(=`])(?:\/[^\s'"()`:,]+)+/g, '$1{path}')
    .replace(/\|/g, '/')
    .replace(/\s+/g, ' ')
    .trim();
}

const isFailureText = (t: string | undefined): boolean => t !== undefined && !/^built /.test(t) && t !== 'agrees with its own wheel';

/** The atom of a build failure: which side fails, and its normalized error (a long one abridged, with a hash of the whole). */
export function failureAtom(d: Difference): string {
  const side = isFailureText(d.a) ? 'a' : 'b';
  const key = failureKey((side === 'a' ? d.a : d.b) ?? '');
  const shown = key.length <= 120 ? key : `${key.slice(0, 56)}…${key.slice(-56)} #${createHash('sha256').update(key).digest('hex').slice(0, 6)}`;
  return `build-failed:${side}:${shown}`;
}

interface Classified {
  atoms: string[];
  /** Atom names a difference had before a rule of this file merged it (per-copy fields, per-build failures): legacy names of saved files. */
  merged: Map<string, string>;
}

function classify(differences: readonly Difference[]): Classified {
  const atoms = new Set<string>();
  const merged = new Map<string, string>();
  // Members on one side only, paired by their abstracted path: a folder renamed is one atom.
  const onlyA = new Map<string, Difference>();
  const onlyB = new Map<string, Difference>();
  for (const d of differences) {
    if (d.kind === 'only-in-a') onlyA.set(`${d.artifact}:${abstractPath(d.path)}`, d);
    if (d.kind === 'only-in-b') onlyB.set(`${d.artifact}:${abstractPath(d.path)}`, d);
  }
  // The changed lines of each core-metadata field in each copy (sdist: PKG-INFO and its egg-info copy; wheel: METADATA).
  const copies = { sdist: new Map<string, Set<string>>(), wheel: new Map<string, Set<string>>() };
  const noteChange = (copy: 'sdist' | 'wheel', field: string, lines: readonly string[]): void => {
    const set = copies[copy].get(field) ?? new Set<string>();
    lines.forEach((l) => set.add(l));
    copies[copy].set(field, set);
  };
  // The Name each side's core metadata gives, where it changed (`-Name: a-a`, `+Name: a--a`).
  const names: [string, string][] = [];
  for (const d of differences) {
    if (d.kind !== 'content' || metadataCopy(d) === undefined) continue;
    const lines = fieldChanges(d.diff).get('name') ?? [];
    for (const a of lines.filter((l) => l.startsWith('-Name:'))) for (const b of lines.filter((l) => l.startsWith('+Name:'))) names.push([a.slice(6).trim(), b.slice(6).trim()]);
  }
  const renamed = new Set<Difference>();
  // An artifact renamed (its filename) names its top folder (sdist) or .dist-info folder (wheel) the same way:
  // the folder renamed with it, and a naming problem of either name on one side only, are that one change.
  const filenames = differences.filter((d) => d.kind === 'filename');
  const stem = (folder: string): string => folder.replace(/\/$/, '').replace(/\.(dist-info|data)$/, '');
  const withFilename = (artifact: string, a: string, b: string): boolean =>
    filenames.some((f) => f.artifact === artifact && (f.a ?? '').startsWith(stem(a)) && (f.b ?? '').startsWith(stem(b)));
  const dataFolder = (path: string): string => /(?:^|\/)([^/]*\.data)\//.exec(path)?.[1] ?? '\0';
  // The `.egg-info/` folder is named after its PKG-INFO's Name, `-` written `_` (setuptools' to_filename): renamed as
  // the Name changed, it is that Name change in the sdist's copy of core metadata.
  const eggStem = (path: string): string => /(?:^|\/)([^/]*)\.egg-info\//.exec(path)?.[1] ?? '\0';
  const asFolder = (name: string): string => name.replace(/-/g, '_');
  for (const [key, d] of onlyA) {
    const other = onlyB.get(key);
    if (!other || other.path === d.path) continue;
    renamed.add(d).add(other);
    const folder = /\{(data|dist-info|egg-info)\}/.exec(abstractPath(d.path))?.[0] ?? '(top folder)';
    // The wheel's `{name}-{version}.data/` renamed with the wheel itself is that rename, not a change of its own.
    if (folder === '{data}' && withFilename(d.artifact, dataFolder(d.path), dataFolder(other.path))) continue;
    if (folder === '{egg-info}') {
      const name = names.find(([a, b]) => asFolder(a) === eggStem(d.path) && asFolder(b) === eggStem(other.path));
      if (name) {
        noteChange('sdist', 'name', [`-Name: ${name[0]}`, `+Name: ${name[1]}`]);
        atoms.add('sdist:content:PKG-INFO[Name]');
        merged.set(`${d.artifact}:folder-name:${folder}`, 'sdist:content:PKG-INFO[Name]');
        continue;
      }
    }
    atoms.add(`${d.artifact}:folder-name:${folder}`);
  }
  // A member moved into a subfolder of where it was (or out of one), under the same file name, is one move:
  // setuptools 77 puts `.dist-info/LICENSE` and `.dist-info/COPYING` alike under `.dist-info/licenses/`.
  const dirOf = (p: string): string => p.slice(0, p.lastIndexOf('/') + 1);
  const baseOf = (p: string): string => p.slice(p.lastIndexOf('/') + 1);
  const leftB = [...onlyB.values()].filter((d) => !renamed.has(d));
  for (const d of onlyA.values()) {
    if (renamed.has(d)) continue;
    const [pa, dirA] = [abstractPath(d.path), dirOf(abstractPath(d.path))];
    const other = leftB.find((e) => {
      if (renamed.has(e) || e.artifact !== d.artifact || baseOf(abstractPath(e.path)) !== baseOf(pa)) return false;
      const dirB = dirOf(abstractPath(e.path));
      return dirA !== dirB && (dirB.startsWith(dirA) || dirA.startsWith(dirB));
    });
    if (!other) continue;
    renamed.add(d).add(other);
    atoms.add(`${d.artifact}:moved:${dirA || '(top)/'}->${dirOf(abstractPath(other.path)) || '(top)/'}`);
  }
  const differing = new Set(differences.filter((d) => !isRecord(d)).map((d) => abstractPath(d.path)));
  // An artifact one side failed to build has nothing to be compared with: the other side's own spec
  // problems there are no change between the two (the spec property judges each backend alone).
  const failed = new Set(differences.filter((d) => d.kind === 'build-failed' && d.path === '').map((d) => d.artifact));
  const renamedNames = new Set(
    differences.filter((d) => d.kind === 'filename' || d.kind === 'folder-name').flatMap((d) => [d.a, d.b].map((n) => `${d.artifact}:${stem(n ?? '')}`)),
  );
  const namingProblem = (d: Difference): boolean =>
    d.kind === 'spec-problem' && (d.a === undefined) !== (d.b === undefined) && renamedNames.has(`${d.artifact}:${stem(d.path)}`);
  // The reference judge's report (P003: packaging rejects a field) of a field one of twinbuild's own checks reports
  // on the same artifact and side (M006: the field is not in the declared Metadata-Version) is that one problem.
  const ownFields = new Set(
    differences
      .filter((d) => d.kind === 'spec-problem' && referenceCheck(d.code ?? '') === undefined && problemField(d) !== undefined)
      .map((d) => `${d.artifact}:${problemSide(d)}:${problemField(d)}`),
  );
  const judgeRepeats = (d: Difference): boolean =>
    d.kind === 'spec-problem' && referenceCheck(d.code ?? '') !== undefined && ownFields.has(`${d.artifact}:${problemSide(d)}:${problemField(d) ?? '\0'}`);
  // Spec problems of core metadata by atom: the fields they name, whether every one is in that copy's metadata file.
  const coreProblems = new Map<string, { fields: Set<string>; inMetadata: boolean }>();
  // A license file in the wheel on one side only, under `.dist-info/` (or `licenses/`, PEP 639), that a License-File
  // line of that side only names, is that License-File change: the field lists the file, the wheel ships it.
  const licenseLines = differences
    .filter((d) => d.kind === 'content' && metadataCopy(d) === 'wheel')
    .flatMap((d) => fieldChanges(d.diff).get('license-file') ?? []);
  const listedOnly = (d: Difference): boolean => {
    if (d.artifact !== 'wheel' || (d.kind !== 'only-in-a' && d.kind !== 'only-in-b')) return false;
    const file = /^\{dist-info\}\/(?:licenses\/)?(.+)$/.exec(abstractPath(d.path))?.[1];
    return file !== undefined && licenseLines.includes(`${d.kind === 'only-in-a' ? '-' : '+'}License-File: ${file}`);
  };
  for (const d of differences) {
    if (renamed.has(d)) continue;
    if (listedOnly(d)) {
      differenceClasses(d).forEach((c) => merged.set(c, 'wheel:content:dist-info/METADATA[License-File]'));
      continue;
    }
    if (d.kind === 'build-failed') {
      const atom = failureAtom(d);
      atoms.add(atom);
      differenceClasses(d).forEach((c) => merged.set(c, atom));
      continue;
    }
    if (d.kind === 'spec-problem' && failed.has(d.artifact)) continue;
    if (d.kind === 'folder-name' && withFilename(d.artifact, d.a ?? '\0', d.b ?? '\0')) continue;
    if (namingProblem(d)) continue;
    if (judgeRepeats(d)) {
      const own = differences.find((e) => e !== d && e.kind === 'spec-problem' && e.artifact === d.artifact && referenceCheck(e.code ?? '') === undefined && problemSide(e) === problemSide(d) && problemField(e) === problemField(d))!;
      differenceClasses(d).forEach((c) => merged.set(c, differenceClasses(own)[0]!));
      continue;
    }
    if (isRecord(d)) {
      const rows = recordPaths(d.diff).map(abstractPath);
      // Rows of members that differ (or were renamed) anyway: a consequence, not a change.
      if (rows.length > 0 && rows.every((p) => differing.has(p) || p.endsWith('/RECORD'))) continue;
      atoms.add(`${d.artifact}:content:dist-info/RECORD`);
      continue;
    }
    if (d.kind === 'spec-problem') {
      const atom = differenceClasses(d)[0]!;
      const entry = coreProblems.get(atom) ?? { fields: new Set<string>(), inMetadata: true };
      entry.fields.add(problemField(d) ?? `\0${d.a ?? d.b}`);
      entry.inMetadata &&= /(^|\/)(PKG-INFO|[^/]*\.dist-info\/METADATA)$/.test(d.path);
      coreProblems.set(atom, entry);
      atoms.add(atom);
      continue;
    }
    const copy = d.kind === 'content' ? metadataCopy(d) : undefined;
    if (copy !== undefined) {
      const changes = fieldChanges(d.diff);
      for (const f of changedFields(d.diff)) noteChange(copy, f.toLowerCase(), changes.get(f.toLowerCase()) ?? []);
    }
    // The egg-info's PKG-INFO is the sdist's PKG-INFO again: its field changes are the same atoms.
    const classes = copy === 'sdist' ? differenceClasses({ ...d, path: 'PKG-INFO' }) : differenceClasses(d);
    classes.forEach((c) => atoms.add(c));
  }
  // A hook's output that disagrees with its own wheel the way the wheels disagree (prepare_metadata_for_build_wheel,
  // build_editable) shows the same change again: no atom of its own.
  const hook = /^(\w+:\w[\w-]*:)(?:prepare_metadata_for_build_wheel|build_editable|setup\.cfg|setup\.py):/;
  for (const a of [...atoms]) if (hook.test(a) && atoms.has(a.replace(hook, '$1'))) atoms.delete(a);
  // One core-metadata field changed the same way in the sdist's copy and in the wheel's is one change (both copies
  // are written from one model). A change of one copy only keeps that copy's name: the atom book takes it as known once
  // the field's core-metadata atom is reported (coreAtomOf), as when the other artifact failed and had no copy to compare.
  // Per-copy atoms by field, lower-cased: a field spelled two ways (`Author-email`, `Author-Email`) is one field.
  const perCopy = { sdist: new Map<string, string[]>(), wheel: new Map<string, string[]>() };
  for (const a of atoms) {
    const m = /^(?:(sdist):content:PKG-INFO|(wheel):content:dist-info\/METADATA)\[(.+)\]$/.exec(a);
    if (!m) continue;
    const [copy, lower] = [(m[1] ?? m[2]) as 'sdist' | 'wheel', m[3]!.toLowerCase()];
    perCopy[copy].set(lower, [...(perCopy[copy].get(lower) ?? []), a]);
  }
  const mergeInto = (core: string, parts: readonly string[]): void => {
    for (const p of parts) {
      atoms.delete(p);
      merged.set(p, core);
    }
    atoms.add(core);
  };
  const sameLines = (x: Set<string> | undefined, y: Set<string> | undefined): boolean =>
    x !== undefined && y !== undefined && x.size === y.size && [...x].every((l) => y.has(l));
  for (const lower of new Set([...perCopy.sdist.keys(), ...perCopy.wheel.keys()])) {
    const [s, w] = [perCopy.sdist.get(lower) ?? [], perCopy.wheel.get(lower) ?? []];
    const core = coreFieldAtom(lower);
    if (s.length > 0 && w.length > 0 && sameLines(copies.sdist.get(lower), copies.wheel.get(lower))) mergeInto(core, [...s, ...w]);
  }
  // The same spec problem (one code, one side, the same fields) in the sdist's PKG-INFO and in the wheel's METADATA is one.
  for (const [atom, p] of coreProblems) {
    const m = /^sdist:spec:([^:]+):(a|b)$/.exec(atom);
    const twin = m ? coreProblems.get(`wheel:spec:${m[1]}:${m[2]}`) : undefined;
    if (!m || !twin || !p.inMetadata || !twin.inMetadata || p.fields.size !== twin.fields.size || ![...p.fields].every((f) => twin.fields.has(f))) continue;
    mergeInto(coreSpecAtom(m[1]!, m[2] as 'a' | 'b'), [atom, `wheel:spec:${m[1]}:${m[2]}`]);
  }
  return { atoms: [...atoms].sort(), merged };
}

/**
 * The wheel's per-copy atoms (`wheel:content:dist-info/METADATA[F]`) of a
 * diff outcome whose field changed to what the sdist's PKG-INFO says on side
 * B, where the two copies differed on side A (else it is `core-metadata[F]`).
 * The wheel is built from the sdist, so a wheel copy that now follows the
 * sdist's in several fields is one change, `COPIED_CHANGE`, whichever fields
 * a project shows it in (setuptools 75.6.0 copies PKG-INFO into METADATA: the
 * Requires-Dist of `a_a` and the Provides-Extra of `A_a`). Conservative: only
 * the lines the diffs show (changed and context lines) are compared; a field
 * side B removed, or a PKG-INFO that does not differ, never counts.
 */
export function copiedAtoms(differences: readonly Difference[]): string[] {
  const sdist = differences.find((d) => d.kind === 'content' && d.artifact === 'sdist' && d.path === 'PKG-INFO');
  const wheel = differences.find((d) => d.kind === 'content' && metadataCopy(d) === 'wheel');
  if (!sdist || !wheel) return [];
  const [s, w] = [fieldSides(sdist.diff), fieldSides(wheel.diff)];
  const same = (x: readonly string[], y: readonly string[]): boolean => x.length === y.length && x.every((l, i) => l === y[i]);
  return atomsOf(differences).filter((atom) => {
    const field = /^wheel:content:dist-info\/METADATA\[(.+)\]$/.exec(atom)?.[1]?.toLowerCase();
    const [ws, ss] = [field === undefined ? undefined : w.get(field), field === undefined ? undefined : s.get(field)];
    return ws !== undefined && ss !== undefined && ws.b.length > 0 && same(ws.b, ss.b) && !same(ws.a, ws.b);
  });
}

/** The atoms of one diff outcome's differences, sorted, without repeats. */
export function atomsOf(differences: readonly Difference[]): string[] {
  return classify(differences).atoms;
}

/**
 * Whether differences show `atom`, or show what an atom of that name became
 * when a rule of this file merged it (a saved file's `sdist:content:PKG-INFO[Name]`
 * is `core-metadata[Name]` now): the replay of files saved before the rule.
 */
export function showsSavedAtom(differences: readonly Difference[], atom: string): boolean {
  const { atoms, merged } = classify(differences);
  // A name can be merged twice (P003 into M006, M006 of both copies into core metadata): follow it.
  const seen = new Set<string>();
  for (let a: string | undefined = atom; a !== undefined && !seen.has(a); a = merged.get(a)) {
    if (atoms.includes(a)) return true;
    seen.add(a);
  }
  return false;
}

/** The signature of one atom: `property|atom`. */
export function atomSignature(property: string, atom: string): Signature {
  const text = `${property}|${atom}`;
  return { text, classes: [atom], id: createHash('sha256').update(text).digest('hex').slice(0, 12) };
}

/** Whether a property's findings are told apart by atoms (the diff property) rather than by class sets. */
export const usesAtoms = (property: string): boolean => property === 'diff';
