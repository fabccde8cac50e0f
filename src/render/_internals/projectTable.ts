/** The PEP 621 `[project]` table, the same for every family that reads it. */
import type { ProjectModel } from '../../model/projectModel.js';
import type { TomlTable } from './toml.js';

/**
 * `[project]` for a model with static metadata: `name`, `version`, and
 * `description` / `dependencies` only when the model has them (a null
 * description writes no key; no dependencies writes no key).
 */
export function projectTable(model: ProjectModel): TomlTable {
  const table: TomlTable = { name: model.name, version: model.version };
  if (model.description !== null) table.description = model.description;
  if (model.dependencies.length > 0) table.dependencies = [...model.dependencies];
  return table;
}

/** `[build-system]` for one backend distribution and hook module. */
export function buildSystemTable(requirement: string, backend: string): TomlTable {
  return { requires: [requirement], 'build-backend': backend };
}

/** Roughly a PEP 440 version (public or local); anything else is not worth pinning. */
const PINNABLE = /^v?[0-9][A-Za-z0-9.!+_-]*$/;

/**
 * `name==version` when the backend's version is known (and looks like a
 * version: a backend from a folder may report something else), else `name`
 * plus the fallback specifier.
 */
export function pinnedRequirement(distribution: string, familyVersion: string | undefined, fallback = ''): string {
  return familyVersion !== undefined && PINNABLE.test(familyVersion)
    ? `${distribution}==${familyVersion}`
    : `${distribution}${fallback}`;
}
