import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/jsonReport.js';
import { readJson, tempDir, twinbuild } from './cli.js';

/** The releases .ci/run installs: `fuzz` runs on each (a family-wide refusal would be a usage error). */
const SPECS = ['setuptools==80.9.0', 'hatchling==1.27.0', 'flit==3.12.0', 'poetry==1.9.1', 'poetry==2.5.0', 'pdm==2.5.0', 'uv==0.7.20', 'uv==0.13.6'];

describe('fuzz runs with every family', () => {
  it.each(SPECS)('%s: spec property, 3 projects', { timeout: 300_000 }, async (spec) => {
    const dir = await tempDir();
    const report = join(dir, 'report.json');
    const r = await twinbuild(['fuzz', '--a', spec, '--property', 'spec', '--runs', '3', '--seed', '1', '--corpus', join(dir, 'corpus'), '--report', report, '--no-progress']);
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr).not.toContain('cannot write projects');
    expect([0, 1], r.stderr).toContain(r.exitCode);
    const rep = await readJson<JsonReport>(report);
    expect(rep.runs).toBe(3);
    expect(rep.stats.rejected.a).toBe(0);
  });

  it('a release no project can be written for is a usage error, not an endless search', { timeout: 300_000 }, async () => {
    const r = await twinbuild(['fuzz', '--a', 'pdm==1.1.2', '--property', 'spec', '--runs', '3', '--seed', '1', '--no-progress'], { timeoutMs: 240_000 });
    expect(r.exitCode, r.stderr).toBe(2);
    expect(r.stderr).toContain('twinbuild cannot write projects for pdm-pep517 1.1.2');
  });
});
