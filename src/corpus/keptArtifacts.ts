/**
 * `--keep-artifacts DIR`: the wheels and sdists of every finding's shrunk
 * project, built again by each side once the search is over (an interrupted
 * run keeps none: its builds are stopped), kept so that other tools (diffoscope,
 * check-wheel-contents, `twine check`) can be pointed at them:
 *
 *   DIR/index.json                       the index (below)
 *   DIR/SIGNATURE/a/NAME-VERSION-....whl side A's wheel
 *   DIR/SIGNATURE/a/NAME-VERSION.tar.gz  side A's sdist
 *   DIR/SIGNATURE/b/...                  side B's (when the run has a B)
 *
 * index.json: `{format: "twinbuild-artifacts", formatVersion: 1, findings:
 * [{signature, property, summary, corpusFile, artifacts: [{side, backend,
 * artifact, file | error}]}]}` with `file` relative to DIR. Writes are
 * atomic; an index already there is extended (a finding found again
 * replaces its entry).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import type { BuildOptions } from '../build/buildArtifacts.js';
import type { BackendRunner } from '../build/runner.js';
import type { ProjectModel } from '../model/projectModel.js';
import { renderFor } from '../render/forBackend.js';
import type { KeptArtifact } from '../report/jsonReport.js';
import { writeAtomic } from './store.js';

export const ARTIFACT_INDEX = 'index.json';

export interface IndexArtifact {
  side: 'a' | 'b';
  backend: string;
  artifact: 'wheel' | 'sdist';
  /** Relative to the index's folder; absent when the build failed. */
  file?: string;
  error?: string;
}

export interface IndexEntry {
  signature: string;
  property: string;
  summary: string;
  corpusFile: string | null;
  artifacts: IndexArtifact[];
}

export interface ArtifactIndex {
  format: 'twinbuild-artifacts';
  formatVersion: 1;
  findings: IndexEntry[];
}

export async function readArtifactIndex(dir: string): Promise<ArtifactIndex | null> {
  try {
    const data = JSON.parse(await readFile(join(dir, ARTIFACT_INDEX), 'utf8')) as ArtifactIndex;
    return data.format === 'twinbuild-artifacts' && Array.isArray(data.findings) ? data : null;
  } catch {
    return null;
  }
}

/** The index entry of a corpus file (by its path, or its signature), or undefined. */
export function entryFor(index: ArtifactIndex, corpusFile: string, signature: string): IndexEntry | undefined {
  return index.findings.find((e) => (e.corpusFile !== null && resolve(e.corpusFile) === resolve(corpusFile)) || e.signature === signature);
}

/**
 * Build the finding's project with each side and keep what they build.
 * Returns the kept files (absolute paths) for the report.
 */
export async function keepArtifacts(
  dir: string,
  finding: { signature: string; property: string; summary: string; corpusFile: string | null; model: ProjectModel },
  sides: { side: 'a' | 'b'; runner: BackendRunner }[],
  build: BuildOptions,
): Promise<KeptArtifact[]> {
  const root = resolve(dir);
  const kept: KeptArtifact[] = [];
  const entry: IndexEntry = { signature: finding.signature, property: finding.property, summary: finding.summary, corpusFile: finding.corpusFile, artifacts: [] };
  for (const { side, runner } of sides) {
    const result = await runner.build(renderFor(finding.model, runner.backend), build);
    const folder = join(root, finding.signature, side);
    await mkdir(folder, { recursive: true });
    for (const art of [result.sdist, result.wheel]) {
      if (!art.ok) {
        entry.artifacts.push({ side, backend: runner.backend.label, artifact: art.kind, error: art.error.message.split('\n')[0]! });
        continue;
      }
      const file = join(folder, basename(art.filename));
      await writeFile(file, art.bytes);
      entry.artifacts.push({ side, backend: runner.backend.label, artifact: art.kind, file: relative(root, file) });
      kept.push({ side, artifact: art.kind, file });
    }
  }
  const index: ArtifactIndex = (await readArtifactIndex(root)) ?? { format: 'twinbuild-artifacts', formatVersion: 1, findings: [] };
  index.findings = [...index.findings.filter((e) => e.signature !== entry.signature), entry];
  await writeAtomic(join(root, ARTIFACT_INDEX), JSON.stringify(index, null, 2) + '\n');
  return kept;
}
