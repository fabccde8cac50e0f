import { createHash } from 'node:crypto';
import { symlinkFileTarget } from '../archive/links.js';
import type { ArchiveEntry, ArchiveView } from '../archive/types.js';
import type { FileMap } from '../render/fileMap.js';
import { py2Allowed } from './pythonTag.js';
import { asTextOrNull } from './text.js';
import { canonicalizeName } from '../pep/name.js';
import { normalVersion } from '../pep/version.js';
import { RULES } from './rules/index.js';
import type { CanonicalMember, CanonicalView, Level, NormalizationRule, RuleContext, WorkMember } from './types.js';

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** UTF-8 text without NUL bytes, else null (then the member compares by hash). */
export function asText(data: Uint8Array): string | null {
  return asTextOrNull(data);
}

/** Rules that run at `level` for `artifact`, in order. */
export function rulesFor(level: Level, artifact: 'wheel' | 'sdist'): NormalizationRule[] {
  if (level === 'bytes') return [];
  return RULES.filter((r) => (level === 'semantic' || r.level === 'content') && r.artifacts.includes(artifact));
}

/**
 * Turn an archive into the canonical view compared at `level`. Directory
 * members are never compared (their files are); symlinks and other special
 * members are kept as members whose content is a description, so that they
 * still show as differences. Above the `bytes` level, a symbolic link of an
 * sdist to a regular file of the same sdist also carries that file
 * (`CanonicalMember.dereferenced`, which `compareViews` uses against a
 * regular file) and gives no `symlink` problem: the sdist specification
 * allows such links, and a backend that stores the link and one that stores
 * a copy give the same project once unpacked.
 */
export function normalizeArtifact(view: ArchiveView, bytes: Uint8Array, level: Level, opts: { inputs?: FileMap } = {}): CanonicalView {
  let members: WorkMember[] = [];
  const followed = new Set<string>();
  for (const link of view.entries) {
    if (followsLink(view, level, link)) followed.add(link.path);
  }
  for (const entry of view.entries) {
    if (entry.type === 'dir') continue;
    const e = entry;
    const target = followed.has(e.path) ? symlinkFileTarget(view, e) : null;
    const data = e.type === 'file' ? e.data : new TextEncoder().encode(`<${e.type}${e.linkTarget ? ` -> ${e.linkTarget}` : ''}>`);
    const owner = e.uid !== undefined || e.uname !== undefined ? `${e.uid ?? ''}:${e.gid ?? ''} ${e.uname ?? ''}:${e.gname ?? ''}` : undefined;
    members.push({ path: e.path, data, text: asText(data), mode: e.mode, mtime: e.mtime, owner, ...(target === null ? {} : { dereferenced: { data: target.data, mode: target.mode } }) });
  }
  const ctx: RuleContext = { artifact: view.format, level, pathMaps: [], inputs: opts.inputs };
  const folders = [
    ...new Set(
      members.map((m) => m.path.slice(0, Math.max(0, m.path.indexOf('/')))).filter((top) => (view.format === 'wheel' ? top.endsWith('.dist-info') : top !== '')),
    ),
  ].sort();
  const applied: string[] = [];
  for (const rule of rulesFor(level, view.format)) {
    members = rule.apply(members, ctx);
    applied.push(rule.name);
  }
  const out = new Map<string, CanonicalMember>();
  for (const m of members) {
    const data = m.text !== null ? new TextEncoder().encode(m.text) : m.data;
    const member: CanonicalMember = {
      path: m.path,
      text: m.text,
      sha256: sha256(data),
      size: m.data.length,
      executable: m.mode !== null && (m.mode & 0o100) !== 0,
    };
    if (m.dereferenced !== undefined) {
      const text = asText(m.dereferenced.data);
      const bytesOf = text !== null ? new TextEncoder().encode(text) : m.dereferenced.data;
      member.dereferenced = { text, sha256: sha256(bytesOf), size: m.dereferenced.data.length, executable: m.dereferenced.mode !== null && (m.dereferenced.mode & 0o100) !== 0 };
    }
    if (level === 'bytes') Object.assign(member, { mode: m.mode, mtime: m.mtime, owner: m.owner });
    out.set(m.path, member);
  }
  return {
    artifact: view.format,
    level,
    filename:
      level === 'semantic' ? semanticFilename(view.filename, view.format, { ignorePy2: applied.includes('wheel-python-tag-py2') && py2Allowed(members) }) : view.filename,
    members: out,
    folders,
    order: level === 'bytes' ? view.entries.map((e) => e.path) : undefined,
    archiveSha256: sha256(bytes),
    problems: view.problems.filter((p) => !(p.code === 'symlink' && p.path !== undefined && followed.has(p.path))),
    rules: applied,
  };
}

/** Artifact filename with name and version in normal form (tags kept). */
export function semanticFilename(filename: string, format: 'wheel' | 'sdist', opts: { ignorePy2?: boolean } = {}): string {
  if (format === 'wheel') {
    const parts = filename.replace(/\.whl$/, '').split('-');
    if (parts.length < 5 || parts.length > 6) return filename;
    const [name, version] = parts;
    const build = parts.length === 6 ? [parts[2]!] : [];
    const py = parts[parts.length - 3]!;
    const tags = [...build, opts.ignorePy2 ? withoutPy2(py) : py, ...parts.slice(-2)].join('-');
    return `${canonicalizeName(name!)}-${normalVersion(version!)}-${tags}.whl`;
  }
  const m = /^(.*)-([^-]+?)(\.tar\.gz|\.zip|\.tar)$/.exec(filename);
  if (!m) return filename;
  return `${canonicalizeName(m[1]!)}-${normalVersion(m[2]!)}${m[3]}`;
}

/** `py2.py3` -> `py3` (see the wheel-python-tag-py2 rule). */
export function withoutPy2(pythonTag: string): string {
  const tags = pythonTag.split('.');
  return tags.includes('py3') ? tags.filter((t) => t !== 'py2').join('.') : pythonTag;
}


/** Whether `normalizeArtifact` compares the member as the file it links to (an sdist's symlink to a member file, above `bytes`). */
function followsLink(view: ArchiveView, level: Level, entry: ArchiveEntry): boolean {
  return view.format === 'sdist' && level !== 'bytes' && entry.type === 'symlink' && symlinkFileTarget(view, entry) !== null;
}
