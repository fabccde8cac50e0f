/**
 * `featuresOf(model)`: the features a model exercises, as short stable names
 * (`layout:src`, `namespace-package`, `readme:md-file`, `license:spdx`,
 * `entry-points:gui`, `version:epoch`, ...), sorted and distinct — for run
 * statistics (`--stats` counts how often each feature appeared).
 *
 * The names are those of `modelFeatures` (`src/model/features.ts`), which
 * the renderers' capability table also uses.
 */
import type { ProjectModel } from '../src/model/projectModel.js';
import { modelFeatures } from '../src/model/features.js';

export function featuresOf(model: ProjectModel): string[] {
  return modelFeatures(model);
}
