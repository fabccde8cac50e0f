import { stemMatches } from '../pep/stem.js';
import { parseWheelFilename } from '../pep/wheelFilename.js';
import type { ArchiveEntry, ArchiveView } from '../archive/types.js';
import { parseMetadata } from '../pep/coreMetadata.js';
import type { ArtifactContext, ArtifactKind, MetadataFile, SdistLayout, WheelLayout } from './types.js';

/** A member path without a leading `./` (tar members are sometimes stored that way). */
export function memberPath(path: string): string {
  return path.replace(/^(?:\.\/)+/, '');
}

/** Computes what the checks share for one artifact. */
export function buildContext(view: ArchiveView, kind: ArtifactKind): ArtifactContext {
  const members = new Map<string, ArchiveEntry>();
  for (const entry of view.entries) members.set(kind === 'sdist' ? memberPath(entry.path) : entry.path, entry);
  const ctx: ArtifactContext = { kind, view, filename: view.filename.split(/[/\\]/).pop() ?? view.filename, members };
  if (kind === 'wheel') {
    ctx.wheel = wheelLayout(view, ctx.filename);
    if (ctx.wheel.distInfo !== undefined) ctx.metadata = metadataFile(members, `${ctx.wheel.distInfo}/METADATA`);
  } else {
    ctx.sdist = sdistLayout(view);
    if (ctx.sdist.top !== undefined) ctx.metadata = metadataFile(members, `${ctx.sdist.top}/PKG-INFO`);
  }
  return ctx;
}

function metadataFile(members: ReadonlyMap<string, ArchiveEntry>, path: string): MetadataFile | undefined {
  const entry = members.get(path);
  if (entry === undefined || entry.type !== 'file') return undefined;
  return { path: entry.path, parsed: parseMetadata(entry.data) };
}

/**
 * The first segment of a member path, and whether the member is inside it
 * (rather than being it). Sdist member names may start with `./`; wheel
 * member names are taken as they are.
 */
function topSegment(path: string, kind: ArtifactKind): { top: string; inside: boolean } {
  const p = (kind === 'sdist' ? memberPath(path) : path).replace(/\/+$/, '');
  const slash = p.indexOf('/');
  return slash < 0 ? { top: p, inside: false } : { top: p.slice(0, slash), inside: true };
}

function wheelLayout(view: ArchiveView, filename: string): WheelLayout {
  const dirs: string[] = [];
  for (const entry of view.entries) {
    const { top, inside } = topSegment(entry.path, 'wheel');
    if ((inside || entry.type === 'dir') && top.endsWith('.dist-info') && !dirs.includes(top)) dirs.push(top);
  }
  const layout: WheelLayout = { filename: parseWheelFilename(filename, { specTags: true }), distInfoDirs: dirs };
  if (dirs.length === 1) layout.distInfo = dirs[0]!;
  else if (dirs.length > 1 && layout.filename.ok) {
    const { name, version } = layout.filename.value;
    const match = dirs.find((d) => stemMatches(d.slice(0, -'.dist-info'.length), name, version));
    if (match !== undefined) layout.distInfo = match;
  }
  return layout;
}

function sdistLayout(view: ArchiveView): SdistLayout {
  const topDirs: string[] = [];
  const topFiles: string[] = [];
  for (const entry of view.entries) {
    const { top, inside } = topSegment(entry.path, 'sdist');
    if (top === '' || top === '.') continue;
    if (inside || entry.type === 'dir') {
      if (!topDirs.includes(top)) topDirs.push(top);
    } else topFiles.push(entry.path);
  }
  const layout: SdistLayout = { topDirs, topFiles };
  if (topDirs.length === 1) layout.top = topDirs[0]!;
  return layout;
}
