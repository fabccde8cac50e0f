import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importName } from '../../generators/importName.js';
import { shrinkTo } from './shrink.js';
import { FORBIDDEN_IMPORT_NAMES, isIdentifier } from './validators.js';

describe('importName', () => {
  it('gives the same values for the same seed', () => {
    expect(fc.sample(importName(), { seed: 42, numRuns: 100 })).toEqual(fc.sample(importName(), { seed: 42, numRuns: 100 }));
  });

  it('only produces identifiers that are neither keywords nor reserved names', () => {
    fc.assert(
      fc.property(importName(), (name) => isIdentifier(name) && !FORBIDDEN_IMPORT_NAMES.has(name.toLowerCase())),
      { numRuns: 3000 },
    );
  });

  it('never shadows the standard library or build tools at top level', () => {
    const shadowing = ['os', 're', 'io', 'abc', 'ast', 'csv', 'sys', 'json', 'site', 'typing', 'setuptools', 'packaging', 'hatchling', 'tomllib'];
    fc.assert(fc.property(importName({ topLevel: true }), (name) => !shadowing.includes(name.toLowerCase())), { numRuns: 3000 });
    // Nested names may use them (`pkg.io` is fine).
    const nested = fc.sample(importName({ maxLength: 2 }), { seed: 1, numRuns: 5000 });
    expect(nested.some((n) => ['os', 're', 'io'].includes(n))).toBe(true);
  });

  it('uses underscores, digits and sometimes uppercase', () => {
    const names = fc.sample(importName(), { seed: 1, numRuns: 2000 });
    for (const pattern of [/^_/, /[0-9]/, /[A-Z]/, /^[a-z]+$/]) expect(names.some((n) => pattern.test(n)), String(pattern)).toBe(true);
    expect(fc.sample(importName({ mixedCase: false }), { seed: 1, numRuns: 1000 }).some((n) => /[A-Z]/.test(n))).toBe(false);
  });

  it('shrinks toward a', () => {
    expect(shrinkTo(importName(), () => true).minimal).toBe('a');
    expect(shrinkTo(importName(), (n) => n.length >= 3).minimal).toBe('aaa');
  });
});
