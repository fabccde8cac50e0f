/**
 * The `spec` oracle: checks on one artifact, each with a stable code
 * (documented in docs/rules/). Returns data; never prints.
 */
export { checkSdist, checksFor, checkWheel } from './run.js';
export { SPEC_CHECKS } from './checks/index.js';
export type { ArtifactContext, ArtifactKind, CheckFinding, Severity, SpecCheck, SpecProblem } from './types.js';
