import type { NormalizationRule } from '../types.js';
import { compression, memberOrder, modeExecutableOnly, ownership, timestamps } from './archiveFormat.js';
import { importNameForm, metadataAsFields, metadataVersion, nameVersionNormalForm, requirementNormalForm, wheelGenerator } from './metadata.js';
import { dynamicField, entryPointsAsSets, fieldWhitespace, unorderedFields } from './fieldOrder.js';
import { familyConfigFiles } from './familyConfig.js';
import { flitImportNames } from './flit.js';
import { distInfoFolder, sdistTopFolder, wheelPythonTagPy2 } from './names.js';
import { pdmEmptyEntryPoints, pdmRewrittenPyproject } from './pdm.js';
import { poetryAutomaticClassifiers, poetryGeneratedSetupPy, poetrySpecifierSets } from './poetry.js';
import { recordAsSet, recordPathsOnly } from './record.js';
import { setuptoolsEggInfo, setuptoolsGeneratedSetupCfg, topLevelTxt } from './setuptools.js';
import { uvPyprojectOrig } from './uv.js';

/**
 * Every normalization rule, in the order they run. Rules that drop or rename
 * members come before `record-paths-only`, which follows their renames.
 */
export const RULES: readonly NormalizationRule[] = [
  memberOrder,
  timestamps,
  ownership,
  compression,
  modeExecutableOnly,
  sdistTopFolder,
  distInfoFolder,
  metadataAsFields,
  recordAsSet,
  familyConfigFiles,
  pdmRewrittenPyproject,
  setuptoolsEggInfo,
  setuptoolsGeneratedSetupCfg,
  topLevelTxt,
  pdmEmptyEntryPoints,
  poetryGeneratedSetupPy,
  poetryAutomaticClassifiers,
  poetrySpecifierSets,
  flitImportNames,
  importNameForm,
  uvPyprojectOrig,
  metadataVersion,
  dynamicField,
  fieldWhitespace,
  unorderedFields,
  entryPointsAsSets,
  wheelGenerator,
  wheelPythonTagPy2,
  requirementNormalForm,
  nameVersionNormalForm,
  recordPathsOnly,
];

export function ruleByName(name: string): NormalizationRule | undefined {
  return RULES.find((r) => r.name === name);
}
