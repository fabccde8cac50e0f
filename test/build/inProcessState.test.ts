import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArtifact } from '../../src/archive/index.js';
import { parseSpec } from '../../src/backends/parseSpec.js';
import { resolveBackend } from '../../src/backends/resolveBackend.js';
import { BackendRunner } from '../../src/build/runner.js';
import type { FileMap } from '../../src/render/fileMap.js';

/**
 * In-process builds with real backends: what one build leaves in the
 * interpreter must not reach the next. setuptools is the hard case: `attr:`
 * imports the project's own module, and distutils caches the folders it made.
 */
const project = (name: string, version: string, extra: FileMap = {}): FileMap => ({
  'pyproject.toml': `[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n\n[project]\nname = "${name}"\ndynamic = ["version"]\n\n[tool.setuptools]\npy-modules = ["foo"]\n\n[tool.setuptools.dynamic]\nversion = {attr = "foo.__version__"}\n`,
  // Not a literal: setuptools must import foo to read it (a literal is read without importing).
  'foo.py': `__version__ = "".join(["${version}"])\n`,
  ...extra,
});

async function metadataOf(bytes: Uint8Array, filename: string): Promise<string> {
  const view = await readArtifact('wheel', filename, bytes);
  const meta = view.entries.find((e) => e.path.endsWith('.dist-info/METADATA'))!;
  return new TextDecoder().decode(meta.data!);
}

describe('in-process builds with setuptools 80.9.0 put the interpreter back', () => {
  let runner: BackendRunner;
  beforeAll(async () => {
    runner = new BackendRunner(await resolveBackend(parseSpec('setuptools==80.9.0')));
    await runner.ready();
  }, 300_000);
  afterAll(async () => runner?.close());

  it('a module of the same name read by attr: in the previous build is not reused', { timeout: 120_000 }, async () => {
    const seen: string[] = [];
    for (const [name, version] of [['alpha', '1.0'], ['beta', '2.0'], ['alpha', '3.0']] as const) {
      const r = await runner.build(project(name, version), { timeoutSec: 60, inProcess: true });
      expect(r.wheel.ok && r.sdist.ok, JSON.stringify([!r.wheel.ok && r.wheel.error, !r.sdist.ok && r.sdist.error])).toBe(true);
      if (!r.wheel.ok) continue;
      const meta = await metadataOf(r.wheel.bytes, r.wheel.filename);
      seen.push(`${r.wheel.filename} ${/^Version: (.*)$/m.exec(meta)?.[1]}`);
    }
    expect(seen).toEqual(['alpha-1.0-py3-none-any.whl 1.0', 'beta-2.0-py3-none-any.whl 2.0', 'alpha-3.0-py3-none-any.whl 3.0']);
  });

  it('gives the same wheel members as a forked build', { timeout: 120_000 }, async () => {
    const files = project('gamma', '0.1', { 'README.md': '# g\n' });
    const a = await runner.build(files, { timeoutSec: 60, inProcess: true });
    const b = await runner.build(files, { timeoutSec: 60 });
    expect(a.wheel.ok && b.wheel.ok).toBe(true);
    if (!a.wheel.ok || !b.wheel.ok) return;
    const members = async (x: typeof a.wheel & { ok: true }) => (await readArtifact('wheel', x.filename, x.bytes)).entries.map((e) => `${e.path} ${e.size}`).sort();
    expect(await members(a.wheel)).toEqual(await members(b.wheel));
  });
});
