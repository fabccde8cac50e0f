import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCorpusFile } from '../../src/corpus/store.js';
import { tempDir, twinbuild } from './cli.js';

/**
 * Real findings (docs/findings.md) still reproduce against the releases they
 * were recorded with, through the real CLI. Three fast ones are replayed here
 * (uv_build is a compiled binary, flit-core and pdm-backend are small);
 * a replay that no longer shows the recorded signature fails the test.
 */
const FINDINGS = fileURLToPath(new URL('../../corpus/findings/', import.meta.url));

const REPLAYED: { file: string; shows: RegExp[] }[] = [
  {
    // uv_build 0.8.12 wrote hex digests in RECORD; 0.8.13 writes urlsafe base64.
    file: 'uv-0.8.13-record-digest-encoding.json',
    shows: [/W010 \(error\) line \d+ \('a\/__init__\.py'\): digest '[0-9a-f]{64}' has 64 characters/],
  },
  {
    // pdm-backend 2.0.0 crashes on a project with a static version and no `dynamic` key.
    file: 'pdm-backend-2.0.0-keyerror-dynamic.json',
    shows: [/exception: KeyError: 'dynamic'/, /built a-0\.tar\.gz/],
  },
  {
    // flit-core 4 writes Import-Name and core metadata 2.5.
    file: 'flit-4.0-metadata-2.5-import-name.json',
    shows: [/-Metadata-Version: 2\.4/, /\+Metadata-Version: 2\.5/, /\+Import-Name: a/],
  },
];

describe('real findings still reproduce with the recorded releases', () => {
  it('every file in corpus/findings/ is a valid corpus file naming released versions', async () => {
    const files = (await readdir(FINDINGS)).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const f of files) {
      const entry = await loadCorpusFile(FINDINGS + f);
      // Every side the file names (a one-backend property such as spec names only A).
      for (const side of entry.backends.b ? [entry.backends.a, entry.backends.b] : [entry.backends.a]) {
        expect(side?.spec, f).toBe(`${side?.family}==${side?.version}`);
      }
    }
    for (const r of REPLAYED) expect(files).toContain(r.file);
  });

  it('bisect --match --fixed names the release that fixed the hex RECORD digests', { timeout: 240_000 }, async () => {
    const r = await twinbuild([
      'bisect',
      FINDINGS + 'uv-0.8.13-record-digest-encoding.json',
      '--family', 'uv',
      '--good', '0.8.11',
      '--bad', '0.8.13',
      '--match', 'wheel:spec:W010:a',
      '--fixed',
    ]);
    expect(r.stderr).not.toContain('twinbuild: internal error');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('first release that no longer shows it: uv 0.8.13 (last good: 0.8.12;');
  });

  for (const { file, shows } of REPLAYED) {
    it(`replays ${file}`, { timeout: 240_000 }, async () => {
      const r = await twinbuild(['replay', FINDINGS + file]);
      expect(r.stderr).not.toContain('twinbuild: internal error');
      expect(r.stdout).toMatch(/^REPRODUCED: /);
      expect(r.stdout).toContain('1 reproduced, 0 changed, 0 fixed, 0 rejected');
      for (const re of shows) expect(r.stdout).toMatch(re);
      expect(r.exitCode).toBe(1);
    });
  }
});

describe('a release given as a wheel file (@LOCATION) behaves as the same release installed with ==', () => {
  it('flit-core 4.2.0 from its wheel on the index reproduces the 4.0 finding', { timeout: 300_000 }, async () => {
    const dir = await tempDir();
    // The wheel exactly as the index serves it (pip's cache makes this cheap after the first time).
    const pip = await execa('python3', ['-m', 'pip', 'download', '--no-deps', '--only-binary', ':all:', 'flit-core==4.2.0', '-d', dir], { reject: false });
    expect(pip.exitCode, pip.stderr).toBe(0);
    const wheel = (await readdir(dir)).find((f) => f.endsWith('.whl'));
    expect(wheel).toMatch(/^flit_core-4\.2\.0-.*\.whl$/);
    const r = await twinbuild(['replay', FINDINGS + 'flit-4.0-metadata-2.5-import-name.json', '--b', `flit@${join(dir, wheel!)}`]);
    expect(r.stderr).not.toContain('twinbuild: internal error');
    expect(r.stdout).toMatch(/^REPRODUCED: /);
    expect(r.stdout).toMatch(/\+Metadata-Version: 2\.5/);
    expect(r.exitCode).toBe(1);
  });
});
