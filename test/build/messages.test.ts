// The worker protocol's messages, both ways, against the one schema (src/build/_python/messages.schema.json):
// what the TypeScript side builds, and every line the real worker writes under each interpreter pyenv has.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { Ajv, type ValidateFunction } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { hookRequest, warmRequest, workerCommand, workerConfig, type HookRequest, type WarmRequest, type WorkerIsolation, type WorkerTarget } from '../../src/build/hookWorker.js';
import { HOOK_ERROR_KINDS, HOOKS, type HookError } from '../../src/build/types.js';
import type { CoverageStart } from '../../src/coverage/coverage.js';
import { packageFile } from '../../src/_internals/packageRoot.js';

const SCHEMA_PATH = packageFile('src', 'build', '_python', 'messages.schema.json');
const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as { $id: string; definitions: Record<string, { enum?: string[]; required?: string[]; properties?: Record<string, unknown> }> };
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addSchema(schema);
const validator = (name: string): ValidateFunction => ajv.getSchema(`${schema.$id}#/definitions/${name}`)!;

function expectValid(name: string, msg: unknown): void {
  const v = validator(name);
  expect(v(msg), `${name}: ${JSON.stringify(msg).slice(0, 400)}\n${ajv.errorsText(v.errors)}`).toBe(true);
}

/**
 * The Python side's verdict on each message (test/build/check_messages.py, standard library only, run by
 * `python`): `ok`, or `bad: REASON`.
 */
const CHECKER = fileURLToPath(new URL('./check_messages.py', import.meta.url));
function pythonCheck(python: string, messages: [definition: string, msg: unknown][]): string[] {
  const input = messages.map(([d, m]) => `${d}\t${JSON.stringify(m)}\n`).join('');
  const r = spawnSync(python, [CHECKER, SCHEMA_PATH], { input, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`check_messages.py exited ${r.status}: ${r.stderr}`);
  return r.stdout.split('\n').filter((l) => l !== '');
}

const dir = mkdtempSync(join(tmpdir(), 'twinbuild-messages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('messages.schema.json: what the TypeScript side builds and reads', () => {
  const logs = { stdout: '/tmp/x.stdout', stderr: '/tmp/x.stderr' };

  it('every hook request and warm request the builders make is a schema request', () => {
    const made: (HookRequest | WarmRequest)[] = [
      hookRequest(1, 'build_wheel', { cwd: '/p', outputDirectory: '/o', metadataDirectory: '/m', timeoutSec: 5, umask: 0o22, env: { TZ: 'UTC' } }, logs),
      hookRequest(2, 'build_sdist', { cwd: '/p', outputDirectory: '/o', timeoutSec: 120, configSettings: { a: 'b' } }, logs, { c: ['d', 'e'] }),
      hookRequest(3, 'prepare_metadata_for_build_wheel', { cwd: '/p', metadataDirectory: '/m', timeoutSec: 1, inProcess: true, reportModules: true }, logs),
      hookRequest(4, 'get_requires_for_build_editable', { cwd: '/p', timeoutSec: 0.5 }, logs),
      hookRequest(5, 'install_and_probe', { cwd: '/p', timeoutSec: 60, configSettings: { wheel: '/w.whl' } }, logs),
      warmRequest(6, ['setuptools', 'setuptools.build_meta']),
    ];
    for (const m of made) expectValid('request', m);
    expect(made[0]).toMatchObject({ args: { output_directory: '/o', metadata_directory: '/m', config_settings: null }, umask: 0o22 });
    expect(made[1]!).toMatchObject({ args: { config_settings: { c: ['d', 'e'], a: 'b' } }, umask: null });
    expect(made[2]!).toMatchObject({ args: { output_directory: '/m' }, inprocess: true });
    expect('metadata_directory' in (made[2] as HookRequest).args).toBe(false);
    expect('inprocess' in made[0]!).toBe(false);
  });

  it('the schema rejects what is not a message (so that these checks can fail)', () => {
    const good = hookRequest(1, 'build_wheel', { cwd: '/p', outputDirectory: '/o', timeoutSec: 5 }, logs);
    expect(validator('request')({ ...good, extra: 1 })).toBe(false);
    expect(validator('request')({ ...good, id: 0 })).toBe(false);
    expect(validator('request')({ ...good, umask: 0o1000 })).toBe(false);
    expect(validator('request')({ id: 1, op: 'warm' })).toBe(false);
    expect(validator('hookResponse')({ id: 1, ok: true, ms: 1, cut: { stdout: 0, stderr: 0 } })).toBe(false); // no value
    expect(validator('hookResponse')({ id: 1, ok: false, ms: 1, cut: { stdout: 0, stderr: 0 }, error: { kind: 'bad-result', message: 'm', traceback: null } })).toBe(false);
    expect(validator('ready')({ ready: true, hooks: ['build_everything'], pid: 1, python: 'p', isolation: { network: 'shared', networkDetail: '', limits: {}, subreaper: false } })).toBe(false);
  });

  it('the Python side’s check takes the same requests and refuses the same non-messages', () => {
    const good = hookRequest(1, 'build_wheel', { cwd: '/p', outputDirectory: '/o', timeoutSec: 5 }, logs);
    const made: [string, unknown][] = [
      ['request', good],
      ['request', hookRequest(2, 'build_sdist', { cwd: '/p', outputDirectory: '/o', timeoutSec: 120, configSettings: { a: 'b' }, inProcess: true, umask: 0o22, env: { TZ: 'UTC' } }, logs, { c: ['d', 'e'] })],
      ['request', hookRequest(3, 'prepare_metadata_for_build_wheel', { cwd: '/p', metadataDirectory: '/m', timeoutSec: 1, reportModules: true }, logs)],
      ['request', warmRequest(4, ['setuptools', 'setuptools.build_meta'])],
    ];
    const refused: [string, unknown][] = [
      ['request', { ...good, extra: 1 }],
      ['request', { ...good, id: 0 }],
      ['request', { ...good, umask: 0o1000 }],
      ['request', { id: 1, op: 'warm' }],
      ['hookResponse', { id: 1, ok: true, ms: 1, cut: { stdout: 0, stderr: 0 } }],
      ['hookResponse', { id: 1, ok: false, ms: 1, cut: { stdout: 0, stderr: 0 }, error: { kind: 'bad-result', message: 'm', traceback: null } }],
      ['ready', { ready: true, hooks: ['build_everything'], pid: 1, python: 'p', isolation: { network: 'shared', networkDetail: '', limits: {}, subreaper: false } }],
    ];
    const verdicts = pythonCheck('python3', [...made, ...refused]);
    expect(verdicts.slice(0, made.length)).toEqual(made.map(() => 'ok'));
    expect(verdicts.slice(made.length)).toEqual(refused.map(() => expect.stringMatching(/^bad: /)));
    // Both validators agree, message by message.
    for (const [d, m] of [...made, ...refused]) expect(validator(d)(m)).toBe(verdicts.shift() === 'ok');
  });

  it('the Python side’s check refuses a schema keyword it does not know, rather than passing it over', () => {
    const bent = join(dir, 'bent.schema.json');
    writeFileSync(bent, JSON.stringify({ ...schema, definitions: { ...schema.definitions, id: { type: 'integer', multipleOf: 2 } } }));
    const r = spawnSync('python3', [CHECKER, bent], { input: 'id\t2\n', encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('multipleOf');
  });

  it('the names and kinds the TypeScript side reads are the schema’s', () => {
    expect([...schema.definitions['hookName']!.enum!].sort()).toEqual([...HOOKS].sort());
    // Every kind the worker sends is one HookError knows; bad-result is twinbuild's own.
    expect(schema.definitions['errorKind']!.enum!).toEqual(HOOK_ERROR_KINDS.filter((k) => k !== 'bad-result'));
    const props = (name: string): string[] => Object.keys(schema.definitions[name]!.properties!).sort();
    const hookError: Required<HookError> = { kind: 'crash', message: '', traceback: '', missing: [] };
    expect(props('hookError')).toEqual(Object.keys(hookError).sort());
    const ready = schema.definitions['ready']!.properties as Record<string, { properties: Record<string, unknown> }>;
    const isolation: WorkerIsolation = { network: 'shared', networkDetail: '', limits: {}, subreaper: false };
    expect(Object.keys(ready['isolation']!.properties).sort()).toEqual(Object.keys(isolation).sort());
    const coverage: CoverageStart = { method: '', roots: [], unavailable: null, lines: {} };
    expect(Object.keys(ready['coverage']!.properties).sort()).toEqual(Object.keys(coverage).sort());
    // The config the worker reads.
    expect(Object.keys(workerConfig()).sort()).toEqual(['coverage', 'limits', 'logCap', 'network']);
  });
});

// A tiny backend written for the oldest interpreter: one hook per outcome the worker reports.
const BACKEND = `
import os, sys, time

def get_requires_for_build_wheel(config_settings=None):
    return ["tb-schema-surely-not-installed>=1", "also-absent; python_version < '2'"]

def get_requires_for_build_sdist(config_settings=None):
    sys.exit(3)

def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    sys.stdout.write("x" * 200000)
    sys.stderr.write("to stderr\\n")
    os.mkdir(os.path.join(metadata_directory, "tb_schema-1.0.dist-info"))
    return "tb_schema-1.0.dist-info"

def prepare_metadata_for_build_editable(metadata_directory, config_settings=None):
    time.sleep(30)

def build_sdist(sdist_directory, config_settings=None):
    with open(os.path.join(sdist_directory, "tb_schema-1.0.tar.gz"), "wb") as f:
        f.write(b"not really")
    return "tb_schema-1.0.tar.gz"

def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    raise RuntimeError("no wheel today")

def get_requires_for_build_editable(config_settings=None):
    os._exit(7)
`;

const pyenv = join(homedir(), '.pyenv', 'versions');
const pythons = ['3.6', '3.8', '3.11', '3.13']
  .map((v) => {
    const found = existsSync(pyenv) ? readdirSorted(pyenv).find((d) => d === v || d.startsWith(`${v}.`)) : undefined;
    return found ? { v, python: join(pyenv, found, 'bin', 'python3') } : { v, python: '' };
  })
  .filter((p) => p.python && existsSync(p.python));
if (pythons.length === 0) pythons.push({ v: 'system', python: '/usr/bin/python3' });

function readdirSorted(d: string): string[] {
  return readdirSync(d).sort();
}

type Line = Record<string, unknown>;

/** Run the worker as HookWorker starts it, send `requests` one at a time, and return every line it wrote. */
async function converse(target: WorkerTarget, requests: ((n: number) => HookRequest | WarmRequest)[], coverage: string | null): Promise<Line[]> {
  const { file, args } = workerCommand(target);
  const config = { ...workerConfig({ network: 'allow' }), coverage };
  const home = mkdtempSync(join(dir, 'home-'));
  const proc = spawn(file, args, { cwd: home, env: { PATH: '/usr/bin:/bin', HOME: home, TWINBUILD_WORKER_CONFIG: JSON.stringify(config) }, stdio: ['pipe', 'pipe', 'ignore'] });
  const lines: Line[] = [];
  const rl = createInterface({ input: proc.stdout });
  const queue: ((l: Line) => void)[] = [];
  rl.on('line', (l) => {
    const msg = JSON.parse(l) as Line;
    lines.push(msg);
    if (!('started' in msg) && queue.length) queue.shift()!(msg);
  });
  const next = (): Promise<Line> => new Promise((resolve) => queue.push(resolve));
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  const ready = await Promise.race([next(), exited.then(() => null)]);
  if (ready && ready['ready'] === true) {
    for (let i = 0; i < requests.length; i++) {
      const answer = next();
      proc.stdin.write(JSON.stringify(requests[i]!(i + 1)) + '\n');
      await answer;
    }
  }
  proc.stdin.end();
  await exited;
  return lines;
}

describe.each(pythons)('messages.schema.json: every line the worker writes (Python $v)', ({ v, python }) => {
  const pkg = mkdtempSync(join(dir, 'backend-'));
  writeFileSync(join(pkg, 'tb_schema.py'), BACKEND);
  const target: WorkerTarget = { python, hook: { module: 'tb_schema' }, importPaths: [pkg], label: 'tb_schema' };

  let written: Line[] | undefined; // every line of the conversation below
  it('ready, progress, and a response per request, each of the schema’s shape', { timeout: 60_000 }, async () => {
    const project = mkdtempSync(join(dir, 'project-'));
    const out = mkdtempSync(join(dir, 'out-'));
    const call = (hook: HookRequest['hook'], opts: Partial<Parameters<typeof hookRequest>[2]> = {}) => (id: number) =>
      hookRequest(id, hook, { cwd: project, outputDirectory: out, timeoutSec: 20, ...opts }, { stdout: join(out, `${id}.out`), stderr: join(out, `${id}.err`) });
    const requests = [
      call('get_requires_for_build_wheel'),
      call('build_sdist', { reportModules: true, umask: 0o22, env: { TZ: 'Europe/Paris' } }),
      call('build_wheel', { configSettings: { k: 'v' } }),
      call('get_requires_for_build_sdist'),
      call('prepare_metadata_for_build_wheel', { outputDirectory: undefined, metadataDirectory: out }),
      call('prepare_metadata_for_build_editable', { timeoutSec: 1, outputDirectory: undefined, metadataDirectory: out }),
      call('get_requires_for_build_editable'),
      call('build_editable'),
      (id: number) => warmRequest(id, ['json', 'tb_schema_no_such_module']),
      call('build_sdist', { inProcess: true }),
      call('build_wheel', { inProcess: true }),
      call('prepare_metadata_for_build_editable', { timeoutSec: 1, inProcess: true, outputDirectory: undefined, metadataDirectory: out }),
    ];
    for (let i = 0; i < requests.length; i++) expectValid('request', requests[i]!(i + 1));
    const lines = await converse(target, requests, 'tb_schema');
    written = lines;
    for (const l of lines) expectValid('workerMessage', l);

    const [ready, ...rest] = lines;
    expectValid('ready', ready);
    expect(ready!['hooks']).toEqual([...schema.definitions['hookName']!.enum!].filter((h) => h !== 'build_editable'));
    expect((ready!['coverage'] as CoverageStart).roots).toEqual([join(pkg, 'tb_schema.py')]);
    const responses = rest.filter((l) => !('started' in l));
    const progress = rest.filter((l) => 'started' in l);
    for (const p of progress) expectValid('progress', p);
    expect(responses.map((r) => r['id'])).toEqual(requests.map((_, i) => i + 1));
    // A progress line for every forked call (the in-process ones and the warm request have none), before its response.
    expect(progress.map((p) => p['id'])).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const r of responses) expectValid(r['id'] === 9 ? 'warmResponse' : 'hookResponse', r);

    const kind = (r: Line): string | undefined => (r['error'] as HookError | undefined)?.kind;
    expect(responses.map((r) => (r['ok'] ? 'ok' : kind(r)))).toEqual(['ok', 'ok', 'exception', 'system-exit', 'ok', 'timeout', 'crash', 'missing-hook', 'ok', 'ok', 'exception', 'timeout']);
    // The diagnosis needs importlib.metadata (3.8+); before that it is best effort, and empty.
    expect((responses[2]!['error'] as HookError).missing).toEqual(v === '3.6' ? undefined : ['tb-schema-surely-not-installed>=1']);
    expect(responses[1]!['modules']).toContain('tb_schema');
    expect((responses[4]!['cut'] as { stdout: number }).stdout).toBeGreaterThan(0);
    expect(responses[8]!['value']).toBe(0); // json is loaded already; the other does not exist
    // Traced lines come with every result the call itself gave; a forked hook killed at the timeout or crashed gives none.
    expect(responses.filter((r) => r['lines'] === undefined).map((r) => r['id'])).toEqual([6, 7]);
  });

  it('the same lines pass the Python side’s check, under the same interpreter', () => {
    expect(written, 'the conversation above ran').toBeDefined();
    const first = written![0]!;
    // Request 9 is the warm request (as above).
    const definitionOf = (l: Line): string => (l === first ? 'ready' : 'started' in l ? 'progress' : l['id'] === 9 ? 'warmResponse' : 'hookResponse');
    expect(pythonCheck(python, written!.map((l) => [definitionOf(l), l]))).toEqual(written!.map(() => 'ok'));
    expect(pythonCheck(python, written!.map((l) => ['workerMessage', l]))).toEqual(written!.map(() => 'ok'));
  });

  it('readyFailed when the backend cannot be imported', { timeout: 30_000 }, async () => {
    const lines = await converse({ ...target, hook: { module: 'tb_schema_absent' } }, [], null);
    expect(lines).toHaveLength(1);
    expectValid('readyFailed', lines[0]);
    expect((lines[0]!['error'] as HookError).kind).toBe('import-error');
  });
});
