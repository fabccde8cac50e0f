import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { version } from '../../generators/version.js';
import { normalizeVersion } from '../../src/pep/version.js';
import { shrinkTo } from './shrink.js';
import { PEP440_ANY, PEP440_NORMALIZED, PEP440_NORMALIZED_PUBLIC } from './validators.js';

describe('version', () => {
  it('gives the same values for the same seed', () => {
    expect(fc.sample(version(), { seed: 42, numRuns: 100 })).toEqual(fc.sample(version(), { seed: 42, numRuns: 100 }));
  });

  it('only produces PEP 440 versions; with `normalized`, only normal forms', () => {
    fc.assert(fc.property(version(), (v) => PEP440_ANY.test(v)), { numRuns: 3000 });
    fc.assert(fc.property(version({ normalized: true }), (v) => PEP440_NORMALIZED.test(v)), { numRuns: 2000 });
  });

  it('the checks themselves reject invalid and non-normalized spellings', () => {
    for (const bad of ['', '1.', '.1', '01', '1.02', '1.0-a1', '1.0alpha1', '1.0.post', '1.0-1', 'v1.0', '1!1.0', '1.0+local', '1.0RC1', '1.0c1', '1.0a']) {
      expect(PEP440_NORMALIZED_PUBLIC.test(bad), bad).toBe(false);
    }
    for (const good of ['0', '1.0', '2024.1.15', '1.0a1', '1.0b2.post3.dev4', '1rc0', '0.0.dev0']) {
      expect(PEP440_NORMALIZED_PUBLIC.test(good), good).toBe(true);
    }
    for (const bad of [' 1.0', '1.0 ', '1.0.*', '1.0a.', '1..0', 'x1.0', '1.0+', '1.0+a..b', '1.0-', '1!']) expect(PEP440_ANY.test(bad), bad).toBe(false);
    for (const good of ['1.0-RC1', 'v1.0', 'V1.0', '1.0.0-alpha.1', '1.0_rc_1', '1.0-1', '1.0.post', '1.0a', '1.0-dev', '1!2.0', '1.0+Local-Ver_1', '1.0c1', '1.0pre2', '1.0-r4']) {
      expect(PEP440_ANY.test(good), good).toBe(true);
    }
  });

  it('uses epochs, pre, post, dev, local labels and other spellings, and honours options', () => {
    const versions = fc.sample(version(), { seed: 1, numRuns: 3000 });
    const share = (pattern: RegExp): number => versions.filter((v) => pattern.test(v)).length / versions.length;
    for (const pattern of [/[0-9](a|b|rc)[0-9]/, /\.post/, /\.dev/, /^[0-9.]+$/, /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+/, /!/, /\+/, /^[vV]/, /alpha|beta|pre|c[0-9]/i, /-[0-9]+/, /[A-Z]/]) {
      expect(share(pattern), String(pattern)).toBeGreaterThan(0);
    }
    // Mostly the normal form.
    expect(versions.filter((v) => normalizeVersion(v) === v).length / versions.length).toBeGreaterThan(0.7);
    const plain = fc.sample(version({ pre: false, post: false, dev: false, epoch: false, local: false, maxReleaseLength: 2 }), { seed: 1, numRuns: 500 });
    expect(plain.every((v) => /^[vV]?[0-9]+(\.[0-9]+)?$/.test(v))).toBe(true);
  });

  it('spells versions the way PEP 440 normalizes them', () => {
    expect(normalizeVersion('1.0-RC1')).toBe('1.0rc1');
    expect(normalizeVersion('V1!2.0.0-alpha.1.POST-2_dev+Ab-7')).toBe('1!2.0.0a1.post2.dev0+ab.7');
    expect(normalizeVersion('1.0-1')).toBe('1.0.post1');
    expect(normalizeVersion('1.0.*')).toBeNull();
  });

  it('shrinks toward 0', () => {
    expect(shrinkTo(version(), () => true).minimal).toBe('0');
    expect(shrinkTo(version(), (v) => v.includes('rc')).minimal).toBe('0rc0');
    expect(shrinkTo(version(), (v) => /^[0-9]+\.[0-9]+\.[0-9]+/.test(v)).minimal).toBe('0.0.0');
    expect(shrinkTo(version(), (v) => v.includes('!')).minimal).toBe('0!0');
    expect(shrinkTo(version(), (v) => v.includes('+')).minimal).toBe('0+0');
  });

  it('can shrink versions it did not generate', () => {
    const arb = version();
    const samples = fc.sample(arb, { seed: 3, numRuns: 1000 });
    expect(samples.filter((v) => !arb.canShrinkWithoutContext(v))).toEqual([]);
  });
});
