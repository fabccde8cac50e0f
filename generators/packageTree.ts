/**
 * `packageTree(options?)`: a regular import package (with `__init__.py`), its
 * modules, package data files and subpackages, recursively up to `maxDepth`
 * levels (the package itself is level 1).
 *
 * Within one package, module names, subpackage names and the first folder of
 * every data path are distinct (case-insensitively), so no two things share a
 * name on disk or in the import system.
 *
 * Some packages are typed (a PEP 561 `py.typed` marker) and some modules
 * (`__init__` too) have a `.pyi` stub next to them.
 *
 * Shrinks toward a package `a` with an empty `__init__.py` and nothing else;
 * besides the usual shrinks, a package can be replaced by one of its
 * subpackages, so what lies deep in a tree can surface at the top.
 */
import fc from 'fast-check';
import type { PackageModel } from '../src/model/projectModel.js';
import { dataFiles, type DataFilesOptions } from './dataFiles.js';
import { importName } from './importName.js';
import { moduleSource } from './moduleSource.js';
import { allDistinct, siblingKey } from './_internals/names.js';
import { shrinkTowards, withExtraShrinks } from './_internals/extraShrinks.js';
import { maybe, orNull } from './_internals/optional.js';
import { emptyList, incompatible } from './_internals/unmap.js';

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
  /** Probability that a package has a `py.typed` marker (default 0.05). */
  typedProbability?: number;
  /** Probability that a module (or `__init__`) has a `.pyi` stub (default 0.03). */
  stubProbability?: number;
}

/** A package as generated: each module (and `__init__`) carries its stub, if any. */
interface RawPackage {
  name: string;
  init: string;
  initStub: string | null;
  modules: { name: string; source: string; stub: string | null }[];
  data: PackageModel['data'];
  subpackages: PackageModel[];
  typed: boolean;
}

/** The PackageModel of a generated package: stubs listed `__init__` first, then in module order; absent keys when none. */
function toPackage(raw: RawPackage): PackageModel {
  const stubs = [
    ...(raw.initStub === null ? [] : [{ name: '__init__', source: raw.initStub }]),
    ...raw.modules.filter((m) => m.stub !== null).map((m) => ({ name: m.name, source: m.stub as string })),
  ];
  const pkg: PackageModel = {
    name: raw.name,
    init: raw.init,
    modules: raw.modules.map(({ name, source }) => ({ name, source })),
    data: raw.data,
    subpackages: raw.subpackages,
  };
  if (raw.typed) pkg.typed = true;
  if (stubs.length > 0) pkg.stubs = stubs;
  return pkg;
}

function fromPackage(value: unknown): RawPackage {
  if (typeof value !== 'object' || value === null) return incompatible('package');
  const { name, init, modules, data, subpackages, typed, stubs, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || !Array.isArray(modules) || !Array.isArray(stubs ?? [])) return incompatible('package');
  if (typed !== undefined && typed !== true) return incompatible('package');
  const stubList = (stubs ?? []) as { name?: unknown; source?: unknown }[];
  const byName = new Map(stubList.map((s) => [s.name, s.source]));
  if (byName.size !== stubList.length) return incompatible('package');
  const moduleList = (modules as { name?: unknown; source?: unknown }[]).map((m) => ({
    name: m.name as string,
    source: m.source as string,
    stub: byName.has(m.name) ? (byName.get(m.name) as string) : null,
  }));
  const raw: RawPackage = {
    name: name as string,
    init: init as string,
    initStub: byName.has('__init__') ? (byName.get('__init__') as string) : null,
    modules: moduleList,
    data: data as PackageModel['data'],
    subpackages: subpackages as PackageModel[],
    typed: typed === true,
  };
  // Stubs must be exactly those toPackage writes, in its order.
  if (JSON.stringify(toPackage(raw).stubs ?? []) !== JSON.stringify(stubList)) return incompatible('package');
  return raw;
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
    typedProbability = 0.05,
    stubProbability = 0.03,
  } = options;
  const stub = orNull(moduleSource(), stubProbability);
  const module = fc.record({ name: importName(), source: moduleSource(), stub });
  const level = (depth: number, top: boolean): fc.Arbitrary<PackageModel> =>
    withExtraShrinks(
      fc
        .record({
          name: importName({ topLevel: top }),
          init: moduleSource(),
          initStub: stub,
          modules: fc.uniqueArray(module, { selector: (m) => siblingKey(m.name), maxLength: maxModules }),
          data: packageData(dataProbability, data),
          subpackages:
            depth > 1
              ? fc.uniqueArray(level(depth - 1, false), { selector: (p) => siblingKey(p.name), maxLength: maxSubpackages })
              : emptyList<PackageModel>(),
          typed: maybe(fc.constant(true), typedProbability).map(
            (t) => t === true,
            (v) => (v === true ? true : v === false ? undefined : incompatible('typed flag')),
          ),
        })
        .map(toPackage, fromPackage)
        .filter(childNamesDistinct),
      promotions,
    );
  return level(Math.max(1, maxDepth), topLevel);
}
