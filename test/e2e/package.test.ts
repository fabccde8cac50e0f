/**
 * The npm package works without this checkout: `npm pack` (of the dist/
 * that `npm test` built), the tarball installed with npm into an empty
 * folder, then, from that folder only, `npx twinbuild --version`,
 * `backends`, a short fuzz run (Debian's setuptools on both sides), and the
 * library entry (`import { fuzzProperty } from 'twinbuild'`, with its
 * types).
 */
import { readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { readJson, tempDir } from './cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SPEC = 'setuptools,python=/usr/bin/python3';

describe('the npm package', () => {
  it('packs the CLI, its Python scripts and the library entry (not the tests); installed elsewhere it runs', async () => {
    const out = await tempDir('twinbuild-pack-');
    // --ignore-scripts: dist/ is already built (npm test compiles first); pack it as it is.
    const pack = await execa('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', out], { cwd: ROOT });
    const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    const paths = info!.files.map((f) => f.path);
    for (const p of ['bin/twinbuild.js', 'dist/src/cli/main.js', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/generators/projectModel.js', 'src/build/_python/hook_worker.py', 'src/build/_python/hook_forked.py', 'src/build/_python/messages.schema.json', 'src/corpus/_python/reproduce.py', 'package.json', 'README.md']) {
      expect(paths, p).toContain(p);
    }
    expect(paths.some((p) => p.startsWith('docs/rules/'))).toBe(true);
    expect(paths.some((p) => p.startsWith('corpus/scenarios/'))).toBe(true);
    for (const prefix of ['test/', 'bench/', 'dist/bench/', 'src/cli/', '.ci/']) expect(paths.filter((p) => p.startsWith(prefix)), prefix).toEqual([]);

    // An empty folder: the tarball and npm, nothing of this checkout.
    const app = await tempDir('twinbuild-user-');
    await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'user-app', version: '1.0.0', private: true, type: 'module' }));
    await execa('npm', ['install', '--no-audit', '--no-fund', '--omit=dev', join(out, info!.filename)], { cwd: app, timeout: 10 * 60_000 });
    const env = { CI: 'true', TWINBUILD_TMPDIR: '', NODE_PATH: '' };
    const run = (cmd: string, args: string[]) => execa(cmd, args, { cwd: app, env, reject: false, timeout: 10 * 60_000 });

    const version = await run('npx', ['--no-install', 'twinbuild', '--version']);
    expect(version.exitCode, version.stderr).toBe(0);
    expect(version.stdout.trim()).toBe(((await readJson<{ version: string }>(join(ROOT, 'package.json'))).version));
    const installed = join(app, 'node_modules', 'twinbuild');
    expect(readdirSync(installed).sort()).toEqual(['README.md', 'action.yml', 'bin', 'corpus', 'dist', 'docs', 'package.json', 'src']);

    const backends = await run('npx', ['--no-install', 'twinbuild', 'backends']);
    expect(backends.exitCode, backends.stderr).toBe(0);
    expect(backends.stdout).toContain('setuptools');

    const fuzz = await run('npx', ['--no-install', 'twinbuild', 'fuzz', '--a', SPEC, '--b', SPEC, '--runs', '2', '--seed', '3', '--corpus', 'corpus', '--report', 'report.json', '--no-progress']);
    expect(fuzz.exitCode, fuzz.stderr).toBe(0);
    const report = await readJson<{ runs: number; outcome: string; findings: unknown[] }>(join(app, 'report.json'));
    expect(report).toEqual(expect.objectContaining({ runs: 2, outcome: 'passed', findings: [] }));

    // The library entry, as a user's script imports it.
    await writeFile(
      join(app, 'check.js'),
      `import { fuzzProperty, PROPERTY_NAMES } from 'twinbuild';
       const run = await fuzzProperty({ a: ${JSON.stringify(SPEC)}, property: 'spec', runs: 1, seed: 5 });
       console.log(JSON.stringify({ kind: run.kind, runs: run.runs, names: PROPERTY_NAMES }));`,
    );
    const lib = await run('node', ['check.js']);
    expect(lib.exitCode, lib.stderr).toBe(0);
    const got = JSON.parse(lib.stdout.trim().split('\n').pop()!) as { kind: string; runs: number; names: string[] };
    expect(got.runs).toBe(1);
    expect(['passed', 'failed']).toContain(got.kind);
    expect(got.names).toContain('diff');
    const types = await readFile(join(installed, 'dist', 'src', 'index.d.ts'), 'utf8');
    expect(types).toContain('export declare function fuzzProperty');
    expect(types).toContain('export declare function replayCorpusFile');
  }, 15 * 60_000);
});
