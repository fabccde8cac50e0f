import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll } from 'vitest';

export const BIN = fileURLToPath(new URL('../../bin/twinbuild.js', import.meta.url));

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Run the real CLI (built into dist/ by `npm test`'s tsc step). */
export async function twinbuild(args: string[], opts: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<CliResult> {
  const r = await execa('node', [BIN, ...args], {
    cwd: opts.cwd,
    env: { CI: 'true', ...opts.env },
    reject: false,
    timeout: opts.timeoutMs ?? 15 * 60_000,
  });
  return { exitCode: r.exitCode ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const made: string[] = [];
// Every test file that uses these helpers removes its temporary folders when it is done.
afterAll(async () => {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

export async function tempDir(prefix = 'twinbuild-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export async function readJson<T = unknown>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

/** Pinned versions the test suite (and .ci/run) uses. */
export const SETUPTOOLS = 'setuptools==80.9.0';
export const HATCHLING = 'hatchling==1.27.0';
