/**
 * `projectModel(options?)`: a whole valid project (see `ProjectModel`):
 * PEP 621 metadata, a layout, 0–3 top-level packages and 0–2 top-level
 * modules (at least one of them), with distinct top-level names.
 *
 * Shrinks toward smaller projects: fewer packages, modules, data files and
 * dependencies, shorter names, no description, flat layout, version `0`;
 * the smallest project is `a 0` with one empty module `a`.
 */
import fc from 'fast-check';
import type { ProjectModel } from '../src/model/projectModel.js';
import { description, type DescriptionOptions } from './description.js';
import { distributionName, type DistributionNameOptions } from './distributionName.js';
import { moduleModel } from './moduleModel.js';
import { packageTree, type PackageTreeOptions } from './packageTree.js';
import { requirement, type RequirementOptions } from './requirement.js';
import { version, type VersionOptions } from './version.js';
import { withExtraShrinks } from './_internals/extraShrinks.js';
import { allDistinct, normalizeDistributionName, requirementName, siblingKey } from './_internals/names.js';

export type Layout = ProjectModel['layout'];

export interface ProjectModelOptions {
  /** Layouts to choose from; the first is where shrinking goes (default `['flat', 'src']`). */
  layouts?: readonly Layout[];
  /** Most top-level packages (default 3). */
  maxPackages?: number;
  /** Most top-level modules (default 2). */
  maxModules?: number;
  /** Most dependencies (default 3); they have distinct normalized names. */
  maxDependencies?: number;
  /** Shape of each top-level package tree (`topLevel` is forced). */
  packages?: Omit<PackageTreeOptions, 'topLevel'>;
  name?: DistributionNameOptions;
  version?: VersionOptions;
  description?: DescriptionOptions;
  requirement?: RequirementOptions;
}

/**
 * Extra shrink: a bare top-level package (empty `__init__.py`, nothing inside)
 * becomes an empty module of the same name, so that the smallest project is
 * always one empty module, whatever it was shrunk from.
 */
function packagesToModules(model: ProjectModel): ProjectModel[] {
  return model.packages.flatMap((pkg, index) => {
    const bare = pkg.init === '' && pkg.modules.length + pkg.data.length + pkg.subpackages.length === 0;
    if (!bare) return [];
    const packages = model.packages.filter((_, i) => i !== index);
    return [{ ...model, packages, modules: [...model.modules, { name: pkg.name, source: '' }] }];
  });
}

export function projectModel(options: ProjectModelOptions = {}): fc.Arbitrary<ProjectModel> {
  const { layouts = ['flat', 'src'], maxPackages = 3, maxModules = 2, maxDependencies = 3 } = options;
  if (layouts.length === 0) throw new Error('projectModel: `layouts` must not be empty');
  if (maxPackages + maxModules < 1) throw new Error('projectModel: a project needs at least one package or module');
  const arb = fc
    .record({
      name: distributionName(options.name),
      version: version(options.version),
      description: description(options.description),
      dependencies: fc.uniqueArray(requirement(options.requirement), {
        selector: (r) => normalizeDistributionName(requirementName(r)),
        maxLength: maxDependencies,
      }),
      layout: fc.constantFrom(...layouts),
      packages: fc.uniqueArray(packageTree({ ...options.packages, topLevel: true }), {
        selector: (p) => siblingKey(p.name),
        maxLength: maxPackages,
      }),
      modules: fc.uniqueArray(moduleModel({ topLevel: true }), {
        selector: (m) => siblingKey(m.name),
        maxLength: maxModules,
      }),
    })
    .filter(
      (m) =>
        m.packages.length + m.modules.length > 0 &&
        allDistinct(
          m.packages.map((p) => p.name),
          m.modules.map((p) => p.name),
        ),
    );
  return withExtraShrinks(arb, packagesToModules);
}
