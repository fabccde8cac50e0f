/**
 * `roundtrip` and files the configuration excludes from the sdist only
 * (`ProjectModel.excludedFiles`, scope `sdist`): the tree's wheel ships such
 * a file and the sdist, by the project's own choice, does not, so the wheel
 * built from the sdist cannot have it. Found as a false finding of the
 * live-bug campaign (docs/live-bugs.md, 2026-12-03: hatchling 1.33.0, seed 31,
 * `roundtrip|wheel:content:dist-info/RECORD|wheel:only-in-a:*.bak`). The
 * property builds the project as configured and expects those files' absence
 * (`withoutSdistOnlyExclusions`), and still fails a backend whose sdist drops
 * a file it needs (a `both`-scope file stays in the checked project and must
 * be in neither wheel).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CorpusFile } from '../../src/corpus/corpusFile.js';
import type { ExcludedFileModel, ProjectModel } from '../../src/model/projectModel.js';
import { HATCHLING, readJson, tempDir, twinbuild } from './cli.js';

const model = (excludedFiles: ExcludedFileModel[]): ProjectModel => ({
  name: 'a',
  version: '0',
  description: null,
  dependencies: [],
  layout: 'flat',
  packages: [{ name: 'a', init: '', modules: [], data: [], subpackages: [] }],
  modules: [],
  excludedFiles,
});

/** A roundtrip corpus file for hatchling 1.27.0 (as a campaign saves it) holding `m`. */
async function corpusFile(m: ProjectModel): Promise<string> {
  const dir = await tempDir();
  const entry: CorpusFile = {
    format: 'twinbuild-corpus',
    formatVersion: 1,
    property: 'roundtrip',
    level: 'content',
    backends: { a: { spec: HATCHLING, family: 'hatchling', version: '1.27.0', python: 'python3' } },
    seed: 31,
    path: '0',
    signature: 'a963a02d5455',
    signatureText: 'roundtrip|wheel:content:dist-info/RECORD|wheel:only-in-a:*.bak',
    summary: "only tree → wheel's wheel has a/notes.bak (+1 more)",
    differences: [],
    model: m,
    createdAt: '2026-12-03T12:54:47.586Z',
    tool: 'twinbuild 0.1.0',
  };
  const file = join(dir, 'roundtrip-a963a02d5455.json');
  await writeFile(file, JSON.stringify(entry, null, 2));
  return file;
}

interface ReplayReport {
  results: { file: string; status: string; property: string }[];
}

async function replay(m: ProjectModel): Promise<{ exitCode: number; status: string | undefined; out: string }> {
  const file = await corpusFile(m);
  const report = join(await tempDir(), 'replay.json');
  const r = await twinbuild(['replay', file, '--report', report]);
  expect(r.stderr).not.toContain('internal error');
  const rep = await readJson<ReplayReport>(report);
  return { exitCode: r.exitCode, status: rep.results[0]?.status, out: r.stdout + r.stderr };
}

describe('roundtrip with files excluded from the sdist only (real hatchling 1.27.0)', () => {
  it('holds: the wheel built from the tree ships the file, the one built from the sdist cannot', { timeout: 300_000 }, async () => {
    const r = await replay(model([{ path: 'notes.bak', content: ' \n', scope: 'sdist', rule: 'path' }]));
    expect(r.status, r.out).toBe('fixed');
    expect(r.exitCode, r.out).toBe(0);
  });

  it('holds with a file excluded from both beside it (neither wheel ships that one)', { timeout: 300_000 }, async () => {
    const r = await replay(
      model([
        { path: '_scratch/todo.tmp', content: 'x\n', scope: 'sdist', rule: 'folder' },
        { path: 'trace.log', content: 'y\n', scope: 'both', rule: 'glob' },
      ]),
    );
    expect(r.status, r.out).toBe('fixed');
    expect(r.exitCode, r.out).toBe(0);
  });
});
