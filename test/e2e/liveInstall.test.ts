/**
 * The real problems the `install` property found in the latest releases
 * (corpus/live/, docs/findings.md) still reproduce with those releases.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { twinbuild } from './cli.js';

const LIVE = fileURLToPath(new URL('../../corpus/live/', import.meta.url));

describe('install findings in corpus/live/ reproduce', () => {
  it('every saved problem shows again with its recorded release', { timeout: 300_000 }, async () => {
    const r = await twinbuild(['replay', LIVE]);
    expect(r.stderr).not.toContain('internal error');
    expect(r.stdout).toContain('3 reproduced, 0 changed, 0 fixed, 0 rejected');
    expect(r.stdout).toMatch(/editable:missing-file/);
    expect(r.stdout).toMatch(/purelib\/\.gitignore/);
    expect(r.stdout).toMatch(/editable:build-failed: exception: pdm.backend.exceptions.ConfigError: Can't specify/);
    expect(r.exitCode).toBe(1);
  });
});
