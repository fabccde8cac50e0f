export type DifferenceKind =
  | 'only-in-a' // a member only A's artifact has
  | 'only-in-b'
  | 'content' // same path, different content
  | 'executable' // same path, executable bit differs
  | 'mode' // full permission bits differ (bytes level)
  | 'mtime' // modification time differs (bytes level)
  | 'owner' // tar owner differs (bytes level)
  | 'member-order' // same members, other order (bytes level)
  | 'archive-bytes' // archives differ as bytes though every member compares equal
  | 'filename' // artifact filenames differ
  | 'folder-name' // the sdist top folder or the .dist-info folder is named differently
  | 'build-failed' // one side built the artifact, the other failed
  | 'archive-problem' // one side's archive has a problem the other's has not
  | 'spec-problem' // a specification check fails (spec property; in diff: on one side only)
  | 'installed'; // an installed wheel differs from what the model expects (install property; `code` names the check)

/** One structured difference between the two sides. */
export interface Difference {
  artifact: 'wheel' | 'sdist';
  kind: DifferenceKind;
  /** Member path as compared (after normalization), or '' for the artifact itself. */
  path: string;
  /** Short description of side A / side B (a value, an error). */
  a?: string;
  b?: string;
  /** Unified diff of the two texts, for text members. */
  diff?: string;
  /** For spec-problem: the check's stable code (docs/rules/CODE.md); for installed: the check (docs/installed.md). */
  code?: string;
}
