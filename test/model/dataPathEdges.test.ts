/**
 * Package data at the edges of archives and file systems (issue #12): a
 * long name, a long path, names that differ only in case
 * (`dataPathEdges`): the files each edge adds, when they do not fit, how
 * they render (setuptools lists them), the generator and its shrinking, a
 * real sdist with pax long names read back by our archive reader, and the
 * `spec` check that both artifacts ship every file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { dataPathEdges } from '../../generators/dataPathEdges.js';
import { projectModel } from '../../generators/projectModel.js';
import { readArtifact } from '../../src/archive/index.js';
import type { ArchiveView } from '../../src/archive/types.js';
import { isValidModel } from '../../src/corpus/corpusFile.js';
import { dataPathEdgeDifferences } from '../../src/fuzz/properties/_dataPathEdges.js';
import { installedExpectation } from '../../src/install/expect.js';
import { CASE_TWINS, LONG_DATA_NAME, LONG_DATA_PATH, dataPathEdgeFiles, dataPathEdgesProblem } from '../../src/model/dataPathEdges.js';
import { modelFeatures } from '../../src/model/features.js';
import type { DataPathEdge, ProjectModel } from '../../src/model/projectModel.js';
import { render, renderableFamilies } from '../../src/render/index.js';
import { shrinkTo } from '../generators/shrink.js';

function model(edges: DataPathEdge[], edit: Partial<ProjectModel> = {}): ProjectModel {
  return {
    name: 'demo',
    version: '1.0',
    description: 'd',
    dependencies: [],
    layout: 'flat',
    packages: [{ name: 'pkg', init: '', modules: [], data: [{ path: 'a.txt', content: 'a\n' }], subpackages: [] }],
    modules: [],
    dataPathEdges: edges,
    ...edit,
  };
}

const enc = new TextEncoder();
function view(format: 'wheel' | 'sdist', files: Record<string, string>): ArchiveView {
  return {
    format,
    filename: format === 'sdist' ? 'demo-1.0.tar.gz' : 'demo-1.0-py3-none-any.whl',
    entries: Object.entries(files).map(([path, text]) => ({ path, type: 'file' as const, mode: 0o644, size: text.length, mtime: null, data: enc.encode(text) })),
    problems: [],
  };
}

describe('the model', () => {
  it('adds fixed files beyond ustar limits and two names that differ only in case', () => {
    expect(LONG_DATA_NAME.length).toBeGreaterThan(100);
    expect(`demo-1.0/pkg/${LONG_DATA_PATH}`.length).toBeGreaterThan(150);
    expect(LONG_DATA_PATH.split('/').every((part) => part.length < 100)).toBe(true);
    expect(CASE_TWINS.map((f) => f.path.toLowerCase())).toEqual(['casetwin.txt', 'casetwin.txt']);
    expect(dataPathEdgeFiles(model(['case-twins', 'long-name'])).map((f) => f.path)).toEqual(['CaseTwin.txt', 'casetwin.txt', LONG_DATA_NAME]);
    expect(modelFeatures(model(['long-name', 'long-path', 'case-twins']))).toEqual(expect.arrayContaining(['package-data:long-name', 'package-data:long-path', 'package-data:case-collision']));
    expect(dataPathEdgesProblem(model(['long-name', 'long-name']))).toMatch(/twice/);
    expect(dataPathEdgesProblem(model(['case-twins'], { packages: [{ name: 'pkg', init: '', modules: [], data: [{ path: 'CASETWIN.TXT', content: '' }], subpackages: [] }] }))).toMatch(/collides/);
    expect(dataPathEdgesProblem(model(['long-name'], { packages: [], modules: [{ name: 'm', source: '' }] }))).toMatch(/top-level package/);
    expect(isValidModel(model(['long-path', 'case-twins']))).toBe(true);
    expect(isValidModel({ ...model([]), dataPathEdges: ['very-long'] })).toBe(false);
  });

  it('renders the files for every family alike, and lists them in setuptools package-data', () => {
    const m = model(['long-name', 'long-path', 'case-twins']);
    for (const family of renderableFamilies()) {
      const files = render(m, family);
      for (const f of dataPathEdgeFiles(m)) expect(files[`pkg/${f.path}`], `${family} ${f.path}`).toBe(f.content);
    }
    const st = parse(render(m, 'setuptools')['pyproject.toml'] as string) as { tool: { setuptools: { 'package-data': Record<string, string[]> } } };
    expect(st.tool.setuptools['package-data']['pkg']).toEqual(['CaseTwin.txt', 'a.txt', 'casetwin.txt', LONG_DATA_NAME, LONG_DATA_PATH].sort());
    const e = installedExpectation(m);
    expect(e.resources.map((r) => r.path)).toEqual(expect.arrayContaining(['CaseTwin.txt', 'casetwin.txt', LONG_DATA_NAME, LONG_DATA_PATH]));
  });
});

describe('the generator', () => {
  it('generates distinct edges, shrinking toward one long name, and the part shrinks away', () => {
    fc.assert(
      fc.property(dataPathEdges(), (edges) => {
        expect(new Set(edges).size).toBe(edges.length);
      }),
      { seed: 2, numRuns: 100 },
    );
    expect(shrinkTo(dataPathEdges(), (e) => e.length > 0).minimal).toEqual(['long-name']);
    const seen = fc.sample(projectModel({ probabilities: { dataPathEdges: 1 } }), { seed: 4, numRuns: 100 });
    expect(seen.filter((m) => m.packages.length > 0).every((m) => (m.dataPathEdges ?? []).length > 0)).toBe(true);
    expect(seen.every((m) => isValidModel(m))).toBe(true);
    const { minimal } = shrinkTo(projectModel({ probabilities: { dataPathEdges: 0.5 } }), (m) => m.packages.length > 0);
    expect(minimal.dataPathEdges).toBeUndefined();
  });
});

describe('archives and the spec check', () => {
  it('reads back the long names of a pax sdist written by Python tarfile', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'twinbuild-pax-'));
    try {
      const out = join(dir, 'x.tar.gz');
      const script = `import io, tarfile, sys\nwith tarfile.open(sys.argv[1], 'w:gz', format=tarfile.PAX_FORMAT) as t:\n    for name in sys.argv[2:]:\n        data = name.encode()\n        info = tarfile.TarInfo('demo-1.0/pkg/' + name); info.size = len(data); t.addfile(info, io.BytesIO(data))\n`;
      execFileSync('python3', ['-c', script, out, LONG_DATA_NAME, LONG_DATA_PATH, 'CaseTwin.txt', 'casetwin.txt']);
      const v = await readArtifact('sdist', 'demo-1.0.tar.gz', new Uint8Array(await readFile(out)));
      expect(v.problems).toEqual([]);
      expect(v.entries.filter((e) => e.type === 'file').map((e) => e.path)).toEqual([LONG_DATA_NAME, LONG_DATA_PATH, 'CaseTwin.txt', 'casetwin.txt'].map((n) => `demo-1.0/pkg/${n}`));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('holds both artifacts to every file of every edge, by edge', () => {
    const m = model(['long-name', 'case-twins']);
    const all = Object.fromEntries(dataPathEdgeFiles(m).map((f) => [`pkg/${f.path}`, f.content]));
    const sdist = (files: Record<string, string>) => view('sdist', Object.fromEntries(Object.entries(files).map(([p, c]) => [`demo-1.0/${p}`, c])));
    expect(dataPathEdgeDifferences(m, sdist(all), view('wheel', all))).toEqual([]);
    const { 'pkg/casetwin.txt': _lost, ...folded } = all;
    const wrong = { ...all, 'pkg/casetwin.txt': 'upper\n' };
    const d = dataPathEdgeDifferences(m, sdist(wrong), view('wheel', folded));
    expect(d.map((x) => [x.artifact, x.code, x.path])).toEqual([
      ['sdist', 'must-ship:case-twins', 'pkg/casetwin.txt'],
      ['wheel', 'must-ship:case-twins', 'pkg/casetwin.txt'],
    ]);
    expect(dataPathEdgeDifferences(m, null, null)).toEqual([]);
  });
});
