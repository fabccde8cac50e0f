import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIFFERENCE_KINDS } from '../../src/report/docsLink.js';
import { sarifLog } from '../../src/report/sarif.js';
import { sampleReport } from './sampleReport.js';
import { validateSarif as validate } from './sarifSchema.js';

interface Log {
  runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri?: string; uriBaseId: string } } }[]; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
}

describe('SARIF 2.1.0', () => {
  it('validates against the official schema, with and without findings', () => {
    const log = sarifLog(sampleReport());
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(validate(sarifLog({ ...sampleReport(), findings: [], outcome: 'passed' }))).toBe(true);
  });

  it('the validator is not a rubber stamp: a log breaking the schema fails', () => {
    const log = sarifLog(sampleReport()) as { version: string; runs: { results: { message: unknown }[] }[] };
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
    log.runs[0]!.results[0]!.message = 'not an object';
    expect(validate(log)).toBe(false);
  });

  it('one rule per spec code and per difference kind, each with a helpUri to its docs page; results point at the artifact member', () => {
    const r = sampleReport();
    const log = sarifLog(r) as Log;
    const run = log.runs[0]!;
    const ids = run.tool.driver.rules.map((x) => x.id);
    const expected = [...new Set(r.findings.flatMap((f) => f.differences.map((d) => d.code ?? `difference/${d.kind}`)))].sort();
    expect(ids).toEqual(expected);
    for (const rule of run.tool.driver.rules) {
      if (rule.id.startsWith('difference/')) expect(rule.helpUri).toMatch(new RegExp(`docs/differences\\.md#${rule.id.slice('difference/'.length)}$`));
      else expect(rule.helpUri).toMatch(new RegExp(`docs/rules/${rule.id}\\.md$`));
    }
    expect(run.results).toHaveLength(r.findings.reduce((n, f) => n + f.differences.length, 0));
    const diffs = r.findings.flatMap((f) => f.differences);
    run.results.forEach((res, i) => {
      expect(run.tool.driver.rules[res.ruleIndex]!.id).toBe(res.ruleId);
      const loc = res.locations[0]!.physicalLocation.artifactLocation;
      expect(loc.uriBaseId).toBe(diffs[i]!.artifact.toUpperCase());
      if (diffs[i]!.path) expect(decodeURI(loc.uri!)).toBe(diffs[i]!.path);
    });
  });

  it('every difference kind has a section in docs/differences.md, and every spec code its page', () => {
    const doc = readFileSync(fileURLToPath(new URL('../../docs/differences.md', import.meta.url)), 'utf8');
    for (const k of DIFFERENCE_KINDS) expect(doc).toMatch(new RegExp(`^## ${k}$`, 'm'));
    for (const f of sampleReport().findings) for (const d of f.differences) if (d.code) readFileSync(fileURLToPath(new URL(`../../docs/rules/${d.code}.md`, import.meta.url)));
  });

  it('a spec-problem difference gets the rule of its check code (helpUri docs/rules/CODE.md), still valid SARIF', () => {
    const r = sampleReport();
    r.findings[0]!.differences.push({ artifact: 'wheel', kind: 'spec-problem', path: '{dist-info}/RECORD', code: 'W011', b: 'pkg/mod.py is not listed in RECORD' });
    const log = sarifLog(r) as Log;
    expect(validate(log)).toBe(true);
    const rule = log.runs[0]!.tool.driver.rules.find((x) => x.id === 'W011');
    expect(rule?.helpUri).toMatch(/docs\/rules\/W011\.md$/);
    expect(log.runs[0]!.results.some((x) => x.ruleId === 'W011')).toBe(true);
  });

  it('a member built from a project file names that file as a related location', () => {
    const r = sampleReport();
    const f = r.findings[0]!;
    f.project.files['src/pkg/data.json'] = '{}';
    f.differences = [{ artifact: 'wheel', kind: 'only-in-a', path: 'pkg/data.json', a: '2 bytes of text' }];
    const res = (sarifLog({ ...r, findings: [f] }) as Log).runs[0]!.results[0]!;
    expect(res.relatedLocations?.[0]?.physicalLocation.artifactLocation.uri).toBe('src/pkg/data.json');
  });
});
