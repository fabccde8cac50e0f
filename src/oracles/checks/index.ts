/**
 * Every spec check, in report order. Codes are stable: a code is never
 * reused for another rule, and each has a page at docs/rules/CODE.md.
 * A = the archive itself, W = wheels, S = sdists, M = core metadata (both).
 */
import type { SpecCheck } from '../types.js';
import { archiveProblems } from './archiveProblems.js';
import { dataFolder } from './dataFolder.js';
import { descriptionContentType } from './descriptionContentType.js';
import { distInfoMatchesFilename } from './distInfoMatchesFilename.js';
import { distInfoNormalized } from './distInfoNormalized.js';
import { dynamicField } from './dynamicField.js';
import { entryPointsFile } from './entryPointsFile.js';
import { extraMarkers } from './extraMarkers.js';
import { fieldsInVersion } from './fieldsInVersion.js';
import { licenseExpression } from './licenseExpression.js';
import { licenseFiles } from './licenseFiles.js';
import { metadataFormat } from './metadataFormat.js';
import { metadataMatchesFilename } from './metadataMatchesFilename.js';
import { metadataName } from './metadataName.js';
import { metadataVersion } from './metadataVersion.js';
import { metadataVersionField } from './metadataVersionField.js';
import { noBytecode } from './noBytecode.js';
import { noDirectoryMembers } from './noDirectoryMembers.js';
import { providesExtra } from './providesExtra.js';
import { recordComplete } from './recordComplete.js';
import { recordFormat } from './recordFormat.js';
import { recordHashes } from './recordHashes.js';
import { recordNoDirectories } from './recordNoDirectories.js';
import { recordNoStrayRows } from './recordNoStrayRows.js';
import { recordUniqueRows } from './recordUniqueRows.js';
import { requiredDistInfoFiles } from './requiredDistInfoFiles.js';
import { requiresDist } from './requiresDist.js';
import { requiresPython } from './requiresPython.js';
import { sdistFilename } from './sdistFilename.js';
import { sdistFilenameNormalized } from './sdistFilenameNormalized.js';
import { sdistNamesAgree } from './sdistNamesAgree.js';
import { sdistPkgInfo } from './sdistPkgInfo.js';
import { sdistPyproject } from './sdistPyproject.js';
import { sdistSingleTopFolder } from './sdistSingleTopFolder.js';
import { sdistTopFolderNormalized } from './sdistTopFolderNormalized.js';
import { singleDistInfo } from './singleDistInfo.js';
import { singleUseFields } from './singleUseFields.js';
import { wheelFilename } from './wheelFilename.js';
import { wheelFilenameNormalized } from './wheelFilenameNormalized.js';
import { wheelMetadataFile } from './wheelMetadataFile.js';
import { wheelTagsMatchFilename } from './wheelTagsMatchFilename.js';

export const SPEC_CHECKS: readonly SpecCheck[] = Object.freeze([
  archiveProblems,
  wheelFilename,
  wheelFilenameNormalized,
  singleDistInfo,
  distInfoMatchesFilename,
  distInfoNormalized,
  requiredDistInfoFiles,
  metadataMatchesFilename,
  wheelMetadataFile,
  wheelTagsMatchFilename,
  recordFormat,
  recordComplete,
  recordNoStrayRows,
  recordHashes,
  recordUniqueRows,
  recordNoDirectories,
  noDirectoryMembers,
  dataFolder,
  entryPointsFile,
  noBytecode,
  sdistFilename,
  sdistFilenameNormalized,
  sdistSingleTopFolder,
  sdistTopFolderNormalized,
  sdistPkgInfo,
  sdistPyproject,
  sdistNamesAgree,
  metadataFormat,
  metadataVersion,
  metadataName,
  metadataVersionField,
  singleUseFields,
  fieldsInVersion,
  dynamicField,
  licenseExpression,
  licenseFiles,
  providesExtra,
  requiresDist,
  extraMarkers,
  requiresPython,
  descriptionContentType,
]);
