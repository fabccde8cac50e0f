/**
 * `projectModel(options?)`: a whole valid project (see `ProjectModel`):
 * PEP 621 metadata, a layout, 0–3 top-level packages, 0–2 top-level
 * modules and sometimes a PEP 420 namespace package (at least one of them),
 * with distinct top-level names; and, each with its own probability, the
 * optional parts: requires-python, readme, license, license files, authors,
 * maintainers, keywords, classifiers, URLs, optional dependencies, entry
 * points, sdist-only files, wheel data files, scripts, a dynamic version,
 * dynamic metadata, setuptools scenarios, config settings, a package folder
 * other than `src/` for the src layout (`packageDir`), hatchling's builder
 * options and force-included files.
 *
 * `targets` names the backends the project must suit (family, version,
 * configuration style): the generator then never uses a feature one of them
 * cannot express (`supports` in `src/render/capabilities.ts`), nor a model a
 * family's renderer refuses (`canRender`).
 *
 * Shrinks toward smaller projects: no optional parts, fewer packages,
 * modules, data files and dependencies, shorter names, no description, flat
 * layout (the src layout under `src/` before it), version `0`; a bare package becomes a module and a namespace
 * package can dissolve into the top level, so the smallest project is `a 0`
 * with one empty module `a`.
 */
import fc from 'fast-check';
import type { NamespaceModel, PackageModel, ProjectModel } from '../src/model/projectModel.js';
import { DATA_PATH_EDGES, SCRIPTS_DIR, WHEEL_DATA_DIR, topLevelNames, versionModule } from '../src/model/projectModel.js';

import { supportedByAll, unsupportedFeatures, type RenderTarget } from '../src/render/capabilities.js';
import { canRender } from '../src/render/render.js';
import { classifiers } from './classifiers.js';
import { description, type DescriptionOptions } from './description.js';
import { distributionName, type DistributionNameOptions } from './distributionName.js';
import { entryPoints, type EntryPointsOptions } from './entryPoints.js';
import { keywords } from './keywords.js';
import { license, type LicenseOptions } from './license.js';
import { licenseFiles } from './licenseFiles.js';
import { moduleModel } from './moduleModel.js';
import { namespacePackage, type NamespacePackageOptions } from './namespacePackage.js';
import { optionalDependencies, type OptionalDependenciesOptions } from './optionalDependencies.js';
import { packageTree, type PackageTreeOptions } from './packageTree.js';
import { people, type PeopleOptions } from './people.js';
import { readme, type ReadmeOptions } from './readme.js';
import { requirement, type RequirementOptions } from './requirement.js';
import { requiresPython, type RequiresPythonOptions } from './requiresPython.js';
import { sdistFiles, type SdistFilesOptions } from './sdistFiles.js';
import { excludedFiles } from './excludedFiles.js';
import { excludedFilesProblem } from '../src/model/excludedFiles.js';
import { executableFiles } from './executableFiles.js';
import { executableFilesProblem } from '../src/model/executableFiles.js';
import { dataPathEdges } from './dataPathEdges.js';
import { dataPathEdgesProblem } from '../src/model/dataPathEdges.js';
import { symlinkedDataProblem } from '../src/model/symlinkedData.js';
import { readmeCollision } from '../src/model/modelFiles.js';
import { setuptoolsCommandOptions } from './setuptoolsCommandOptions.js';
import { setuptoolsOptions } from './setuptoolsOptions.js';
import { configSettings } from './configSettings.js';
import { CONFIG_SETTING_FEATURES } from '../src/model/configSettings.js';
import { importNames } from './importNames.js';
import { packageDir, withoutPackageDirInFlatLayout } from './packageDir.js';
import { selfReferencingExtra, withoutLoneSelfReferencingExtra } from './selfReferencingExtra.js';
import { hatchlingOptions } from './hatchlingOptions.js';
import { forceIncluded, withoutForceIncludedWithoutPackage } from './forceIncluded.js';
import { forceIncludedProblem } from '../src/model/forceIncluded.js';
import { packageDirProblem } from '../src/model/packageDir.js';
import { dynamicMetadata } from './dynamicMetadata.js';
import { dynamicMetadataProblem } from '../src/model/dynamicMetadata.js';
import { urls } from './urls.js';
import { version, type VersionOptions } from './version.js';
import { scriptFiles, wheelDataFiles } from './wheelData.js';
import { incompatible } from './_internals/unmap.js';
import { withExtraShrinks } from './_internals/extraShrinks.js';
import { maybe, omitUndefined } from './_internals/optional.js';
import { allDistinct, siblingKey } from './_internals/names.js';
import { canonicalizeName } from '../src/pep/name.js';
import { requirementName } from '../src/pep/requirement.js';
import { emptyList } from './_internals/unmap.js';

export type Layout = ProjectModel['layout'];

/** The feature name (`modelFeatures`) of each data path edge. */
const EDGE_FEATURES = { 'long-name': 'package-data:long-name', 'long-path': 'package-data:long-path', 'case-twins': 'package-data:case-collision' } as const;

/** The optional parts of a model, each present with its own probability. */
export const OPTIONAL_PARTS = [
  'requiresPython',
  'readme',
  'license',
  'licenseFiles',
  'authors',
  'maintainers',
  'keywords',
  'classifiers',
  'urls',
  'optionalDependencies',
  'entryPoints',
  'namespacePackages',
  'sdistFiles',
  'wheelData',
  'scriptFiles',
  'dynamicVersion',
  'setuptools',
  'configSettings',
  'strayBytecode',
  'importNames',
  'excludedFiles',
  'metaPackage',
  'packageDir',
  'hatchling',
  'forceIncluded',
  'dynamicMetadata',
  'executableFiles',
  'dataPathEdges',
  'setuptoolsCommandOptions',
  'selfReferencingExtra',
  'symlinkedData',
] as const satisfies readonly (keyof ProjectModel)[];
export type OptionalPart = (typeof OPTIONAL_PARTS)[number];

/** How often each optional part is present by default. */
export const DEFAULT_PROBABILITIES: Readonly<Record<OptionalPart, number>> = {
  requiresPython: 0.35,
  readme: 0.4,
  license: 0.4,
  licenseFiles: 0.25,
  authors: 0.35,
  maintainers: 0.15,
  keywords: 0.25,
  classifiers: 0.25,
  urls: 0.25,
  optionalDependencies: 0.25,
  entryPoints: 0.25,
  namespacePackages: 0.15,
  sdistFiles: 0.25,
  wheelData: 0.12,
  scriptFiles: 0.1,
  dynamicVersion: 0.15,
  setuptools: 0.2,
  configSettings: 0.1,
  strayBytecode: 0.12,
  importNames: 0.15,
  excludedFiles: 0.15,
  metaPackage: 0.04,
  packageDir: 0.2,
  hatchling: 0.15,
  forceIncluded: 0.15,
  dynamicMetadata: 0.25,
  executableFiles: 0.12,
  dataPathEdges: 0.1,
  setuptoolsCommandOptions: 0.08,
  // Kept only next to optionalDependencies (0.25): about one project in ten.
  selfReferencingExtra: 0.4,
  symlinkedData: 0.08,
};

export interface ProjectModelOptions {
  /** Layouts to choose from; the first is where shrinking goes (default `['flat', 'src']`). */
  layouts?: readonly Layout[];
  /** Most top-level packages (default 3). */
  maxPackages?: number;
  /** Most top-level modules (default 2). */
  maxModules?: number;
  /** Most top-level namespace packages (default 1). */
  maxNamespacePackages?: number;
  /** Most dependencies (default 3); they have distinct normalized names. */
  maxDependencies?: number;
  /** Probability of each optional part (0 never, 1 always); see `DEFAULT_PROBABILITIES`. */
  probabilities?: Partial<Record<OptionalPart, number>>;
  /**
   * Backends the project must suit: features any of them cannot express are
   * never generated (default: none, so every feature is used).
   */
  targets?: readonly RenderTarget[];
  /** Shape of each top-level package tree (`topLevel` is forced). */
  packages?: Omit<PackageTreeOptions, 'topLevel'>;
  namespacePackages?: Omit<NamespacePackageOptions, 'topLevel'>;
  name?: DistributionNameOptions;
  version?: VersionOptions;
  description?: DescriptionOptions;
  requirement?: RequirementOptions;
  requiresPython?: RequiresPythonOptions;
  readme?: ReadmeOptions;
  license?: LicenseOptions;
  people?: PeopleOptions;
  optionalDependencies?: OptionalDependenciesOptions;
  entryPoints?: EntryPointsOptions;
  sdistFiles?: SdistFilesOptions;
}

/**
 * Extra shrink: a bare top-level package (empty `__init__.py`, nothing inside)
 * becomes an empty module of the same name, so that the smallest project is
 * always one empty module, whatever it was shrunk from.
 */
function packagesToModules(model: ProjectModel): ProjectModel[] {
  const top = model.packages.flatMap((pkg, index) => {
    if (!isBare(pkg)) return [];
    const packages = model.packages.filter((_, i) => i !== index);
    return [{ ...model, packages, modules: [...model.modules, { name: pkg.name, source: '' }] }];
  });
  // The same inside namespace folders (at any depth).
  const inNamespaces = (model.namespacePackages ?? []).flatMap((ns, index) =>
    namespaceBareToModules(ns).map((replacement) => ({
      ...model,
      namespacePackages: (model.namespacePackages ?? []).map((n, i) => (i === index ? replacement : n)),
    })),
  );
  return [...top, ...inNamespaces];
}

function isBare(pkg: PackageModel): boolean {
  return pkg.init === '' && pkg.modules.length + pkg.data.length + pkg.subpackages.length === 0 && pkg.typed !== true && (pkg.stubs ?? []).length === 0;
}

/** Each way to turn one bare package of `ns` (or of a folder inside it) into an empty module. */
function namespaceBareToModules(ns: NamespaceModel): NamespaceModel[] {
  const here = ns.packages.flatMap((pkg, index) =>
    isBare(pkg) ? [{ ...ns, packages: ns.packages.filter((_, i) => i !== index), modules: [...ns.modules, { name: pkg.name, source: '' }] }] : [],
  );
  const deeper = ns.namespaces.flatMap((sub, index) =>
    namespaceBareToModules(sub).map((replacement) => ({ ...ns, namespaces: ns.namespaces.map((n, i) => (i === index ? replacement : n)) })),
  );
  return [...here, ...deeper];
}

/**
 * Extra shrink: a namespace package dissolved into the top level (its
 * packages, modules and inner namespaces become top-level ones), so that
 * what a namespace holds can end up as the smallest project without one.
 */
function namespacesDissolved(model: ProjectModel): ProjectModel[] {
  const namespaces = model.namespacePackages ?? [];
  return namespaces.flatMap((ns, index) => {
    const { namespacePackages: _drop, ...rest } = model;
    const others = [...namespaces.filter((_, i) => i !== index), ...ns.namespaces];
    const candidate: ProjectModel = { ...rest, packages: [...model.packages, ...ns.packages], modules: [...model.modules, ...ns.modules] };
    if (others.length > 0) candidate.namespacePackages = others;
    return allDistinct(topLevelNames(candidate)) ? [candidate] : [];
  });
}

/**
 * A metapackage has no import tree: its packages, modules and namespace
 * packages, and the parts that need a module (a dynamic version, stray
 * bytecode, files excluded from a package, executable files, data path edges, a symlinked data file), are dropped; the layout is flat. Shrinking the part away brings the tree back.
 */
function withoutTreeOfMetaPackage(m: ProjectModel): ProjectModel {
  if (m.metaPackage !== true) return m;
  const { namespacePackages: _n, dynamicVersion: _d, strayBytecode: _s, excludedFiles: _e, executableFiles: _x, dataPathEdges: _p, symlinkedData: _l, ...rest } = m;
  // With no tree there is no src/ folder: a src layout would point setuptools' package-dir at nothing.
  return { ...rest, layout: 'flat', packages: [], modules: [] };
}

/** `withoutTreeOfMetaPackage` leaves a model it gives (or a replayed corpus model) as it is. */
function asGivenModel<M extends ProjectModel>(value: unknown): M {
  const m = value as M;
  if (typeof value !== 'object' || value === null || !Array.isArray(m.packages) || !Array.isArray(m.modules)) return incompatible('project model');
  if (m.metaPackage === true && topLevelNames(m).length > 0) return incompatible('metapackage with an import tree');
  return m;
}

/**
 * A metapackage shrinks to the same project with one empty module (named
 * apart from nothing else: a metapackage has no other top-level name), so a
 * failure that does not need the metapackage shrinks to the smallest project.
 */
function metaPackageToModule(m: ProjectModel): ProjectModel[] {
  if (m.metaPackage !== true) return [];
  const { metaPackage: _m, ...rest } = m;
  return [{ ...rest, modules: [{ name: 'a', source: '' }] }];
}

/** Structural validity the parts cannot ensure on their own. */
function consistent(m: ProjectModel): boolean {
  const tops = topLevelNames(m);
  if ((tops.length === 0) !== (m.metaPackage === true) || !allDistinct(tops)) return false;
  // setuptools refuses license-files next to a legacy license table.
  if ((m.licenseFiles ?? []).length > 0 && m.license !== undefined && m.license.kind !== 'spdx') return false;
  // A project that requires itself is not one a user writes (hatchling drops such a requirement,
  // setuptools keeps it): only self-references through extras (`name[extra]`) would be meaningful.
  const self = canonicalizeName(m.name);
  const requirements = [...m.dependencies, ...(m.optionalDependencies ?? []).flatMap((e) => e.requirements)];
  if (requirements.some((r) => canonicalizeName(requirementName(r)) === self)) return false;
  if (m.dynamicVersion === true && !dynamicVersionReadable(m)) return false;
  if (excludedFilesProblem(m) !== null) return false;
  if (executableFilesProblem(m) !== null) return false;
  if (dataPathEdgesProblem(m) !== null) return false;
  if (symlinkedDataProblem(m) !== null) return false;
  if (readmeCollision(m) !== null) return false;
  if (packageDirProblem(m) !== null) return false;
  if (forceIncludedProblem(m) !== null) return false;
  if (dynamicMetadataProblem(m) !== null) return false;
  // In the flat layout, the data/ and scripts/ folders sit next to the import packages.
  if (m.layout === 'flat' && (m.wheelData !== undefined || m.scriptFiles !== undefined)) {
    const reserved = new Set([WHEEL_DATA_DIR, SCRIPTS_DIR].map(siblingKey));
    if (tops.some((t) => reserved.has(siblingKey(t)))) return false;
  }
  return true;
}

/**
 * A dynamic version needs a version module whose own text names no version:
 * hatchling's default pattern also takes `VERSION = "..."` (any case) and
 * pdm's the first `__version__ = ...` anywhere, so the appended line must be
 * the only candidate.
 */
export function dynamicVersionReadable(m: ProjectModel): boolean {
  const holder = versionModule(m);
  return holder !== null && !/version\s*=|__version__/i.test(holder.source);
}

export function projectModel(options: ProjectModelOptions = {}): fc.Arbitrary<ProjectModel> {
  const { layouts = ['flat', 'src'], maxDependencies = 3, targets = [] } = options;
  if (layouts.length === 0) throw new Error('projectModel: `layouts` must not be empty');
  const allowed = (feature: string): boolean => supportedByAll(feature, targets);
  const p = (part: OptionalPart, ...features: string[]): number =>
    features.every(allowed) ? (options.probabilities?.[part] ?? DEFAULT_PROBABILITIES[part]) : 0;

  const oneTopLevel = !allowed('layout:several-top-level');
  const maxModules = allowed('layout:top-level-modules') ? (options.maxModules ?? 2) : 0;
  const maxPackages = options.maxPackages ?? 3;
  const maxNamespaces = allowed('namespace-package') ? (options.maxNamespacePackages ?? 1) : 0;
  if (maxPackages + maxModules + maxNamespaces < 1) throw new Error('projectModel: a project needs at least one package or module');

  const readmeForms = (options.readme?.forms ?? ['file', 'file-table', 'inline']).filter(
    (f) => (f !== 'inline' || allowed('readme:inline')) && (f !== 'file-table' || allowed('readme:file-table')),
  );
  const licenseKinds = (options.license?.kinds ?? ['spdx', 'text', 'file']).filter((k) => allowed(`license:${k}`));
  const peopleOptions: PeopleOptions = { ...options.people, emailOnly: (options.people?.emailOnly ?? true) && allowed('people:email-only') };
  const excludeScopes = (['both', 'sdist'] as const).filter((s) => allowed(s === 'both' ? 'exclude:both' : 'exclude:sdist-only'));
  const executableKinds = (['data', 'module'] as const).filter((k) => allowed(`file-mode:executable-${k}`));
  const namespaceProbability = maxNamespaces > 0 ? p('namespacePackages', 'namespace-package') : 0;

  const arb: fc.Arbitrary<ProjectModel> = omitUndefined(
    fc.record({
      name: distributionName(options.name),
      version: version(options.version).filter((v) => allowed('version:uppercase') || !/[A-Z]/.test(v.split('+')[0] ?? '')),
      description: description({
        ...options.description,
        nullable: (options.description?.nullable ?? true) && allowed('description:none'),
        edgeWhitespace: (options.description?.edgeWhitespace ?? true) && allowed('description:edge-whitespace'),
      }),
      dependencies: fc.uniqueArray(requirement(options.requirement), {
        selector: (r) => canonicalizeName(requirementName(r)),
        maxLength: maxDependencies,
      }),
      layout: fc.constantFrom(...layouts),
      packages: fc.uniqueArray(packageTree({ ...options.packages, topLevel: true }), {
        selector: (pkg) => siblingKey(pkg.name),
        maxLength: oneTopLevel ? Math.min(1, maxPackages) : maxPackages,
      }),
      modules: fc.uniqueArray(moduleModel({ topLevel: true }), {
        selector: (m) => siblingKey(m.name),
        maxLength: oneTopLevel ? Math.min(1, maxModules) : maxModules,
      }),
      requiresPython: maybe(requiresPython(options.requiresPython), p('requiresPython', 'requires-python')),
      readme: maybe(
        readme({ ...options.readme, forms: readmeForms.length > 0 ? readmeForms : ['file'], txtByPath: (options.readme?.txtByPath ?? true) && allowed('readme:txt-by-path') }),
        readmeForms.length > 0 ? p('readme', 'readme') : 0,
      ),
      license: maybe(
        license({
          ...options.license,
          kinds: licenseKinds.length > 0 ? licenseKinds : ['spdx'],
          lowercase: (options.license?.lowercase ?? true) && allowed('license:spdx-lowercase'),
          exceptions: (options.license?.exceptions ?? true) && allowed('license:spdx-with'),
        }),
        licenseKinds.length > 0 ? p('license', 'license') : 0,
      ),
      licenseFiles: maybe(licenseFiles(), p('licenseFiles', 'license-files')),
      authors: maybe(people(peopleOptions), p('authors', 'authors')),
      maintainers: maybe(people(peopleOptions), p('maintainers', 'maintainers')),
      keywords: maybe(keywords(), p('keywords', 'keywords')),
      classifiers: maybe(classifiers(), p('classifiers', 'classifiers')),
      urls: maybe(urls(), p('urls', 'urls')),
      optionalDependencies: maybe(optionalDependencies({ requirement: options.requirement, ...options.optionalDependencies }), p('optionalDependencies', 'optional-dependencies')),
      entryPoints: maybe(entryPoints(options.entryPoints), p('entryPoints', 'entry-points')),
      namespacePackages: maybe(
        fc.uniqueArray(namespacePackage({ packages: options.packages, ...options.namespacePackages, topLevel: true }), {
          selector: (n) => siblingKey(n.name),
          minLength: 1,
          maxLength: Math.max(1, maxNamespaces),
        }),
        namespaceProbability,
      ),
      sdistFiles: maybe(sdistFiles(options.sdistFiles), p('sdistFiles', 'sdist-files')),
      wheelData: maybe(wheelDataFiles(), p('wheelData', 'wheel-data')),
      scriptFiles: maybe(scriptFiles(), p('scriptFiles', 'script-files')),
      dynamicVersion: maybe(fc.constant(true as const), p('dynamicVersion', 'dynamic:version')),
      setuptools: maybe(setuptoolsOptions(), p('setuptools')).filter((s) => s === undefined || Object.keys(s).length > 0),
      configSettings: maybe(configSettings(), p('configSettings', CONFIG_SETTING_FEATURES.buildNumber)),
      strayBytecode: maybe(fc.constantFrom('pycache' as const, 'beside' as const, 'both' as const), p('strayBytecode', 'must-not-ship:pycache')),
      importNames: maybe(importNames({ privateMarks: allowed('import-names:private') }), p('importNames', 'import-names')),
      excludedFiles: excludeScopes.length > 0 ? maybe(excludedFiles({ scopes: excludeScopes }), p('excludedFiles')) : fc.constant(undefined),
      // A metapackage is flat (it has no src/ folder): none where the caller asks for the src layout only.
      dynamicMetadata: maybe(
        dynamicMetadata({ requirementFiles: allowed('dynamic:dependencies') && allowed('dynamic:optional-dependencies') }),
        p('dynamicMetadata'),
      ),
      metaPackage: layouts.includes('flat') ? maybe(fc.constant(true as const), p('metaPackage', 'meta-package')) : fc.constant(undefined),
      // Kept in the src layout only (withoutPackageDirInFlatLayout).
      packageDir: maybe(packageDir(), layouts.includes('src') ? p('packageDir', 'layout:package-dir') : 0),
      // Read by the hatchling renderer only: drawn when hatchling is a target (or none is given).
      forceIncluded: maybe(forceIncluded(), p('forceIncluded', 'force-include')),
      hatchling: maybe(hatchlingOptions({ supportLegacy: allowed('hatchling:support-legacy') }), targets.length === 0 || targets.some((t) => t.family === 'hatchling') ? p('hatchling') : 0),
      // Parts added later draw last, so earlier parts keep their values for a seed.
      executableFiles: executableKinds.length > 0 ? maybe(executableFiles({ kinds: executableKinds }), p('executableFiles')) : fc.constant(undefined),
      dataPathEdges: maybe(dataPathEdges({ edges: DATA_PATH_EDGES.filter((e) => allowed(EDGE_FEATURES[e])) }), DATA_PATH_EDGES.some((e) => allowed(EDGE_FEATURES[e])) ? p('dataPathEdges') : 0),
      // Read by the setuptools renderer only: drawn when setuptools is a target (or none is given).
      setuptoolsCommandOptions: maybe(setuptoolsCommandOptions(), targets.length === 0 || targets.some((t) => t.family === 'setuptools') ? p('setuptoolsCommandOptions') : 0),
      // Kept next to other extras only (withoutLoneSelfReferencingExtra).
      selfReferencingExtra: maybe(selfReferencingExtra(), p('selfReferencingExtra', 'optional-dependencies', 'optional-dependencies:self-reference')),
      // Shrinks toward absent (maybe): a failure that does not need the link loses it.
      symlinkedData: maybe(fc.constant(true as const), p('symlinkedData', 'package-data:symlink')),
    }),
    OPTIONAL_PARTS,
  )
    .map((m) => withoutLoneSelfReferencingExtra(withoutForceIncludedWithoutPackage(withoutPackageDirInFlatLayout(withoutTreeOfMetaPackage(m)))), asGivenModel)
    .filter(consistent)
    .filter((m) => !oneTopLevel || topLevelNames(m).length === 1)
    .filter((m) => targets.every((t) => unsupportedFeatures(m, t).length === 0 && canRender(m, t.family, t.version)));
  return withExtraShrinks(arb, (m) => [...metaPackageToModule(m), ...namespacesDissolved(m), ...packagesToModules(m)]);
}
