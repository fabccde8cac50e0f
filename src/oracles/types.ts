import type { Parsed } from '../pep/result.js';
import type { WheelFilename } from '../pep/wheelFilename.js';
import type { ArchiveEntry, ArchiveView } from '../archive/types.js';
import type { ParsedMetadata } from '../pep/coreMetadata.js';

/** The two artifacts a check can look at. */
export type ArtifactKind = 'wheel' | 'sdist';

/** `error`: the artifact breaks a rule of a specification. `warning`: a should-level or style rule. */
export type Severity = 'error' | 'warning';

/** One thing wrong with one artifact. */
export interface SpecProblem {
  /** Stable code of the check that found it, e.g. `W011`; documented in docs/rules/CODE.md. */
  code: string;
  artifact: ArtifactKind;
  severity: Severity;
  /** The archive member (or, for the filename checks, the artifact's filename) it is about. */
  path?: string;
  message: string;
}

/** What a check reports; the runner adds code, artifact and severity. */
export interface CheckFinding {
  path?: string;
  message: string;
}

/** One check: a rule of one specification, applied to one kind of artifact (or both). */
export interface SpecCheck {
  code: string;
  /** One line, phrased as what holds on a correct artifact. */
  title: string;
  severity: Severity;
  artifact: ArtifactKind | 'both';
  /** The specification section it enforces. */
  spec: string;
  run(ctx: ArtifactContext): CheckFinding[];
}

/** The core metadata file of an artifact (METADATA in a wheel, PKG-INFO in an sdist). */
export interface MetadataFile {
  path: string;
  parsed: ParsedMetadata;
}

/** Facts about a wheel's layout that several checks use. */
export interface WheelLayout {
  filename: Parsed<WheelFilename>;
  /** Top-level folders named `*.dist-info`, in archive order. */
  distInfoDirs: string[];
  /** The `.dist-info` folder the other checks read: the only one, or the one matching the filename. */
  distInfo?: string;
}

/** Facts about an sdist's layout that several checks use. */
export interface SdistLayout {
  /** Top-level folders, in archive order. */
  topDirs: string[];
  /** Members that sit at the top level rather than in a folder. */
  topFiles: string[];
  /** The top folder, when there is exactly one. */
  top?: string;
}

/** Everything the checks read, computed once per artifact. */
export interface ArtifactContext {
  kind: ArtifactKind;
  view: ArchiveView;
  /** The artifact's file name without any folder. */
  filename: string;
  /**
   * Members by path (for sdists without a leading `./`). When a name
   * repeats, the last member wins, as it does for Python's zipfile.
   */
  members: ReadonlyMap<string, ArchiveEntry>;
  wheel?: WheelLayout;
  sdist?: SdistLayout;
  metadata?: MetadataFile;
}
