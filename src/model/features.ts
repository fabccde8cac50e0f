/**
 * `modelFeatures(model)`: the features a model exercises, as short stable
 * names (`layout:src`, `namespace-package`, `readme:md-file`,
 * `license:spdx`, `entry-points:gui`, `version:epoch`, ...), sorted.
 *
 * Used for run statistics (`--stats`, through `featuresOf` in
 * `generators/`) and by the renderers' capability table
 * (`src/render/capabilities.ts`), whose feature names are a subset of these.
 */
import { README_FILES, allNamespaces, allPackages, declaredImportNames, topLevelNames, versionModule, type PackageModel, type PersonModel, type ProjectModel } from './projectModel.js';
import { canonicalizeName } from '../pep/name.js';
import { activeDynamicMetadata } from './dynamicMetadata.js';
// The finder a setuptools rendering uses (a rendering decision, taken where the renderer takes it).
import { packageFinderUsed } from '../render/_internals/setuptoolsDiscovery.js';
import { executableKind } from './executableFiles.js';
import { formatVersion, parseVersion } from '../pep/version.js';

const README_KIND: Record<string, string> = { 'text/markdown': 'md', 'text/x-rst': 'rst', 'text/plain': 'txt' };

/** Python 2 style of requires-python operators, for stats: `>=`, `~=`, `===`, ... */
const SPECIFIER_OPERATOR = /(~=|===|==|!=|<=|>=|<|>)/g;

/**
 * An SPDX expression in another case than the SPDX list's (`mit`,
 * `apache-2.0 or mit`): an operator not in upper case, or an identifier
 * without a capital (every identifier on the SPDX list has one).
 */
export function spdxNotCanonicalCase(expression: string): boolean {
  const tokens = expression.replace(/[()]/g, ' ').split(/\s+/).filter((t) => t !== '');
  return tokens.some((t) => (/^(and|or|with)$/i.test(t) ? t !== t.toUpperCase() : !/[A-Z]/.test(t)));
}

export function modelFeatures(model: ProjectModel): string[] {
  const out = new Set<string>();
  const add = (f: string, when = true): void => {
    if (when) out.add(f);
  };
  // Layout and import names.
  add(`layout:${model.layout}`);
  // The src layout under another folder than src/ (`packageDir`), nested or not.
  const packageDir = model.layout === 'src' ? model.packageDir : undefined;
  add('layout:package-dir', packageDir !== undefined);
  add('layout:package-dir-nested', packageDir?.includes('/') === true);
  const tops = topLevelNames(model);
  add('layout:several-top-level', tops.length > 1);
  add('layout:single-module', model.packages.length === 0 && (model.namespacePackages ?? []).length === 0 && model.modules.length === 1);
  add('layout:top-level-modules', model.modules.length > 0);
  add('meta-package', model.metaPackage === true);
  const packages = allPackages(model);
  const depth = Math.max(0, ...packages.map(({ dotted }) => dotted.split('.').length));
  add('layout:subpackages', packages.some(({ dotted }) => dotted.includes('.')));
  add('layout:deep', depth >= 3);
  add('import-name:mixed-case', tops.some((n) => /[A-Z]/.test(n)));
  const namespaces = allNamespaces(model);
  add('namespace-package', namespaces.length > 0);
  add('namespace-package:nested', namespaces.some(({ dotted }) => dotted.includes('.')));
  add('namespace-package:module', namespaces.some(({ ns }) => ns.modules.length > 0));
  const importNames = declaredImportNames(model);
  add('import-names', importNames !== null);
  add('import-names:private', importNames !== null && [...importNames.names, ...importNames.namespaces].some((n) => n.private));
  add('import-names:namespaces', importNames !== null && importNames.namespaces.length > 0);
  add('py.typed', packages.some(({ pkg }) => pkg.typed === true));
  add('stubs', packages.some(({ pkg }) => (pkg.stubs ?? []).length > 0));
  // Package data.
  const data = packages.flatMap(({ pkg }: { pkg: PackageModel }) => pkg.data);
  add('package-data', data.length > 0);
  add('package-data:nested', data.some((d) => d.path.includes('/')));
  add('package-data:empty-file', data.some((d) => d.content === ''));
  add('package-data:large-file', data.some((d) => d.content.length >= 2048));
  add('package-data:space-in-name', data.some((d) => d.path.includes(' ')));
  add('package-data:non-ascii-name', data.some((d) => /[^\x00-\x7f]/.test(d.path)));
  add('package-data:non-ascii-content', data.some((d) => /[^\x00-\x7f]/.test(d.content)));
  // sdist-only files.
  const sdist = model.sdistFiles ?? [];
  add('sdist-files', sdist.length > 0);
  add('sdist-files:docs', sdist.some((f) => f.path.startsWith('docs/')));
  add('sdist-files:tests', sdist.some((f) => f.path.startsWith('tests/')));
  add('sdist-files:changelog', sdist.some((f) => !f.path.includes('/')));
  // Name and version.
  add('name:mixed-case', /[A-Z]/.test(model.name));
  add('name:dot', model.name.includes('.'));
  add('name:underscore', model.name.includes('_'));
  add('name:hyphen', model.name.includes('-'));
  add('name:separator-run', /[-_.]{2}/.test(model.name));
  const parsed = parseVersion(model.version);
  if (parsed.ok) {
    const v = parsed.value;
    add('version:epoch', v.epoch !== 0n);
    add('version:pre', v.pre !== undefined);
    add('version:post', v.post !== undefined);
    add('version:dev', v.dev !== undefined);
    add('version:local', v.local !== undefined);
    add('version:non-normalized', formatVersion(v) !== model.version);
    add('version:uppercase', /[A-Z]/.test(model.version.split('+')[0] ?? ''));
  }
  // Metadata.
  add('description:none', model.description === null);
  add('description:empty', model.description === '');
  add('description:non-ascii', model.description !== null && /[^\x00-\x7f]/.test(model.description));
  add('description:edge-whitespace', model.description !== null && model.description !== '' && model.description.trim() !== model.description);
  if (model.requiresPython !== undefined) {
    add('requires-python');
    for (const m of model.requiresPython.matchAll(SPECIFIER_OPERATOR)) add(`requires-python:${m[1]}`);
  }
  if (model.readme !== undefined) {
    const kind = README_KIND[model.readme.contentType] ?? 'other';
    add('readme');
    add(model.readme.form === 'inline' ? 'readme:inline' : `readme:${kind}-file`);
    add(`readme:${kind}`);
    add('readme:file-table', model.readme.form === 'file-table');
    // PEP 621 guarantees content types by path for .md and .rst only.
    add('readme:txt-by-path', model.readme.form === 'file' && model.readme.contentType === 'text/plain');
    add('readme:non-ascii', /[^\x00-\x7f]/.test(model.readme.text));
    const path = model.readme.path;
    add('readme:elsewhere', path !== undefined);
    add('readme:in-folder', path?.includes('/') === true);
    add('readme:other-extension', path !== undefined && !README_FILES[model.readme.contentType].endsWith(path.slice(path.lastIndexOf('.'))));
  }
  if (model.license !== undefined) {
    add('license');
    add(`license:${model.license.kind}`);
    add('license:spdx-lowercase', model.license.kind === 'spdx' && spdxNotCanonicalCase(model.license.expression));
    add('license:spdx-with', model.license.kind === 'spdx' && /\bwith\b/i.test(model.license.expression));
  }
  const licenseFiles = model.licenseFiles ?? [];
  add('license-files', licenseFiles.length > 0);
  add('license-files:subfolder', licenseFiles.some((f) => f.path.includes('/')));
  const people = (kind: string, list: PersonModel[] | undefined): void => {
    if (list === undefined || list.length === 0) return;
    add(kind);
    add('people:non-ascii', list.some((p) => /[^\x00-\x7f]/.test(p.name ?? '')));
    add('people:email-only', list.some((p) => p.name === undefined));
    add('people:name-only', list.some((p) => p.email === undefined));
  };
  people('authors', model.authors);
  people('maintainers', model.maintainers);
  add('keywords', (model.keywords ?? []).length > 0);
  add('classifiers', (model.classifiers ?? []).length > 0);
  add('urls', (model.urls ?? []).length > 0);
  add('dependencies', model.dependencies.length > 0);
  const allRequirements = [...model.dependencies, ...(model.optionalDependencies ?? []).flatMap((e) => e.requirements)];
  add('dependencies:extras', allRequirements.some((r) => /^[^;]*\[/.test(r)));
  add('dependencies:markers', allRequirements.some((r) => r.includes(';')));
  const extras = model.optionalDependencies ?? [];
  add('optional-dependencies', extras.length > 0);
  add('optional-dependencies:unnormalized', extras.some((e) => e.name !== canonicalizeName(e.name)));
  add('optional-dependencies:empty', extras.some((e) => e.requirements.length === 0));
  // `all = ["<project>[cli,test]"]`: an extra naming the project itself with the others.
  add('optional-dependencies:self-reference', extras.length > 0 && model.selfReferencingExtra !== undefined);
  for (const group of model.entryPoints ?? []) {
    if (group.entries.length === 0) continue;
    add('entry-points');
    add(group.group === 'console_scripts' ? 'entry-points:console' : group.group === 'gui_scripts' ? 'entry-points:gui' : 'entry-points:custom');
  }
  const wheelData = model.wheelData ?? [];
  add('wheel-data', wheelData.length > 0);
  add('wheel-data:nested', wheelData.some((f) => f.path.includes('/')));
  const scripts = model.scriptFiles ?? [];
  add('script-files', scripts.length > 0);
  add('script-files:python-shebang', scripts.some((s) => /^#!.*python/.test(s.content)));
  // Files that must not ship.
  add('must-not-ship:pycache', model.strayBytecode === 'pycache' || model.strayBytecode === 'both');
  add('must-not-ship:pyc', model.strayBytecode === 'beside' || model.strayBytecode === 'both');
  const excluded = model.excludedFiles ?? [];
  add('exclude:both', excluded.some((f) => f.scope === 'both'));
  add('exclude:sdist-only', excluded.some((f) => f.scope === 'sdist'));
  add('exclude:path', excluded.some((f) => f.rule === 'path'));
  add('exclude:glob', excluded.some((f) => f.rule === 'glob'));
  add('exclude:folder', excluded.some((f) => f.rule === 'folder'));
  // File modes.
  const executables = model.packages.length > 0 ? (model.executableFiles ?? []) : [];
  add('file-mode:executable-data', executables.some((f) => executableKind(f) === 'data'));
  add('file-mode:executable-module', executables.some((f) => executableKind(f) === 'module'));
  const edges = model.packages.length > 0 ? (model.dataPathEdges ?? []) : [];
  add('package-data:long-name', edges.includes('long-name'));
  add('package-data:long-path', edges.includes('long-path'));
  add('package-data:case-collision', edges.includes('case-twins'));
  add('package-data:symlink', model.packages.length > 0 && model.symlinkedData === true);
  add('dynamic:version', model.dynamicVersion === true && versionModule(model) !== null);
  // Dynamic metadata beyond the version, where it acts (src/model/dynamicMetadata.ts).
  const dynamicParts = activeDynamicMetadata(model);
  add('dynamic:readme', dynamicParts.readme);
  add('dynamic:dependencies', dynamicParts.dependencies);
  add('dynamic:optional-dependencies', dynamicParts.optionalDependencies);
  add('dynamic:description', dynamicParts.description);
  add('config-settings:build-number', model.configSettings?.buildNumber !== undefined);
  // hatchling's other spellings of the wheel's file selection (a metapackage selects nothing; the flat layout rewrites nothing).
  const selection = model.metaPackage === true ? undefined : model.hatchling?.wheelSelection;
  add('hatchling:packages', selection === 'packages');
  add('hatchling:sources-table', selection === 'sources-table' && model.layout === 'src');
  add('hatchling:support-legacy', model.hatchling?.supportLegacy === true);
  add('force-include', (model.forceIncluded ?? []).length > 0 && model.packages.length > 0);
  // setuptools scenarios.
  const st = model.setuptools;
  if (st !== undefined) {
    add('setuptools:code-before-setup', st.codeBeforeSetup === true);
    add('setuptools:temporary-file', st.temporaryFile === true);
    add('setuptools:exit-after-setup', st.exitAfterSetup === true);
    add('setuptools:main-guard', st.mainGuard === true);
    add('setuptools:use-file', st.useFile === true);
    add('setuptools:stub-setup-py', st.stubSetupPy === true);
    if (st.setupRequires !== undefined) add(`setuptools:setup-requires:${st.setupRequires.spelling}`);
    const hasData = packages.some(({ pkg }) => pkg.data.length > 0 || pkg.typed === true || (pkg.stubs ?? []).length > 0);
    add('setuptools:package-data-glob', st.packageData === 'glob' && hasData);
    add('setuptools:include-package-data', st.packageData === 'manifest' && hasData);
    const finder = packageFinderUsed(model);
    if (finder !== null) add(`setuptools:packages-${finder}`);
  }
  const commandOptions = model.setuptoolsCommandOptions ?? [];
  add('setuptools:command-options', commandOptions.length > 0);
  for (const c of commandOptions) add(`setuptools:command-option:${c}`);
  return [...out].sort();
}
