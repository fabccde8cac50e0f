/**
 * Real artifacts: small projects (dotted and mixed-case names, a version
 * written out of normal form, package data, markers, extras, entry points,
 * nested license files, .data scripts and data files) built with the PEP 517
 * hooks of real backends. Current backends must produce no problem at all;
 * Debian's setuptools 66.1.1 has known naming defects, which must be found.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readSdist, readWheel } from '../../src/archive/index.js';
import { checkSdist, checkWheel, type SpecProblem } from '../../src/oracles/index.js';
import { available, BACKENDS, build, PROJECTS, type Built, type RealBackend } from './fixtures/realBackends.js';

const results = new Map<string, { built: Built; wheel: SpecProblem[]; sdist: SpecProblem[] }>();
const key = (backend: RealBackend, project: string): string => `${backend.label} / ${project}`;

beforeAll(async () => {
  const jobs = BACKENDS.filter(available).flatMap((backend) =>
    PROJECTS.map(async (project) => {
      const built = await build(backend, project);
      const wheel = checkWheel(await readWheel(built.wheel.filename, built.wheel.bytes));
      const sdist = checkSdist(await readSdist(built.sdist.filename, built.sdist.bytes));
      results.set(key(backend, project.id), { built, wheel, sdist });
    }),
  );
  await Promise.all(jobs);
}, 600_000);

/** Code, severity and path of each problem. */
const brief = (problems: SpecProblem[]) => problems.map((p) => `${p.code} ${p.severity} ${p.path ?? ''}`);

for (const backend of BACKENDS.slice(0, 2)) {
  describe.skipIf(!available(backend))(backend.label, () => {
    for (const project of PROJECTS) {
      it(`builds ${project.id} into a wheel and an sdist with no problems`, () => {
        const result = results.get(key(backend, project.id))!;
        expect(result.wheel).toEqual([]);
        expect(result.sdist).toEqual([]);
      });
    }
  });
}

const legacy = BACKENDS[2]!;
describe.skipIf(!available(legacy))(legacy.label, () => {
  it('names the Foo.Bar wheel, .dist-info, sdist and its folder without normalizing, and writes License-File into Metadata-Version 2.1', () => {
    const result = results.get(key(legacy, 'Foo.Bar'))!;
    expect(result.built.wheel.filename).toBe('Foo.Bar-1.0-py3-none-any.whl');
    expect(brief(result.wheel)).toEqual([
      'W002 warning Foo.Bar-1.0-py3-none-any.whl',
      'W005 warning Foo.Bar-1.0.dist-info/',
      'M006 error Foo.Bar-1.0.dist-info/METADATA',
    ]);
    expect(brief(result.sdist)).toEqual(['S002 error Foo.Bar-1.0.tar.gz', 'S004 warning Foo.Bar-1.0/', 'M006 error Foo.Bar-1.0/PKG-INFO']);
  });

  it('keeps the dash of simple-data in the sdist filename and folder (PEP 625)', () => {
    const result = results.get(key(legacy, 'simple-data'))!;
    expect(brief(result.wheel)).toEqual([]);
    expect(brief(result.sdist)).toEqual(['S002 error simple-data-2.0.0.tar.gz', 'S004 warning simple-data-2.0.0/']);
  });

  it('keeps the case of UPPER_case-Name', () => {
    const result = results.get(key(legacy, 'UPPER_case-Name'))!;
    expect(brief(result.wheel)).toEqual([
      'W002 warning UPPER_case_Name-1.2.0rc1-py3-none-any.whl',
      'W005 warning UPPER_case_Name-1.2.0rc1.dist-info/',
      'M006 error UPPER_case_Name-1.2.0rc1.dist-info/METADATA',
    ]);
    expect(brief(result.sdist)).toEqual(['S002 error UPPER_case-Name-1.2.0rc1.tar.gz', 'S004 warning UPPER_case-Name-1.2.0rc1/', 'M006 error UPPER_case-Name-1.2.0rc1/PKG-INFO']);
  });

  it('keeps the case of dyn_Pkg', () => {
    const result = results.get(key(legacy, 'dyn_Pkg'))!;
    expect(brief(result.wheel)).toEqual(['W002 warning dyn_Pkg-3.0.dev1-py3-none-any.whl', 'W005 warning dyn_Pkg-3.0.dev1.dist-info/']);
    expect(brief(result.sdist)).toEqual(['S002 error dyn_Pkg-3.0.dev1.tar.gz', 'S004 warning dyn_Pkg-3.0.dev1/']);
  });
});
