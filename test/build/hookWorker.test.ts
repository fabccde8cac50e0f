import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { buildArtifacts } from '../../src/build/buildArtifacts.js';
import { HookWorker, LOG_CAP } from '../../src/build/hookWorker.js';
import { BackendRunner } from '../../src/build/runner.js';
import { fakeBackend } from '../helpers.js';

const files = { 'pyproject.toml': '[project]\nname = "fake"\nversion = "1.0"\n' };
const workers: HookWorker[] = [];

async function start(object: string): Promise<HookWorker> {
  const w = await HookWorker.start(fakeBackend(object));
  if ('error' in w) throw new Error(w.error.message);
  workers.push(w);
  return w;
}

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.close()));
});

function groupAlive(pattern: string): boolean {
  try {
    execFileSync('pgrep', ['-f', pattern]);
    return true;
  } catch {
    return false;
  }
}

describe('HookWorker: hooks run in the worker itself (inProcess)', () => {
  it('puts the interpreter back after each call: environment, modules, folder, sys.path, argv', async () => {
    const w = await start('messy');
    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await buildArtifacts(files, w, { timeoutSec: 30, inProcess: true });
      expect(r.wheel.ok, JSON.stringify(!r.wheel.ok && r.wheel.error)).toBe(true);
      if (r.wheel.ok) names.push(r.wheel.filename);
      expect(r.wheel.outcome.stdout).toContain('messy says hello');
    }
    // Each call saw none of the earlier calls' leftovers.
    expect(names).toEqual(Array(3).fill('messy-1.0-clean-none-any.whl'));
    // The same worker still forks as before.
    const forked = await buildArtifacts(files, w, { timeoutSec: 30 });
    expect(forked.wheel.ok && forked.wheel.filename).toBe('messy-1.0-clean-none-any.whl');
  });

  it('stops a hook at the timeout and keeps serving', async () => {
    const w = await start('slow_python');
    const t0 = performance.now();
    const r = await buildArtifacts(files, w, { timeoutSec: 1, inProcess: true });
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(!r.wheel.ok && r.wheel.error.kind).toBe('timeout');
    expect(r.sdist.ok).toBe(true);
    expect(w.alive).toBe(true);
  });

  it("the runner honours it for the family's own hook object only, unless TWINBUILD_ISOLATION=fork", () => {
    // A wrapper (backend=, path=) is arbitrary code: it always gets a fork of its own.
    expect(new BackendRunner(fakeBackend('ok')).inProcessAllowed).toBe(false);
    const own = (backend?: { module: string; object?: string }) =>
      new BackendRunner({ ...fakeBackend('ok'), spec: { raw: 'setuptools', family: 'setuptools', paths: [], ...(backend ? { backend } : {}) } });
    expect(own({ module: 'setuptools.build_meta', object: '__legacy__' }).inProcessAllowed).toBe(true);
    expect(own({ module: 'setuptoolsx' }).inProcessAllowed).toBe(false);
    const r = own();
    expect(r.inProcessAllowed).toBe(true);
    process.env['TWINBUILD_ISOLATION'] = 'fork';
    try {
      expect(r.inProcessAllowed).toBe(false);
    } finally {
      delete process.env['TWINBUILD_ISOLATION'];
    }
  });
});

describe('HookWorker', () => {
  it('builds both artifacts with a well-behaved backend and lists its hooks', async () => {
    const w = await start('ok');
    expect(w.hooks).toEqual(['build_wheel', 'build_sdist']);
    const r = await buildArtifacts(files, w, { timeoutSec: 30 });
    expect(r.wheel.ok && r.wheel.filename).toBe('fake-1.0-py3-none-any.whl');
    expect(r.sdist.ok && r.sdist.filename).toBe('fake-1.0.tar.gz');
    expect(r.wheel.ok && r.wheel.bytes.length).toBeGreaterThan(50);
  });

  it('reports a missing optional hook as data', async () => {
    const w = await start('ok');
    const { outcome } = await w.call('prepare_metadata_for_build_wheel', { cwd: '/tmp', outputDirectory: '/tmp', timeoutSec: 10 });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.kind).toBe('missing-hook');
  });

  it('kills a hanging hook and its whole process group at the timeout, and goes on', async () => {
    const w = await start('hang');
    const t0 = performance.now();
    const r = await buildArtifacts(files, w, { timeoutSec: 1.5 });
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(r.wheel.ok).toBe(false);
    expect(!r.wheel.ok && r.wheel.error.kind).toBe('timeout');
    expect(r.sdist.ok).toBe(true); // the worker survived and served the other hook
    await new Promise((res) => setTimeout(res, 200));
    expect(groupAlive('tb_fake:hang.*sleep')).toBe(false);
    expect(w.alive).toBe(true);
  });

  it('returns crashes (os._exit, a signal) and sys.exit as data', async () => {
    const w = await start('crash');
    const r = await buildArtifacts(files, w, { timeoutSec: 30 });
    expect(!r.wheel.ok && r.wheel.error).toMatchObject({ kind: 'crash', message: expect.stringContaining('status 3') });
    expect(!r.sdist.ok && r.sdist.error).toMatchObject({ kind: 'crash', message: expect.stringContaining('signal 11') });
    const s = await start('sysexit');
    const r2 = await buildArtifacts(files, s, { timeoutSec: 30 });
    expect(!r2.wheel.ok && r2.wheel.error.kind).toBe('system-exit');
    expect(!r2.wheel.ok && r2.wheel.error.message).toContain('the wheel cannot be built');
    expect(r2.wheel.outcome.stdout).toContain('about to fail');
  });

  it('rejects a result naming no file, or not a string', async () => {
    const w = await start('badname');
    const r = await buildArtifacts(files, w, { timeoutSec: 30 });
    expect(!r.wheel.ok && r.wheel.error).toMatchObject({ kind: 'bad-result', message: expect.stringContaining('nothing-here') });
    expect(!r.sdist.ok && r.sdist.error).toMatchObject({ kind: 'bad-result', message: expect.stringContaining('42') });
  });

  it('caps captured output of a hook that prints megabytes', async () => {
    const w = await start('chatty');
    const r = await buildArtifacts(files, w, { timeoutSec: 60 });
    expect(r.wheel.ok).toBe(true);
    expect(r.wheel.outcome.stdout.length).toBeLessThan(LOG_CAP + 200);
    expect(r.wheel.outcome.stdout).toContain('bytes cut by twinbuild');
  });

  it('reports an import error of the hook object', async () => {
    const w = await HookWorker.start({ ...fakeBackend('ok'), hook: { module: 'tb_fake', object: 'no_such' } });
    expect('error' in w && w.error.kind).toBe('import-error');
    expect('error' in w && w.error.message).toContain('no_such');
  });
});

describe('BackendRunner', () => {
  it('replaces a worker killed mid-build and goes on', async () => {
    const runner = new BackendRunner(fakeBackend('killparent'));
    try {
      const r1 = await runner.build(files, { timeoutSec: 30 });
      expect(!r1.sdist.ok).toBe(false);
      expect(!r1.wheel.ok && r1.wheel.error.kind).toBe('crash');
      const r2 = await runner.build(files, { timeoutSec: 30 });
      expect(r2.sdist.ok).toBe(true);
      expect(runner.restarts).toBeGreaterThanOrEqual(1);
    } finally {
      await runner.close();
    }
  });
});
