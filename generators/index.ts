/** twinbuild's generators: one fast-check arbitrary per file, re-exported here. */
export { dataFiles, type DataFilesOptions } from './dataFiles.js';
export { description, type DescriptionOptions } from './description.js';
export { distributionName, type DistributionNameOptions } from './distributionName.js';
export { importName, type ImportNameOptions } from './importName.js';
export { moduleModel, type ModuleModelOptions } from './moduleModel.js';
export { moduleSource } from './moduleSource.js';
export { packageTree, type PackageTreeOptions } from './packageTree.js';
export { projectModel, type Layout, type ProjectModelOptions } from './projectModel.js';
export { requirement, type RequirementOptions } from './requirement.js';
export { version, type VersionOptions } from './version.js';
