/**
 * `hatchlingOptions(options?)`: hatchling's builder options
 * (`HatchlingOptionsModel`): other spellings of the wheel's file selection
 * (`packages = [...]`, `sources` as a table: rendering variants, the
 * artifacts must not change), and `support-legacy` (a generated setup.py in
 * the sdist: modelled, only when `supportLegacy` allows it, that is when
 * every target is hatchling). Read by the hatchling renderer only; never
 * empty.
 *
 * Shrinks toward absent keys (`only-include` with `sources = [...]`, no
 * setup.py), through `packages`.
 */
import fc from 'fast-check';
import { HATCHLING_WHEEL_SELECTIONS, type HatchlingOptionsModel } from '../src/model/projectModel.js';
import { maybe, omitUndefined } from './_internals/optional.js';

export interface HatchlingOptionsOptions {
  /** Whether `supportLegacy` may be drawn (default true). */
  supportLegacy?: boolean;
}

export function hatchlingOptions(options: HatchlingOptionsOptions = {}): fc.Arbitrary<HatchlingOptionsModel> {
  const { supportLegacy = true } = options;
  return omitUndefined(
    fc.record({
      wheelSelection: maybe(fc.constantFrom(...HATCHLING_WHEEL_SELECTIONS), supportLegacy ? 0.7 : 1),
      supportLegacy: maybe(fc.constant(true as const), supportLegacy ? 0.5 : 0),
    }),
    ['wheelSelection', 'supportLegacy'],
  ).filter((o) => Object.keys(o).length > 0);
}
