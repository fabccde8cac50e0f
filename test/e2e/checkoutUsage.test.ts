/**
 * Bad input for backends under development and project configuration: each a
 * clear one-line error and exit 2, with nothing left behind (no corpus
 * folder, no environment, no report).
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, twinbuild } from './cli.js';

describe('bad input: checkouts and project configuration', () => {
  it.each([
    ['a checkout that is not a backend', { 'co/pyproject.toml': '[project]\nname = "requests"\nversion = "1"\n' }, ['--a', 'hatchling@co'], /^twinbuild: @co: .*co is a checkout of requests, not of hatchling \(the hatchling family\)$/m],
    ['a missing folder', {}, ['--a', 'setuptools@missing-dir'], /^twinbuild: @missing-dir: no such file or directory/m],
    ['an unknown config key', { 'pyproject.toml': '[tool.twinbuild.fuzz]\na = "setuptools"\nnightly = true\n' }, [], /^twinbuild: .*pyproject.toml \[tool.twinbuild.fuzz\]: unknown key "nightly"/m],
    ['a flag outside a command table', { 'twinbuild.toml': 'runs = "5"\n' }, ['--a', 'setuptools'], /^twinbuild: .*twinbuild.toml: unknown key "runs": put each command's flags in its own table/m],
  ])('%s', { timeout: 120_000 }, async (_what, files, args, message) => {
    const dir = await tempDir();
    await mkdir(join(dir, '.git'));
    for (const [rel, text] of Object.entries(files)) {
      await mkdir(join(dir, rel, '..'), { recursive: true });
      await writeFile(join(dir, rel), text);
    }
    const before = (await readdir(dir)).sort();
    const home = join(dir, '.home');
    const r = await twinbuild(['fuzz', ...args, '--property', 'spec', '--runs', '1', '--report', 'r.json'], { cwd: dir, env: { TWINBUILD_HOME: home } });
    expect(r.exitCode, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr.trim().split('\n').filter((l) => l.startsWith('twinbuild: ') && !l.includes(': using Python')).length).toBeLessThanOrEqual(2);
    expect((await readdir(dir)).filter((n) => n !== '.home').sort()).toEqual(before);
    expect(existsSync(join(home, 'envs'))).toBe(false);
  });
});
