/**
 * `hatchlingOptions()`: other spellings of hatchling's wheel file selection
 * (`HatchlingOptionsModel`): `packages = [...]`, or `sources` as a table.
 * Every value is a rendering variant of the same project (the artifacts must
 * not change), read by the hatchling renderer only.
 *
 * Shrinks toward `packages`; the part itself shrinks toward absent
 * (`only-include` with `sources = [...]`).
 */
import fc from 'fast-check';
import { HATCHLING_WHEEL_SELECTIONS, type HatchlingOptionsModel } from '../src/model/projectModel.js';

export function hatchlingOptions(): fc.Arbitrary<HatchlingOptionsModel> {
  return fc.record({ wheelSelection: fc.constantFrom(...HATCHLING_WHEEL_SELECTIONS) });
}
