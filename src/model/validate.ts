/**
 * Checks of the optional parts of a `ProjectModel` read from JSON (a corpus
 * file): shapes and types, and that nothing a renderer writes can escape the
 * project folder or change what a backend executes.
 *
 * - Every path is relative, `/`-separated, without `.`/`..` segments, hidden
 *   names, white space or glob characters (paths go into MANIFEST.in lines
 *   and license-files globs); root files never take the name of a
 *   configuration file or of a file a backend runs (`setup.py`,
 *   `pdm_build.py`, `hatch_build.py`, `*.pth`, ...).
 * - Every string written into `setup.cfg` or `MANIFEST.in` is one line (a
 *   line break there could add configuration such as `cmdclass`); names
 *   (extras, entry points, import names) match their grammars.
 * - Top-level import names never shadow the standard library or the build
 *   tools (the project folder may be on `sys.path` while a backend runs).
 */
import { canonicalizeName } from '../pep/name.js';
import { DATA_PATH_EDGES, EXCLUDE_RULES, EXCLUDE_SCOPES, HATCHLING_WHEEL_SELECTIONS, PRIVATE_MARKS, PRIVATE_SPELLINGS, type ProjectModel, README_CONTENT_TYPES, README_FILES, SCRIPTS_DIR, SETUP_REQUIRES_SPELLINGS, SETUPTOOLS_COMMAND_OPTIONS, SETUPTOOLS_PACKAGE_DATA, SETUPTOOLS_PACKAGE_FINDERS, WHEEL_DATA_DIR } from './projectModel.js';
import { shadowsToolOrStdlib } from './reservedNames.js';
import { excludedFilesProblem } from './excludedFiles.js';
import { readmeCollision } from './modelFiles.js';
import { packageDirProblem } from './packageDir.js';
import { forceIncludedProblem } from './forceIncluded.js';
import { dynamicMetadataProblem } from './dynamicMetadata.js';
import { executableFilesProblem } from './executableFiles.js';
import { dataPathEdgesProblem } from './dataPathEdges.js';
import { symlinkedDataProblem } from './symlinkedData.js';

type Obj = Record<string, unknown>;
export type Fail = (field: string, what: string) => never;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NAME = /^([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])$/;
/** One line of text: no control characters (tab aside), no lone surrogates. */
const LINE = /^[^\x00-\x08\x0a-\x1f\x7f\u2028\u2029]*$/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** A segment of a root file path: letters, digits, `.`, `_`, `-`; not hidden. */
const ROOT_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
/** Root files a renderer writes itself, or that a backend would execute or read as configuration. */
const FORBIDDEN_ROOT_FILES = new Set(
  ['pyproject.toml', 'setup.py', 'setup.cfg', 'MANIFEST.in', 'PKG-INFO', 'hatch_build.py', 'pdm_build.py', 'build.py', 'hatch.toml', 'poetry.lock', 'pdm.lock', 'uv.lock', '.gitignore'].map((n) =>
    n.toLowerCase(),
  ),
);

function text(v: unknown, field: string, fail: Fail): string {
  if (typeof v !== 'string') fail(field, 'must be a string');
  if (LONE_SURROGATE.test(v)) fail(field, 'is not well-formed Unicode');
  return v;
}

function line(v: unknown, field: string, fail: Fail, pattern?: RegExp): string {
  const s = text(v, field, fail);
  if (!LINE.test(s)) fail(field, 'must be one line without control characters');
  if (pattern !== undefined && !pattern.test(s)) fail(field, `is not valid: ${JSON.stringify(s).slice(0, 80)}`);
  return s;
}

function array(v: unknown, field: string, fail: Fail): unknown[] {
  if (!Array.isArray(v)) fail(field, 'must be an array');
  return v;
}

function obj(v: unknown, field: string, fail: Fail, keys: readonly string[]): Obj {
  if (!isObj(v)) fail(field, 'must be an object');
  for (const k of Object.keys(v)) if (!keys.includes(k)) fail(`${field}.${k}`, 'is not a known field');
  return v;
}

/** A file path relative to the project root that renderers may write. */
export function checkRootPath(v: unknown, field: string, fail: Fail): string {
  const path = line(v, field, fail);
  const segments = path.split('/');
  if (segments.some((s) => !ROOT_SEGMENT.test(s))) fail(field, `is not a safe relative path: ${JSON.stringify(path)}`);
  const first = segments[0]!.toLowerCase();
  if (first === 'src') fail(field, 'must not be under src/ (where import packages live)');
  if (segments.length === 1 && (FORBIDDEN_ROOT_FILES.has(first) || /\.(py|pyc|pth)$/i.test(first))) {
    fail(field, `must not be a configuration or Python file at the project root: ${JSON.stringify(path)}`);
  }
  return path;
}

function files(v: unknown, field: string, fail: Fail): void {
  array(v, field, fail).forEach((f, i) => {
    const o = obj(f, `${field}[${i}]`, fail, ['path', 'content']);
    checkRootPath(o['path'], `${field}[${i}].path`, fail);
    text(o['content'], `${field}[${i}].content`, fail);
  });
}

function people(v: unknown, field: string, fail: Fail): void {
  array(v, field, fail).forEach((p, i) => {
    const o = obj(p, `${field}[${i}]`, fail, ['name', 'email']);
    if (o['name'] === undefined && o['email'] === undefined) fail(`${field}[${i}]`, 'needs a name or an email');
    if (o['name'] !== undefined) line(o['name'], `${field}[${i}].name`, fail, /^[^,]+$/);
    if (o['email'] !== undefined) line(o['email'], `${field}[${i}].email`, fail, /^[^\s@,<>"]+@[^\s@,<>"]+$/);
  });
}

function namespace(v: unknown, field: string, fail: Fail, depth: number, checkPackage: (v: unknown, field: string) => void, checkModule: (v: unknown, field: string) => void): void {
  if (depth > 16) fail(field, 'is nested too deeply');
  const o = obj(v, field, fail, ['name', 'packages', 'modules', 'namespaces']);
  line(o['name'], `${field}.name`, fail, IDENT);
  array(o['packages'], `${field}.packages`, fail).forEach((p, i) => checkPackage(p, `${field}.packages[${i}]`));
  array(o['modules'], `${field}.modules`, fail).forEach((m, i) => checkModule(m, `${field}.modules[${i}]`));
  array(o['namespaces'], `${field}.namespaces`, fail).forEach((n, i) => namespace(n, `${field}.namespaces[${i}]`, fail, depth + 1, checkPackage, checkModule));
}

/** `typed` and `stubs` of every package of a tree (the first format had neither). */
function packageExtensions(v: unknown, field: string, fail: Fail, depth = 0): void {
  if (!isObj(v) || depth > 32) return; // the base checks report these
  if (v['typed'] !== undefined && typeof v['typed'] !== 'boolean') fail(`${field}.typed`, 'must be a boolean');
  if (v['stubs'] !== undefined) {
    array(v['stubs'], `${field}.stubs`, fail).forEach((s, i) => {
      const o = obj(s, `${field}.stubs[${i}]`, fail, ['name', 'source']);
      line(o['name'], `${field}.stubs[${i}].name`, fail, IDENT);
      text(o['source'], `${field}.stubs[${i}].source`, fail);
    });
  }
  const subs = v['subpackages'];
  if (Array.isArray(subs)) subs.forEach((s, i) => packageExtensions(s, `${field}.subpackages[${i}]`, fail, depth + 1));
}

/**
 * Check everything of the model the first corpus format did not have, plus
 * the safety of top-level import names. `checkPackage` / `checkModule` are
 * the corpus's own checks of a package tree and a module (for those inside
 * namespace packages).
 */
export function checkModelExtensions(
  m: Obj,
  fail: Fail,
  checkPackage: (v: unknown, field: string) => void,
  checkModule: (v: unknown, field: string) => void,
): void {
  const f = (k: string): string => `model.${k}`;
  if (m['requiresPython'] !== undefined) line(m['requiresPython'], f('requiresPython'), fail, /^[0-9A-Za-z .*!=<>~,+-]+$/);
  if (m['readme'] !== undefined) {
    const o = obj(m['readme'], f('readme'), fail, ['contentType', 'form', 'text', 'path']);
    if (!README_CONTENT_TYPES.includes(o['contentType'] as never)) fail(f('readme.contentType'), `must be one of ${README_CONTENT_TYPES.join(', ')}`);
    if (!['file', 'file-table', 'inline'].includes(o['form'] as string)) fail(f('readme.form'), 'must be file, file-table or inline');
    text(o['text'], f('readme.text'), fail);
    if (o['path'] !== undefined) {
      checkRootPath(o['path'], f('readme.path'), fail);
      if (o['form'] === 'inline') fail(f('readme.path'), 'an inline readme has no file');
      // The `file` form says the content type by the extension alone (PEP 621: .md, .rst; .txt as plain text).
      const ext = String(o['path']).slice(String(o['path']).lastIndexOf('.'));
      const own = README_FILES[o['contentType'] as keyof typeof README_FILES];
      if (o['form'] === 'file' && own !== undefined && !own.endsWith(ext)) fail(f('readme.path'), `the file form needs the ${own.slice(own.lastIndexOf('.'))} extension of ${String(o['contentType'])}`);
    }
  }
  if (m['license'] !== undefined) {
    const o = obj(m['license'], f('license'), fail, ['kind', 'expression', 'text', 'path', 'content']);
    if (o['kind'] === 'spdx') line(o['expression'], f('license.expression'), fail, /^[A-Za-z0-9.+:() -]+$/);
    else if (o['kind'] === 'text') line(o['text'], f('license.text'), fail);
    else if (o['kind'] === 'file') {
      checkRootPath(o['path'], f('license.path'), fail);
      text(o['content'], f('license.content'), fail);
    } else fail(f('license.kind'), 'must be spdx, text or file');
  }
  for (const k of ['licenseFiles', 'sdistFiles']) if (m[k] !== undefined) files(m[k], f(k), fail);
  // Glob patterns as the glob-patterns specification allows them: relative, '/'-separated, no '..'.
  if (m['licenseFilePatterns'] !== undefined) {
    array(m['licenseFilePatterns'], f('licenseFilePatterns'), fail).forEach((p, i) => {
      const at = f(`licenseFilePatterns[${i}]`);
      const pattern = line(p, at, fail, /^[A-Za-z0-9_ .*?[\]\/-]+$/);
      if (pattern.startsWith('/') || pattern.split('/').includes('..')) fail(at, 'must be a relative pattern without ..');
    });
  }
  // Wheel data and scripts: paths below data/ and scripts/ (a script path is a file name).
  for (const [k, dir] of [['wheelData', WHEEL_DATA_DIR], ['scriptFiles', SCRIPTS_DIR]] as const) {
    if (m[k] === undefined) continue;
    array(m[k], f(k), fail).forEach((x, i) => {
      const o = obj(x, f(`${k}[${i}]`), fail, ['path', 'content']);
      const path = line(o['path'], f(`${k}[${i}].path`), fail);
      if (k === 'scriptFiles' && path.includes('/')) fail(f(`${k}[${i}].path`), 'must be a file name (no folder)');
      checkRootPath(`${dir}/${path}`, f(`${k}[${i}].path`), fail);
      text(o['content'], f(`${k}[${i}].content`), fail);
    });
  }
  // The root files are checked by now (a failed check throws): a readme elsewhere is none of them.
  const clash = isObj(m['readme']) && m['readme']['path'] !== undefined ? readmeCollision(m as unknown as ProjectModel) : null;
  if (clash !== null) fail(f('readme.path'), `names the same file as ${clash}`);
  // Config settings become command-line options of the backend: a build tag only (digits, then letters or digits).
  if (m['configSettings'] !== undefined) {
    const o = obj(m['configSettings'], f('configSettings'), fail, ['buildNumber']);
    if (o['buildNumber'] !== undefined) line(o['buildNumber'], f('configSettings.buildNumber'), fail, /^[0-9][A-Za-z0-9]{0,15}$/);
  }
  // Dynamic metadata: flags only; the requirements files it adds must be writable (src/model/dynamicMetadata.ts).
  if (m['dynamicMetadata'] !== undefined) {
    const o = obj(m['dynamicMetadata'], f('dynamicMetadata'), fail, ['readme', 'dependencies', 'optionalDependencies', 'description']);
    for (const [k, v] of Object.entries(o)) if (v !== true) fail(f(`dynamicMetadata.${k}`), 'must be true (or absent)');
  }
  for (const k of ['authors', 'maintainers']) if (m[k] !== undefined) people(m[k], f(k), fail);
  if (m['keywords'] !== undefined) array(m['keywords'], f('keywords'), fail).forEach((k, i) => line(k, f(`keywords[${i}]`), fail, /^[^,]+$/));
  if (m['classifiers'] !== undefined) array(m['classifiers'], f('classifiers'), fail).forEach((c, i) => line(c, f(`classifiers[${i}]`), fail));
  if (m['urls'] !== undefined) {
    array(m['urls'], f('urls'), fail).forEach((u, i) => {
      const o = obj(u, f(`urls[${i}]`), fail, ['label', 'url']);
      line(o['label'], f(`urls[${i}].label`), fail, /^[^=:,]+$/);
      line(o['url'], f(`urls[${i}].url`), fail, /^[^\s,]+$/);
    });
  }
  if (m['optionalDependencies'] !== undefined) {
    array(m['optionalDependencies'], f('optionalDependencies'), fail).forEach((e, i) => {
      const o = obj(e, f(`optionalDependencies[${i}]`), fail, ['name', 'requirements']);
      line(o['name'], f(`optionalDependencies[${i}].name`), fail, NAME);
      array(o['requirements'], f(`optionalDependencies[${i}].requirements`), fail).forEach((r, j) =>
        line(r, f(`optionalDependencies[${i}].requirements[${j}]`), fail, /^[^#\n]+$/),
      );
    });
  }
  if (m['selfReferencingExtra'] !== undefined) {
    const o = obj(m['selfReferencingExtra'], f('selfReferencingExtra'), fail, ['name']);
    line(o['name'], f('selfReferencingExtra.name'), fail, NAME);
    const extras = Array.isArray(m['optionalDependencies']) ? (m['optionalDependencies'] as { name?: unknown }[]) : [];
    if (extras.length === 0) fail(f('selfReferencingExtra'), 'needs optionalDependencies: it names the project with every other extra');
    const own = typeof o['name'] === 'string' ? canonicalizeName(o['name']) : '';
    if (extras.some((e) => typeof e?.name === 'string' && canonicalizeName(e.name) === own)) fail(f('selfReferencingExtra.name'), 'must differ from every other extra once normalized');
  }
  if (m['entryPoints'] !== undefined) {
    array(m['entryPoints'], f('entryPoints'), fail).forEach((g, i) => {
      const o = obj(g, f(`entryPoints[${i}]`), fail, ['group', 'entries']);
      line(o['group'], f(`entryPoints[${i}].group`), fail, /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/);
      array(o['entries'], f(`entryPoints[${i}].entries`), fail).forEach((e, j) => {
        const eo = obj(e, f(`entryPoints[${i}].entries[${j}]`), fail, ['name', 'value']);
        line(eo['name'], f(`entryPoints[${i}].entries[${j}].name`), fail, /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/);
        line(eo['value'], f(`entryPoints[${i}].entries[${j}].value`), fail, /^[A-Za-z_][A-Za-z0-9_.]*(:[A-Za-z_][A-Za-z0-9_.]*)?$/);
      });
    });
  }
  if (m['namespacePackages'] !== undefined) {
    array(m['namespacePackages'], f('namespacePackages'), fail).forEach((n, i) => namespace(n, f(`namespacePackages[${i}]`), fail, 0, checkPackage, checkModule));
  }
  // Force-included files: under assets/ (safe root paths), landing in the first package on nothing it ships.
  if (m['forceIncluded'] !== undefined) {
    array(m['forceIncluded'], f('forceIncluded'), fail).forEach((x, i) => {
      const o = obj(x, f(`forceIncluded[${i}]`), fail, ['path', 'content']);
      checkRootPath(`assets/${line(o['path'], f(`forceIncluded[${i}].path`), fail)}`, f(`forceIncluded[${i}].path`), fail);
      text(o['content'], f(`forceIncluded[${i}].content`), fail);
    });
    const problem = forceIncludedProblem(m as unknown as ProjectModel);
    if (problem !== null) fail(f('forceIncluded'), problem);
  }
  // A package folder other than src/: plain names, in the src layout, holding none of the root files (checked by now).
  if (m['packageDir'] !== undefined) {
    const problem = packageDirProblem(m as unknown as ProjectModel);
    if (problem !== null) fail(f('packageDir'), problem);
  }
  if (m['dynamicVersion'] !== undefined && typeof m['dynamicVersion'] !== 'boolean') fail(f('dynamicVersion'), 'must be a boolean');
  if (m['strayBytecode'] !== undefined && !['pycache', 'beside', 'both'].includes(m['strayBytecode'] as never)) fail(f('strayBytecode'), 'must be one of pycache, beside, both');
  if (m['importNames'] !== undefined) {
    const o = obj(m['importNames'], f('importNames'), fail, ['private', 'spelling']);
    if (!PRIVATE_MARKS.includes(o['private'] as never)) fail(f('importNames.private'), `must be one of ${PRIVATE_MARKS.join(', ')}`);
    if (!PRIVATE_SPELLINGS.includes(o['spelling'] as never)) fail(f('importNames.spelling'), `must be one of ${PRIVATE_SPELLINGS.join(', ')}`);
  }
  if (m['metaPackage'] !== undefined) {
    if (m['metaPackage'] !== true) fail(f('metaPackage'), 'must be true when present');
    const tree = [m['packages'], m['modules'], m['namespacePackages'] ?? []].some((list) => Array.isArray(list) && list.length > 0);
    if (tree) fail(f('metaPackage'), 'a metapackage has no packages, modules or namespace packages');
    if (m['dynamicVersion'] !== undefined) fail(f('metaPackage'), 'a metapackage has no module to hold a dynamic version');
    if (m['strayBytecode'] !== undefined) fail(f('metaPackage'), 'a metapackage has no modules to compile (strayBytecode)');
    if (m['excludedFiles'] !== undefined) fail(f('metaPackage'), 'a metapackage has no package to exclude files from (excludedFiles)');
    if (m['executableFiles'] !== undefined) fail(f('metaPackage'), 'a metapackage has no package to hold executable files (executableFiles)');
    if (m['dataPathEdges'] !== undefined) fail(f('metaPackage'), 'a metapackage has no package to hold data files (dataPathEdges)');
    if (m['symlinkedData'] !== undefined) fail(f('metaPackage'), 'a metapackage has no package to hold a symlinked data file (symlinkedData)');
    if (m['layout'] !== 'flat') fail(f('metaPackage'), 'a metapackage has no src/ folder: its layout is flat');
  } else if ([m['packages'], m['modules'], m['namespacePackages'] ?? []].every((list) => Array.isArray(list) && list.length === 0)) {
    fail(f('packages'), 'a project needs a package, a module or a namespace package (or metaPackage: true)');
  }
  if (m['hatchling'] !== undefined) {
    const o = obj(m['hatchling'], f('hatchling'), fail, ['wheelSelection', 'supportLegacy']);
    if (o['supportLegacy'] !== undefined && o['supportLegacy'] !== true) fail(f('hatchling.supportLegacy'), 'must be true when present');
    if (o['wheelSelection'] !== undefined && !HATCHLING_WHEEL_SELECTIONS.includes(o['wheelSelection'] as never)) {
      fail(f('hatchling.wheelSelection'), `must be one of ${HATCHLING_WHEEL_SELECTIONS.join(', ')}`);
    }
  }
  if (m['setuptoolsCommandOptions'] !== undefined) {
    const seen = new Set<unknown>();
    const list = array(m['setuptoolsCommandOptions'], f('setuptoolsCommandOptions'), fail);
    if (list.length === 0) fail(f('setuptoolsCommandOptions'), 'must not be empty (absent when none)');
    list.forEach((c, i) => {
      if (!SETUPTOOLS_COMMAND_OPTIONS.includes(c as never)) fail(f(`setuptoolsCommandOptions[${i}]`), `must be one of ${SETUPTOOLS_COMMAND_OPTIONS.join(', ')}`);
      if (seen.has(c)) fail(f(`setuptoolsCommandOptions[${i}]`), `${String(c)} is listed twice`);
      seen.add(c);
    });
  }
  if (m['setuptools'] !== undefined) {
    const keys = ['codeBeforeSetup', 'temporaryFile', 'exitAfterSetup', 'mainGuard', 'useFile', 'setupRequires', 'stubSetupPy', 'packageData', 'packageFinder'];
    const o = obj(m['setuptools'], f('setuptools'), fail, keys);
    for (const k of keys) if (k !== 'setupRequires' && k !== 'packageData' && k !== 'packageFinder' && o[k] !== undefined && typeof o[k] !== 'boolean') fail(f(`setuptools.${k}`), 'must be a boolean');
    if (o['packageData'] !== undefined && !SETUPTOOLS_PACKAGE_DATA.includes(o['packageData'] as never)) fail(f('setuptools.packageData'), `must be one of ${SETUPTOOLS_PACKAGE_DATA.join(', ')}`);
    if (o['packageFinder'] !== undefined && !SETUPTOOLS_PACKAGE_FINDERS.includes(o['packageFinder'] as never)) fail(f('setuptools.packageFinder'), `must be one of ${SETUPTOOLS_PACKAGE_FINDERS.join(', ')}`);
    if (o['setupRequires'] !== undefined) {
      const sr = obj(o['setupRequires'], f('setuptools.setupRequires'), fail, ['spelling', 'requirements']);
      if (!SETUP_REQUIRES_SPELLINGS.includes(sr['spelling'] as never)) fail(f('setuptools.setupRequires.spelling'), `must be one of ${SETUP_REQUIRES_SPELLINGS.join(', ')}`);
      array(sr['requirements'], f('setuptools.setupRequires.requirements'), fail).forEach((r, i) =>
        line(r, f(`setuptools.setupRequires.requirements[${i}]`), fail, /^[^#\n\\]+$/),
      );
    }
  }
  // Package extensions, everywhere packages occur.
  const packagesOf = (list: unknown, field: string): void => {
    if (Array.isArray(list)) list.forEach((p, i) => packageExtensions(p, `${field}[${i}]`, fail));
  };
  packagesOf(m['packages'], f('packages'));
  const walk = (ns: unknown, field: string): void => {
    if (!isObj(ns)) return;
    packagesOf(ns['packages'], `${field}.packages`);
    if (Array.isArray(ns['namespaces'])) ns['namespaces'].forEach((s, i) => walk(s, `${field}.namespaces[${i}]`));
  };
  if (Array.isArray(m['namespacePackages'])) m['namespacePackages'].forEach((n, i) => walk(n, f(`namespacePackages[${i}]`)));
  // Strings of the first format that setup.cfg / setup.py now carry.
  if (Array.isArray(m['dependencies'])) m['dependencies'].forEach((d, i) => line(d, f(`dependencies[${i}]`), fail, /^[^#\n]+$/));
  // Top-level names: never a standard-library or build-tool module.
  const tops: [unknown, string][] = [];
  const collect = (list: unknown, field: string): void => {
    if (Array.isArray(list)) list.forEach((x, i) => tops.push([isObj(x) ? x['name'] : undefined, `${field}[${i}].name`]));
  };
  collect(m['packages'], f('packages'));
  collect(m['modules'], f('modules'));
  collect(m['namespacePackages'], f('namespacePackages'));
  for (const [name, field] of tops) {
    if (typeof name === 'string' && shadowsToolOrStdlib(name)) fail(field, `must not shadow a standard-library or build-tool module: ${name}`);
  }
  if (m['excludedFiles'] !== undefined) excludedFiles(m, fail);
  if (m['dynamicMetadata'] !== undefined) {
    const problem = dynamicMetadataProblem(m as unknown as ProjectModel);
    if (problem !== null) fail(f('dynamicMetadata'), problem);
  }
  if (m['executableFiles'] !== undefined) executableFiles(m, fail);
  if (m['dataPathEdges'] !== undefined) {
    const list = array(m['dataPathEdges'], f('dataPathEdges'), fail);
    list.forEach((x, i) => {
      if (!DATA_PATH_EDGES.includes(x as never)) fail(f(`dataPathEdges[${i}]`), `must be one of ${DATA_PATH_EDGES.join(', ')}`);
    });
    const problem = dataPathEdgesProblem(m as unknown as ProjectModel);
    if (problem !== null) fail(f('dataPathEdges'), problem);
  }
  if (m['symlinkedData'] !== undefined) {
    const problem = symlinkedDataProblem(m as unknown as ProjectModel);
    if (problem !== null) fail(f('symlinkedData'), problem);
  }
}

/**
 * `executableFiles`: safe relative paths inside the first top-level
 * package's folder, with text content; `executableFilesProblem` says whether
 * they fit the model (an identifier for a module, an extension for data, no
 * collision with the package tree).
 */
function executableFiles(m: Obj, fail: Fail): void {
  const f = (k: string): string => `model.executableFiles${k}`;
  const list = array(m['executableFiles'], f(''), fail);
  if (!Array.isArray(m['packages']) || m['packages'].length === 0) fail(f(''), 'needs a top-level package (the files sit in the folder of packages[0])');
  list.forEach((x, i) => {
    const o = obj(x, f(`[${i}]`), fail, ['path', 'content']);
    const path = line(o['path'], f(`[${i}].path`), fail);
    if (path.split('/').some((s) => !ROOT_SEGMENT.test(s))) fail(f(`[${i}].path`), `is not a safe relative path: ${JSON.stringify(path)}`);
    text(o['content'], f(`[${i}].content`), fail);
  });
  const model = m as unknown as ProjectModel;
  const problem = executableFilesProblem(model);
  if (problem !== null) fail(f(''), problem);
}

/**
 * `excludedFiles`: safe relative paths inside the first top-level package's
 * folder (a `folder` rule needs a folder), known scopes and rules; no path
 * collides with a file the project ships, and no rule matches one (a glob
 * or folder that took a shipped file would change more than the model says).
 */
function excludedFiles(m: Obj, fail: Fail): void {
  const f = (k: string): string => `model.excludedFiles${k}`;
  const list = array(m['excludedFiles'], f(''), fail);
  if (!Array.isArray(m['packages']) || m['packages'].length === 0) fail(f(''), 'needs a top-level package (the files sit in the folder of packages[0])');
  list.forEach((x, i) => {
    const o = obj(x, f(`[${i}]`), fail, ['path', 'content', 'scope', 'rule']);
    const path = line(o['path'], f(`[${i}].path`), fail);
    if (path.split('/').some((s) => !ROOT_SEGMENT.test(s))) fail(f(`[${i}].path`), `is not a safe relative path: ${JSON.stringify(path)}`);
    if (/\.(py|pyc|pyo|pyi|pth)$/i.test(path) || !/\.[A-Za-z0-9]+$/.test(path)) fail(f(`[${i}].path`), 'must have an extension that is not a Python one');
    text(o['content'], f(`[${i}].content`), fail);
    if (!EXCLUDE_SCOPES.includes(o['scope'] as never)) fail(f(`[${i}].scope`), `must be one of ${EXCLUDE_SCOPES.join(', ')}`);
    if (!EXCLUDE_RULES.includes(o['rule'] as never)) fail(f(`[${i}].rule`), `must be one of ${EXCLUDE_RULES.join(', ')}`);
    if (o['rule'] === 'folder' && !path.includes('/')) fail(f(`[${i}].path`), 'must be inside a folder for the folder rule');
  });
  const problem = excludedFilesProblem(m as unknown as ProjectModel);
  if (problem !== null) fail(f(''), problem);
}
