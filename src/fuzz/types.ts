import type { Backend } from '../backends/types.js';
import type { Difference } from '../compare/types.js';
import type { ProjectModel } from '../model/projectModel.js';
import type { Level } from '../normalize/types.js';
import type { FileMap } from '../render/fileMap.js';
import type { Signature } from './signature.js';

export const PROPERTY_NAMES = ['diff', 'spec', 'roundtrip', 'metadata', 'reproducible', 'config', 'install'] as const;
export type PropertyName = (typeof PROPERTY_NAMES)[number];

/** Counts a run keeps. */
export interface RunStats {
  projects: number;
  builds: number;
  /** Projects whose build (sdist or wheel) each backend rejected. */
  rejected: { a: number; b: number };
  /** Projects both backends rejected (a generator problem, never a finding). */
  bothRejected: number;
  /**
   * Failures that did not fail again when built afresh (a nondeterministic
   * backend or a starved machine): not shrunk, not reported as findings.
   */
  unconfirmed: number;
}

export function emptyStats(): RunStats {
  return { projects: 0, builds: 0, rejected: { a: 0, b: 0 }, bothRejected: 0, unconfirmed: 0 };
}

/** What one property says about one project. */
export type PropertyOutcome =
  | { status: 'pass'; rules: string[] }
  | { status: 'rejected'; rules: string[]; reason: string }
  | {
      status: 'fail';
      rules: string[];
      differences: Difference[];
      signature: Signature;
      summary: string;
      /** The project as rendered for backend A. */
      files: FileMap;
    };

export interface ResolvedSides {
  a: Backend;
  b?: Backend;
}

export interface Finding {
  signature: string;
  signatureText: string;
  /** diff: the one atom (behaviour change) the finding is about (src/compare/atoms.ts). */
  atom?: string;
  /**
   * diff: the behaviour change the atom is part of, when it is not the atom
   * alone: `wheel:copied:PKG-INFO->dist-info/METADATA` (the wheel's METADATA
   * following the sdist's PKG-INFO). Absent in older reports.
   */
  change?: string;
  /**
   * diff: every atom of the finding's change the run saw (its own among them),
   * when there are several: atoms coupled with it (each one's minimal project
   * shows the other, src/fuzz/coupling.ts), or fields of one copy change.
   * Absent when the change is its one atom, and in older reports.
   */
  atoms?: string[];
  /** diff with --baseline: a change the smallest projects already show (reported once, then ignored). */
  baseline?: boolean;
  property: PropertyName;
  summary: string;
  differences: Difference[];
  seed: number;
  /** fast-check replay path of the shrunk counterexample. */
  path: string;
  corpusFile: string | null;
  foundAfterMs: number;
  shrinkMs: number;
  /**
   * The finding's own time: from the start of the round (or the corpus replay)
   * that found it to its record — searching, confirming and shrinking it.
   */
  ownMs?: number;
  shrinks: number;
  /**
   * False when the time budget (or an interrupt) cut shrinking short: the
   * project still shows the problem but may not be minimal. A later run that
   * replays the corpus shrinks it further.
   */
  shrinkComplete: boolean;
  model: ProjectModel;
  project: { files: Record<string, string> };
  level: Level;
  rules: string[];
  /** Set when the finding is a saved counterexample that still fails (the corpus replays first). */
  replayedFrom?: string;
}
