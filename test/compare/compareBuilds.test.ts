/**
 * The same comparisons as compareViews.test.ts, but through real archive
 * bytes: the hand-built views are packed into a zip (Python's zipfile) and a
 * tar.gz (tar-stream), then read back by compareArtifacts / compareBuilds.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { ArchiveView } from '../../src/archive/types.js';
import type { ArtifactResult, BuildResult, HookName } from '../../src/build/types.js';
import { compareArtifacts, compareBuilds } from '../../src/compare/compareBuilds.js';
import { LEVELS } from '../../src/normalize/types.js';
import { PYTHON, packTar } from '../archive/fixtures.js';
import {
  HATCHLING_INPUTS,
  PACKAGE_FILES,
  SETUPTOOLS_INPUTS,
  hatchlingSdist,
  hatchlingWheel,
  setuptoolsSdist,
  setuptoolsWheel,
  where,
} from '../normalize/fixtures.js';

const ZIP_SCRIPT = `
import base64, json, sys, time, zipfile, io
buf = io.BytesIO()
with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
    for e in json.load(sys.stdin):
        info = zipfile.ZipInfo(e['path'], time.gmtime(e['mtime'])[:6])
        info.external_attr = (0o100000 | e['mode']) << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, base64.b64decode(e['data']))
sys.stdout.buffer.write(buf.getvalue())
`;

function zipOf(view: ArchiveView): Uint8Array {
  const entries = view.entries.map((e) => ({ path: e.path, mode: e.mode ?? 0o644, mtime: e.mtime ?? 315532800, data: Buffer.from(e.data).toString('base64') }));
  return new Uint8Array(execFileSync(PYTHON, ['-c', ZIP_SCRIPT], { input: JSON.stringify(entries), maxBuffer: 64 * 1024 * 1024 }));
}

async function tarGzOf(view: ArchiveView): Promise<Uint8Array> {
  return new Uint8Array(
    await packTar(
      view.entries.map((e) => ({
        header: {
          name: e.path,
          type: e.type === 'dir' ? 'directory' : 'file',
          mode: e.mode ?? 0o644,
          mtime: new Date((e.mtime ?? 0) * 1000),
          uid: e.uid,
          gid: e.gid,
          uname: e.uname,
          gname: e.gname,
          size: e.type === 'dir' ? 0 : e.data.length,
        },
        data: e.type === 'dir' ? undefined : e.data,
      })),
    ),
  );
}

const outcome = (hook: HookName, value: unknown) => ({ ok: true as const, hook, value, stdout: '', stderr: '', ms: 1 });

async function built(view: ArchiveView): Promise<ArtifactResult> {
  const bytes = view.format === 'wheel' ? zipOf(view) : await tarGzOf(view);
  const hook: HookName = view.format === 'wheel' ? 'build_wheel' : 'build_sdist';
  return { ok: true, kind: view.format, filename: view.filename, bytes, outcome: outcome(hook, view.filename) };
}

function failed(kind: 'wheel' | 'sdist', message: string): ArtifactResult {
  const hook: HookName = kind === 'wheel' ? 'build_wheel' : 'build_sdist';
  const error = { kind: 'exception' as const, message };
  return { ok: false, kind, error, outcome: { ok: false, hook, error, stdout: '', stderr: message, ms: 1 } };
}

describe('compareArtifacts through real archives', () => {
  it('setuptools and hatchling wheels compare equal at semantic and show their additions at content', async () => {
    const a = await built(setuptoolsWheel());
    const b = await built(hatchlingWheel());
    const semantic = await compareArtifacts(a, b, 'semantic');
    expect(semantic.differences).toEqual([]);
    expect(semantic.bothFailed).toBe(false);
    expect(semantic.rules).toContain('wheel-generator');
    expect(semantic.views[0]!.filename).toBe('foo-bar-1.0-py3-none-any.whl');
    const content = await compareArtifacts(a, b, 'content');
    expect(where(content.differences)).toEqual([
      'content {dist-info}/METADATA',
      'content {dist-info}/RECORD',
      'content {dist-info}/WHEEL',
      'only-in-a {dist-info}/top_level.txt',
    ]);
    expect(content.rules).toContain('dist-info-folder');
    expect(content.views[0]!.folders).toEqual(['foo_bar-1.0.dist-info']);
  });

  it('a differently spelled dist-info folder is one folder-name difference at content and none at semantic', async () => {
    const a = await built(setuptoolsWheel({ distInfo: 'Foo.Bar-1.0.dist-info' }));
    const b = await built(setuptoolsWheel());
    expect((await compareArtifacts(a, b, 'content')).differences).toEqual([
      { artifact: 'wheel', kind: 'folder-name', path: '', a: 'Foo.Bar-1.0.dist-info', b: 'foo_bar-1.0.dist-info' },
    ]);
    expect((await compareArtifacts(a, b, 'semantic')).differences).toEqual([]);
  });

  it('setuptools and hatchling sdists compare equal at semantic given the project files', async () => {
    const a = await built(setuptoolsSdist());
    const b = await built(hatchlingSdist());
    const semantic = await compareArtifacts(a, b, 'semantic', ['A', 'B'], [SETUPTOOLS_INPUTS, HATCHLING_INPUTS]);
    expect(semantic.differences).toEqual([]);
    expect(semantic.rules).toEqual(expect.arrayContaining(['setuptools-egg-info', 'setuptools-generated-setup-cfg', 'sdist-top-folder', 'family-config-files']));
    const content = await compareArtifacts(a, b, 'content', ['A', 'B'], [SETUPTOOLS_INPUTS, HATCHLING_INPUTS]);
    expect(where(content.differences)).toContain('only-in-a setup.cfg');
    expect(where(content.differences)).toContain('only-in-a foo_bar.egg-info/PKG-INFO');
    expect(where(content.differences)).toEqual([
      'content PKG-INFO',
      'only-in-a foo_bar.egg-info/PKG-INFO',
      'only-in-a foo_bar.egg-info/SOURCES.txt',
      'only-in-a foo_bar.egg-info/dependency_links.txt',
      'only-in-a foo_bar.egg-info/entry_points.txt',
      'only-in-a foo_bar.egg-info/requires.txt',
      'only-in-a foo_bar.egg-info/top_level.txt',
      'only-in-a setup.cfg',
    ]);
    expect(content.rules).toEqual(expect.arrayContaining(['sdist-top-folder', 'family-config-files']));
  });

  it('a missing data file and an executable bit show at every level', async () => {
    const files = Object.fromEntries(Object.entries(PACKAGE_FILES).filter(([p]) => p !== 'foo_bar/data/schema.json'));
    const a = await built(setuptoolsWheel());
    const b = await built(hatchlingWheel({ files, executable: ['foo_bar/cli.py'] }));
    for (const level of LEVELS) {
      const w = where((await compareArtifacts(a, b, level)).differences);
      expect(w, level).toContain('only-in-a foo_bar/data/schema.json');
      expect(w, level).toContain('executable foo_bar/cli.py');
    }
  });

  it('the same build packed twice is equal at bytes', async () => {
    const a = await built(hatchlingSdist());
    const b = await built(hatchlingSdist());
    expect((await compareArtifacts(a, b, 'bytes')).differences).toEqual([]);
  });

  it('sees mtimes and owners of real tar members at bytes only', async () => {
    const a = await built(hatchlingSdist());
    const b = await built(hatchlingSdist({ mtime: 1748779200, uid: 1000, gid: 1000, uname: 'runner', gname: 'docker' }));
    const kinds = new Set((await compareArtifacts(a, b, 'bytes')).differences.map((d) => d.kind));
    expect(kinds).toEqual(new Set(['mtime', 'owner']));
    expect((await compareArtifacts(a, b, 'content')).differences).toEqual([]);
  });

  it('one side failing is a build-failed difference; both failing says nothing', async () => {
    const ok = await built(hatchlingWheel());
    const one = await compareArtifacts(ok, failed('wheel', 'ValueError: boom'), 'semantic');
    expect(one.differences).toEqual([{ artifact: 'wheel', kind: 'build-failed', path: '', a: 'built foo_bar-1.0-py3-none-any.whl', b: 'exception: ValueError: boom' }]);
    expect(one.bothFailed).toBe(false);
    const both = await compareArtifacts(failed('wheel', 'x'), failed('wheel', 'y'), 'semantic');
    expect(both).toMatchObject({ bothFailed: true, differences: [] });
  });
});

describe('compareBuilds', () => {
  it('compares sdists then wheels, and reports the rules of each', async () => {
    const a: BuildResult = { backendLabel: 'setuptools 80.9.0', sdist: await built(setuptoolsSdist()), wheel: await built(setuptoolsWheel()), ms: 1 };
    const b: BuildResult = {
      backendLabel: 'hatchling 1.27.0',
      sdist: await built(hatchlingSdist({ files: { ...PACKAGE_FILES, 'foo_bar/core.py': 'x = 1\n' } })),
      wheel: failed('wheel', 'boom'),
      ms: 1,
    };
    const cmp = await compareBuilds(a, b, 'semantic', ['setuptools', 'hatchling'], [SETUPTOOLS_INPUTS, HATCHLING_INPUTS]);
    expect(where(cmp.differences)).toEqual(['content foo_bar/core.py', 'build-failed ']);
    expect(cmp.differences.map((d) => d.artifact)).toEqual(['sdist', 'wheel']);
    expect(cmp.differences[0]!.diff).toMatch(/^--- a\/foo_bar\/core\.py\tsetuptools\n\+\+\+ b\/foo_bar\/core\.py\thatchling\n/);
    expect(cmp.bothFailed).toEqual([]);
    expect(cmp.rules.sdist).toContain('setuptools-egg-info');
    expect(cmp.rules.wheel).toEqual([]);
  });
});
