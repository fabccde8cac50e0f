import { readArtifact } from '../archive/index.js';
import type { ArtifactResult, BuildResult } from '../build/types.js';
import { normalizeArtifact } from '../normalize/normalizeArtifact.js';
import type { CanonicalView, Level } from '../normalize/types.js';
import type { FileMap } from '../render/fileMap.js';
import { compareViews } from './compareViews.js';
import type { Difference } from './types.js';

export interface ArtifactComparison {
  artifact: 'wheel' | 'sdist';
  /** Both sides failed to build this artifact: the project says nothing about the difference. */
  bothFailed: boolean;
  differences: Difference[];
  views: [CanonicalView | null, CanonicalView | null];
  rules: string[];
}

/** Read, normalize at `level` and compare one artifact kind of two builds. */
export async function compareArtifacts(
  a: ArtifactResult,
  b: ArtifactResult,
  level: Level,
  labels: [string, string] = ['A', 'B'],
  inputs: [FileMap | undefined, FileMap | undefined] = [undefined, undefined],
): Promise<ArtifactComparison> {
  const artifact = a.kind;
  if (!a.ok && !b.ok) return { artifact, bothFailed: true, differences: [], views: [null, null], rules: [] };
  if (!a.ok || !b.ok) {
    const err = (r: ArtifactResult): string => (r.ok ? `built ${r.filename}` : `${r.error.kind}: ${r.error.message}`);
    return {
      artifact,
      bothFailed: false,
      differences: [{ artifact, kind: 'build-failed', path: '', a: err(a), b: err(b) }],
      views: [null, null],
      rules: [],
    };
  }
  const [va, vb] = await Promise.all([viewOf(a), viewOf(b)]);
  const ca = normalizeArtifact(va.view, va.bytes, level, { inputs: inputs[0] });
  const cb = normalizeArtifact(vb.view, vb.bytes, level, { inputs: inputs[1] });
  return { artifact, bothFailed: false, differences: compareViews(ca, cb, labels), views: [ca, cb], rules: ca.rules };
}

async function viewOf(r: ArtifactResult & { ok: true }) {
  return { view: await readArtifact(r.kind, r.filename, r.bytes), bytes: r.bytes };
}

export interface BuildComparison {
  differences: Difference[];
  /** Artifact kinds both backends failed to build. */
  bothFailed: ('wheel' | 'sdist')[];
  rules: { wheel: string[]; sdist: string[] };
}

/** Compare the sdists and the wheels of two builds of one project. */
export async function compareBuilds(
  a: BuildResult,
  b: BuildResult,
  level: Level,
  labels: [string, string] = ['A', 'B'],
  inputs: [FileMap | undefined, FileMap | undefined] = [undefined, undefined],
): Promise<BuildComparison> {
  const sdist = await compareArtifacts(a.sdist, b.sdist, level, labels, inputs);
  const wheel = await compareArtifacts(a.wheel, b.wheel, level, labels, inputs);
  return {
    differences: [...sdist.differences, ...wheel.differences],
    bothFailed: [sdist, wheel].filter((c) => c.bothFailed).map((c) => c.artifact),
    rules: { wheel: wheel.rules, sdist: sdist.rules },
  };
}
