import type { FileMap } from '../render/fileMap.js';
import type { ArchiveProblem } from '../archive/types.js';

/** How much is ignored when two artifacts are compared (see DESIGN.md, "Normalization levels"). */
export type Level = 'bytes' | 'content' | 'semantic';
export const LEVELS: readonly Level[] = ['bytes', 'content', 'semantic'];

/** One member of an artifact after normalization. */
export interface CanonicalMember {
  path: string;
  /** Normalized text for UTF-8 members, else null (compared by sha256). */
  text: string | null;
  sha256: string;
  size: number;
  /** Compared at every level. */
  executable: boolean;
  /**
   * For an sdist's symbolic link to a regular member file (above `bytes`):
   * that file's content and executable class. `compareViews` compares the
   * link by it when the other side holds a regular file at the path (a link
   * and a copy are the same project once unpacked); two links compare by
   * their description, as before.
   */
  dereferenced?: { text: string | null; sha256: string; size: number; executable: boolean };
  /** Full details, kept only at level `bytes`. */
  mode?: number | null;
  mtime?: number | null;
  owner?: string;
}

export interface CanonicalView {
  artifact: 'wheel' | 'sdist';
  level: Level;
  /** Filename as compared at this level. */
  filename: string;
  /** Names of the folders whose members are compared by relative path (sdist top folder, wheel .dist-info). */
  folders: string[];
  members: Map<string, CanonicalMember>;
  /** Member order as stored (bytes level only). */
  order?: string[];
  /** sha256 of the whole archive. */
  archiveSha256: string;
  problems: ArchiveProblem[];
  /** Names of the rules that were applied, in order. */
  rules: string[];
}

/** A member while rules run over it. */
export interface WorkMember {
  path: string;
  data: Uint8Array;
  text: string | null;
  mode: number | null;
  mtime: number | null;
  owner?: string;
  /** An sdist link's target file (see `CanonicalMember.dereferenced`), as read. */
  dereferenced?: { data: Uint8Array; mode: number | null };
}

export interface RuleContext {
  artifact: 'wheel' | 'sdist';
  level: Level;
  /** Path rewrites registered by earlier rules (null: member dropped); RECORD rows follow them. */
  pathMaps: ((path: string) => string | null)[];
  /** The project files this side was built from, when known. */
  inputs?: FileMap;
}

/** A named normalization rule: what it ignores, at which level it starts to apply. */
export interface NormalizationRule {
  name: string;
  /** Lowest level that applies this rule (`content` rules also apply at `semantic`). */
  level: 'content' | 'semantic';
  artifacts: readonly ('wheel' | 'sdist')[];
  /** One line: what is ignored, and why that is legitimate. */
  doc: string;
  /** Returns the members to keep; may rewrite paths or texts. */
  apply(members: WorkMember[], ctx: RuleContext): WorkMember[];
}
