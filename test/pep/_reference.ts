/**
 * The test-side reference runner: one long-lived Python process with pinned
 * pypa/packaging that judges batches of inputs (protocol in _reference.py).
 * Its environment lives under the twinbuild home (`tools/reference-packaging-V-pyX.Y`),
 * made once from the same interpreter candidates as the backends' environments.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa, type ResultPromise } from 'execa';
import { probePython, pythonCandidates, pythonEnv } from '../../src/backends/findPython.js';
import { twinbuildHome, venvPython } from '../../src/backends/paths.js';

export const PACKAGING_PIN = '26.3';
const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), '_reference.py');
const MARKER = 'twinbuild-reference.json';

export type Kind = 'name' | 'version' | 'specifier' | 'requirement' | 'marker' | 'license' | 'wheel_filename' | 'sdist_filename' | 'contains';
export type Answer = { ok: true; normal: unknown } | { ok: false; error: string };

/** The reference environment's interpreter, created on first use; null when none can be made (no network). */
export async function referencePython(): Promise<string | null> {
  const tools = path.join(twinbuildHome(), 'tools');
  for (const c of pythonCandidates().candidates) {
    let base;
    try {
      base = await probePython(c.command);
    } catch {
      continue;
    }
    if (base.version[0]! < 3 || (base.version[0] === 3 && base.version[1]! < 9)) continue;
    const dir = path.join(tools, `reference-packaging-${PACKAGING_PIN}-py${base.version[0]}.${base.version[1]}`);
    if (await exists(path.join(dir, MARKER))) return venvPython(dir);
    await fs.mkdir(tools, { recursive: true });
    const tmp = `${dir}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      const opts = { reject: false, env: pythonEnv(), extendEnv: false, stdin: 'ignore' } as const;
      if ((await execa(base.executable, ['-I', '-m', 'venv', tmp], opts)).failed) continue;
      if ((await execa(venvPython(tmp), ['-I', '-m', 'pip', 'install', '--no-input', '-q', `packaging==${PACKAGING_PIN}`], opts)).failed) continue;
      await fs.writeFile(path.join(tmp, MARKER), JSON.stringify({ packaging: PACKAGING_PIN, basePython: base.executable }) + '\n');
      await fs.rename(tmp, dir).catch(() => undefined); // another process may have made it first
      if (await exists(path.join(dir, MARKER))) return venvPython(dir);
    } finally {
      await fs.rm(tmp, { recursive: true, force: true });
    }
  }
  return null;
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}

/** A running reference process; `ask` sends one batch and waits for its answers. */
export class Reference {
  private buffer = '';
  private waiting: ((line: string) => void)[] = [];

  private constructor(private readonly child: ResultPromise) {
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      this.buffer += chunk;
      for (let nl = this.buffer.indexOf('\n'); nl >= 0; nl = this.buffer.indexOf('\n')) {
        const line = this.buffer.slice(0, nl);
        this.buffer = this.buffer.slice(nl + 1);
        this.waiting.shift()?.(line);
      }
    });
  }

  static async start(): Promise<Reference | null> {
    const python = await referencePython();
    if (python === null) return null;
    const child = execa(python, ['-I', SCRIPT], { env: pythonEnv(), extendEnv: false, reject: false, stdin: 'pipe', stdout: 'pipe', stderr: 'inherit', buffer: false });
    return new Reference(child);
  }

  ask(kind: Kind, inputs: readonly unknown[]): Promise<Answer[]> {
    return new Promise((resolve, reject) => {
      this.waiting.push((line) => {
        const out = JSON.parse(line) as { results?: Answer[]; error?: string };
        if (out.results === undefined) reject(new Error(out.error ?? 'no results'));
        else resolve(out.results);
      });
      this.child.stdin!.write(JSON.stringify({ op: 'reference', kind, inputs }) + '\n');
    });
  }

  stop(): void {
    this.child.stdin!.end();
  }
}
