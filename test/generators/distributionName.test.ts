import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distributionName } from '../../generators/distributionName.js';
import { shrinkTo } from './shrink.js';
import { PEP508_NAME } from './validators.js';

describe('distributionName', () => {
  it('gives the same values for the same seed', () => {
    expect(fc.sample(distributionName(), { seed: 42, numRuns: 100 })).toEqual(fc.sample(distributionName(), { seed: 42, numRuns: 100 }));
  });

  it('only produces PEP 508 names', () => {
    fc.assert(fc.property(distributionName(), (name) => PEP508_NAME.test(name)), { numRuns: 2000 });
  });

  it('uses every separator, runs of two, mixed case and digits', () => {
    const names = fc.sample(distributionName(), { seed: 1, numRuns: 2000 });
    for (const pattern of [/-/, /_/, /\./, /[-_.]{2}/, /[A-Z]/, /[0-9]/, /^[a-z]+$/]) {
      expect(names.some((n) => pattern.test(n)), String(pattern)).toBe(true);
    }
  });

  it('honours its options', () => {
    const names = fc.sample(distributionName({ mixedCase: false, separatorRuns: false, maxSegments: 1 }), { seed: 1, numRuns: 500 });
    expect(names.every((n) => /^[a-z0-9]+$/.test(n))).toBe(true);
    const two = fc.sample(distributionName({ separatorRuns: false }), { seed: 1, numRuns: 500 });
    expect(two.some((n) => /[-_.]{2}/.test(n))).toBe(false);
  });

  it('shrinks toward a', () => {
    expect(shrinkTo(distributionName(), (n) => n.length > 0).minimal).toBe('a');
    // The uppercase letter may stay in a later segment: `a-A` is a local minimum.
    expect(['A', 'a-A']).toContain(shrinkTo(distributionName(), (n) => /[A-Z]/.test(n)).minimal);
    expect(shrinkTo(distributionName(), (n) => n.includes('.')).minimal).toBe('a.a');
  });
});
