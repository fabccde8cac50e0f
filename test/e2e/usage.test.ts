import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { FAKE_BACKENDS } from '../helpers.js';
import { join } from 'node:path';
import { packageFile } from '../../src/_internals/packageRoot.js';
import { describe, expect, it } from 'vitest';
import { tempDir, twinbuild } from './cli.js';

describe('bad input gets a clear error and exit code 2', () => {
  it.each([
    [['fuzz'], /needs --a/],
    [['fuzz', '--a', 'setuptools', '--bogus'], /Unknown option '--bogus'/],
    [['fuzz', '--a', 'nosuchfamily'], /nosuchfamily/],
    [['fuzz', '--a', 'setuptools', '--b', 'hatchling', '--runs', 'many'], /--runs must be a whole number/],
    [['fuzz', '--a', 'setuptools', '--b', 'hatchling', '--time', '10 minutes'], /invalid duration/],
    [['fuzz', '--a', 'setuptools', '--b', 'hatchling', '--property', 'nonsense'], /unknown property "nonsense"/],
    [['fuzz', '--a', 'setuptools', '--property', 'diff'], /give --b SPEC/],
    [['fuzz', '--a', 'setuptools', '--b', 'hatchling', '--shard', '3/2'], /--shard must be I\/N/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['replay'], /replay takes one corpus file/],
    [['replay', '/nonexistent/corpus'], /no such corpus file or folder/],
  ])('twinbuild %j', async (args, message) => {
    const r = await twinbuild(args as string[]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toContain('twinbuild: internal error');
  });

  it('a backend that asks for a requirement the environment lacks: an environment error naming it, no finding', { timeout: 120_000 }, async () => {
    const dir = await tempDir();
    const fake = (o: string): string => `setuptools,backend=tb_fake:${o},path=${FAKE_BACKENDS},python=/usr/bin/python3`;
    const r = await twinbuild(['fuzz', '--a', fake('needs_missing'), '--b', fake('ok'), '--runs', '5', '--seed', '1', '--corpus', join(dir, 'corpus'), '--no-progress']);
    expect(r.stderr).not.toContain('twinbuild: internal error');
    expect(r.exitCode, r.stderr).toBe(2);
    expect(r.stderr).toContain('asks for twinbuild-absent-requirement>=1.0 (get_requires_for_build_*)');
    // A requirement whose marker does not apply is not missing.
    expect(r.stderr).not.toContain('six');
    expect(r.stderr).toMatch(/install twinbuild-absent-requirement>=1\.0 for \/usr\/bin\/python3/);
    expect(r.stdout).not.toContain('FINDING');
    expect(existsSync(join(dir, 'corpus'))).toBe(false);
  });

  it('a corrupt corpus file is named in the error, and nothing runs', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'z-other.json'), '{}');
    await writeFile(join(dir, 'broken.json'), '{"format": "twinbuild-corpus", ');
    const r = await twinbuild(['replay', dir]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/broken\.json is not JSON/);
  });

  it('a corpus file of a newer format version asks for an upgrade', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'new.json'), JSON.stringify({ format: 'twinbuild-corpus', formatVersion: 99 }));
    const r = await twinbuild(['replay', join(dir, 'new.json')]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/new\.json: formatVersion is 99, newer than this twinbuild reads/);
  });

  it('--help prints the usage and exits 0', async () => {
    const r = await twinbuild(['--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('twinbuild fuzz --a SPEC');
  });
});

describe('a saved counterexample the run cannot replay loses nothing', () => {
  // A package and a module side by side: flit-core's configuration names one top-level import only.
  it('skips a saved project a backend of the run cannot express, names it, and leaves the file as it was', { timeout: 300_000 }, async () => {
    const dir = await tempDir();
    const corpus = join(dir, 'corpus');
    await mkdir(corpus);
    const saved = join(corpus, 'two-top-level-names.json');
    await copyFile(packageFile('corpus', 'live', 'pdm-backend-2.5-editable-package-and-module.json'), saved);
    const before = await readFile(saved, 'utf8');
    const r = await twinbuild(['fuzz', '--a', 'flit==3.12.0', '--property', 'install', '--runs', '2', '--seed', '1', '--corpus', corpus, '--no-progress']);
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr).not.toContain('cannot express this project');
    expect(r.stderr).toContain('skipped 1 saved counterexample(s) a backend of this run cannot express: two-top-level-names.json');
    expect(r.exitCode, r.stderr).toBe(0);
    expect(await readFile(saved, 'utf8')).toBe(before);
  });
});
