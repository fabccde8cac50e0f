import { describe, expect, it } from 'vitest';
import type { Changelog } from '../../src/fuzz/changes.js';
import type { Finding } from '../../src/fuzz/types.js';
import { changelogMarkdown, changelogReport, codeSpan, modelSketch } from '../../src/report/changelog.js';

const model = { name: 'Aa', version: '0', description: null, dependencies: [], layout: 'flat' as const, packages: [], modules: [{ name: 'a' }], licenseFiles: [{ path: 'LICENSE', content: 'x' }] } as never;
const log: Changelog = {
  family: 'setuptools',
  from: '66.1.1',
  to: '80.9.0',
  releases: ['68.0.0', '69.0.0', '80.9.0'],
  changes: [
    { atom: 'sdist:filename', signature: 'diff|sdist:filename', signatureId: 'abc', model, firstRelease: '69.0.0', lastGood: '68.0.0', checks: 3, finding: { summary: 'name', baseline: true, shrinkComplete: true } as Finding },
    { atom: 'wheel:content:dist-info/METADATA[A|B]', signature: 'x', signatureId: 'def', model, firstRelease: null, lastGood: null, checks: 1, note: 'the good version 66.1.1 already shows the behaviour', finding: { summary: 's', shrinkComplete: false } as Finding },
  ],
};

describe('changelog', () => {
  it('renders a Markdown table: change, minimal project, first release', () => {
    const md = changelogMarkdown(log);
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    expect(rows[0]).toBe('| change | minimal project | first release |');
    expect(rows[1]).toBe('| --- | --- | --- |');
    expect(rows[2]).toBe('| `sdist:filename` (baseline) | Aa 0; module a; licenseFiles [{"path":"LICENSE","content":"x"}] | 69.0.0 (last good 68.0.0) |');
    expect(rows[3]).toContain('METADATA[A\\|B]');
    expect(rows[3]).toContain('not bisected: the good version 66.1.1 already shows');
    expect(md).toContain('2 change(s) over 3 release(s).');
  });
  it('the JSON keeps every change with its model and first release', () => {
    const r = changelogReport(log, { version: '0.1.0', seed: 1 });
    expect(r.command).toBe('changes');
    expect(r.changes.map((c) => [c.atom, c.firstRelease, c.baseline])).toEqual([
      ['sdist:filename', '69.0.0', true],
      ['wheel:content:dist-info/METADATA[A|B]', null, false],
    ]);
    expect(r.changes[1]!.note).toMatch(/already shows/);
    expect(r.changes[0]!.model).toBe(model);
  });
  it('fences an atom holding backticks (a build failure quoting `code`) with longer ones', () => {
    expect(codeSpan('sdist:filename')).toBe('`sdist:filename`');
    expect(codeSpan('build-failed:b:0: `project.license` is not valid')).toBe('``build-failed:b:0: `project.license` is not valid``');
    expect(codeSpan('a ``b`` `c`')).toBe('``` a ``b`` `c` ```');
  });
  it('sketches a long field shortly', () => {
    expect(modelSketch({ ...(model as object), keywords: ['k'.repeat(60)] } as never)).toMatch(/keywords \["k+…$/);
  });
});
