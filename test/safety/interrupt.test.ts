/**
 * The signal handling of `openRunScope` (src/cli/interrupt.ts, compiled in
 * dist/) in a child Node process that signals itself: two signals within
 * milliseconds are one request (the asynchronous save runs to its end);
 * a later second signal exits at once, but only after the synchronous
 * savers have written their files.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const INTERRUPT = fileURLToPath(new URL('../../dist/src/cli/interrupt.js', import.meta.url));
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

/**
 * A child that opens a run scope, registers a saver whose asynchronous part
 * takes `asyncMs` and writes `async.txt`, and whose synchronous part writes
 * `sync.txt`; it sends itself SIGTERM at once and again after `secondAfterMs`.
 */
function child(dir: string, asyncMs: number, secondAfterMs: number): Promise<{ code: number | null; stderr: string }> {
  const script = `
    import { writeFileSync } from 'node:fs';
    const { openRunScope, onInterrupt } = await import(${JSON.stringify(INTERRUPT)});
    const io = { out: (t) => console.log(t), err: (t) => console.error(t), env: process.env, cwd: process.cwd() };
    await openRunScope(io);
    onInterrupt(
      async () => { await new Promise((r) => setTimeout(r, ${asyncMs})); writeFileSync(${JSON.stringify(join(dir, 'async.txt'))}, 'async'); },
      () => writeFileSync(${JSON.stringify(join(dir, 'sync.txt'))}, 'sync'),
    );
    process.kill(process.pid, 'SIGTERM');
    setTimeout(() => process.kill(process.pid, 'SIGTERM'), ${secondAfterMs});
    setInterval(() => undefined, 1000);
  `;
  return new Promise((resolve) => {
    const p = spawn('node', ['--input-type=module', '-e', script], { env: { ...process.env, TMPDIR: dir }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe.concurrent('signals during a run', () => {
  it('a second SIGTERM within milliseconds is the same request: the save runs to its end', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tbsignal-'));
    dirs.push(dir);
    const r = await child(dir, 1500, 5);
    expect(r.code, r.stderr).toBe(143);
    expect(r.stderr.match(/SIGTERM: stopping the builds/g)).toHaveLength(1);
    expect(r.stderr).not.toContain('again');
    expect(readFileSync(join(dir, 'async.txt'), 'utf8')).toBe('async');
    expect(existsSync(join(dir, 'sync.txt'))).toBe(false);
  });

  it('a later SIGTERM exits at once, after the synchronous save', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tbsignal-'));
    dirs.push(dir);
    const t0 = performance.now();
    const r = await child(dir, 60_000, 1500);
    expect(r.code, r.stderr).toBe(143);
    expect(r.stderr).toContain('twinbuild: SIGTERM again: saving what there is and exiting now');
    expect(readFileSync(join(dir, 'sync.txt'), 'utf8')).toBe('sync');
    expect(existsSync(join(dir, 'async.txt'))).toBe(false);
    expect(performance.now() - t0).toBeLessThan(30_000); // not the 60 s of the slow save, nor the 20 s grace
  });
});
