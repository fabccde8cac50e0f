/**
 * Containment of the hook worker, measured on the worker itself: what a
 * hook's processes leave behind, what happens when twinbuild goes away, the
 * timeout's latency, the output cap on disk, and the network fallback for a
 * user who is not root.
 */
import { chmod, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { HookWorker, LOG_CAP, type WorkerOptions } from '../../src/build/hookWorker.js';
import { alive, fakeBackend } from '../helpers.js';

const workers: HookWorker[] = [];
const dirs: string[] = [];

async function start(object: string, python?: string, options?: WorkerOptions): Promise<HookWorker> {
  const w = await HookWorker.start(fakeBackend(object, python), options);
  if ('error' in w) throw new Error(w.error.message);
  workers.push(w);
  return w;
}

async function dir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'tbcontain-'));
  dirs.push(d);
  return d;
}

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.close()));
});
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isRoot = process.getuid?.() === 0;

describe('hook processes', () => {
  it('a process a hook leaves outside its process group (setsid, double fork) is killed after the call', async () => {
    const w = await start('daemon');
    const d = await dir();
    const { outcome } = await w.call('build_wheel', { cwd: d, outputDirectory: d, timeoutSec: 30 });
    expect(outcome.ok && outcome.value).toMatch(/^daemon:\d+$/);
    const pid = Number(String(outcome.ok && outcome.value).split(':')[1]);
    expect(w.isolation.subreaper).toBe(true);
    await settle(100);
    expect(alive(pid)).toBe(false);
    expect(w.alive).toBe(true);
  });

  it('the timeout kills the hook within a fraction of a second of the deadline', async () => {
    const w = await start('hang');
    const d = await dir();
    const latencies: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const { outcome } = await w.call('build_wheel', { cwd: d, outputDirectory: d, timeoutSec: 1 });
      latencies.push(performance.now() - t0 - 1000);
      expect(!outcome.ok && outcome.error.kind).toBe('timeout');
    }
    const worst = Math.max(...latencies);
    console.log(`timeout latency (call returned after deadline): ${latencies.map((l) => `${Math.round(l)} ms`).join(', ')}`);
    expect(worst).toBeLessThan(1000);
  });

  it('when twinbuild goes away mid-call, the worker kills the hook and its group and exits', async () => {
    const w = await start('hang');
    const d = await dir();
    const call = w.call('build_wheel', { cwd: d, outputDirectory: d, timeoutSec: 600 });
    await settle(500);
    const hookPid = (w as unknown as { hookPid?: number }).hookPid;
    expect(hookPid).toBeGreaterThan(0);
    // What a dying twinbuild does to the worker: its stdin closes.
    (w as unknown as { proc: { stdin: NodeJS.WritableStream } }).proc.stdin.end();
    const t0 = performance.now();
    const { outcome } = await call;
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(!outcome.ok && outcome.error).toMatchObject({ kind: 'crash', message: 'hook worker process died' });
    await settle(100);
    expect(alive(hookPid!)).toBe(false);
    expect(w.alive).toBe(false);
  });

  it('terminate() stops a worker in the middle of a hook, with everything the hook started', async () => {
    const w = await start('hang');
    const d = await dir();
    void w.call('build_wheel', { cwd: d, outputDirectory: d, timeoutSec: 600 });
    await settle(500);
    const hookPid = (w as unknown as { hookPid?: number }).hookPid!;
    const workerPid = w.pid!;
    await w.terminate(1000);
    await settle(100);
    expect([workerPid, hookPid].filter(alive)).toEqual([]);
  });

  it('output without end: at most LOG_CAP bytes per stream, in memory and on disk', async () => {
    const w = await start('fault_print');
    const d = await dir();
    const { outcome } = await w.call('build_wheel', { cwd: d, outputDirectory: d, timeoutSec: 2, logDir: d });
    expect(!outcome.ok && outcome.error.kind).toBe('timeout');
    for (const text of [outcome.stdout, outcome.stderr]) {
      expect(text).toMatch(/\[\.\.\. \d+ bytes cut by twinbuild \.\.\.\]/);
      expect(text.length).toBeLessThan(LOG_CAP + 100);
    }
    const cut = Number(/\[\.\.\. (\d+) bytes cut/.exec(outcome.stdout)![1]);
    expect(cut).toBeGreaterThan(20 * 1024 * 1024);
    for (const f of await readdir(d)) expect((await stat(join(d, f))).size).toBeLessThanOrEqual(LOG_CAP);
  });
});

describe('network', () => {
  it.runIf(isRoot)('as root: hooks run in a network namespace of their own', async () => {
    const w = await start('ok');
    expect(w.isolation.network).toBe('namespace');
    expect(w.isolation.limits['RLIMIT_NPROC']).toMatch(/not applied/);
  });

  it('network: "allow" leaves the network alone (and says so)', async () => {
    const w = await start('ok', undefined, { network: 'allow' });
    expect(w.isolation).toMatchObject({ network: 'shared', networkDetail: 'network isolation turned off' });
  });

  it.runIf(isRoot && existsSync('/usr/bin/setpriv'))('as another user: a user and network namespace, or a documented fallback; RLIMIT_NPROC applies', async () => {
    // The worker run as nobody (setpriv), with a hook folder nobody may use.
    const d = await dir();
    await chmod(d, 0o777);
    const wrapper = join(d, 'python-as-nobody');
    await writeFile(wrapper, '#!/bin/sh\nexec setpriv --reuid=65534 --regid=65534 --clear-groups /usr/bin/python3 "$@"\n');
    await chmod(wrapper, 0o755);
    const w = await start('probe_value', wrapper);
    expect(['user-namespace', 'shared']).toContain(w.isolation.network);
    expect(typeof w.isolation.limits['RLIMIT_NPROC']).toBe('number');
    const { outcome } = await w.call('build_wheel', { cwd: d, outputDirectory: d, timeoutSec: 30 });
    expect(outcome.ok).toBe(true);
    const probe = JSON.parse(String(outcome.ok && outcome.value)) as { uid: number; network: Record<string, { error: string | null }>; limits: Record<string, number[]> };
    expect(probe.uid).toBe(65534);
    expect(probe.limits['RLIMIT_NPROC']![0]).toBe(w.isolation.limits['RLIMIT_NPROC']);
    if (w.isolation.network === 'user-namespace') {
      expect(probe.network['loopback']!.error).toMatch(/Network is unreachable/);
      expect(probe.network['public']!.error).toMatch(/Network is unreachable/);
    }
    console.log(`as nobody: network ${w.isolation.network} (${w.isolation.networkDetail}); RLIMIT_NPROC ${w.isolation.limits['RLIMIT_NPROC']}`);
  });
});
