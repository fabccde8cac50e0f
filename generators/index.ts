/** twinbuild's generators: one fast-check arbitrary per file, re-exported here. */
export { classifiers, type ClassifiersOptions } from './classifiers.js';
export { dataFiles, type DataFilesOptions } from './dataFiles.js';
export { dataPathEdges, type DataPathEdgesOptions } from './dataPathEdges.js';
export { description, type DescriptionOptions } from './description.js';
export { distributionName, type DistributionNameOptions } from './distributionName.js';
export { entryPoints, type EntryPointsOptions } from './entryPoints.js';
export { executableFiles, type ExecutableFilesOptions } from './executableFiles.js';
export { featuresOf } from './featuresOf.js';
export { importName, type ImportNameOptions } from './importName.js';
export { keywords, type KeywordsOptions } from './keywords.js';
export { license, type LicenseOptions } from './license.js';
export { licenseFiles, type LicenseFilesOptions } from './licenseFiles.js';
export { moduleModel, type ModuleModelOptions } from './moduleModel.js';
export { moduleSource } from './moduleSource.js';
export { namespacePackage, type NamespacePackageOptions } from './namespacePackage.js';
export { optionalDependencies, type OptionalDependenciesOptions } from './optionalDependencies.js';
export { packageTree, type PackageTreeOptions } from './packageTree.js';
export { people, type PeopleOptions } from './people.js';
export {
  DEFAULT_PROBABILITIES,
  OPTIONAL_PARTS,
  projectModel,
  type Layout,
  type OptionalPart,
  type ProjectModelOptions,
} from './projectModel.js';
export { importNames, type ImportNamesOptions } from './importNames.js';
export { readme, type ReadmeOptions } from './readme.js';
export { requirement, type RequirementOptions } from './requirement.js';
export { requiresPython, type RequiresPythonOptions } from './requiresPython.js';
export { sdistFiles, type SdistFilesOptions } from './sdistFiles.js';
export { setuptoolsOptions, type SetuptoolsOptionsOptions } from './setuptoolsOptions.js';
export { urls, type UrlsOptions } from './urls.js';
export { version, type VersionOptions } from './version.js';
export { scriptFiles, wheelDataFiles, type WheelDataOptions } from './wheelData.js';
export { selfReferencingExtra } from './selfReferencingExtra.js';
