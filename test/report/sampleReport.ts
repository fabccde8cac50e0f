/**
 * A JSON report made of real findings: counterexamples saved in corpus/findings/
 * (differences found between real backend releases), with their minimal
 * projects rendered as the recorded side A writes them. Used by the HTML,
 * SARIF and JUnit tests.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Family } from '../../src/backends/types.js';
import type { CorpusFile } from '../../src/corpus/corpusFile.js';
import { render } from '../../src/render/index.js';
import { textFiles } from '../../src/render/textFiles.js';
import type { JsonReport, ReportFinding } from '../../src/report/jsonReport.js';

/** A wheel-only finding, an sdist-only one, and one on both artifacts (with several text diffs). */
export const SAMPLE_FINDINGS = ['pdm-backend-empty-entry-points', 'setuptools-69.3-sdist-name-normalized', 'hatchling-1.27-metadata-2.4-license-file'] as const;

function load(name: string): CorpusFile {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../../corpus/findings/${name}.json`, import.meta.url)), 'utf8')) as CorpusFile;
}

export function sampleFinding(name: string, i = 0): ReportFinding {
  const e = load(name);
  const file = `corpus/findings/${name}.json`;
  return {
    signature: e.signature,
    signatureText: e.signatureText,
    property: e.property,
    summary: e.summary,
    differences: e.differences,
    seed: e.seed,
    path: e.path,
    corpusFile: file,
    foundAfterMs: 1000 * (i + 1),
    shrinkMs: 500,
    ownMs: 1500 + i,
    shrinks: 3,
    shrinkComplete: true,
    replay: `twinbuild replay ${file}`,
    project: { files: textFiles(render(e.model, e.backends.a.family as Family, { familyVersion: e.backends.a.version })) },
  };
}

export function sampleReport(names: readonly string[] = SAMPLE_FINDINGS): JsonReport {
  const first = load(names[0]!);
  const side = (role: 'a' | 'b', s: CorpusFile['backends']['a']) => ({ role, spec: s.spec, family: s.family, version: s.version, python: s.python, hook: s.family, label: `${s.family} ${s.version}` });
  return {
    tool: 'twinbuild',
    version: '0.1.0',
    command: 'fuzz',
    seed: 1,
    runs: 40,
    builds: 160,
    durationMs: 61_000,
    backends: [side('a', first.backends.a), ...(first.backends.b ? [side('b', first.backends.b)] : [])],
    properties: ['diff'],
    level: 'content',
    rules: [{ name: 'record-as-set', doc: 'RECORD compared as a set of rows' }],
    findings: names.map((n, i) => sampleFinding(n, i)),
    stats: { projects: 40, builds: 160, rejected: { a: 0, b: 0 }, bothRejected: 0, unconfirmed: 0 },
    outcome: names.length ? 'failed' : 'passed',
    propertyMs: { diff: 60_000 },
  };
}
