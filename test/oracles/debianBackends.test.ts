/**
 * The spec checks on Debian 12's own backends (docs/debian.md): each minimal
 * project the `spec` fuzz runs shrank to, rebuilt with the real Debian
 * backend, must show exactly the problems triaged there as defects of that
 * version, and a plain project must show none of them. Skipped unless
 * /usr/bin/python3 imports exactly the Debian version.
 */
import { describe, expect, it } from 'vitest';
import { readSdist, readWheel } from '../../src/archive/index.js';
import { checkSdist, checkWheel, type SpecProblem } from '../../src/oracles/index.js';
import { DEBIAN, DEBIAN_PROJECTS, debianAvailable, type DebianBackend } from './fixtures/debianBackends.js';
import { build, type Files, type RealBackend } from './fixtures/realBackends.js';

/** Builds `files` with the Debian backend and checks both artifacts. */
async function problems(backend: DebianBackend, files: Files): Promise<{ wheel: string[]; sdist: string[]; names: [string, string] }> {
  const real = { label: backend.label, family: 'setuptools', python: backend.python, module: backend.module, pep639: false } as RealBackend;
  const built = await build(real, { id: 'debian', files: () => files });
  const brief = (ps: SpecProblem[]) => ps.map((p) => `${p.code} ${p.severity} ${p.path ?? ''}`);
  return {
    wheel: brief(checkWheel(await readWheel(built.wheel.filename, built.wheel.bytes))),
    sdist: brief(checkSdist(await readSdist(built.sdist.filename, built.sdist.bytes))),
    names: [built.wheel.filename, built.sdist.filename],
  };
}

describe.skipIf(!debianAvailable(DEBIAN.hatchling))(DEBIAN.hatchling.label, () => {
  const p = DEBIAN_PROJECTS.hatchling;

  it('builds a plain project with no problems', async () => {
    const r = await problems(DEBIAN.hatchling, p.plain);
    expect(r.wheel).toEqual([]);
    expect(r.sdist).toEqual([]);
  });

  it('puts the readme into the sdist twice when only-include names it (pypa/hatch#766)', async () => {
    const r = await problems(DEBIAN.hatchling, p.readmeTwice);
    expect(r.sdist).toEqual(['A001 error a-0/README.md']);
    expect(r.wheel).toEqual([]);
  });

  it('puts the license file into the sdist twice and writes License-File into Metadata-Version 2.1', async () => {
    const r = await problems(DEBIAN.hatchling, p.licenseFile);
    expect(r.sdist).toEqual(['A001 error a-0/LICENSE', 'M006 error a-0/PKG-INFO']);
    expect(r.wheel).toEqual(['M006 error a-0.dist-info/METADATA']);
  });
});

describe.skipIf(!debianAvailable(DEBIAN.flit))(DEBIAN.flit.label, () => {
  const p = DEBIAN_PROJECTS.flit;

  it('builds a plain project with no problems', async () => {
    const r = await problems(DEBIAN.flit, p.plain);
    expect(r.wheel).toEqual([]);
    expect(r.sdist).toEqual([]);
  });

  it('keeps the case of the name in the sdist filename and folder (normalized from flit 3.9)', async () => {
    const r = await problems(DEBIAN.flit, p.upperName);
    expect(r.names).toEqual(['aa-0-py2.py3-none-any.whl', 'Aa-0.tar.gz']);
    expect(r.sdist).toEqual(['S002 error Aa-0.tar.gz', 'S004 warning Aa-0/']);
    expect(r.wheel).toEqual([]);
  });

  it('keeps an explicit zero epoch in every name', async () => {
    const r = await problems(DEBIAN.flit, p.zeroEpoch);
    expect(r.sdist).toEqual(['S002 error a-0!0.tar.gz', 'S004 warning a-0!0/']);
    expect(r.wheel).toEqual(['W002 warning a-0!0-py2.py3-none-any.whl', 'W005 warning a-0!0.dist-info/']);
  });
});

describe.skipIf(!debianAvailable(DEBIAN.poetry))(DEBIAN.poetry.label, () => {
  const p = DEBIAN_PROJECTS.poetry;
  // One defect, one problem: W009 reads the compressed line as the two tags of the filename.
  const compressedTag = ['W008 error a-0.dist-info/WHEEL'];

  it('writes the compressed tag set py2.py3-none-any as one WHEEL Tag line, and nothing else is wrong with a plain project', async () => {
    const r = await problems(DEBIAN.poetry, p.plain);
    expect(r.wheel).toEqual(compressedTag);
    expect(r.sdist).toEqual([]);
  });

  it('writes Requires-Dist "j (<empty>)" for the unsatisfiable j>=1,<=0', async () => {
    const r = await problems(DEBIAN.poetry, p.emptyConstraint);
    expect(r.sdist).toEqual(['M011 error a-0/PKG-INFO']);
    expect(r.wheel).toEqual([...compressedTag, 'M011 error a-0.dist-info/METADATA']);
  });

  it('keeps the spelling 0alpha0 of the version 0a0 in the file and folder names', async () => {
    const r = await problems(DEBIAN.poetry, p.alphaSpelling);
    expect(r.names).toEqual(['a-0alpha0-py2.py3-none-any.whl', 'a-0alpha0.tar.gz']);
    expect(r.sdist).toEqual(['S002 error a-0alpha0.tar.gz', 'S004 warning a-0alpha0/']);
    expect(r.wheel).toEqual([
      'W002 warning a-0alpha0-py2.py3-none-any.whl',
      'W005 warning a-0alpha0.dist-info/',
      ...compressedTag.map((s) => s.replace('a-0.', 'a-0alpha0.')),
    ]);
  });
});
