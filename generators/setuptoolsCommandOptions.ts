/**
 * `setuptoolsCommandOptions()`: setuptools command options of a project
 * (`ProjectModel.setuptoolsCommandOptions`): 1 to 3 distinct
 * `command.option` names of `SETUPTOOLS_COMMAND_OPTIONS`, each rendered at
 * the value that leaves the artifacts unchanged. Shrinks toward one option
 * (the first of the list); `maybe` around it shrinks toward absent.
 */
import fc from 'fast-check';
import { SETUPTOOLS_COMMAND_OPTIONS, type SetuptoolsCommandOption } from '../src/model/projectModel.js';

export function setuptoolsCommandOptions(): fc.Arbitrary<SetuptoolsCommandOption[]> {
  // uniqueArray of constants (no map), so that models read back from corpus files stay shrinkable.
  return fc.uniqueArray(fc.constantFrom(...SETUPTOOLS_COMMAND_OPTIONS), { minLength: 1, maxLength: 3 });
}
