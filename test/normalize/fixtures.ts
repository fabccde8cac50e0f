/**
 * Hand-built ArchiveViews modelled on what real backends produce for one
 * small project, `Foo.Bar` 1.0 (import package `foo_bar`, with a module, a
 * console-script module and a package data file):
 *
 * - setuptools 80.9 wheel: package files, then `foo_bar-1.0.dist-info/`
 *   METADATA (Metadata-Version 2.4, `Description-Content-Type` before the
 *   requirements, markers in double quotes), WHEEL
 *   (`Generator: setuptools (80.9.0)`), top_level.txt and RECORD; member
 *   times are the build time.
 * - hatchling 1.27 wheel: same files, no top_level.txt, another field order,
 *   markers in single quotes, times fixed at 2020-02-02.
 * - setuptools 80.9 sdist: `foo_bar-1.0/` with directory members, PKG-INFO,
 *   the generated `setup.cfg` and `foo_bar.egg-info/`, owned by uid 1000.
 * - hatchling 1.27 sdist: no directory members, PKG-INFO last, uid 0.
 *
 * Every builder takes options so that a test can plant one real difference
 * while everything the backend derives (RECORD hashes, PKG-INFO, egg-info)
 * stays consistent, as a real build would be.
 */
import { createHash } from 'node:crypto';
import type { ArchiveEntry, ArchiveProblem, ArchiveView } from '../../src/archive/types.js';
import { compareViews } from '../../src/compare/compareViews.js';
import type { Difference } from '../../src/compare/types.js';
import { normalizeArtifact } from '../../src/normalize/normalizeArtifact.js';
import type { CanonicalView, Level } from '../../src/normalize/types.js';
import type { FileMap } from '../../src/render/fileMap.js';

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** 2025-06-01T12:00:00Z: when the setuptools build ran. */
export const BUILD_TIME = 1748779200;
/** hatchling's default reproducible time, 2020-02-02T00:00:00Z. */
export const HATCH_TIME = 1580601600;

export const README = '# Foo.Bar\n\nA test project.\n';

const PROJECT_TABLE = `[project]
name = "Foo.Bar"
version = "1.0"
description = "A test project"
readme = "README.md"
requires-python = ">=3.8"
dependencies = ["requests>=2.0; python_version<'3.9'", "click>=8.0"]

[project.optional-dependencies]
test = ["pytest>=7"]

[project.scripts]
foo-bar = "foo_bar.cli:main"
`;

/** The project's pyproject.toml as rendered for setuptools (explicit packages, no discovery). */
export const SETUPTOOLS_PYPROJECT = `[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

${PROJECT_TABLE}
[tool.setuptools]
packages = ["foo_bar"]
py-modules = []

[tool.setuptools.package-data]
foo_bar = ["data/schema.json"]
`;

/** The same project's pyproject.toml as rendered for hatchling. */
export const HATCHLING_PYPROJECT = `[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

${PROJECT_TABLE}
[tool.hatch.build.targets.wheel]
packages = ["foo_bar"]
`;

/** The project's import package, path -> content. */
export const PACKAGE_FILES: Readonly<Record<string, string | Uint8Array>> = {
  'foo_bar/__init__.py': '"""Foo.Bar: a test project."""\n\n__version__ = "1.0"\n',
  'foo_bar/cli.py': 'import sys\n\n\ndef main() -> None:\n    sys.exit(0)\n',
  'foo_bar/core.py': 'def answer() -> int:\n    return 42\n\n\ndef question() -> str:\n    return "?"\n',
  'foo_bar/data/schema.json': '{"type": "object"}\n',
};

/** Requirements as setuptools 80 writes them (packaging's str(Requirement)). */
export const SETUPTOOLS_REQUIRES = ['requests>=2.0; python_version < "3.9"', 'click>=8.0'];
export const SETUPTOOLS_EXTRA_REQUIRES = ['pytest>=7; extra == "test"'];
/** The same requirements as hatchling writes them: sorted, markers single-quoted. */
export const HATCHLING_REQUIRES = ['click>=8.0', "requests>=2.0; python_version < '3.9'"];
export const HATCHLING_EXTRA_REQUIRES = ["pytest>=7; extra == 'test'"];

export interface ProjectOptions {
  /** Package files (default PACKAGE_FILES). */
  files?: Record<string, string | Uint8Array>;
  /** Package files stored with mode 0o755. */
  executable?: string[];
  /** Core Requires-Dist values in the backend's spelling. */
  requires?: string[];
  /** Requires-Dist values of the `test` extra, in the backend's spelling. */
  extraRequires?: string[];
  /** `Name:` as written (default `Foo.Bar`). */
  name?: string;
  /** `Version:` as written (default `1.0`). */
  version?: string;
  metadataVersion?: string;
  /** Member time (default: the backend's usual one). */
  mtime?: number;
  /** Mode of non-executable files (default 0o644). */
  fileMode?: number;
  problems?: ArchiveProblem[];
}

export interface WheelOptions extends ProjectOptions {
  /** `.dist-info` folder name (default `foo_bar-1.0.dist-info`). */
  distInfo?: string;
  filename?: string;
}

export interface SdistOptions extends ProjectOptions {
  /** Top folder (default `foo_bar-1.0`). */
  topFolder?: string;
  filename?: string;
  /** Extra top-level files (path relative to the top folder -> content). */
  extraFiles?: Record<string, string>;
  /** pyproject.toml stored in the sdist (default: the family's rendering). */
  pyproject?: string;
  uid?: number;
  gid?: number;
  uname?: string;
  gname?: string;
}

export const toBytes = (d: string | Uint8Array): Uint8Array => (typeof d === 'string' ? utf8(d) : d);

export function fileEntry(path: string, data: string | Uint8Array, mode = 0o644, mtime: number | null = HATCH_TIME, extra: Partial<ArchiveEntry> = {}): ArchiveEntry {
  const bytes = toBytes(data);
  return { path, type: 'file', mode, size: bytes.length, mtime, data: bytes, ...extra };
}

export function dirEntry(path: string, mtime: number | null = BUILD_TIME, extra: Partial<ArchiveEntry> = {}): ArchiveEntry {
  return { path, type: 'dir', mode: 0o755, size: 0, mtime, data: new Uint8Array(0), ...extra };
}

/** A RECORD row as wheel writers produce it: path,sha256=<urlsafe b64, no padding>,size. */
export function recordRow(path: string, data: Uint8Array): string {
  return `${path},sha256=${createHash('sha256').update(data).digest('base64url')},${data.length}`;
}

function setuptoolsMetadata(o: ProjectOptions): string {
  const requires = o.requires ?? SETUPTOOLS_REQUIRES;
  const extra = o.extraRequires ?? SETUPTOOLS_EXTRA_REQUIRES;
  return [
    `Metadata-Version: ${o.metadataVersion ?? '2.4'}`,
    `Name: ${o.name ?? 'Foo.Bar'}`,
    `Version: ${o.version ?? '1.0'}`,
    'Summary: A test project',
    'Requires-Python: >=3.8',
    'Description-Content-Type: text/markdown',
    ...requires.map((r) => `Requires-Dist: ${r}`),
    'Provides-Extra: test',
    ...extra.map((r) => `Requires-Dist: ${r}`),
    '',
    README,
  ].join('\n');
}

function hatchlingMetadata(o: ProjectOptions): string {
  const requires = o.requires ?? HATCHLING_REQUIRES;
  const extra = o.extraRequires ?? HATCHLING_EXTRA_REQUIRES;
  return [
    `Metadata-Version: ${o.metadataVersion ?? '2.4'}`,
    `Name: ${o.name ?? 'Foo.Bar'}`,
    `Version: ${o.version ?? '1.0'}`,
    'Summary: A test project',
    'Requires-Python: >=3.8',
    ...requires.map((r) => `Requires-Dist: ${r}`),
    'Provides-Extra: test',
    ...extra.map((r) => `Requires-Dist: ${r}`),
    'Description-Content-Type: text/markdown',
    '',
    README,
  ].join('\n');
}

const WHEEL_BODY = (generator: string): string =>
  `Wheel-Version: 1.0\nGenerator: ${generator}\nRoot-Is-Purelib: true\nTag: py3-none-any\n\n`;

function packageEntries(o: ProjectOptions, mtime: number | null): ArchiveEntry[] {
  const files = o.files ?? PACKAGE_FILES;
  return Object.keys(files)
    .sort()
    .map((p) => fileEntry(p, files[p]!, (o.executable ?? []).includes(p) ? 0o755 : (o.fileMode ?? 0o644), mtime));
}

function wheel(o: WheelOptions, generator: string, metadata: string, topLevel: boolean, mtime: number): ArchiveView {
  const distInfo = o.distInfo ?? 'foo_bar-1.0.dist-info';
  const entries = packageEntries(o, mtime);
  entries.push(fileEntry(`${distInfo}/METADATA`, metadata, o.fileMode ?? 0o644, mtime));
  entries.push(fileEntry(`${distInfo}/WHEEL`, WHEEL_BODY(generator), o.fileMode ?? 0o644, mtime));
  if (topLevel) entries.push(fileEntry(`${distInfo}/top_level.txt`, 'foo_bar\n', o.fileMode ?? 0o644, mtime));
  entries.push(fileEntry(`${distInfo}/entry_points.txt`, '[console_scripts]\nfoo-bar = foo_bar.cli:main\n', o.fileMode ?? 0o644, mtime));
  const rows = entries.map((e) => recordRow(e.path, e.data));
  rows.push(`${distInfo}/RECORD,,`);
  entries.push(fileEntry(`${distInfo}/RECORD`, rows.join('\n') + '\n', o.fileMode ?? 0o644, mtime));
  return {
    format: 'wheel',
    filename: o.filename ?? 'foo_bar-1.0-py3-none-any.whl',
    container: 'zip',
    entries,
    problems: o.problems ?? [],
  };
}

/** A wheel as setuptools 80.9 (bdist_wheel) writes it. */
export function setuptoolsWheel(o: WheelOptions = {}): ArchiveView {
  return wheel(o, 'setuptools (80.9.0)', setuptoolsMetadata(o), true, o.mtime ?? BUILD_TIME);
}

/** A wheel as hatchling 1.27 writes it. */
export function hatchlingWheel(o: WheelOptions = {}): ArchiveView {
  return wheel(o, 'hatchling 1.27.0', hatchlingMetadata(o), false, o.mtime ?? HATCH_TIME);
}

/** An sdist as setuptools 80.9 writes it (with its egg-info and generated setup.cfg). */
export function setuptoolsSdist(o: SdistOptions = {}): ArchiveView {
  const top = o.topFolder ?? 'foo_bar-1.0';
  const mtime = o.mtime ?? BUILD_TIME;
  const owner = { uid: o.uid ?? 1000, gid: o.gid ?? 1000, uname: o.uname ?? 'runner', gname: o.gname ?? 'docker' };
  const f = (p: string, d: string | Uint8Array, mode = o.fileMode ?? 0o644): ArchiveEntry => fileEntry(`${top}/${p}`, d, mode, mtime, owner);
  const d = (p: string): ArchiveEntry => dirEntry(`${top}/${p}`, mtime, owner);
  const pkgInfo = setuptoolsMetadata(o);
  const files = o.files ?? PACKAGE_FILES;
  const pkgPaths = Object.keys(files).sort();
  const folders = [...new Set(pkgPaths.flatMap((p) => p.split('/').slice(0, -1).map((_, i, all) => all.slice(0, i + 1).join('/') + '/')))].sort();
  const extraFiles = o.extraFiles ?? {};
  const sources = [...Object.keys(extraFiles), 'README.md', 'pyproject.toml', ...pkgPaths, 'foo_bar.egg-info/PKG-INFO', 'foo_bar.egg-info/SOURCES.txt', 'foo_bar.egg-info/dependency_links.txt', 'foo_bar.egg-info/entry_points.txt', 'foo_bar.egg-info/requires.txt', 'foo_bar.egg-info/top_level.txt'].sort();
  const entries: ArchiveEntry[] = [
    dirEntry(`${top}/`, mtime, owner),
    f('PKG-INFO', pkgInfo),
    f('README.md', README),
    ...Object.entries(extraFiles).map(([p, t]) => f(p, t)),
    ...folders.map(d),
    ...pkgPaths.map((p) => f(p, files[p]!, (o.executable ?? []).includes(p) ? 0o755 : (o.fileMode ?? 0o644))),
    d('foo_bar.egg-info/'),
    f('foo_bar.egg-info/PKG-INFO', pkgInfo),
    f('foo_bar.egg-info/SOURCES.txt', sources.join('\n') + '\n'),
    f('foo_bar.egg-info/dependency_links.txt', '\n'),
    f('foo_bar.egg-info/entry_points.txt', '[console_scripts]\nfoo-bar = foo_bar.cli:main\n'),
    f('foo_bar.egg-info/requires.txt', 'click>=8.0\n\n[:python_version < "3.9"]\nrequests>=2.0\n\n[test]\npytest>=7\n'),
    f('foo_bar.egg-info/top_level.txt', 'foo_bar\n'),
    f('pyproject.toml', o.pyproject ?? SETUPTOOLS_PYPROJECT),
    f('setup.cfg', '[egg_info]\ntag_build = \ntag_date = 0\n\n'),
  ];
  return { format: 'sdist', filename: o.filename ?? 'foo_bar-1.0.tar.gz', container: 'tar.gz', entries, problems: o.problems ?? [] };
}

/** An sdist as hatchling 1.27 writes it. */
export function hatchlingSdist(o: SdistOptions = {}): ArchiveView {
  const top = o.topFolder ?? 'foo_bar-1.0';
  const mtime = o.mtime ?? HATCH_TIME;
  const owner = { uid: o.uid ?? 0, gid: o.gid ?? 0, uname: o.uname ?? '', gname: o.gname ?? '' };
  const files: Record<string, string | Uint8Array> = { ...(o.files ?? PACKAGE_FILES), 'README.md': README, 'pyproject.toml': o.pyproject ?? HATCHLING_PYPROJECT, ...(o.extraFiles ?? {}) };
  const exec = o.executable ?? [];
  const entries = Object.keys(files)
    .sort()
    .map((p) => fileEntry(`${top}/${p}`, files[p]!, exec.includes(p) ? 0o755 : (o.fileMode ?? 0o644), mtime, owner));
  entries.push(fileEntry(`${top}/PKG-INFO`, hatchlingMetadata(o), o.fileMode ?? 0o644, mtime, owner));
  return { format: 'sdist', filename: o.filename ?? 'foo_bar-1.0.tar.gz', container: 'tar.gz', entries, problems: o.problems ?? [] };
}

/**
 * Stand-in for the archive's bytes: a digest of everything stored, so that
 * two views that store the same thing get the same bytes.
 */
export function archiveBytes(view: ArchiveView): Uint8Array {
  const h = createHash('sha256');
  for (const e of view.entries) {
    h.update(JSON.stringify([e.path, e.type, e.mode, e.mtime, e.uid, e.gid, e.uname, e.gname, e.linkTarget]));
    h.update(e.data);
  }
  return new Uint8Array(h.digest());
}

/** The project tree each family's build started from (what `inputs` holds in compareBuilds). */
export function projectInputs(pyproject: string, files: Record<string, string | Uint8Array> = PACKAGE_FILES): FileMap {
  return { ...files, 'README.md': README, 'pyproject.toml': pyproject };
}
export const SETUPTOOLS_INPUTS = projectInputs(SETUPTOOLS_PYPROJECT);
export const HATCHLING_INPUTS = projectInputs(HATCHLING_PYPROJECT);

export function canon(view: ArchiveView, level: Level, inputs?: FileMap): CanonicalView {
  return normalizeArtifact(view, archiveBytes(view), level, inputs ? { inputs } : {});
}

/** Normalize both views at `level` and compare them. */
export function diffAt(
  a: ArchiveView,
  b: ArchiveView,
  level: Level,
  opts: { labels?: [string, string]; inputs?: [FileMap | undefined, FileMap | undefined] } = {},
): Difference[] {
  const [ia, ib] = opts.inputs ?? [undefined, undefined];
  return compareViews(canon(a, level, ia), canon(b, level, ib), opts.labels);
}

/** `kind path` of each difference, in the order given. */
export function where(diffs: Difference[]): string[] {
  return diffs.map((d) => `${d.kind} ${d.path}`);
}

/** A copy of `view` with `edit` applied to a deep copy of its entries. */
export function edited(view: ArchiveView, edit: (entries: ArchiveEntry[]) => ArchiveEntry[]): ArchiveView {
  return { ...view, entries: edit(view.entries.map((e) => ({ ...e }))), problems: [...view.problems] };
}

export const memberText = (v: CanonicalView, path: string): string | null | undefined => v.members.get(path)?.text;
