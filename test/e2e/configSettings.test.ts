/**
 * config_settings reach every hook of a real backend: setuptools 80.9.0 takes
 * `--build-option=--python-tag=py39` and tags its wheel py39. Given to one
 * side (`,config=`) it is a finding, recorded in the corpus file's spec and
 * reproduced by replay; given to both (`-C`) the two sides agree.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETUPTOOLS, readJson, tempDir, twinbuild } from './cli.js';

describe('config settings', () => {
  it('one side with config=: a wheel-tag finding, recorded and replayed; -C on both sides: none', { timeout: 600_000 }, async () => {
    const dir = await tempDir();
    const corpus = join(dir, 'corpus');
    const b = `${SETUPTOOLS},config=--build-option=--python-tag=py39`;
    const r = await twinbuild(['fuzz', '--a', SETUPTOOLS, '--b', b, '--runs', '1', '--seed', '1', '--corpus', corpus, '--no-progress']);
    expect(r.exitCode, r.stderr).toBe(1);
    expect(r.stdout).toContain('wheel filenames differ (a-0-py3-none-any.whl vs a-0-py39-none-any.whl)');
    const [file] = readdirSync(corpus);
    const saved = await readJson<{ backends: { b: { spec: string } } }>(join(corpus, file!));
    expect(saved.backends.b.spec).toBe(b);
    const replay = await twinbuild(['replay', join(corpus, file!)]);
    expect(replay.exitCode, replay.stderr).toBe(1);
    expect(replay.stdout).toMatch(/^reproduced/m);

    const both = await twinbuild(['fuzz', '--a', SETUPTOOLS, '--b', SETUPTOOLS, '-C--build-option=--python-tag=py39', '--runs', '1', '--seed', '1', '--corpus', join(dir, 'c2'), '--no-progress']);
    expect(both.exitCode, both.stdout + both.stderr).toBe(0);
  });
});
