/**
 * `namespacePackage(options?)`: a PEP 420 namespace package
 * (`NamespaceModel`): a folder without `__init__.py` holding regular
 * packages (small trees), modules and, sometimes, a nested namespace folder
 * (`acme/tools/` without `__init__.py` either). Never empty: some regular
 * package or module lies somewhere inside. Names inside one folder are
 * distinct case-insensitively.
 *
 * Shrinks toward a namespace `a` holding one empty module `a`.
 */
import fc from 'fast-check';
import type { ModuleModel, NamespaceModel, PackageModel } from '../src/model/projectModel.js';
import { importName } from './importName.js';
import { moduleModel } from './moduleModel.js';
import { packageTree, type PackageTreeOptions } from './packageTree.js';
import { allDistinct, siblingKey } from './_internals/names.js';
import { emptyList } from './_internals/unmap.js';

export interface NamespacePackageOptions {
  /** A top-level namespace folder (default true): see `importName`. */
  topLevel?: boolean;
  /** Levels of nested namespace folders including this one (default 2). */
  maxDepth?: number;
  /** Most regular packages per folder (default 2). */
  maxPackages?: number;
  /** Most modules per folder (default 2). */
  maxModules?: number;
  /** Shape of the regular packages inside (default: at most 2 levels). */
  packages?: Omit<PackageTreeOptions, 'topLevel'>;
}

function hasContent(ns: NamespaceModel): boolean {
  return ns.packages.length > 0 || ns.modules.length > 0 || ns.namespaces.some(hasContent);
}

export function namespacePackage(options: NamespacePackageOptions = {}): fc.Arbitrary<NamespaceModel> {
  const { topLevel = true, maxDepth = 2, maxPackages = 2, maxModules = 2 } = options;
  const packages = packageTree({ ...options.packages, maxDepth: Math.min(2, options.packages?.maxDepth ?? 2), topLevel: false });
  const level = (depth: number, top: boolean): fc.Arbitrary<NamespaceModel> =>
    fc
      .record({
        name: importName({ topLevel: top }),
        packages: fc.uniqueArray(packages, { selector: (p: PackageModel) => siblingKey(p.name), maxLength: maxPackages }),
        modules: fc.uniqueArray(moduleModel(), { selector: (m: ModuleModel) => siblingKey(m.name), maxLength: maxModules }),
        namespaces:
          depth > 1
            ? fc.uniqueArray(level(depth - 1, false), { selector: (n) => siblingKey(n.name), maxLength: 1 })
            : emptyList<NamespaceModel>(),
      })
      .filter(
        (ns) =>
          hasContent(ns) &&
          allDistinct(
            ns.modules.map((m) => m.name),
            ns.packages.map((p) => p.name),
            ns.namespaces.map((n) => n.name),
          ),
      );
  return level(Math.max(1, maxDepth), topLevel);
}
