import { createTwoFilesPatch } from 'diff';
import type { CanonicalMember, CanonicalView } from '../normalize/types.js';
import type { Difference } from './types.js';

const MAX_DIFF_CHARS = 20_000;

/** Unified diff of two texts, labelled a/PATH and b/PATH, cut to a readable size. */
export function unifiedDiff(path: string, a: string, b: string, labels: [string, string] = ['A', 'B']): string {
  const patch = createTwoFilesPatch(`a/${path}`, `b/${path}`, a, b, labels[0], labels[1], { context: 3, maxEditLength: 2000 });
  if (patch === undefined) return `--- a/${path}\t${labels[0]}\n+++ b/${path}\t${labels[1]}\n[texts differ in more than 2000 lines: no diff shown]\n`;
  const body = patch.replace(/^=+\n/m, '').replace(/^Index:.*\n/m, '');
  return body.length > MAX_DIFF_CHARS ? body.slice(0, MAX_DIFF_CHARS) + '\n[... diff cut by twinbuild ...]\n' : body;
}

const describe = (m: CanonicalMember): string => (m.text !== null ? `${m.size} bytes of text` : `${m.size} bytes, sha256 ${m.sha256.slice(0, 16)}`);

/** Structured differences between two canonical views of the same artifact kind. */
export function compareViews(a: CanonicalView, b: CanonicalView, labels: [string, string] = ['A', 'B']): Difference[] {
  const artifact = a.artifact;
  const out: Difference[] = [];
  if (a.filename !== b.filename) out.push({ artifact, kind: 'filename', path: '', a: a.filename, b: b.filename });
  if (a.level !== 'semantic' && a.folders.join(',') !== b.folders.join(',')) {
    out.push({ artifact, kind: 'folder-name', path: '', a: a.folders.join(', '), b: b.folders.join(', ') });
  }
  const paths = [...new Set([...a.members.keys(), ...b.members.keys()])].sort();
  for (const path of paths) {
    let ma = a.members.get(path);
    let mb = b.members.get(path);
    // An sdist link to a member file against a regular file: compared as the file it links to.
    if (ma?.dereferenced !== undefined && mb !== undefined && mb.dereferenced === undefined) ma = { ...ma, ...ma.dereferenced };
    if (mb?.dereferenced !== undefined && ma !== undefined && ma.dereferenced === undefined) mb = { ...mb, ...mb.dereferenced };
    if (!mb) {
      out.push({ artifact, kind: 'only-in-a', path, a: describe(ma!) });
      continue;
    }
    if (!ma) {
      out.push({ artifact, kind: 'only-in-b', path, b: describe(mb) });
      continue;
    }
    if (ma.sha256 !== mb.sha256) {
      const d: Difference = { artifact, kind: 'content', path, a: describe(ma), b: describe(mb) };
      if (ma.text !== null && mb.text !== null) d.diff = unifiedDiff(path, ma.text, mb.text, labels);
      out.push(d);
    }
    if (ma.executable !== mb.executable) {
      out.push({ artifact, kind: 'executable', path, a: String(ma.executable), b: String(mb.executable) });
    }
    if (a.level === 'bytes') {
      if (ma.mode !== mb.mode) out.push({ artifact, kind: 'mode', path, a: octal(ma.mode), b: octal(mb.mode) });
      if (ma.mtime !== mb.mtime) out.push({ artifact, kind: 'mtime', path, a: String(ma.mtime), b: String(mb.mtime) });
      if (ma.owner !== mb.owner) out.push({ artifact, kind: 'owner', path, a: ma.owner, b: mb.owner });
    }
  }
  const codes = (v: CanonicalView): string[] => [...new Set(v.problems.map((p) => p.code))].sort();
  const pa = codes(a).join(',');
  const pb = codes(b).join(',');
  if (pa !== pb) out.push({ artifact, kind: 'archive-problem', path: '', a: pa || 'none', b: pb || 'none' });
  if (a.level === 'bytes' && out.length === 0) {
    if (a.order && b.order && a.order.join('\n') !== b.order.join('\n')) {
      out.push({ artifact, kind: 'member-order', path: '', diff: unifiedDiff('(member order)', a.order.join('\n') + '\n', b.order.join('\n') + '\n', labels) });
    } else if (a.archiveSha256 !== b.archiveSha256) {
      out.push({ artifact, kind: 'archive-bytes', path: '', a: a.archiveSha256, b: b.archiveSha256 });
    }
  }
  return out;
}

function octal(n: number | null | undefined): string {
  return n === null || n === undefined ? 'none' : '0o' + n.toString(8);
}
