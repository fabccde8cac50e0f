/**
 * `packageTree(options?)`: a regular import package (with `__init__.py`), its
 * modules, package data files and subpackages, recursively up to `maxDepth`
 * levels (the package itself is level 1).
 *
 * Within one package, module names, subpackage names and the first folder of
 * every data path are distinct (case-insensitively), so no two things share a
 * name on disk or in the import system.
 *
 * Shrinks toward a package `a` with an empty `__init__.py` and nothing else;
 * besides the usual shrinks, a package can be replaced by one of its
 * subpackages, so what lies deep in a tree can surface at the top.
 */
import fc from 'fast-check';
import type { PackageModel } from '../src/model/projectModel.js';
import { dataFiles, type DataFilesOptions } from './dataFiles.js';
import { importName } from './importName.js';
import { moduleModel } from './moduleModel.js';
import { moduleSource } from './moduleSource.js';
import { allDistinct, siblingKey } from './_internals/names.js';
import { shrinkTowards, withExtraShrinks } from './_internals/extraShrinks.js';
import { emptyList } from './_internals/unmap.js';

export interface PackageTreeOptions {
  /** A top-level package (default false): see `importName`. */
  topLevel?: boolean;
  /** Levels of packages including this one (default 3). */
  maxDepth?: number;
  /** Most modules per package besides `__init__` (default 3). */
  maxModules?: number;
  /** Most subpackages per package (default 2). */
  maxSubpackages?: number;
  /** Probability that a package has data files at all (default 0.2). */
  dataProbability?: number;
  /** Shape of the data files of a package that has some. */
  data?: DataFilesOptions;
}

/** Names that share the package folder: modules, subpackages and the top data entries. */
function childNamesDistinct(pkg: PackageModel): boolean {
  const dataFolders = new Set<string>();
  for (const file of pkg.data) {
    const slash = file.path.indexOf('/');
    if (slash > 0) dataFolders.add(siblingKey(file.path.slice(0, slash)));
  }
  return allDistinct(
    pkg.modules.map((m) => m.name),
    pkg.subpackages.map((p) => p.name),
    [...dataFolders],
  );
}

/**
 * Extra shrink: replace the package by one of its subpackages, keeping the
 * outer name (valid and unique where it stands), so that what lies deep in a
 * tree can surface in a single top-level package.
 */
function promotions(pkg: PackageModel): PackageModel[] {
  return pkg.subpackages.map((sub) => ({ ...sub, name: pkg.name }));
}

function packageData(probability: number, options: DataFilesOptions): fc.Arbitrary<PackageModel['data']> {
  const someWeight = Math.round(Math.min(1, Math.max(0, probability)) * 1000);
  if (someWeight === 0) return emptyList();
  const some = dataFiles({ ...options, minFiles: Math.max(1, options.minFiles ?? 1) });
  if (someWeight === 1000) return some;
  return shrinkTowards(
    fc.oneof(
      { withCrossShrink: true },
      { weight: 1000 - someWeight, arbitrary: emptyList<PackageModel['data'][number]>() },
      { weight: someWeight, arbitrary: some },
    ),
    () => [],
  );
}

export function packageTree(options: PackageTreeOptions = {}): fc.Arbitrary<PackageModel> {
  const {
    topLevel = false,
    maxDepth = 3,
    maxModules = 3,
    maxSubpackages = 2,
    dataProbability = 0.2,
    data = {},
  } = options;
  const level = (depth: number, top: boolean): fc.Arbitrary<PackageModel> =>
    withExtraShrinks(
      fc
        .record({
          name: importName({ topLevel: top }),
          init: moduleSource(),
          modules: fc.uniqueArray(moduleModel(), { selector: (m) => siblingKey(m.name), maxLength: maxModules }),
          data: packageData(dataProbability, data),
          subpackages:
            depth > 1
              ? fc.uniqueArray(level(depth - 1, false), { selector: (p) => siblingKey(p.name), maxLength: maxSubpackages })
              : emptyList<PackageModel>(),
        })
        .filter(childNamesDistinct),
      promotions,
    );
  return level(Math.max(1, maxDepth), topLevel);
}
