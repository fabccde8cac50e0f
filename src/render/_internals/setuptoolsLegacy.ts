/**
 * setuptools in the `setup.cfg` and `setup.py` styles: the same project as
 * the `pyproject` style, configured the way projects did before PEP 621
 * (and still may). Both write a `pyproject.toml` holding only
 * `[build-system]` (so the backend and its version are pinned the same way),
 * and the same explicit file selection as the `pyproject` style: every
 * package, namespace folder and module listed, package data by exact path.
 * Renderings of one model in the three styles are meant to give equal
 * normalized artifacts (the `config` property).
 *
 * The metadata of each `[project]` key maps to the setup() keyword that
 * setuptools itself maps it to, with authors and maintainers joined into
 * `author` / `author_email` exactly as setuptools joins `[project] authors`.
 *
 * The `setuptools` block of the model selects the scenarios of setuptools'
 * own backend tests (code before `setup()`, a temporary file, `sys.exit(0)`,
 * a `__main__` guard, `__file__`, `setup_requires` spellings, a stub
 * `setup.py` next to `setup.cfg`) and its command options (setup.cfg
 * command sections, `setup(options=)`); none of them changes the artifacts.
 */
import { commandOptionSections, setupOptionsExpression } from './setuptoolsCommandOptions.js';
import { ConfigError } from '../../errors.js';
import { modelExtras, readmePath, versionModule, type PersonModel, type ProjectModel, type SetupRequiresSpelling } from '../../model/projectModel.js';
import { supports, whyUnsupported } from '../capabilities.js';
import { REQUIREMENTS_FILE, activeDynamicMetadata, extraRequirementsFile } from '../../model/dynamicMetadata.js';
import { packageFind } from './setuptoolsDiscovery.js';
import type { ConfigStyle, FileMap } from '../fileMap.js';
import {
  dottedPackageNames,
  namespacePackageNames,
  packageDataGlobs,
  packageDirOf,
  packageDataPaths,
  scriptPaths,
  setuptoolsPackageDataStyle,
  setuptoolsDataFiles,
  sortedFileMap,
  sourceFiles,
  topLevelModuleNames,
} from './projectFiles.js';
import { buildSystemTable, byKey, pinnedRequirement } from './projectTable.js';
import { tomlDocument } from './toml.js';

/** Lowest setuptools the setup.cfg / setup.py renderings are written for (declarative `file:`, `license_files`, `find_namespace:`). */
const LEGACY_MINIMUM = '>=42';

/** Characters that make an RFC 5322 display name need quoting (as in Python's email.headerregistry). */
const SPECIALS = /[()<>@,:;."\\[\]]/;

/** One person as setuptools writes `[project] authors` into Author-email: `Name <email>`, quoted when needed. */
function mailbox(p: PersonModel & { email: string }): string {
  if (p.name === undefined || p.name === '') return p.email;
  const name = SPECIALS.test(p.name) ? `"${p.name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : p.name;
  return `${name} <${p.email}>`;
}

/** `author`/`author_email` (or maintainer) values equal to what setuptools derives from a PEP 621 list. */
export function peopleFields(people: readonly PersonModel[] | undefined): { names?: string; emails?: string } {
  const list = people ?? [];
  const names = list.filter((p) => p.email === undefined && p.name !== undefined).map((p) => p.name as string);
  const emails = list.filter((p): p is PersonModel & { email: string } => p.email !== undefined).map(mailbox);
  return {
    ...(names.length > 0 ? { names: names.join(', ') } : {}),
    ...(emails.length > 0 ? { emails: emails.join(', ') } : {}),
  };
}

type Value = string | string[] | [string, string[] | string][];

/** A setup() keyword: its value, and how setup.cfg spells it (`[metadata]`/`[options]` key or a section). */
interface Keyword {
  name: string;
  value: Value;
  /** `metadata` / `options` key, or a whole section (`options.package_data`, ...). */
  cfg: 'metadata' | 'options' | 'section';
  /** In setup.py, the value comes from this expression instead of a literal (reading a file). */
  pyExpression?: string;
  /** In setup.cfg, the value is this directive instead (`file: README.md`). */
  cfgDirective?: string;
}

function unsupported(familyVersion: string | undefined, style: ConfigStyle, features: string[]): void {
  for (const feature of features) {
    const why = whyUnsupported(feature, 'setuptools', familyVersion, style);
    if (why !== null) {
      throw new ConfigError(
        `render: setuptools (style ${style}) cannot express this project's ${feature}: ${why}`,
        `generate models for this style with projectModel({ targets: [{ family: 'setuptools', style: '${style}' }] })`,
      );
    }
  }
}

/**
 * The setup() keywords of the model, in a fixed order. In the `setup.cfg`
 * style, requirements of dynamic metadata are `file:` directives
 * (`install_requires = file: requirements.txt`, an extra's
 * `X = file: requirements-x.txt`) where the release reads them (62.6.0 and
 * later); setup.py passes the literals (same metadata).
 */
function keywords(model: ProjectModel, familyVersion: string | undefined, configStyle: 'setup.cfg' | 'setup.py'): Keyword[] {
  const active = activeDynamicMetadata(model);
  const fileDependencies = configStyle === 'setup.cfg' && active.dependencies && supports('dynamic:dependencies', 'setuptools', familyVersion);
  const fileExtras = configStyle === 'setup.cfg' && active.optionalDependencies && supports('dynamic:optional-dependencies', 'setuptools', familyVersion);
  const out: Keyword[] = [];
  const meta = (name: string, value: Value, extra: Partial<Keyword> = {}): void => {
    out.push({ name, value, cfg: 'metadata', ...extra });
  };
  const opt = (name: string, value: Value): void => {
    out.push({ name, value, cfg: 'options' });
  };
  meta('name', model.name);
  const holder = versionModule(model);
  // A dynamic version: `attr:` in setup.cfg; setup.py passes the literal (same metadata).
  if (model.dynamicVersion === true && holder !== null) meta('version', model.version, { cfgDirective: `attr: ${holder.dotted}.__version__` });
  else meta('version', model.version);
  if (model.description !== null && model.description !== '') meta('description', model.description);
  const readme = model.readme;
  if (readme !== undefined) {
    const file = readmePath(readme);
    if (file === null) meta('long_description', readme.text);
    else {
      meta('long_description', readme.text, { cfgDirective: `file: ${file}`, pyExpression: `_read(${pyString(file)})` });
    }
    meta('long_description_content_type', readme.contentType);
  }
  const license = model.license;
  if (license !== undefined) {
    if (license.kind === 'spdx') {
      meta(supports('license:spdx', 'setuptools', familyVersion) ? 'license_expression' : 'license', license.expression);
    } else if (license.kind === 'text') meta('license', license.text);
    else meta('license', license.content, { pyExpression: `_read(${pyString(license.path)})` });
  }
  const licenseFiles = (model.licenseFiles ?? []).map((f) => f.path);
  if (licenseFiles.length > 0) meta('license_files', licenseFiles);
  const authors = peopleFields(model.authors);
  if (authors.names !== undefined) meta('author', authors.names);
  if (authors.emails !== undefined) meta('author_email', authors.emails);
  const maintainers = peopleFields(model.maintainers);
  if (maintainers.names !== undefined) meta('maintainer', maintainers.names);
  if (maintainers.emails !== undefined) meta('maintainer_email', maintainers.emails);
  if ((model.keywords ?? []).length > 0) meta('keywords', [...(model.keywords ?? [])]);
  if ((model.classifiers ?? []).length > 0) meta('classifiers', [...(model.classifiers ?? [])]);
  // [project.urls] as setuptools reads it: in TOML key order, which tomlDocument sorts.
  const urls = [...(model.urls ?? [])].sort(byKey((u) => u.label));
  if (urls.length > 0) meta('project_urls', urls.map((u): [string, string] => [u.label, u.url]));

  if (model.requiresPython !== undefined) opt('python_requires', model.requiresPython);
  if (model.layout === 'src') opt('package_dir', [['', packageDirOf(model)]]);
  const find = configStyle === 'setup.cfg' ? packageFind(model) : null;
  if (find === null) opt('packages', [...dottedPackageNames(model), ...namespacePackageNames(model)].sort());
  else {
    out.push({ name: 'packages', value: '', cfg: 'options', cfgDirective: find.namespaces ? 'find_namespace:' : 'find:' });
    const section: [string, string[] | string][] = [['where', find.where]];
    if (find.include !== undefined) section.push(['include', find.include]);
    if (find.exclude.length > 0) section.push(['exclude', find.exclude]);
    out.push({ name: 'packages.find', value: section, cfg: 'section' });
  }
  opt('py_modules', topLevelModuleNames(model));
  if (fileDependencies) out.push({ name: 'install_requires', value: [...model.dependencies], cfg: 'options', cfgDirective: `file: ${REQUIREMENTS_FILE}` });
  else if (model.dependencies.length > 0) opt('install_requires', [...model.dependencies]);
  const setupRequires = model.setuptools?.setupRequires;
  if (setupRequires !== undefined) opt('setup_requires', [...setupRequires.requirements]);

  const scripts = scriptPaths(model);
  if (scripts.length > 0) opt('scripts', scripts);
  const style = setuptoolsPackageDataStyle(model);
  const data = style === 'glob' ? packageDataGlobs(model) : packageDataPaths(model);
  if (style === 'manifest') out.push({ name: 'include_package_data', value: 'True', cfg: 'options', cfgDirective: 'True', pyExpression: 'True' });
  else if (Object.keys(data).length > 0) out.push({ name: 'package_data', value: Object.entries(data), cfg: 'section' });
  const dataFiles = setuptoolsDataFiles(model);
  if (dataFiles.length > 0) out.push({ name: 'data_files', value: dataFiles, cfg: 'section' });
  const extras = [...modelExtras(model)].sort(byKey((e) => e.name));
  if (extras.length > 0) {
    const value = extras.map((e): [string, string[] | string] => [e.name, fileExtras ? `file: ${extraRequirementsFile(e.name)}` : [...e.requirements]]);
    out.push({ name: 'extras_require', value, cfg: 'section' });
  }
  const groups = (model.entryPoints ?? []).filter((g) => g.entries.length > 0).sort(byKey((g) => g.group));
  if (groups.length > 0) {
    const value = groups.map((g): [string, string[]] => [g.group, [...g.entries].sort(byKey((e) => e.name)).map((e) => `${e.name} = ${e.value}`)]);
    out.push({ name: 'entry_points', value, cfg: 'section' });
  }
  return out;
}

/** The features of a model the legacy styles check before rendering. */
const CHECKED = ['readme:inline', 'license:file', 'description:edge-whitespace'];

function legacyFeatures(model: ProjectModel): string[] {
  const out: string[] = [];
  if (model.readme?.form === 'inline') out.push('readme:inline');
  if (model.license?.kind === 'file') out.push('license:file');
  const d = model.description;
  if (d !== null && d !== '' && d.trim() !== d) out.push('description:edge-whitespace');
  return out.filter((f) => CHECKED.includes(f));
}

function pyprojectStub(familyVersion: string | undefined): string {
  return tomlDocument({ 'build-system': buildSystemTable(pinnedRequirement('setuptools', familyVersion, LEGACY_MINIMUM), 'setuptools.build_meta') });
}

// ---------------------------------------------------------------- setup.cfg

/** A setup.cfg value: `%` doubled (setuptools reads setup.cfg with interpolation). */
function cfgText(text: string): string {
  return text.replace(/%/g, '%%');
}

function cfgList(items: readonly string[]): string {
  return items.length === 0 ? '' : items.map((i) => `\n    ${cfgText(i)}`).join('');
}

function cfgSetupRequires(requirements: readonly string[], spelling: SetupRequiresSpelling): string {
  switch (spelling) {
    case 'string':
      // One requirement per `;`-free line is what a plain string holds; several become one line each.
      return requirements.length === 1 ? ` ${cfgText(requirements[0] as string)}` : cfgList(requirements);
    case 'comments':
      return `\n    # build requirements${requirements.map((r) => `\n    ${cfgText(r)}  # needed to build`).join('')}`;
    default:
      return cfgList(requirements);
  }
}

export function renderSetupCfg(model: ProjectModel, familyVersion: string | undefined): FileMap {
  unsupported(familyVersion, 'setup.cfg', legacyFeatures(model));
  const sections: Record<string, string[]> = { metadata: [], options: [] };
  const sectionOrder = ['metadata', 'options'];
  const setupRequires = model.setuptools?.setupRequires;
  for (const k of keywords(model, familyVersion, 'setup.cfg')) {
    if (k.cfg === 'section') {
      const name = `options.${k.name}`;
      sectionOrder.push(name);
      // A `file:` directive must start the value (on the key's line); any other value is a list.
      const value = (v: string[] | string): string => (typeof v === 'string' && v.startsWith('file: ') ? ` ${v}` : cfgList(typeof v === 'string' ? [v] : v));
      sections[name] = (k.value as [string, string[] | string][]).map(([key, v]) => `${cfgText(key)} =${value(v)}`);
      continue;
    }
    const lines = sections[k.cfg] as string[];
    if (k.cfgDirective !== undefined) lines.push(`${k.name} = ${k.cfgDirective}`);
    else if (k.name === 'setup_requires' && setupRequires !== undefined) lines.push(`${k.name} =${cfgSetupRequires(k.value as string[], setupRequires.spelling)}`);
    else if (k.name === 'keywords') lines.push(`${k.name} = ${(k.value as string[]).map(cfgText).join(', ')}`);
    else if (k.name === 'package_dir') lines.push(`${k.name} =\n    =${(k.value as [string, string][])[0]![1]}`);
    else if (k.name === 'project_urls') lines.push(`${k.name} =${(k.value as [string, string][]).map(([label, url]) => `\n    ${cfgText(label)} = ${cfgText(url)}`).join('')}`);
    else if (Array.isArray(k.value)) lines.push(`${k.name} =${cfgList(k.value as string[])}`);
    else lines.push(`${k.name} = ${cfgText(k.value)}`);
  }
  for (const [command, lines] of Object.entries(commandOptionSections(model))) {
    sectionOrder.push(command);
    sections[command] = lines;
  }
  const text = sectionOrder.map((name) => `[${name}]\n${(sections[name] ?? []).join('\n')}\n`).join('\n');
  const files: FileMap = { ...sourceFiles(model), 'pyproject.toml': pyprojectStub(familyVersion), 'setup.cfg': text };
  if (model.setuptools?.stubSetupPy === true) files['setup.py'] = '__import__("setuptools").setup()\n';
  return sortedFileMap(files);
}

// ---------------------------------------------------------------- setup.py

/** A Python string literal (double-quoted; non-ASCII kept, the file is UTF-8). */
export function pyString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0) || code === 0x2028 || code === 0x2029) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return `${out}"`;
}

function pyList(items: readonly string[], indent: string): string {
  if (items.length === 0) return '[]';
  return `[\n${items.map((i) => `${indent}    ${pyString(i)},\n`).join('')}${indent}]`;
}

function pyValue(k: Keyword, indent: string): string {
  const v = k.value;
  if (typeof v === 'string') return pyString(v);
  if (k.name === 'package_dir') return `{"": ${pyString((v as [string, string][])[0]![1])}}`;
  if (k.name === 'data_files') {
    // A list of (folder, files) pairs (a dict would pass its keys only).
    const pairs = v as [string, string[]][];
    return `[\n${pairs.map(([dir, paths]) => `${indent}    (${pyString(dir)}, ${pyList(paths, `${indent}    `)}),\n`).join('')}${indent}]`;
  }
  if (v.length > 0 && Array.isArray(v[0])) {
    const pairs = v as [string, string[] | string][];
    const inner = pairs.map(([key, val]) => `${indent}    ${pyString(key)}: ${typeof val === 'string' ? pyString(val) : pyList(val, `${indent}    `)},\n`).join('');
    return `{\n${inner}${indent}}`;
  }
  return pyList(v as string[], indent);
}

/** `setup_requires=...` in one of its spellings (all mean the same list to setuptools). */
function pySetupRequires(requirements: readonly string[], spelling: SetupRequiresSpelling, indent: string): string {
  const lines = (text: string): string => `"""\n${text}"""`;
  switch (spelling) {
    case 'list':
      return pyList(requirements, indent);
    case 'string':
      return pyString(requirements.join('\n'));
    case 'multiline':
      return lines(requirements.map((r) => `${pyTripleSafe(r)}\n`).join('') + '\n\n');
    case 'comments':
      return lines(`# build requirements\n${requirements.map((r) => `${pyTripleSafe(r)}  # needed to build\n`).join('')}`);
    case 'continuation':
      // A backslash at a line's end joins it with the next line.
      return lines(requirements.map((r) => `${continued(pyTripleSafe(r))}\n`).join(''));
  }
}

/**
 * A requirement split after its name with a backslash continuation (the
 * literal's text is `name \` + newline + `>=1.0`; in the source the
 * backslash is escaped), when something follows the name.
 */
function continued(requirement: string): string {
  const name = /^[A-Za-z0-9._-]+/.exec(requirement)?.[0] ?? '';
  const rest = requirement.slice(name.length).trim();
  return name === '' || rest === '' ? requirement : `${name} \\\\\n    ${rest}`;
}

/** Text for inside a `"""` literal: backslashes and quotes escaped. */
function pyTripleSafe(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

export function renderSetupPy(model: ProjectModel, familyVersion: string | undefined): FileMap {
  unsupported(familyVersion, 'setup.py', legacyFeatures(model));
  const st = model.setuptools ?? {};
  const guard = st.mainGuard === true;
  const temp = st.temporaryFile === true;
  const base = guard ? '    ' : '';
  const callIndent = base + (temp ? '    ' : '');
  const kws = keywords(model, familyVersion, 'setup.py');
  const needsRead = kws.some((k) => k.pyExpression !== undefined);
  const args = kws
    .map((k) => {
      const value =
        k.name === 'setup_requires' && st.setupRequires !== undefined
          ? pySetupRequires(k.value as string[], st.setupRequires.spelling, `${callIndent}    `)
          : (k.pyExpression ?? pyValue(k, `${callIndent}    `));
      return `${callIndent}    ${k.name}=${value},\n`;
    })
    .join('');
  const commandOptions = setupOptionsExpression(model, pyString);
  const allArgs = commandOptions === undefined ? args : `${args}${callIndent}    options=${commandOptions},\n`;
  const head: string[] = ['import os', 'import sys', '', 'from setuptools import setup', ''];
  if (st.useFile === true) {
    head.push('HERE = os.path.dirname(os.path.abspath(__file__))', 'assert os.path.isfile(os.path.join(HERE, "setup.py")), __file__', '');
  } else head.push('HERE = os.curdir', '');
  if (needsRead) {
    head.push('', 'def _read(name):', '    with open(os.path.join(HERE, name), encoding="utf-8") as f:', '        return f.read()', '');
  }
  if (st.codeBeforeSetup === true) {
    head.push(
      '',
      'def _squares(n):',
      '    return [i * i for i in range(n)]',
      '',
      '',
      '_CHECK = _squares(4)',
      'assert _CHECK == [0, 1, 4, 9], _CHECK',
      'assert sys.version_info >= (3,), sys.version_info',
      '',
    );
  }
  const body: string[] = [];
  if (guard) body.push('if __name__ == "__main__":');
  if (temp) {
    body.push(
      `${base}_TEMPORARY = os.path.join(HERE, "_twinbuild_temporary.py")`,
      `${base}with open(_TEMPORARY, "w", encoding="utf-8") as f:`,
      `${base}    f.write("GENERATED = True\\n")`,
      `${base}try:`,
    );
  }
  body.push(`${callIndent}setup(\n${allArgs}${callIndent})`);
  if (temp) body.push(`${base}finally:`, `${base}    os.remove(_TEMPORARY)`);
  if (st.exitAfterSetup === true) body.push(`${base}sys.exit(0)`);
  // Two blank lines after top-level definitions, one otherwise (PEP 8).
  const top = head.join('\n').replace(/\n+$/, '');
  const gap = needsRead || st.codeBeforeSetup === true ? '\n\n\n' : '\n\n';
  const text = `${top}${gap}${body.join('\n')}\n`.replace(/\n{4,}/g, '\n\n\n');
  return sortedFileMap({ ...sourceFiles(model), 'pyproject.toml': pyprojectStub(familyVersion), 'setup.py': text });
}
