/**
 * `moduleModel(options?)`: a single-file module (`name.py`) with a small
 * valid source.
 *
 * Shrinks toward `{ name: 'a', source: '' }`.
 */
import fc from 'fast-check';
import type { ModuleModel } from '../src/model/projectModel.js';
import { importName } from './importName.js';
import { moduleSource } from './moduleSource.js';

export interface ModuleModelOptions {
  /** A top-level module (default false): see `importName`. */
  topLevel?: boolean;
}

export function moduleModel(options: ModuleModelOptions = {}): fc.Arbitrary<ModuleModel> {
  const { topLevel = false } = options;
  return fc.record({ name: importName({ topLevel }), source: moduleSource() });
}
