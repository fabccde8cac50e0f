/**
 * The model's config settings (`ProjectModel.configSettings`) in one place:
 * which family documents which setting, the PEP 517 config_settings a build
 * of that family is called with, and what the settings change in the
 * artifacts (the expectations the oracles use).
 *
 * A setting is applied only when every side of the comparison can express
 * it (`appliedConfig`), so that a setting only one family supports never
 * becomes a cross-family difference.
 */
import type { Family } from '../backends/types.js';
import type { ConfigSettingsModel, ProjectModel } from './projectModel.js';

/**
 * Each setting: its feature name (src/model/features.ts; the capability
 * table src/render/capabilities.ts takes its rows from here), and, for
 * every family that does not document it, why (the families left out
 * document it: setuptools' bdist_wheel `--build-number` through `--build-option`).
 */
const SETTINGS = {
  buildNumber: {
    feature: 'config-settings:build-number',
    undocumented: {
      hatchling: 'hatchling documents no config setting for a build tag',
      flit: 'flit-core documents no config settings',
      poetry: 'poetry-core documents no config setting for a build tag',
      pdm: 'pdm-backend config settings are not modelled yet',
      uv: 'uv_build documents no config settings',
    },
  },
} as const satisfies Record<keyof ConfigSettingsModel, { feature: string; undocumented: Partial<Record<Family, string>> }>;

/** Feature names (src/model/features.ts, src/render/capabilities.ts) of each setting. */
export const CONFIG_SETTING_FEATURES = { buildNumber: SETTINGS.buildNumber.feature } as const;

/** The capability table's rows of the settings: per feature, each family that cannot express it and why. */
export function configSettingLimitations(): Record<string, { family: Family; why: string }[]> {
  const out: Record<string, { family: Family; why: string }[]> = {};
  for (const s of Object.values(SETTINGS)) {
    out[s.feature] = Object.entries(s.undocumented).map(([family, why]) => ({ family: family as Family, why }));
  }
  return out;
}

function documents(setting: keyof ConfigSettingsModel, family: string): boolean {
  return !Object.hasOwn(SETTINGS[setting].undocumented, family);
}

/** The settings of `model` that every family in `families` documents (undefined when none). */
export function appliedConfig(model: ProjectModel, families: readonly string[]): ConfigSettingsModel | undefined {
  const cs = model.configSettings;
  if (cs === undefined) return undefined;
  const out: ConfigSettingsModel = {};
  if (cs.buildNumber !== undefined && families.every((f) => documents('buildNumber', f))) out.buildNumber = cs.buildNumber;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** PEP 517 config_settings for a build of `family` with the applied settings `cs`, or undefined for none. */
export function hookSettings(cs: ConfigSettingsModel | undefined, family: string): Record<string, string | string[]> | undefined {
  if (cs === undefined) return undefined;
  const out: Record<string, string | string[]> = {};
  if (family === 'setuptools') {
    const buildOptions: string[] = [];
    if (cs.buildNumber !== undefined) buildOptions.push(`--build-number=${cs.buildNumber}`);
    if (buildOptions.length > 0) out['--build-option'] = buildOptions.length === 1 ? buildOptions[0]! : buildOptions;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The config_settings a build of `family` gets when compared with `families` (all sides, itself included). */
export function modelHookSettings(model: ProjectModel, family: string, families: readonly string[]): Record<string, string | string[]> | undefined {
  return hookSettings(appliedConfig(model, families), family);
}

/** The build tag the wheel's file name must carry (null: none), from the applied settings. */
export function expectedBuildTag(cs: ConfigSettingsModel | undefined): string | null {
  return cs?.buildNumber ?? null;
}
