import type { ArchiveEntry } from '../../archive/types.js';
import { parseRecord, type ParsedRecord } from '../../pep/record.js';
import type { ArtifactContext } from '../types.js';
import { distInfoFile } from './_shared.js';

/** The wheel's RECORD member and its rows, when there is one. */
export function recordOf(ctx: ArtifactContext): { entry: ArchiveEntry; record: ParsedRecord } | undefined {
  const entry = distInfoFile(ctx, 'RECORD');
  return entry === undefined ? undefined : { entry, record: parseRecord(entry.data) };
}

/** The signature files that RECORD must not mention (deprecated, but still allowed in a wheel). */
export function signatureFiles(ctx: ArtifactContext): Set<string> {
  const dir = ctx.wheel?.distInfo;
  return new Set(dir === undefined ? [] : [`${dir}/RECORD.jws`, `${dir}/RECORD.p7s`]);
}

/** Whether a RECORD path names a folder of the wheel rather than a file. */
export function isFolder(ctx: ArtifactContext, path: string): boolean {
  if (path.endsWith('/')) return true;
  if (ctx.members.get(path)?.type === 'dir' || ctx.members.get(`${path}/`)?.type === 'dir') return true;
  if (ctx.members.has(path)) return false;
  for (const member of ctx.members.keys()) if (member.startsWith(`${path}/`)) return true;
  return false;
}
