import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { namespacePackage } from '../../generators/namespacePackage.js';
import type { NamespaceModel } from '../../src/model/projectModel.js';
import { shrinkTo } from './shrink.js';
import { namespaceProblems } from './validators.js';

const depth = (n: NamespaceModel): number => 1 + Math.max(0, ...n.namespaces.map(depth));

describe('namespacePackage', () => {
  it('gives the same values for the same seed', () => {
    expect(fc.sample(namespacePackage(), { seed: 42, numRuns: 50 })).toEqual(fc.sample(namespacePackage(), { seed: 42, numRuns: 50 }));
  });

  it('only produces non-empty namespace trees with distinct names, within maxDepth', () => {
    fc.assert(
      fc.property(namespacePackage(), (ns) => {
        expect(namespaceProblems(ns)).toEqual([]);
        expect(depth(ns)).toBeLessThanOrEqual(2);
      }),
      { numRuns: 500 },
    );
  });

  it('holds packages, modules and nested namespace folders', () => {
    const values = fc.sample(namespacePackage(), { seed: 1, numRuns: 500 });
    expect(values.some((n) => n.packages.length > 0)).toBe(true);
    expect(values.some((n) => n.modules.length > 0)).toBe(true);
    expect(values.some((n) => n.namespaces.length > 0 && n.packages.length + n.modules.length === 0)).toBe(true);
  });

  it('shrinks toward a namespace holding one empty module', () => {
    expect(shrinkTo(namespacePackage(), () => true).minimal).toEqual({ name: 'a', packages: [], modules: [{ name: 'a', source: '' }], namespaces: [] });
    // Nested: an outer folder holding only an inner one, which holds one bare module or package.
    const nested = shrinkTo(namespacePackage(), (n) => n.namespaces.length > 0).minimal;
    expect({ ...nested, namespaces: [] }).toEqual({ name: 'a', packages: [], modules: [], namespaces: [] });
    const inner = nested.namespaces[0];
    expect(inner?.namespaces).toEqual([]);
    expect([...(inner?.modules ?? []), ...(inner?.packages ?? [])]).toHaveLength(1);
    expect(JSON.stringify(inner).length).toBeLessThan(120);
  });
});
