import type { BuildOptions } from '../../build/buildArtifacts.js';
import type { ArtifactResult } from '../../build/types.js';
import type { Difference } from '../../compare/types.js';
import { appliedConfig, expectedBuildTag, hookSettings } from '../../model/configSettings.js';
import type { ProjectModel } from '../../model/projectModel.js';
import { parseWheelFilename } from '../../pep/wheelFilename.js';

/**
 * `build` with the model's config settings (`ProjectModel.configSettings`)
 * for a build of `family` compared with `families`, on top of the ones it
 * already has (the spec's `config=` settings are merged by the worker): they
 * reach every hook call of the build.
 */
export function withModelSettings(build: BuildOptions, model: ProjectModel, family: string, families: readonly string[]): BuildOptions {
  const settings = hookSettings(appliedConfig(model, families), family);
  return settings === undefined ? build : { ...build, configSettings: { ...build.configSettings, ...settings } };
}

/** The wheel's file name against the build tag the applied settings ask for (none when it matches). */
export function buildTagDifferences(model: ProjectModel, families: readonly string[], wheel: ArtifactResult): Difference[] {
  if (!wheel.ok || model.configSettings === undefined) return [];
  const want = expectedBuildTag(appliedConfig(model, families));
  const parsed = parseWheelFilename(wheel.filename);
  const got = parsed.ok ? (parsed.value.build ?? null) : null;
  if (got === want) return [];
  return [{ artifact: 'wheel', kind: 'filename', path: '', a: wheel.filename, b: want === null ? 'no build tag' : `build tag ${want} (config settings --build-number=${want})` }];
}
