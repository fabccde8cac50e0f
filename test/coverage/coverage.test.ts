import { describe, expect, it } from 'vitest';
import { compareCoverage, formatComparison, matchPath } from '../../src/coverage/compare.js';
import { backendCoverage, CoverageBook, formatCoverage, groupOf, mergeCoverage, type CoverageReport, type StaticMap } from '../../src/coverage/coverage.js';

const STATIC: StaticMap = {
  'setuptools/build_meta.py': { lines: [1, 2, 3, 4, 5, 6, 10, 11, 12], functions: [['build_sdist', 2, [3, 4]], ['legacy', 5, [6]], ['Cls.method', 10, [11, 12]]] },
  'setuptools/command/sdist.py': { lines: [1, 2, 3, 4], functions: [] },
  'setuptools/_distutils/command/build.py': { lines: [1, 2], functions: [] },
  'setuptools/monkey.py': { lines: [1], functions: [] },
};
const base = { label: 'setuptools 80.9.0', family: 'setuptools' as const, python: '/py', method: 'sys.settrace', roots: ['/site/setuptools'], responses: 2 };

function report(reached: Record<string, number[]>): CoverageReport {
  const m = new Map(Object.entries(reached).map(([k, v]) => [k, new Set(v)]));
  return { format: 'twinbuild-coverage', formatVersion: 1, backends: [backendCoverage(base, STATIC, m)] };
}

describe('backend coverage report', () => {
  it('counts reached / executable per file, group, build path; lists never-reached lines and never-entered functions', () => {
    const b = report({ 'setuptools/build_meta.py': [1, 2, 3, 99], 'setuptools/command/sdist.py': [1, 2, 3, 4] }).backends[0]!;
    const meta = b.files.find((f) => f.path === 'setuptools/build_meta.py')!;
    expect(meta).toMatchObject({ reached: 3, executable: 9, reachedLines: [1, 2, 3], neverReached: [4, 5, 6, 10, 11, 12] }); // 99 is not executable
    expect(meta.functionsNeverEntered.map((f) => f.name)).toEqual(['legacy', 'Cls.method']);
    expect(b.total).toEqual({ reached: 7, executable: 16 });
    expect(b.buildPath).toMatchObject({ reached: 7, executable: 13 }); // build_meta + command/, not _distutils or monkey
    expect(b.groups).toEqual([
      { group: 'setuptools', reached: 3, executable: 10 },
      { group: 'setuptools/_distutils', reached: 0, executable: 2 },
      { group: 'setuptools/command', reached: 4, executable: 4 },
    ]);
    expect(groupOf('setuptools/_distutils/command/build.py')).toBe('setuptools/_distutils');
    const text = formatCoverage({ format: 'twinbuild-coverage', formatVersion: 1, backends: [b] });
    expect(text[0]).toBe('backend coverage of setuptools 80.9.0 (sys.settrace, 2 traced calls): lines reached / executable');
    expect(text).toContain('  total                                   7 / 16      43.8%');
    expect(text).toContain('  setuptools/command/                     4 / 4      100.0%');
  });

  it('merges reports: a line is reached when any run reached it; functions entered by either leave the list', () => {
    const a = report({ 'setuptools/build_meta.py': [1, 2, 3] });
    const b = report({ 'setuptools/build_meta.py': [1, 11], 'setuptools/monkey.py': [1] });
    const m = mergeCoverage([a, b]).backends[0]!;
    const meta = m.files.find((f) => f.path === 'setuptools/build_meta.py')!;
    expect(meta.reachedLines).toEqual([1, 2, 3, 11]);
    expect(meta.neverReached).toEqual([4, 5, 6, 10, 12]);
    expect(meta.functionsNeverEntered.map((f) => f.name)).toEqual(['legacy']);
    expect(m.total).toEqual({ reached: 5, executable: 16 });
    expect(m.responses).toBe(4);
  });

  it('a backend where tracing was impossible: said once, reported without files; a later worker that traces still counts', () => {
    const notes: string[] = [];
    const book = new CoverageBook((t) => notes.push(t));
    const sink = book.sink({ label: 'x', python: '/py', family: 'hatchling', version: '1.27.0' });
    expect(sink.module).toBe('hatchling');
    sink.started({ method: 'sys.settrace', roots: [], unavailable: 'another trace function is installed', lines: {} });
    sink.started({ method: 'sys.settrace', roots: [], unavailable: 'another trace function is installed', lines: {} });
    expect(notes).toEqual(['x: no backend coverage: another trace function is installed; the run goes on without it']);
  });

  it('the book counts distinct lines reached, every backend together, and says whether any backend is traced (--guide coverage)', () => {
    const book = new CoverageBook();
    expect(book.traced()).toBe(false); // no worker yet
    const untraced = book.sink({ label: 'x', python: '/py', family: 'hatchling', version: '1.27.0' });
    untraced.started({ method: 'sys.settrace', roots: [], unavailable: 'another trace function is installed', lines: {} });
    expect(book.traced()).toBe(false);
    const st = book.sink({ label: 'setuptools 80.9.0', python: '/py', family: 'setuptools', version: '80.9.0' });
    st.started({ method: 'sys.settrace', roots: ['/site/setuptools'], unavailable: null, lines: { 'setuptools/build_meta.py': [1, 2] } });
    expect(book.traced()).toBe(true);
    expect(book.linesReached()).toBe(2);
    st.add({ 'setuptools/build_meta.py': [2, 3], 'setuptools/monkey.py': [1] });
    expect(book.linesReached()).toBe(4); // line 2 again is not new
    st.add({ 'setuptools/build_meta.py': [1, 3] });
    expect(book.linesReached()).toBe(4);
    // The same line numbers of another backend's files are other lines.
    const hl = book.sink({ label: 'hatchling 1.27.0', python: '/py2', family: 'hatchling', version: '1.27.0' });
    hl.started({ method: 'sys.settrace', roots: ['/site/hatchling'], unavailable: null, lines: { 'setuptools/build_meta.py': [1] } });
    expect(book.linesReached()).toBe(5);
  });

  it('the book turns worker lines (import and calls) into a report with the static map', async () => {
    const book = new CoverageBook();
    const sink = book.sink({ label: 'setuptools 80.9.0', python: '/py', family: 'setuptools', version: '80.9.0' });
    sink.started({ method: 'sys.settrace', roots: ['/site/setuptools'], unavailable: null, lines: { 'setuptools/build_meta.py': [1, 2] } });
    sink.add({ 'setuptools/build_meta.py': [3], 'setuptools/monkey.py': [1] });
    const r = await book.report(async (python, roots) => {
      expect([python, roots]).toEqual(['/py', ['/site/setuptools']]);
      return STATIC;
    });
    expect(r.backends[0]!.total).toEqual({ reached: 4, executable: 16 });
    expect(r.backends[0]!.responses).toBe(1);
  });
});

describe('comparison with a coverage.py run', () => {
  it('matches measured paths by the package part and counts only-twinbuild / only-other / both', () => {
    const known = new Set(Object.keys(STATIC));
    expect(matchPath('/tmp/coverage-st/setuptools-80.9.0/setuptools/build_meta.py', known, ['setuptools'])).toBe('setuptools/build_meta.py');
    expect(matchPath('/v/lib/python3.11/site-packages/setuptools/command/sdist.py', known, ['setuptools'])).toBe('setuptools/command/sdist.py');
    expect(matchPath('/v/site-packages/setuptools/tests/test_sdist.py', known, ['setuptools'])).toBeUndefined();
    const ours = report({ 'setuptools/build_meta.py': [1, 2, 3], 'setuptools/command/sdist.py': [1, 2] }).backends[0]!;
    const c = compareCoverage(ours, {
      '/src/setuptools-80.9.0/setuptools/build_meta.py': [1, 5, 6, 10, 11],
      '/src/setuptools-80.9.0/setuptools/tests/test_sdist.py': [1, 2],
      '/src/setuptools-80.9.0/setuptools/command/sdist.py': [2, 3, 77],
    });
    expect(c.matchedFiles).toBe(2);
    expect(c.unmatchedFiles).toBe(1);
    expect(c.total).toEqual({ onlyTwinbuild: 3, onlyOther: 5, both: 2, executable: 16 });
    expect(c.buildPath).toEqual({ onlyTwinbuild: 3, onlyOther: 5, both: 2, executable: 13 });
    const meta = c.files.find((f) => f.path === 'setuptools/build_meta.py')!;
    expect(meta.functionsOnlyOther).toEqual([
      { name: 'legacy', line: 5, lines: 1 },
      { name: 'Cls.method', line: 10, lines: 1 },
    ]);
    const text = formatComparison(c, 'tests');
    expect(text[0]).toBe('setuptools 80.9.0: twinbuild vs tests (2 files matched, 1 other measured files ignored); lines:');
    expect(text).toContain('  build path                           5       7       3       5       2      13');
    expect(text.some((l) => l.includes('setuptools/build_meta.py:5') && l.includes('legacy (1)'))).toBe(true);
  });
});
