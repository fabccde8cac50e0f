import { describe, expect, it } from 'vitest';
import { githubAnnotations } from '../../src/report/github.js';
import { junitXml } from '../../src/report/junit.js';
import { sampleReport } from './sampleReport.js';

describe('JUnit: test cases carry their own durations', () => {
  it('a test case per property timed with its own time, and one per finding timed with the finding\'s', () => {
    const r = sampleReport();
    r.propertyMs = { diff: 42_000 };
    r.findings.forEach((f, i) => (f.ownMs = 1000 * (i + 2) + 5));
    const xml = junitXml(r);
    expect(xml).toMatch(/<testcase classname="twinbuild.diff" name="diff: [^"]*" time="42.000">/);
    for (const [i, f] of r.findings.entries()) {
      expect(xml).toMatch(new RegExp(`<testcase classname="twinbuild.diff.finding" name="${f.signature}: [^"]*" time="${i + 2}.005">\\s*<failure `));
    }
    expect(xml).toContain(`tests="${1 + r.findings.length}" failures="${1 + r.findings.length}"`);
    expect(xml).toContain(`<testsuite name="twinbuild" tests="4" failures="4" errors="0" time="61.000">`);
  });

  it('an older report without the times falls back to the run duration and shrink times', () => {
    const r = sampleReport();
    delete r.propertyMs;
    r.findings.forEach((f) => delete f.ownMs);
    const xml = junitXml(r);
    expect(xml).toMatch(/classname="twinbuild.diff" name="[^"]*" time="61.000"/);
    expect(xml).toMatch(/classname="twinbuild.diff.finding" name="[^"]*" time="0.500"/);
  });
});

describe('GitHub annotations name the project file to blame', () => {
  it('file= when a differing member is built from a file of the minimal project, none for generated files', () => {
    const r = sampleReport();
    const f = r.findings[0]!;
    f.project.files['src/pkg/data.json'] = '{}';
    f.differences = [
      { artifact: 'wheel', kind: 'content', path: '{dist-info}/METADATA', diff: '' },
      { artifact: 'wheel', kind: 'only-in-a', path: 'pkg/data.json' },
    ];
    const lines = githubAnnotations(r);
    expect(lines[0]).toMatch(/^::error file=src\/pkg\/data.json,title=twinbuild diff /);
    expect(lines[1]).toMatch(/^::error title=/); // the sdist name finding: no project file to blame
  });
});
