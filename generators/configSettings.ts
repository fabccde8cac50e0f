/**
 * `configSettings()`: backend-documented config settings of a build (see
 * `ConfigSettingsModel`): a build number, a PEP 427 build tag (digits, then
 * sometimes letters). Shrinks toward `0`.
 */
import fc from 'fast-check';
import type { ConfigSettingsModel } from '../src/model/projectModel.js';

export function configSettings(): fc.Arbitrary<ConfigSettingsModel> {
  // constantFrom (no map), so that models read back from corpus files stay shrinkable.
  const buildNumber = fc.constantFrom('0', '1', '2', '3', '7', '10', '12', '1b', '2x1', '0b');
  return fc.record({ buildNumber });
}
