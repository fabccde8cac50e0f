import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requirement } from '../../generators/requirement.js';
import { shrinkTo } from './shrink.js';
import { requirementProblems } from './validators.js';

describe('requirement', () => {
  it('gives the same values for the same seed', () => {
    expect(fc.sample(requirement(), { seed: 42, numRuns: 100 })).toEqual(fc.sample(requirement(), { seed: 42, numRuns: 100 }));
  });

  it('only produces valid PEP 508 requirements', () => {
    fc.assert(
      fc.property(requirement(), (req) => {
        expect(requirementProblems(req)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('the check itself rejects broken specifiers', () => {
    for (const bad of ['a>=', 'a~=1', 'a>=1.*', 'a==01', 'a; python_version >= 3.8', '-a', 'a>=1;python_version>"3"', 'a[]', 'a[b,B]', 'a; os_name == "nt" xor os_name == "posix"']) {
      expect(requirementProblems(bad), bad).not.toEqual([]);
    }
  });

  it('uses every kind of specifier and markers', () => {
    const reqs = fc.sample(requirement(), { seed: 1, numRuns: 2000 });
    for (const pattern of [/>=/, /</, /!=/, /==[0-9.]+\.\*/, /~=/, /,/, /; python_version/, /; sys_platform/, /^[A-Za-z0-9._-]+$/, /^[^;]*\[[^\]]*,/, / and /, / or /]) {
      expect(reqs.some((r) => pattern.test(r)), String(pattern)).toBe(true);
    }
    expect(fc.sample(requirement({ markers: false, maxSpecifiers: 0, extras: false }), { seed: 1, numRuns: 300 }).every((r) => /^[A-Za-z0-9._-]+$/.test(r))).toBe(true);
  });

  it('shrinks toward a', () => {
    expect(shrinkTo(requirement(), () => true).minimal).toBe('a');
    expect(shrinkTo(requirement(), (r) => r.includes(';')).minimal).toBe('a; python_version >= "3.6"');
    expect(shrinkTo(requirement(), (r) => r.includes('~=')).minimal).toBe('a~=0.0');
    expect(shrinkTo(requirement(), (r) => r.includes('[')).minimal).toBe('a[a]');
    expect(shrinkTo(requirement(), (r) => r.includes(' or ')).minimal).toBe('a; python_version >= "3.6" or python_version >= "3.6"');
  });

  it('can shrink requirements it did not generate', () => {
    const arb = requirement();
    expect(fc.sample(arb, { seed: 4, numRuns: 1000 }).filter((r) => !arb.canShrinkWithoutContext(r))).toEqual([]);
  });
});
