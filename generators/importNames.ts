/**
 * `importNames(options?)`: a PEP 794 `import-names` / `import-namespaces`
 * declaration (`ImportNamesModel`). The names themselves are the model's
 * (`declaredImportNames` in src/model/projectModel.ts); this part chooses
 * which are marked `; private` and how the mark is spelled.
 *
 * Shrinks toward no private mark.
 */
import fc from 'fast-check';
import { PRIVATE_MARKS, PRIVATE_SPELLINGS, type ImportNamesModel } from '../src/model/projectModel.js';

export interface ImportNamesOptions {
  /** Mark names `; private` sometimes (default true). */
  privateMarks?: boolean;
}

export function importNames(options: ImportNamesOptions = {}): fc.Arbitrary<ImportNamesModel> {
  const marks = options.privateMarks ?? true ? PRIVATE_MARKS : (['none'] as const);
  return fc.record({
    private: fc.constantFrom(...marks),
    spelling: fc.constantFrom(...PRIVATE_SPELLINGS),
  });
}
