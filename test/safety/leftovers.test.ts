/**
 * Real backends (the versions the e2e tests pin), every property, then a
 * replay: no twinbuild-* folder is left in the run's TMPDIR, no process of
 * the run survives, and a second run finds the same empty TMPDIR.
 */
import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { HATCHLING, SETUPTOOLS } from '../e2e/cli.js';
import { expectNothingLeft, killStrayClis, readReport, runCli, sandbox, type Sandbox } from './harness.js';

let sb: Sandbox | undefined;
afterAll(async () => {
  killStrayClis();
  await sb?.cleanup();
});

describe('nothing left behind by real builds', () => {
  it('the properties that make temporary folders of their own, with setuptools and hatchling, then a replay of the corpus', async () => {
    sb = await sandbox();
    const props = ['diff', 'metadata', 'reproducible'].flatMap((p) => ['--property', p]);
    // The state folder on their import paths changes nothing for the backends, but names their workers.
    const [a, b] = [`${SETUPTOOLS},path=${sb.state}`, `${HATCHLING},path=${sb.state}`];
    const r = await runCli(['fuzz', '--a', a, '--b', b, ...props, '--runs', '1', '--time', '12s', '--seed', '5', '--corpus', sb.corpus, '--report', sb.report, '--no-progress'], sb);
    expect(r.stderr).not.toContain('internal error');
    expect([0, 1]).toContain(r.exitCode);
    const rep = await readReport(sb);
    expect(rep.stats.builds).toBeGreaterThan(0);
    expect(expectNothingLeft(sb)).toEqual({ leftovers: [], processes: [] });
    if (rep.findings.length > 0) {
      const again = await runCli(['replay', sb.corpus, '--a', a, '--b', b], sb);
      expect([0, 1]).toContain(again.exitCode);
    }
    expect(readdirSync(sb.tmp)).toEqual([]);
  });
});
