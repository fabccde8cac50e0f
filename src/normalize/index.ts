export * from './types.js';
export { normalizeArtifact, rulesFor, semanticFilename, asText, sha256 } from './normalizeArtifact.js';
export { RULES, ruleByName } from './rules/index.js';
export { canonicalName, normalVersion, normalRequirement, normalMarker } from './requirement.js';
export { parseHeaderFile, formatHeaderFile } from '../pep/coreMetadata.js';
