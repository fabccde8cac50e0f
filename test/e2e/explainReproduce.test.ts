/**
 * The reproduce steps `twinbuild explain` prints, run as a maintainer would:
 * verbatim, in an empty folder, with nothing but python3 and the package
 * index (both backends installed into their own environments).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { tempDir, twinbuild } from './cli.js';

const corpusFile = fileURLToPath(new URL('../../corpus/findings/hatchling-1.18-duplicate-readme-in-sdist.json', import.meta.url));

/** The files under "Minimal project" and the sh block under "Reproduce". */
function parseIssue(md: string): { files: Record<string, string>; script: string } {
  const project = md.split('### Minimal project')[1]!.split('### Reproduce')[0]!;
  const files: Record<string, string> = {};
  for (const m of project.matchAll(/`([^`\n]+)`\n\n(`{3,})\n([\s\S]*?)\n\2/g)) files[m[1]!] = m[3]! + '\n';
  const script = /```sh\n([\s\S]*?)\n```/.exec(md.split('### Reproduce')[1]!)![1]!;
  return { files, script };
}

describe('explain: the reproduce steps work on a clean folder', () => {
  it('installs both releases, builds, and shows the difference the corpus file records', { timeout: 600_000 }, async () => {
    const r = await twinbuild(['explain', corpusFile]);
    expect(r.exitCode).toBe(0);
    const { files, script } = parseIssue(r.stdout);
    expect(Object.keys(files)).toContain('pyproject.toml');
    const dir = await tempDir();
    for (const [p, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, p)), { recursive: true });
      await writeFile(join(dir, p), text);
    }
    const run = await execa('sh', ['-e', '-c', script], { cwd: dir, reject: false, all: true, env: { PIP_DISABLE_PIP_VERSION_CHECK: '1' } });
    expect(run.exitCode, run.all).toBe(0);
    // The planted-free real difference: hatchling 1.18.0 writes README.md twice into the sdist.
    expect(run.stdout).toMatch(/dist-a\/a-0\.tar\.gz: duplicate member a-0\/README\.md/);
    expect(run.stdout).toContain('-Metadata-Version: 2.1');
    expect(run.stdout).not.toMatch(/dist-b\/\S+: duplicate member/);
  });
});
