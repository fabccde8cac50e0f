/**
 * Containment through the real CLI: a fake backend (wrapping setuptools)
 * records, from inside a real build, what it can see and do: the
 * environment, its limits, the network, stdin. The parent environment holds
 * secrets; a local TCP server counts connections.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HookWorker } from '../../src/build/hookWorker.js';
import { fakeBackend } from '../helpers.js';
import { expectNothingLeft, fakeSpec, fuzzArgs, killStrayClis, readReport, realSpec, recorded, runCli, sandbox, seedCorpus, type Sandbox } from './harness.js';

const SECRETS: Record<string, string> = {
  AWS_SECRET_ACCESS_KEY: 'tbsafety-aws-secret',
  AWS_ACCESS_KEY_ID: 'tbsafety-aws-id',
  GITHUB_TOKEN: 'tbsafety-gh-token',
  NPM_TOKEN: 'tbsafety-npm-token',
  TWINE_PASSWORD: 'tbsafety-twine',
  SSH_AUTH_SOCK: '/tmp/tbsafety-ssh-agent.sock',
  PYTHONPATH: '/tbsafety/pythonpath',
  PIP_INDEX_URL: 'https://tbsafety.invalid/simple',
};

interface Probe {
  environ: Record<string, string>;
  uid: number;
  limits: Record<string, [number, number]>;
  network: Record<string, { error: string | null; errno?: number; ms: number }>;
  stdin: string;
  alloc6GiB: string;
  write1_5GiB: string;
}

let server: Server;
let port = 0;
let connections = 0;
let sb: Sandbox;
/** Whether this machine lets the worker make a network namespace (else the documented fallback: shared). */
let isolated = true;

beforeAll(async () => {
  const w = await HookWorker.start(fakeBackend('ok'));
  if (!('error' in w)) {
    isolated = w.isolation.network !== 'shared';
    if (!isolated) console.log(`no network namespace on this machine: ${w.isolation.networkDetail}`);
    await w.close();
  }
  server = createServer((s) => {
    connections++;
    s.destroy();
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  port = (server.address() as { port: number }).port;
  sb = await sandbox({ port });
});

afterAll(async () => {
  killStrayClis();
  await new Promise((res) => server.close(res));
  await sb.cleanup();
});

const GiB = 1024 * 1024 * 1024;

describe('a build cannot see secrets, reach the network or grow without bound', () => {
  it('records from inside a real build; the builds themselves still succeed', async () => {
    await seedCorpus(sb);
    const r = await runCli(fuzzArgs(fakeSpec('fault_probe', sb), realSpec(sb), sb, 2), sb, { ...SECRETS, PATH: `/tbsafety/bin:${process.env['PATH']}` });
    expect(r.stderr).not.toContain('internal error');
    // The probed build and the generated ones all built and compared equal: the limits leave real builds alone.
    expect(r.exitCode, r.stderr + r.stdout).toBe(0);
    const rep = await readReport(sb);
    expect(rep.findings).toEqual([]);
    expect(rep.stats.rejected).toEqual({ a: 0, b: 0 });
    expect(expectNothingLeft(sb)).toEqual({ leftovers: [], processes: [] });

    const p = recorded<Probe>(sb, 'probe')!;
    expect(p).toBeDefined();

    // Environment: built from nothing, not filtered from the parent's.
    const values = Object.values(p.environ).join('\n');
    for (const [k, v] of Object.entries(SECRETS)) {
      expect(p.environ[k], k).toBeUndefined();
      expect(values).not.toContain(v);
    }
    expect(p.environ['PATH']).not.toContain('/tbsafety/bin');
    expect(p.environ['TWINBUILD_WORKER_CONFIG']).toBeUndefined();
    expect(Object.keys(p.environ).sort()).toEqual(
      ['HOME', 'LANG', 'LC_ALL', 'PATH', 'PIP_NO_INPUT', 'PYTHONDONTWRITEBYTECODE', 'PYTHONHASHSEED', 'PYTHONNOUSERSITE', 'PYTHONUTF8', 'SOURCE_DATE_EPOCH', 'TMPDIR', 'TZ'].sort(),
    );
    // A temporary HOME and TMPDIR of this build, inside twinbuild's run folder, gone now.
    for (const k of ['HOME', 'TMPDIR']) {
      expect(p.environ[k]!.startsWith(`${sb.tmp}/twinbuild-run-`), `${k}=${p.environ[k]}`).toBe(true);
      expect(existsSync(p.environ[k]!)).toBe(false);
    }
    expect(p.stdin).toBe("''"); // /dev/null, not the worker's protocol

    // Limits: 4 GiB of data, 1 GiB files, no core dumps.
    expect(p.limits['RLIMIT_DATA']).toEqual([4 * GiB, 4 * GiB]);
    expect(p.limits['RLIMIT_FSIZE']).toEqual([GiB, GiB]);
    expect(p.limits['RLIMIT_CORE']).toEqual([0, 0]);
    expect(p.alloc6GiB).toBe('MemoryError');
    expect(p.write1_5GiB).toBe('OSError: errno 27'); // EFBIG

    // Network: no route anywhere, failing at once; nothing reached our server.
    if (!isolated) return; // documented fallback: the machine's network is shared
    for (const target of ['loopback', 'outside', 'public']) {
      const n = p.network[target]!;
      expect(n.error, target).toMatch(/Network is unreachable/);
      expect(n.ms, target).toBeLessThan(500);
    }
    expect(p.network['dns']!.error).not.toBeNull();
    expect(p.network['dns']!.ms).toBeLessThan(2000);
    expect(connections).toBe(0);
  });
});
