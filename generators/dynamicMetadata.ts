/**
 * `dynamicMetadata(options?)`: which metadata beyond the version is read at
 * build time (`DynamicMetadataModel`): the readme through setuptools'
 * `[tool.setuptools.dynamic]`, `dependencies` and each extra's requirements
 * from requirements files, the summary from the version module's docstring
 * (flit-core). Never empty. The metadata stays the model's, so every family
 * builds the same artifacts (src/model/dynamicMetadata.ts).
 *
 * Shrinks toward fewer parts (each flag toward absent).
 */
import fc from 'fast-check';
import type { DynamicMetadataModel } from '../src/model/projectModel.js';
import { flag, omitUndefined } from './_internals/optional.js';

export interface DynamicMetadataOptions {
  /** Probability of each part (default 0.5). */
  probability?: number;
  /** Requirements from files (default true; setuptools before 62.6.0 reads none). */
  requirementFiles?: boolean;
}

const KEYS = ['readme', 'dependencies', 'optionalDependencies', 'description'] as const;

export function dynamicMetadata(options: DynamicMetadataOptions = {}): fc.Arbitrary<DynamicMetadataModel> {
  const { probability = 0.5, requirementFiles = true } = options;
  const files = requirementFiles ? flag(probability) : fc.constant(undefined);
  return omitUndefined(
    fc.record({ readme: flag(probability), dependencies: files, optionalDependencies: files, description: flag(probability) }),
    [...KEYS],
  ).filter((d) => Object.keys(d).length > 0);
}
