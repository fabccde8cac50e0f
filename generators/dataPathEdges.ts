/**
 * `dataPathEdges()`: package data at the edges of what archives and file
 * systems hold (`DataPathEdge[]`, see src/model/dataPathEdges.ts): a file
 * name longer than a ustar header holds (`long-name`), a path of over 150
 * characters (`long-path`), two names that differ only in case
 * (`case-twins`). Each edge adds fixed files to the folder of the first
 * top-level package; `projectModel` drops a model they do not fit.
 *
 * Shrinks toward `['long-name']`.
 */
import fc from 'fast-check';
import { DATA_PATH_EDGES, type DataPathEdge } from '../src/model/projectModel.js';

export interface DataPathEdgesOptions {
  /** Edges to choose from (default all; the first is where shrinking goes). */
  edges?: readonly DataPathEdge[];
}

export function dataPathEdges(options: DataPathEdgesOptions = {}): fc.Arbitrary<DataPathEdge[]> {
  const { edges = DATA_PATH_EDGES } = options;
  if (edges.length === 0) throw new Error('dataPathEdges: `edges` must not be empty');
  return fc.uniqueArray(fc.constantFrom(...edges), { minLength: 1, maxLength: edges.length });
}
