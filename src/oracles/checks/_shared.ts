/** Specification addresses and small helpers the checks share. */
import type { ArchiveEntry } from '../../archive/types.js';
import { first, metadataVersionRank, METADATA_VERSIONS } from '../../pep/coreMetadata.js';
import type { ArtifactContext } from '../types.js';

const SPECS = 'https://packaging.python.org/en/latest/specifications/';

export const SPEC = {
  wheelFileName: `${SPECS}binary-distribution-format/#file-name-convention`,
  wheelEscaping: `${SPECS}binary-distribution-format/#escaping-and-unicode`,
  wheelContents: `${SPECS}binary-distribution-format/#file-contents`,
  wheelDistInfo: `${SPECS}binary-distribution-format/#the-dist-info-directory`,
  wheelData: `${SPECS}binary-distribution-format/#the-data-directory`,
  distInfoName: `${SPECS}recording-installed-packages/#the-dist-info-directory`,
  record: `${SPECS}recording-installed-packages/#the-record-file`,
  sdistFileName: `${SPECS}source-distribution-format/#source-distribution-file-name`,
  sdistFormat: `${SPECS}source-distribution-format/#source-distribution-file-format`,
  sdistArchive: `${SPECS}source-distribution-format/#source-distribution-archive-features`,
  entryPoints: `${SPECS}entry-points/#file-format`,
  coreMetadata: `${SPECS}core-metadata/`,
  metadataVersion: `${SPECS}core-metadata/#core-metadata-metadata-version`,
  name: `${SPECS}core-metadata/#core-metadata-name`,
  version: `${SPECS}core-metadata/#core-metadata-version`,
  dynamic: `${SPECS}core-metadata/#core-metadata-dynamic`,
  licenseExpression: `${SPECS}core-metadata/#core-metadata-license-expression`,
  licenseFile: `${SPECS}core-metadata/#core-metadata-license-file`,
  providesExtra: `${SPECS}core-metadata/#core-metadata-provides-extra`,
  requiresDist: `${SPECS}core-metadata/#core-metadata-requires-dist`,
  requiresPython: `${SPECS}core-metadata/#core-metadata-requires-python`,
  descriptionContentType: `${SPECS}core-metadata/#core-metadata-description-content-type`,
  nameNormalization: `${SPECS}name-normalization/`,
  versionSpecifiers: `${SPECS}version-specifiers/`,
  dependencySpecifiers: `${SPECS}dependency-specifiers/`,
  pep639: 'https://peps.python.org/pep-0639/',
} as const;

/** The member at `path` when it is a regular file. */
export function fileAt(ctx: ArtifactContext, path: string): ArchiveEntry | undefined {
  const entry = ctx.members.get(path);
  return entry?.type === 'file' ? entry : undefined;
}

/** The `.dist-info` member `name` of a wheel, when there is a `.dist-info` folder and that file. */
export function distInfoFile(ctx: ArtifactContext, name: string): ArchiveEntry | undefined {
  const dir = ctx.wheel?.distInfo;
  return dir === undefined ? undefined : fileAt(ctx, `${dir}/${name}`);
}

/** The declared Metadata-Version as a rank (2.4 -> 204) when it is one the specification knows, else undefined. */
export function declaredMetadataVersion(ctx: ArtifactContext): { text: string; rank: number } | undefined {
  const meta = ctx.metadata?.parsed;
  if (meta === undefined) return undefined;
  const text = first(meta, 'metadata-version')?.trim();
  if (text === undefined || !(METADATA_VERSIONS as readonly string[]).includes(text)) return undefined;
  return { text, rank: metadataVersionRank(text) };
}

/** `'text'` with line breaks shown, for messages. */
export function quote(text: string): string {
  return `'${text.replace(/\r?\n/g, '\\n')}'`;
}

/** The stem of a `.dist-info` or `.data` folder name. */
export function folderStem(folder: string, suffix: string): string {
  return folder.endsWith(suffix) ? folder.slice(0, -suffix.length) : folder;
}
