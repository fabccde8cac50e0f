/**
 * The live defects in corpus/live/ (docs/live-bugs.md, docs/installed.md) still
 * reproduce with the releases they were recorded with.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { tempDir, twinbuild } from './cli.js';

const LIVE = fileURLToPath(new URL('../../corpus/live/', import.meta.url));

describe('the live findings in corpus/live/ reproduce', () => {
  it('every saved problem shows again with its recorded release', { timeout: 600_000 }, async () => {
    const saved = readdirSync(LIVE).filter((n) => n.endsWith('.json')).length;
    expect(saved).toBeGreaterThanOrEqual(10);
    const r = await twinbuild(['replay', LIVE]);
    expect(r.stderr).not.toContain('internal error');
    expect(r.stdout).toContain(`${saved} reproduced, 0 changed, 0 fixed, 0 rejected`);
    expect(r.stdout).toMatch(/editable:missing-file/);
    expect(r.stdout).toMatch(/purelib\/\.gitignore/);
    expect(r.stdout).toMatch(/installed wheel: metadata Requires-Dist/);
    expect(r.stdout).toMatch(/editable:build-failed: exception: pdm.backend.exceptions.ConfigError: Can't specify/);
    // uv_build exits with SystemExit(1): the reason it printed on stderr is part of the finding.
    expect(r.stdout).toMatch(/uv-build-0\.13-lowercase-license-id-refused\.json +sdist builds with one backend only \(built a-0\.tar\.gz \| system-exit: SystemExit: 1 \(stderr: /);
    expect(r.exitCode).toBe(1);
  });
});

describe('the reproducer of an install finding', () => {
  it('builds, installs with pip and probes with plain Python, and shows the problem', { timeout: 300_000 }, async () => {
    const dir = join(await tempDir(), 'case');
    const r = await twinbuild(['replay', join(LIVE, 'pdm-backend-2.5-editable-ships-gitignore.json'), '--materialize', dir]);
    expect(r.stderr).not.toContain('internal error');
    expect(existsSync(join(dir, 'probe_installed.py'))).toBe(true);
    const sh = await execa('sh', [join(dir, 'reproduce.sh')], { reject: false });
    expect(sh.stdout).toContain('installed, not in the project: site-packages/.gitignore');
    expect(sh.stdout).toContain('1 problem(s) seen once installed');
    expect(sh.exitCode).toBe(1);
  });
});
