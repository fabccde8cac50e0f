export * from './types.js';
export { normalizeArtifact, rulesFor, semanticFilename, asText, sha256 } from './normalizeArtifact.js';
export { RULES, ruleByName } from './rules/index.js';
