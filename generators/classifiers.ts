/**
 * `classifiers(options?)`: distinct trove classifiers from a small built-in
 * list of valid ones, in no particular order (a backend may sort them).
 *
 * Shrinks toward `["Programming Language :: Python :: 3"]`.
 */
import fc from 'fast-check';
import { CLASSIFIERS } from './_internals/classifiers.js';

export interface ClassifiersOptions {
  /** Most classifiers (default 4). */
  maxClassifiers?: number;
}

export function classifiers(options: ClassifiersOptions = {}): fc.Arbitrary<string[]> {
  const { maxClassifiers = 4 } = options;
  return fc.uniqueArray(fc.constantFrom(...CLASSIFIERS), { minLength: 1, maxLength: Math.max(1, maxClassifiers) });
}
