/**
 * The npm package works on its own: pack this project, install the tarball
 * into an empty folder outside the checkout, and run the installed CLI and the
 * library entry from there.
 */
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SETUPTOOLS, tempDir } from './cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('npm pack, install, run', () => {
  it('the packed tarball installs into an empty folder and runs --version, backends, a short fuzz run and the library', { timeout: 600_000 }, async () => {
    const dir = await tempDir('twinbuild-pack-');
    // dist/ is built by npm test's tsc step; --ignore-scripts skips building it again.
    const pack = await execa('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], { cwd: ROOT, reject: false, all: true });
    expect(pack.exitCode, pack.all).toBe(0);
    const tarball = (await readdir(dir)).find((n) => /^twinbuild-.*\.tgz$/.test(n));
    expect(tarball).toBeDefined();
    const listing = await execa('tar', ['-tzf', join(dir, tarball!)]);
    const files = listing.stdout.split('\n');
    expect(files).toContain('package/dist/src/cli/main.js');
    expect(files).toContain('package/dist/src/index.d.ts');
    expect(files).toContain('package/src/build/_python/hook_worker.py');
    expect(files).toContain('package/src/corpus/_python/reproduce.py');
    expect(files.some((f) => f.startsWith('package/docs/rules/'))).toBe(true);
    expect(files.some((f) => f.startsWith('package/corpus/scenarios/'))).toBe(true);
    expect(files.some((f) => f.startsWith('package/test/') || f.startsWith('package/bench/') || f.startsWith('package/dist/test/'))).toBe(false);

    const app = join(dir, 'app');
    await execa('mkdir', ['-p', app]);
    await writeFile(join(app, 'package.json'), '{"name": "app", "private": true, "type": "module"}\n');
    const install = await execa('npm', ['install', '--no-audit', '--no-fund', join(dir, tarball!)], { cwd: app, reject: false, all: true });
    expect(install.exitCode, install.all).toBe(0);
    expect(existsSync(join(app, 'node_modules', 'twinbuild', 'dist', 'src', 'cli', 'main.js'))).toBe(true);

    const npx = (args: string[]) => execa('npx', ['--no-install', 'twinbuild', ...args], { cwd: app, reject: false, all: true, env: { CI: 'true' } });
    const version = await npx(['--version']);
    expect(version.exitCode, version.all).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const backends = await npx(['backends']);
    expect(backends.exitCode, backends.all).toBe(0);
    expect(backends.stdout).toMatch(/setuptools/);
    const fuzz = await npx(['fuzz', '--a', SETUPTOOLS, '--property', 'spec', '--runs', '2', '--seed', '1', '--report', 'r.json']);
    expect(fuzz.all).not.toContain('internal error');
    expect([0, 1]).toContain(fuzz.exitCode);
    expect(existsSync(join(app, 'r.json'))).toBe(true);

    // the library entry, with its types
    await writeFile(
      join(app, 'lib.mjs'),
      "import { checkProperty, replayCorpusFile } from 'twinbuild';\n" +
        "const run = await checkProperty({ a: process.argv[2], property: 'spec', runs: 1, seed: 1 });\n" +
        "console.log(typeof replayCorpusFile, run.kind, run.runs);\n",
    );
    const lib = await execa('node', ['lib.mjs', SETUPTOOLS], { cwd: app, reject: false, all: true });
    expect(lib.exitCode, lib.all).toBe(0);
    expect(lib.stdout.trim()).toMatch(/^function (passed|failed) 1$/);
    expect(existsSync(join(app, 'node_modules', 'twinbuild', 'dist', 'src', 'index.d.ts'))).toBe(true);
  });
});
