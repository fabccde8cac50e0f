import type { GuideSummary } from '../fuzz/guide.js';
import type { HealthVerdict } from '../fuzz/health.js';
import type { Backend } from '../backends/types.js';
import type { Difference } from '../compare/types.js';
import type { Finding, PropertyName, RunStats } from '../fuzz/types.js';
import type { Level } from '../normalize/types.js';
import { ruleByName } from '../normalize/rules/index.js';
import { toolVersion } from './toolVersion.js';

export interface ReportBackend {
  role: 'a' | 'b';
  spec: string;
  family: string;
  version: string;
  python: string;
  hook: string;
  label: string;
}

/** The JSON report of the contract (DESIGN.md, "Command line"). */
export interface JsonReport {
  tool: string;
  version: string;
  command: string;
  seed: number;
  runs: number;
  builds: number;
  durationMs: number;
  backends: ReportBackend[];
  properties: PropertyName[];
  level: Level;
  rules: { name: string; doc: string }[];
  findings: ReportFinding[];
  stats: RunStats;
  outcome: 'passed' | 'failed' | 'interrupted';
  /** Set by `merge`: the shard reports combined. */
  shards?: { file: string; seed: number; runs: number; findings: number }[];
  /** `--stats`: how often each generator feature appeared. */
  features?: Record<string, number>;
  /** Set when the health check stopped the search: every generated project failed its builds the same way. */
  health?: HealthVerdict;
  /** `fuzz --guide coverage`: projects drawn fresh and mutated, and the pool (src/fuzz/guide.ts). */
  guide?: GuideSummary;
  /** Each property's own time in the run (ms), for JUnit's testcase durations. */
  propertyMs?: Partial<Record<PropertyName, number>>;
}

/** One built artifact kept by `--keep-artifacts` (absolute path). */
export interface KeptArtifact {
  side: 'a' | 'b';
  artifact: 'wheel' | 'sdist';
  file: string;
}

export interface ReportFinding {
  signature: string;
  signatureText: string;
  /** diff: the one atom (behaviour change) the finding is about (absent in older reports). */
  atom?: string;
  /** diff: the behaviour change the atom is part of, when not the atom alone (absent in older reports). */
  change?: string;
  /** diff: every atom of the finding's change the run saw, when several (absent otherwise, and in older reports). */
  atoms?: string[];
  /** diff with --baseline: a change the smallest projects already show. */
  baseline?: boolean;
  property: PropertyName;
  summary: string;
  differences: Difference[];
  seed: number;
  path: string;
  corpusFile: string | null;
  foundAfterMs: number;
  shrinkMs: number;
  shrinks: number;
  /** The finding's own time (ms): searching, confirming and shrinking it (absent in older reports). */
  ownMs?: number;
  /** `--keep-artifacts`: the shrunk project's wheels and sdists, both sides. */
  artifacts?: KeptArtifact[];
  /** False when the time budget or an interrupt cut shrinking short (the project may not be minimal). */
  shrinkComplete: boolean;
  replay: string;
  project: { files: Record<string, string> };
}

export function reportBackend(role: 'a' | 'b', b: Backend): ReportBackend {
  return {
    role,
    spec: b.spec.raw,
    family: b.family,
    version: b.version,
    python: b.python,
    hook: b.hook.object ? `${b.hook.module}:${b.hook.object}` : b.hook.module,
    label: b.label,
  };
}

export function describeRules(names: Iterable<string>): { name: string; doc: string }[] {
  return [...new Set(names)].map((name) => ({ name, doc: ruleByName(name)?.doc ?? '' }));
}

export function reportFinding(f: Finding, replay: string): ReportFinding {
  return {
    signature: f.signature,
    signatureText: f.signatureText,
    ...(f.atom !== undefined ? { atom: f.atom } : {}),
    ...(f.change !== undefined ? { change: f.change } : {}),
    ...(f.atoms !== undefined ? { atoms: f.atoms } : {}),
    ...(f.baseline ? { baseline: true } : {}),
    property: f.property,
    summary: f.summary,
    differences: f.differences,
    seed: f.seed,
    path: f.path,
    corpusFile: f.corpusFile,
    foundAfterMs: f.foundAfterMs,
    shrinkMs: f.shrinkMs,
    shrinks: f.shrinks,
    ...(f.ownMs !== undefined ? { ownMs: f.ownMs } : {}),
    shrinkComplete: f.shrinkComplete,
    replay,
    project: f.project,
  };
}
