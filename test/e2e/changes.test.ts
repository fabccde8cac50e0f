/**
 * Issue #13: `twinbuild changes` over two real adjacent hatchling releases
 * on the index (1.25.0 → 1.27.0: only 1.26.3 between, 1.26.1 being yanked)
 * on a tiny budget. Each change the smallest projects show is bisected to
 * its own first release: the WHEEL Generator changes with every release
 * (1.26.3), Metadata-Version 2.4 (PEP 639) arrives in 1.27.0 only, in PKG-INFO
 * and METADATA alike (one core-metadata change, src/compare/atoms.ts).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChangelogReport } from '../../src/report/changelog.js';
import { readJson, tempDir, twinbuild } from './cli.js';

describe('twinbuild changes', () => {
  it('bisects each change between two hatchling releases to its first release', async () => {
    const dir = await tempDir();
    const report = join(dir, 'changes.json');
    const r = await twinbuild(['changes', '--family', 'hatchling', '--from', '1.25.0', '--to', '1.27.0', '--runs', '2', '--seed', '3', '--shrink-time', '30s', '--report', report]);
    expect(r.stderr).not.toContain('internal error');
    expect(r.exitCode).toBe(0);
    const rep = await readJson<ChangelogReport>(report);
    expect(rep.releases).toEqual(['1.26.3', '1.27.0']);
    const first = Object.fromEntries(rep.changes.map((c) => [c.atom, c.firstRelease]));
    expect(first['core-metadata[Metadata-Version]']).toBe('1.27.0');
    // The same field changed the same way in both copies is that one change, not one per file.
    expect(first['wheel:content:dist-info/METADATA[Metadata-Version]']).toBeUndefined();
    expect(first['sdist:content:PKG-INFO[Metadata-Version]']).toBeUndefined();
    expect(first['wheel:content:dist-info/WHEEL[Generator]']).toBe('1.26.3');
    // One change per atom, and the Markdown table on stdout names each with its first release.
    expect(new Set(rep.changes.map((c) => c.atom)).size).toBe(rep.changes.length);
    expect(r.stdout).toContain('| change | minimal project | first release |');
    expect(r.stdout).toMatch(/`core-metadata\[Metadata-Version\]` \(baseline\) \| .* \| 1\.27\.0 \(last good 1\.26\.3\) \|/);
  }, 600_000);

  it('refuses a release the index does not offer, saying why', async () => {
    const r = await twinbuild(['changes', '--family', 'hatchling', '--from', '1.26.1', '--to', '1.27.0', '--runs', '1']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('hatchling 1.26.1 is not a release the package index offers');
  }, 180_000);
});
