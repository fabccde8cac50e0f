import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { version } from '../../generators/version.js';
import { shrinkTo } from './shrink.js';
import { PEP440_NORMALIZED_PUBLIC } from './validators.js';

describe('version', () => {
  it('gives the same values for the same seed', () => {
    expect(fc.sample(version(), { seed: 42, numRuns: 100 })).toEqual(fc.sample(version(), { seed: 42, numRuns: 100 }));
  });

  it('only produces normalized PEP 440 versions', () => {
    fc.assert(fc.property(version(), (v) => PEP440_NORMALIZED_PUBLIC.test(v)), { numRuns: 2000 });
  });

  it('the check itself rejects invalid and non-normalized spellings', () => {
    for (const bad of ['', '1.', '.1', '01', '1.02', '1.0-a1', '1.0alpha1', '1.0.post', '1.0-1', 'v1.0', '1!1.0', '1.0+local', '1.0RC1', '1.0c1', '1.0a']) {
      expect(PEP440_NORMALIZED_PUBLIC.test(bad), bad).toBe(false);
    }
    for (const good of ['0', '1.0', '2024.1.15', '1.0a1', '1.0b2.post3.dev4', '1rc0', '0.0.dev0']) {
      expect(PEP440_NORMALIZED_PUBLIC.test(good), good).toBe(true);
    }
  });

  it('uses pre, post and dev segments, and honours options', () => {
    const versions = fc.sample(version(), { seed: 1, numRuns: 1000 });
    for (const pattern of [/[0-9](a|b|rc)[0-9]/, /\.post/, /\.dev/, /^[0-9.]+$/, /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+/]) {
      expect(versions.some((v) => pattern.test(v)), String(pattern)).toBe(true);
    }
    const plain = fc.sample(version({ pre: false, post: false, dev: false, maxReleaseLength: 2 }), { seed: 1, numRuns: 500 });
    expect(plain.every((v) => /^[0-9]+(\.[0-9]+)?$/.test(v))).toBe(true);
  });

  it('shrinks toward 0', () => {
    expect(shrinkTo(version(), () => true).minimal).toBe('0');
    expect(shrinkTo(version(), (v) => v.includes('rc')).minimal).toBe('0rc0');
    expect(shrinkTo(version(), (v) => /^[0-9]+\.[0-9]+\.[0-9]+/.test(v)).minimal).toBe('0.0.0');
  });
});
