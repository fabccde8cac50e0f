import type { BuildOptions } from '../build/buildArtifacts.js';
import type { BackendRunner } from '../build/runner.js';
import type { Difference } from '../compare/types.js';
import type { ProjectModel } from '../model/projectModel.js';
import type { Level } from '../normalize/types.js';
import type { Judge } from '../oracles/judge/index.js';
import type { FileMap } from '../render/fileMap.js';
import { signatureOf, summarize } from './signature.js';
import type { PropertyName, PropertyOutcome, RunStats } from './types.js';

export interface PropertyContext {
  a: BackendRunner;
  b?: BackendRunner;
  level: Level;
  build: BuildOptions;
  stats: RunStats;
  labels: [string, string];
  /** The reference judge (pypa/packaging) for the spec checks; absent when the reference checks are off. */
  judge?: Judge;
}

export interface PropertyDef {
  name: PropertyName;
  /** One line for --help and reports. */
  doc: string;
  needsB: boolean;
  /** Normalization level used unless --level says otherwise. */
  defaultLevel(a: { family: string }, b?: { family: string }): Level;
  /** Labels of the two sides compared (default: the two backends). */
  sides?: [string, string];
  evaluate(model: ProjectModel, ctx: PropertyContext): Promise<PropertyOutcome>;
}

/** The outcome for differences found (a pass when there are none). */
export function outcomeOf(
  property: PropertyName,
  differences: Difference[],
  labels: [string, string],
  files: FileMap,
  rules: string[],
): PropertyOutcome {
  if (differences.length === 0) return { status: 'pass', rules };
  return { status: 'fail', rules, differences, signature: signatureOf(property, differences), summary: summarize(differences, labels), files };
}
