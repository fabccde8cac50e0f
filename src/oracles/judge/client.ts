/**
 * The judge: one long-lived Python process with pinned pypa/packaging and
 * trove-classifiers (src/oracles/judge/env.ts) that gives the reference
 * implementation's verdict on an artifact (`judgeArtifact`: one batched call
 * per wheel or sdist, codes P001-P007 of docs/rules/) and on primitive values
 * (`reference`: names, versions, specifiers, requirements, markers, license
 * expressions, filenames, specifier containment).
 *
 * Lifecycle: a run starts one (`startJudge`), shares it between its lanes
 * (requests are multiplexed by id), and closes it at the end; an interrupted
 * run kills it with the hook workers (it is tracked by src/build/lifecycle.ts).
 * There is no module-level state: two runs in one process have two judges.
 * When the judge cannot be provisioned (no Python ≥ 3.9, no network) or dies,
 * `startJudge` / `failure` say why, and the TypeScript checks run alone.
 */
import { createInterface } from 'node:readline';
import { execa, type ResultPromise } from 'execa';
import { packageFile } from '../../_internals/packageRoot.js';
import type { ArchiveView } from '../../archive/types.js';
import { pythonEnv } from '../../backends/findPython.js';
import type { ProvisionOptions } from '../../backends/provision.js';
import { endAndAwaitExit, isStopped, parked, settledWithin, trackWorker, untrackWorker, type Stoppable } from '../../build/lifecycle.js';
import { buildContext } from '../context.js';
import type { ArtifactKind, SpecProblem } from '../types.js';
import { referenceCheck } from './codes.js';
import { JUDGE_PINS, provisionJudge, type JudgeEnv } from './env.js';

const WORKER_SCRIPT = packageFile('src', 'oracles', 'judge', '_python', 'judge_worker.py');
/** Seconds the worker may take to import packaging before it counts as broken. */
const START_TIMEOUT_MS = 60_000;
/** A request unanswered for this long means the worker hangs: it is killed and the judge is off. */
const REQUEST_TIMEOUT_MS = 60_000;

/** What `reference` can ask about. */
export const REFERENCE_KINDS = ['name', 'version', 'specifier', 'requirement', 'marker', 'license', 'wheel_filename', 'sdist_filename', 'contains'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

/**
 * packaging's verdict on one input. `normal`: canonicalize_name, str(Version),
 * str(SpecifierSet), str(Requirement), str(Marker), the canonical license
 * expression, the parsed filename ({name, version, build, tags} / {name,
 * version}), or (contains) whether the version is in the set, prereleases included.
 */
export type ReferenceResult = { ok: true; normal: unknown } | { ok: false; error: string };

export type JudgeStart = { ok: true; judge: Judge } | { ok: false; reason: string };

export interface JudgeOptions extends ProvisionOptions {
  /** Use this environment instead of provisioning one (tests). */
  env?: Pick<JudgeEnv, 'python' | 'dir'>;
}

type Reply = Record<string, unknown>;
type Pending = { resolve: (v: Reply) => void; timer: NodeJS.Timeout };

/**
 * Provision the judge's environment and start its worker. Never throws for
 * an environment problem: `{ ok: false, reason }` says, in one line, why the
 * reference checks are off.
 */
export async function startJudge(opts: JudgeOptions = {}): Promise<JudgeStart> {
  let env: Pick<JudgeEnv, 'python' | 'dir'>;
  try {
    env = opts.env ?? (await provisionJudge(opts));
  } catch (e) {
    return { ok: false, reason: firstLine(e) };
  }
  return Judge.spawn(env.python);
}

function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0]!.trim();
}

export class Judge implements Stoppable {
  /** Installed versions of the pinned judges, as the worker reports them. */
  readonly versions: Readonly<Record<string, string>>;
  readonly pythonVersion: string;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private dead = false;
  private closing = false;
  /** Why the judge stopped answering during the run (undefined while it works). */
  failure: string | undefined;
  private readonly exited: Promise<unknown>;

  private constructor(
    readonly python: string,
    private readonly proc: ResultPromise,
    ready: Reply,
  ) {
    this.versions = (ready['versions'] ?? {}) as Record<string, string>;
    this.pythonVersion = String(ready['python'] ?? '');
    this.exited = proc.then(
      () => undefined,
      () => undefined,
    );
  }

  /** Start a worker with `python` (an interpreter that imports the pinned packaging). */
  static async spawn(python: string): Promise<JudgeStart> {
    const proc = execa(python, ['-u', '-B', '-s', '-E', WORKER_SCRIPT], {
      env: pythonEnv({ PYTHONUTF8: '1', LC_ALL: 'C.UTF-8', PYTHONHASHSEED: '0' }),
      extendEnv: false,
      buffer: false,
      stdin: 'pipe',
      stdout: 'pipe',
      stderr: 'pipe',
      reject: false,
      cleanup: true,
    });
    const starting: Stoppable = { terminate: async () => void proc.kill('SIGKILL'), killNow: () => void proc.kill('SIGKILL') };
    trackWorker(starting);
    const stderr: string[] = [];
    proc.stderr?.on('data', (d: Buffer) => {
      stderr.push(d.toString('utf8'));
      if (stderr.length > 20) stderr.shift();
    });
    const lines = createInterface({ input: proc.stdout! });
    let timer: NodeJS.Timeout | undefined;
    const first = await new Promise<Reply | null>((resolve) => {
      lines.once('line', (l) => resolve(safeJson(l)));
      void proc.then(() => resolve(null));
      timer = setTimeout(() => resolve(null), START_TIMEOUT_MS);
    });
    clearTimeout(timer);
    untrackWorker(starting);
    const wrong = first?.['ready'] === true ? unpinned(first['versions']) : undefined;
    if (!first || first['ready'] !== true || wrong) {
      proc.kill('SIGKILL');
      await proc.catch(() => undefined);
      if (isStopped()) return parked();
      const why = wrong ?? (typeof first?.['error'] === 'string' ? first['error'] : stderr.join('').trim().split('\n').pop() || 'no answer');
      return { ok: false, reason: `the judge worker (${python}) did not start: ${why}` };
    }
    const judge = new Judge(python, proc, first);
    trackWorker(judge);
    proc.stdin?.on('error', () => undefined);
    lines.on('line', (l) => judge.onLine(l));
    proc.once('exit', () => judge.onExit(stderr));
    return { ok: true, judge };
  }

  get alive(): boolean {
    return !this.dead;
  }

  /** One line for a run's header: what judges. */
  describe(): string {
    return `reference checks by packaging ${this.versions['packaging'] ?? '?'} and trove-classifiers ${this.versions['trove-classifiers'] ?? '?'} (Python ${this.pythonVersion})`;
  }

  private onLine(line: string): void {
    const msg = safeJson(line);
    if (!msg || typeof msg['id'] !== 'number') return;
    const p = this.pending.get(msg['id']);
    if (!p) return;
    clearTimeout(p.timer);
    this.pending.delete(msg['id']);
    p.resolve(msg);
  }

  private onExit(stderr: string[]): void {
    this.dead = true;
    if (!this.closing && this.failure === undefined) {
      this.failure = `the judge worker exited: ${stderr.join('').trim().split('\n').pop() || 'no message'}`;
    }
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.resolve({ id, error: this.failure ?? 'the judge worker is closed' });
    }
    this.pending.clear();
  }

  private request(body: Reply): Promise<Reply> {
    if (isStopped()) return parked();
    if (this.dead || this.closing) return Promise.resolve({ error: this.failure ?? 'the judge worker is closed' });
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.failure = `the judge worker gave no answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
        this.killNow();
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(id, { resolve, timer });
      this.proc.stdin!.write(`${JSON.stringify({ ...body, id })}\n`);
    });
  }

  /**
   * The reference problems of one artifact, in one call: its filename, its
   * core metadata (METADATA / PKG-INFO) and, for a wheel, its WHEEL tags.
   * A judge that has failed returns none (its `failure` says why).
   */
  async judgeArtifact(view: ArchiveView, kind: ArtifactKind): Promise<SpecProblem[]> {
    const ctx = buildContext(view, kind);
    const file = (path: string | undefined): { path: string; b64: string } | null => {
      const entry = path === undefined ? undefined : ctx.members.get(path);
      return entry && entry.type === 'file' ? { path: entry.path, b64: Buffer.from(entry.data).toString('base64') } : null;
    };
    const wheelFile = ctx.wheel?.distInfo !== undefined ? `${ctx.wheel.distInfo}/WHEEL` : undefined;
    const reply = await this.request({ op: 'judge', kind, filename: ctx.filename, metadata: file(ctx.metadata?.path), wheel: kind === 'wheel' ? file(wheelFile) : null });
    if (!Array.isArray(reply['problems'])) {
      this.failure ??= String(reply['error'] ?? 'the judge worker answered without problems');
      return [];
    }
    return (reply['problems'] as { code: string; path?: string; message: string }[]).map((p) => {
      const check = referenceCheck(p.code);
      const problem: SpecProblem = { code: p.code, artifact: kind, severity: check?.severity ?? 'error', message: p.message };
      if (p.path) problem.path = p.path;
      return problem;
    });
  }

  /** packaging's verdict on each input (see ReferenceResult); throws when the judge cannot answer. */
  async reference(kind: ReferenceKind, inputs: readonly unknown[]): Promise<ReferenceResult[]> {
    const reply = await this.request({ op: 'reference', kind, inputs });
    if (!Array.isArray(reply['results'])) throw new Error(`the judge cannot answer a ${kind} reference request: ${String(reply['error'] ?? 'no results')}`);
    return reply['results'] as ReferenceResult[];
  }

  killNow(): void {
    if (this.proc.pid !== undefined) {
      try {
        process.kill(this.proc.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }

  async terminate(graceMs: number): Promise<void> {
    this.closing = true;
    this.proc.stdin?.end();
    await settledWithin(this.exited, graceMs);
    this.killNow();
  }

  /** Stop the worker (stdin closed; killed if it is still there after 2 s). */
  async close(): Promise<void> {
    this.closing = true;
    if (!this.dead) await endAndAwaitExit(this.proc.stdin, this.exited, () => this.killNow());
    untrackWorker(this);
  }
}

/**
 * packaging's verdicts on primitive values, for testing a TypeScript parser
 * against the reference: `{"op":"reference","kind":K,"inputs":[...]}` to the
 * judge worker. For `contains`, each input is a [specifier, version] pair.
 */
export function referenceVerdicts(judge: Judge, kind: ReferenceKind, inputs: readonly unknown[]): Promise<ReferenceResult[]> {
  return judge.reference(kind, inputs);
}

/** What differs from the pins in the versions a worker reports (undefined: it has exactly the pins). */
function unpinned(versions: unknown): string | undefined {
  const have = (versions ?? {}) as Record<string, string>;
  const off = Object.entries(JUDGE_PINS).filter(([name, version]) => have[name] !== version);
  return off.length ? `it has ${off.map(([name]) => `${name} ${have[name] ?? '(none)'}`).join(', ')}, not the pinned ${off.map(([n, v]) => `${n}==${v}`).join(' ')}` : undefined;
}

function safeJson(line: string): Reply | null {
  try {
    const v: unknown = JSON.parse(line);
    return v && typeof v === 'object' ? (v as Reply) : null;
  } catch {
    return null;
  }
}
