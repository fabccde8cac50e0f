import { createHash } from 'node:crypto';
import type { Difference } from './types.js';
import { differenceClasses, type Signature } from '../fuzz/signature.js';

/**
 * Atoms (issue #13): one per independent behaviour change a set of
 * differences shows. One core-metadata field of one file (PKG-INFO and the
 * egg-info's copy of it are one file), one member present on one side only
 * (by path class), one folder-name rule (`{name}-{version}.data/` renamed is
 * one atom however many files it holds; a file missing from it is classed by
 * its file name rule, as anywhere else), one WHEEL field, one RECORD aspect
 * (a RECORD whose changed rows only name members that differ anyway is no
 * change of its own), one failure of a backend (the same error in several
 * hooks: the first build that shows it), one renaming of an artifact (its
 * filename, the folder inside named after it, the wheel's `.data/` folder, and
 * a naming spec problem of either on one side only), one move of members into
 * a subfolder or out of one (by folder, whatever the files' names: license
 * files moved under `.dist-info/licenses/`). Atoms apply to the diff property; the other properties
 * keep their difference classes.
 */

/** A member path with its top-level `.data`, `.dist-info` and `.egg-info` folder names abstracted. */
export function abstractPath(path: string): string {
  return path
    .replace(/(^|\/)[^/]*\.data\//, '$1{data}/')
    .replace(/(^|\/)[^/]*\.dist-info\//, '$1{dist-info}/')
    .replace(/(^|\/)[^/]*\.egg-info\//, '$1{egg-info}/');
}

/** Paths a RECORD diff adds or removes rows for. */
function recordPaths(diff: string | undefined): string[] {
  if (!diff) return [];
  const out: string[] = [];
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++') || line.startsWith('---') || !/^[+-]/.test(line)) continue;
    const row = line.slice(1);
    out.push(row.startsWith('"') ? row.slice(1, row.indexOf('"', 1)) : row.split(',')[0]!);
  }
  return out;
}

const isRecord = (d: Difference): boolean => d.kind === 'content' && /(^|\/)(\{dist-info\}|[^/]*\.dist-info)\/RECORD$/.test(d.path);

/** The atoms of one diff outcome's differences, sorted, without repeats. */
export function atomsOf(differences: readonly Difference[]): string[] {
  const atoms = new Set<string>();
  // Members on one side only, paired by their abstracted path: a folder renamed is one atom.
  const onlyA = new Map<string, Difference>();
  const onlyB = new Map<string, Difference>();
  for (const d of differences) {
    if (d.kind === 'only-in-a') onlyA.set(`${d.artifact}:${abstractPath(d.path)}`, d);
    if (d.kind === 'only-in-b') onlyB.set(`${d.artifact}:${abstractPath(d.path)}`, d);
  }
  const renamed = new Set<Difference>();
  // An artifact renamed (its filename) names its top folder (sdist) or .dist-info folder (wheel) the same way:
  // the folder renamed with it, and a naming problem of either name on one side only, are that one change.
  const filenames = differences.filter((d) => d.kind === 'filename');
  const stem = (folder: string): string => folder.replace(/\/$/, '').replace(/\.(dist-info|data)$/, '');
  const withFilename = (artifact: string, a: string, b: string): boolean =>
    filenames.some((f) => f.artifact === artifact && (f.a ?? '').startsWith(stem(a)) && (f.b ?? '').startsWith(stem(b)));
  const dataFolder = (path: string): string => /(?:^|\/)([^/]*\.data)\//.exec(path)?.[1] ?? '\0';
  for (const [key, d] of onlyA) {
    const other = onlyB.get(key);
    if (!other || other.path === d.path) continue;
    renamed.add(d).add(other);
    const folder = /\{(data|dist-info|egg-info)\}/.exec(abstractPath(d.path))?.[0] ?? '(top folder)';
    // The wheel's `{name}-{version}.data/` renamed with the wheel itself is that rename, not a change of its own.
    if (folder === '{data}' && withFilename(d.artifact, dataFolder(d.path), dataFolder(other.path))) continue;
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
  // One failure of a backend (the same error) in several hooks is one change: the first build that shows it.
  const failures = new Set<string>();
  const sameFailure = (d: Difference): boolean => {
    if (d.kind !== 'build-failed') return false;
    const key = [d.a, d.b].map((t) => (t ?? '').replace(/^built .*$/, 'built')).join('|');
    if (failures.has(key)) return true;
    failures.add(key);
    return false;
  };
  // An artifact one side failed to build has nothing to be compared with: the other side's own spec
  // problems there are no change between the two (the spec property judges each backend alone).
  const failed = new Set(differences.filter((d) => d.kind === 'build-failed').map((d) => d.artifact));
  const renamedNames = new Set(
    differences.filter((d) => d.kind === 'filename' || d.kind === 'folder-name').flatMap((d) => [d.a, d.b].map((n) => `${d.artifact}:${stem(n ?? '')}`)),
  );
  const namingProblem = (d: Difference): boolean =>
    d.kind === 'spec-problem' && (d.a === undefined) !== (d.b === undefined) && renamedNames.has(`${d.artifact}:${stem(d.path)}`);
  for (const d of differences) {
    if (renamed.has(d) || sameFailure(d)) continue;
    if (d.kind === 'spec-problem' && failed.has(d.artifact)) continue;
    if (d.kind === 'folder-name' && withFilename(d.artifact, d.a ?? '\0', d.b ?? '\0')) continue;
    if (namingProblem(d)) continue;
    if (isRecord(d)) {
      const rows = recordPaths(d.diff).map(abstractPath);
      // Rows of members that differ (or were renamed) anyway: a consequence, not a change.
      if (rows.length > 0 && rows.every((p) => differing.has(p) || p.endsWith('/RECORD'))) continue;
      atoms.add(`${d.artifact}:content:dist-info/RECORD`);
      continue;
    }
    for (const c of differenceClasses(d)) {
      // The egg-info's PKG-INFO is the sdist's PKG-INFO again: its field changes are the same atoms.
      if (d.kind === 'content' && /(^|\/)[^/]*\.egg-info\/PKG-INFO$/.test(d.path)) {
        const fields = differenceClasses({ ...d, path: 'PKG-INFO' });
        fields.forEach((f) => atoms.add(f));
        break;
      }
      atoms.add(c);
    }
  }
  // A hook's output that disagrees with its own wheel the way the wheels disagree (prepare_metadata_for_build_wheel,
  // build_editable) shows the same change again: no atom of its own.
  const hook = /^(\w+:\w[\w-]*:)(?:prepare_metadata_for_build_wheel|build_editable|setup\.cfg|setup\.py):/;
  for (const a of [...atoms]) if (hook.test(a) && atoms.has(a.replace(hook, '$1'))) atoms.delete(a);
  return [...atoms].sort();
}

/** The signature of one atom: `property|atom`. */
export function atomSignature(property: string, atom: string): Signature {
  const text = `${property}|${atom}`;
  return { text, classes: [atom], id: createHash('sha256').update(text).digest('hex').slice(0, 12) };
}

/** Whether a property's findings are told apart by atoms (the diff property) rather than by class sets. */
export const usesAtoms = (property: string): boolean => property === 'diff';

/** The differences of `differences` that show `atom` (what a finding about that atom displays first). */
export function differencesOfAtom(differences: readonly Difference[], atom: string): Difference[] {
  return differences.filter((d) => atomsOf([d]).includes(atom) || (/:(folder-name|moved):/.test(atom) && (d.kind === 'only-in-a' || d.kind === 'only-in-b')));
}
