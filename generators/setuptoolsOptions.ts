/**
 * `setuptoolsOptions(options?)`: the scenarios of setuptools' own backend
 * tests as options of a project rendered in the `setup.py` style
 * (`SetuptoolsOptionsModel`): code before `setup()`, a temporary file
 * created and removed around `setup()`, `sys.exit(0)` after it, a
 * `__name__ == "__main__"` guard, `__file__`, `setup_requires` in one of its
 * spellings, and for the `setup.cfg` style a stub `setup.py`; and, in every
 * setuptools style, how package data is selected (patterns, or
 * `include-package-data` with `MANIFEST.in`) and how packages are found
 * (`find` / `find-namespace` with options that select exactly the model's
 * packages). None changes the artifacts;
 * other families ignore them.
 *
 * Shrinks toward `{}` (no scenario).
 */
import fc from 'fast-check';
import { SETUP_REQUIRES_SPELLINGS, SETUPTOOLS_PACKAGE_DATA, SETUPTOOLS_PACKAGE_FINDERS, type SetuptoolsOptionsModel } from '../src/model/projectModel.js';
import { requirement } from './requirement.js';
import { canonicalizeName } from '../src/pep/name.js';
import { requirementName } from '../src/pep/requirement.js';
import { flag, maybe, omitUndefined } from './_internals/optional.js';

export interface SetuptoolsOptionsOptions {
  /** Probability of each boolean scenario (default 0.3). */
  probability?: number;
}

export function setuptoolsOptions(options: SetuptoolsOptionsOptions = {}): fc.Arbitrary<SetuptoolsOptionsModel> {
  const { probability = 0.3 } = options;
  const setupRequires = fc.record({
    spelling: fc.constantFrom(...SETUP_REQUIRES_SPELLINGS),
    requirements: fc.uniqueArray(requirement({ extras: false }), {
      minLength: 1,
      maxLength: 2,
      selector: (r) => canonicalizeName(requirementName(r)),
    }),
  });
  return omitUndefined(
    fc.record({
      codeBeforeSetup: flag(probability),
      temporaryFile: flag(probability),
      exitAfterSetup: flag(probability),
      mainGuard: flag(probability),
      useFile: flag(probability),
      setupRequires: maybe(setupRequires, probability),
      stubSetupPy: flag(probability),
      packageData: maybe(fc.constantFrom(...SETUPTOOLS_PACKAGE_DATA), probability),
      packageFinder: maybe(fc.constantFrom(...SETUPTOOLS_PACKAGE_FINDERS), probability / 2),
    }),
    ['codeBeforeSetup', 'temporaryFile', 'exitAfterSetup', 'mainGuard', 'useFile', 'setupRequires', 'stubSetupPy', 'packageData', 'packageFinder'],
  );
}
