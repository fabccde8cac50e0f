/**
 * stopEverything: what an interrupted run calls. It ends this process's build
 * stage for good, so it is the last test of its own file (vitest runs each
 * file in a process of its own).
 */
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArtifacts } from '../../src/build/buildArtifacts.js';
import { HookWorker } from '../../src/build/hookWorker.js';
import { isStopped, liveCounts, makeTempDir, stopEverything } from '../../src/build/lifecycle.js';
import { BackendRunner } from '../../src/build/runner.js';
import { alive, fakeBackend } from '../helpers.js';

const files = { 'pyproject.toml': '[project]\nname = "fake"\nversion = "1.0"\n' };
let tmp: string;
const previous = process.env['TMPDIR'];

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'tblifecycle-'));
  process.env['TMPDIR'] = tmp; // every temporary folder of the build stage goes here
});
afterAll(async () => {
  if (previous === undefined) delete process.env['TMPDIR'];
  else process.env['TMPDIR'] = previous;
  await rm(tmp, { recursive: true, force: true });
});

const PENDING = Symbol('pending');
const within = <T>(p: Promise<T>, ms: number): Promise<T | typeof PENDING> => Promise.race([p, new Promise<typeof PENDING>((r) => setTimeout(() => r(PENDING), ms))]);

describe('the build stage under normal use', () => {
  it('removes its temporary folders and forgets its workers when done', async () => {
    const runner = new BackendRunner(fakeBackend('ok'));
    const r = await runner.build(files, { timeoutSec: 30 });
    expect(r.wheel.ok && r.sdist.ok).toBe(true);
    await runner.close();
    expect(readdirSync(tmp)).toEqual([]);
    expect(liveCounts()).toEqual({ workers: 0, dirs: 0 });
  });
});

describe('stopEverything', () => {
  it('kills workers and hooks, removes every folder, and leaves calls pending for good', async () => {
    const hanging = new BackendRunner(fakeBackend('hang'));
    const idle = await HookWorker.start(fakeBackend('ok'));
    if ('error' in idle) throw new Error(idle.error.message);
    const build = buildArtifacts(files, await hanging.ready(), { timeoutSec: 600 }); // sdist is quick, the wheel hangs
    await new Promise((r) => setTimeout(r, 1000));
    const worker = await hanging.ready();
    const pids = [worker.pid!, idle.pid!, (worker as unknown as { hookPid: number }).hookPid];
    expect(pids.every(alive)).toBe(true);
    expect(readdirSync(tmp).sort()).toEqual([expect.stringMatching(/^twinbuild-build-/), expect.stringMatching(/^twinbuild-home-/), expect.stringMatching(/^twinbuild-home-/)]);

    await stopEverything(500);
    expect(isStopped()).toBe(true);
    expect(readdirSync(tmp)).toEqual([]);
    await new Promise((r) => setTimeout(r, 100));
    expect(pids.filter(alive)).toEqual([]);
    // Nothing half-done comes back as a result, and nothing new starts.
    expect(await within(build, 300)).toBe(PENDING);
    expect(await within(hanging.build(files, { timeoutSec: 5 }), 300)).toBe(PENDING);
    expect(await within(makeTempDir('twinbuild-late-'), 300)).toBe(PENDING);
    expect(await within(HookWorker.start(fakeBackend('ok')), 300)).toBe(PENDING);
    expect(readdirSync(tmp)).toEqual([]);
  });
});
