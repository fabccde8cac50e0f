import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCorpusFile } from '../../src/corpus/store.js';
import { HATCHLING, readJson, tempDir, twinbuild } from './cli.js';

const SCENARIOS = fileURLToPath(new URL('../../corpus/scenarios/', import.meta.url));

interface ReplayReport {
  results: { file: string; status: string; property: string }[];
}

describe("the scenarios of setuptools' own backend tests, kept as named corpus entries", () => {
  it('every entry is a valid named corpus file that must pass', async () => {
    const files = (await readdir(SCENARIOS)).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const f of files) {
      const e = await loadCorpusFile(join(SCENARIOS, f));
      expect(e.name).toBe(f.replace(/\.json$/, ''));
      expect(e.expect).toBe('pass');
    }
  });

  it('replaying them all: each holds (build_meta and __legacy__ agree; the configuration styles agree)', { timeout: 900_000 }, async () => {
    const dir = await tempDir();
    const report = join(dir, 'replay.json');
    const r = await twinbuild(['replay', SCENARIOS, '--report', report]);
    expect(r.stderr).not.toContain('internal error');
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    const rep = await readJson<ReplayReport>(report);
    const files = (await readdir(SCENARIOS)).filter((f) => f.endsWith('.json'));
    expect(rep.results).toHaveLength(files.length);
    expect(rep.results.filter((x) => x.status !== 'holds')).toEqual([]);
    expect(new Set(rep.results.map((x) => x.property))).toEqual(new Set(['diff', 'config']));
  });

  it('a scenario replayed against a backend that builds it differently has regressed (exit 1)', { timeout: 300_000 }, async () => {
    const r = await twinbuild(['replay', join(SCENARIOS, 'setup-cfg-only.json'), '--b', HATCHLING]);
    expect(r.stderr).not.toContain('internal error');
    expect(r.exitCode, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^regressed \(now [0-9a-f]+\)/m);
  });
});
