export * from './types.js';
export { compareViews, unifiedDiff } from './compareViews.js';
export { compareArtifacts, compareBuilds, type ArtifactComparison, type BuildComparison } from './compareBuilds.js';
