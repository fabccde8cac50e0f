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
import type { ConfigSettingsModel, ProjectModel } from './projectModel.js';

/** Feature names (src/model/features.ts, src/render/capabilities.ts) of each setting. */
export const CONFIG_SETTING_FEATURES = { buildNumber: 'config-settings:build-number' } as const;

/** Families that document each setting (setuptools: bdist_wheel `--build-number` through `--build-option`). */
const FAMILIES: Readonly<Record<keyof ConfigSettingsModel, readonly string[]>> = {
  buildNumber: ['setuptools'],
};

/** The settings of `model` that every family in `families` documents (undefined when none). */
export function appliedConfig(model: ProjectModel, families: readonly string[]): ConfigSettingsModel | undefined {
  const cs = model.configSettings;
  if (cs === undefined) return undefined;
  const out: ConfigSettingsModel = {};
  if (cs.buildNumber !== undefined && families.every((f) => FAMILIES.buildNumber.includes(f))) out.buildNumber = cs.buildNumber;
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
