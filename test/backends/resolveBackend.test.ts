/**
 * resolveBackend without the network: backends found on interpreters, in
 * directories and wheels given with @LOCATION, hook overrides, and the errors.
 */
import { execa } from 'execa';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, EnvironmentError } from '../../src/errors.js';
import { findPython } from '../../src/backends/findPython.js';
import { parseSpec } from '../../src/backends/parseSpec.js';
import { WHEEL_MARKER } from '../../src/backends/provision.js';
import { resolveBackend } from '../../src/backends/resolveBackend.js';

let tmp: string;
let home: string;
let fake: string;
const savedEnv = { ...process.env };
const savedCwd = process.cwd();

/** A tiny fake flit_core: a backend module with a few hooks, and dist-info metadata. */
const FAKE_BUILDAPI = `
def get_requires_for_build_wheel(config_settings=None):
    return []

def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    raise NotImplementedError

def build_sdist(sdist_directory, config_settings=None):
    raise NotImplementedError

def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    raise NotImplementedError

class Wrapped:
    class inner:
        build_wheel = staticmethod(build_wheel)
        prepare_metadata_for_build_wheel = staticmethod(lambda d, c=None: "x")

not_a_backend = object()
`;

async function writeTree(root: string, files: Record<string, string>): Promise<void> {
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(root, rel);
    await fs.mkdir(path.dirname(p), { recursive: true });
    await fs.writeFile(p, text);
  }
}

beforeAll(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'twinbuild-resolve-')));
  home = path.join(tmp, 'home');
  fake = path.join(tmp, 'fake');
  await writeTree(fake, {
    'flit_core/__init__.py': '__version__ = "9.9.9"\n',
    'flit_core/buildapi.py': FAKE_BUILDAPI,
    'flit_core-9.9.9.dist-info/METADATA': 'Metadata-Version: 2.1\nName: flit_core\nVersion: 9.9.9\n',
    'broken_backend.py': 'raise RuntimeError("boom while importing")\n',
  });
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});
beforeEach(() => {
  delete process.env['TWINBUILD_PYTHON'];
});
afterEach(() => {
  process.env = { ...savedEnv };
  process.chdir(savedCwd);
});

describe('resolveBackend: installed on an interpreter', () => {
  it('setuptools from the first interpreter that has it', async () => {
    const probe = await findPython({ family: 'setuptools' });
    const fam = probe.families.setuptools;
    const b = await resolveBackend(parseSpec('setuptools'), { home });
    expect(b.python).toBe(probe.executable);
    expect(fam?.ok && b.version).toBe(fam?.ok && fam.version);
    expect(b.label).toBe(`setuptools ${b.version}`);
    expect(b.hook).toEqual({ module: 'setuptools.build_meta' });
    expect(b.importPaths).toEqual([]);
    expect(b.optionalHooks).toContain('prepare_metadata_for_build_wheel');
    expect(b.envDir).toBeUndefined();
  });

  it('backend= overrides the hook object and shows in the label', async () => {
    const b = await resolveBackend(parseSpec('setuptools,backend=setuptools.build_meta:__legacy__'), { home });
    expect(b.hook).toEqual({ module: 'setuptools.build_meta', object: '__legacy__' });
    expect(b.label).toBe(`setuptools ${b.version} (backend=setuptools.build_meta:__legacy__)`);
    expect(b.optionalHooks).toContain('get_requires_for_build_wheel');
  });

  it('backend= naming a module that does not exist: the Python exception in the message', async () => {
    const err = await resolveBackend(parseSpec('setuptools,backend=no_such_backend_module'), { home }).catch((e) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err.message).toContain('cannot import hook object no_such_backend_module');
    expect(err.message).toContain("ModuleNotFoundError: No module named 'no_such_backend_module'");
  });

  it('backend= naming an attribute that does not exist', async () => {
    const err = await resolveBackend(parseSpec('setuptools,backend=setuptools.build_meta:nope'), { home }).catch((e) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err.message).toContain('cannot import hook object setuptools.build_meta:nope');
    expect(err.message).toMatch(/AttributeError: .*nope/);
  });
});

describe('resolveBackend: @LOCATION directory', () => {
  it('puts the directory first and reads the version from its metadata', async () => {
    const lines: string[] = [];
    const b = await resolveBackend(parseSpec(`flit@${fake}`), { home, log: (l) => lines.push(l) });
    expect(b.family).toBe('flit');
    expect(b.version).toBe('9.9.9');
    expect(b.label).toBe('flit-core 9.9.9');
    expect(b.importPaths).toEqual([fake]);
    expect(b.hook).toEqual({ module: 'flit_core.buildapi' });
    expect(b.optionalHooks).toEqual(['get_requires_for_build_wheel', 'build_editable']);
    expect(path.isAbsolute(b.python)).toBe(true);
    expect(b.python).not.toContain('/shims/');
    expect(lines.some((l) => l.startsWith(`flit@${fake}: using Python`))).toBe(true);
  });

  it('a relative location resolves against the current directory, then path= entries follow', async () => {
    const extra = path.join(tmp, 'extra');
    await fs.mkdir(extra, { recursive: true });
    process.chdir(tmp);
    const b = await resolveBackend(parseSpec('flit@fake,path=extra,path=./fake'), { home });
    expect(b.importPaths).toEqual([fake, extra, fake]);
  });

  it('without metadata the version comes from __version__', async () => {
    const bare = path.join(tmp, 'bare');
    await writeTree(bare, {
      'flit_core/__init__.py': '__version__ = "0.1.dev0"\n',
      'flit_core/buildapi.py': FAKE_BUILDAPI,
    });
    const b = await resolveBackend(parseSpec(`flit@${bare}`), { home });
    expect(b.version).toBe('0.1.dev0');
  });

  it('backend= with a dotted object path', async () => {
    const b = await resolveBackend(parseSpec(`flit@${fake},backend=flit_core.buildapi:Wrapped.inner`), { home });
    expect(b.hook).toEqual({ module: 'flit_core.buildapi', object: 'Wrapped.inner' });
    expect(b.optionalHooks).toEqual(['prepare_metadata_for_build_wheel']);
    expect(b.label).toBe('flit-core 9.9.9 (backend=flit_core.buildapi:Wrapped.inner)');
  });

  it('a hook module that raises on import: clear error with the exception', async () => {
    const err = await resolveBackend(parseSpec(`flit@${fake},backend=broken_backend`), { home }).catch((e) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err.message).toContain(`backend flit@${fake},backend=broken_backend: cannot import hook object broken_backend`);
    expect(err.message).toContain(`with ${fake} first on sys.path`);
    expect(err.message).toContain('RuntimeError: boom while importing');
  });

  it('an object without build hooks is not a backend', async () => {
    const err = await resolveBackend(parseSpec(`flit@${fake},backend=flit_core.buildapi:not_a_backend`), { home }).catch((e) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toContain('is not a PEP 517 backend: it has neither build_wheel nor build_sdist');
  });

  it('a location that does not exist, or is not a wheel', async () => {
    await expect(resolveBackend(parseSpec(`flit@${tmp}/missing`), { home })).rejects.toThrow(/@.*missing: no such file or directory/);
    const txt = path.join(tmp, 'notes.txt');
    await fs.writeFile(txt, 'x');
    await expect(resolveBackend(parseSpec(`flit@${txt}`), { home })).rejects.toThrow(/expected a wheel \(\.whl\) or a directory/);
  });

  it('a path= that does not exist', async () => {
    const err = await resolveBackend(parseSpec(`flit@${fake},path=${tmp}/nope`), { home }).catch((e) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toContain(`path=${tmp}/nope: no such file or directory`);
  });

  it('a family that the location does not provide', async () => {
    const err = await resolveBackend(parseSpec(`uv@${fake}`), { home }).catch((e) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err.message).toContain('that can import uv_build');
  });
});

describe('resolveBackend: @LOCATION wheel', () => {
  let wheel: string;
  beforeAll(async () => {
    // build a small wheel with Python's zipfile: a package, a purelib file and an executable script
    wheel = path.join(tmp, 'flit_core-8.8.8-py3-none-any.whl');
    const python = (await findPython({})).executable;
    const code = `
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("flit_core/__init__.py", "__version__ = '8.8.8'\\n")
    z.writestr("flit_core/buildapi.py", sys.argv[2])
    z.writestr("flit_core-8.8.8.data/purelib/flit_extra.py", "X = 1\\n")
    info = zipfile.ZipInfo("flit_core-8.8.8.data/scripts/fake-tool")
    info.external_attr = 0o755 << 16
    z.writestr(info, "#!/bin/sh\\necho fake\\n")
    z.writestr("flit_core-8.8.8.dist-info/METADATA", "Metadata-Version: 2.1\\nName: flit_core\\nVersion: 8.8.8\\n")
    z.writestr("flit_core-8.8.8.dist-info/WHEEL", "Wheel-Version: 1.0\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n")
    z.writestr("flit_core-8.8.8.dist-info/RECORD", "")
`;
    await execa(python, ['-c', code, wheel, FAKE_BUILDAPI]);
  });

  it('unpacks once, keyed by the sha256 of the file', async () => {
    const sha = createHash('sha256').update(await fs.readFile(wheel)).digest('hex');
    const dest = path.join(home, 'wheels', sha);
    const b = await resolveBackend(parseSpec(`flit@${wheel}`), { home });
    expect(b.version).toBe('8.8.8');
    expect(b.importPaths).toEqual([path.join(dest, 'site')]);
    expect(b.binPaths?.[0]).toBe(path.join(dest, 'bin'));
    const tool = await fs.stat(path.join(dest, 'bin', 'fake-tool'));
    expect(tool.mode & 0o111).not.toBe(0);
    await fs.access(path.join(dest, 'site', 'flit_extra.py'));
    const marker = await fs.stat(path.join(dest, WHEEL_MARKER));

    const lines: string[] = [];
    const again = await resolveBackend(parseSpec(`flit@${wheel}`), { home, log: (l) => lines.push(l) });
    expect(again.importPaths).toEqual(b.importPaths);
    expect(lines.some((l) => l.includes('unpacking'))).toBe(false);
    expect((await fs.stat(path.join(dest, WHEEL_MARKER))).mtimeMs).toBe(marker.mtimeMs);
    expect((await fs.readdir(path.join(home, 'wheels'))).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('refuses a wheel whose members would escape', async () => {
    const evil = path.join(tmp, 'evil-1.0-py3-none-any.whl');
    const python = (await findPython({})).executable;
    await execa(python, ['-c', 'import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], "w") as z: z.writestr("../../escaped.txt", "x")', evil]);
    const err = await resolveBackend(parseSpec(`flit@${evil}`), { home }).catch((e) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toContain('wheel member would escape the unpack directory: ../../escaped.txt');
    await expect(fs.access(path.join(home, 'escaped.txt'))).rejects.toThrow();
  });

  it('refuses a file that is not a zip', async () => {
    const junk = path.join(tmp, 'junk-1.0-py3-none-any.whl');
    await fs.writeFile(junk, 'not a zip');
    const err = await resolveBackend(parseSpec(`flit@${junk}`), { home }).catch((e) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toMatch(/cannot unpack the wheel: .*BadZipFile/);
  });
});
