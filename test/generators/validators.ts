/**
 * Independent checks of generated values (written from the specifications,
 * not from the generators), used by the generator tests. Each returns a list
 * of problems; empty means valid.
 */
import type {
  DataFileModel,
  EntryPointGroupModel,
  ExtraModel,
  LicenseModel,
  NamespaceModel,
  PackageModel,
  PersonModel,
  ProjectFileModel,
  ProjectModel,
  ReadmeModel,
  UrlModel,
} from '../../src/model/projectModel.js';
import { SETUPTOOLS_COMMAND_OPTIONS } from '../../src/model/projectModel.js';

/** PEP 508 distribution name. */
export const PEP508_NAME = /^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$/i;

const N = '(?:0|[1-9][0-9]*)';
/**
 * A PEP 440 version in normalized form, restricted to a public version
 * (no epoch, no local label): release, then optional `aN`/`bN`/`rcN`,
 * `.postN`, `.devN`, numbers without leading zeros.
 */
export const PEP440_NORMALIZED_PUBLIC = new RegExp(`^${N}(?:\\.${N})*(?:(?:a|b|rc)${N})?(?:\\.post${N})?(?:\\.dev${N})?$`);

/** A normalized PEP 440 version, epoch and local label included. */
export const PEP440_NORMALIZED = new RegExp(`^(?:${N}!)?${N}(?:\\.${N})*(?:(?:a|b|rc)${N})?(?:\\.post${N})?(?:\\.dev${N})?(?:\\+[a-z0-9]+(?:\\.[a-z0-9]+)*)?$`);

/**
 * Any PEP 440 version, in every permitted spelling (PEP 440, appendix B),
 * but without surrounding white space and without leading zeros in numbers
 * (both permitted, but not generated: setuptools rejects white space).
 */
export const PEP440_ANY = new RegExp(
  `^v?(?:${N}!)?${N}(?:\\.${N})*` +
    `(?:[-_.]?(?:alpha|a|beta|b|preview|pre|c|rc)(?:[-_.]?${N})?)?` +
    `(?:-${N}|[-_.]?(?:post|rev|r)(?:[-_.]?${N})?)?` +
    `(?:[-_.]?dev(?:[-_.]?${N})?)?` +
    `(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?$`,
  'i',
);

export const PYTHON_KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(
    ' ',
  ),
);

/** Names the brief forbids for import names (case-insensitively). */
export const FORBIDDEN_IMPORT_NAMES = new Set(['setup', 'build', 'dist', 'src', 'test', 'tests', 'docs']);

/** Root files and folders a generated project may have, which no top-level import name may take (case-insensitively). */
export const ROOT_NAMES = new Set(['readme', 'license', 'licenses', 'copying', 'notice', 'authors', 'legal', 'changelog', 'changes', 'history', 'tox', 'docs', 'tests']);

export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !PYTHON_KEYWORDS.has(name);
}

const VERSION_IN_SPEC = `${N}(?:\\.${N})*`;
const SPECIFIER = new RegExp(`^(?:(?:==|!=)${VERSION_IN_SPEC}(?:\\.\\*)?|(?:<=|>=|<|>)${VERSION_IN_SPEC}|~=${N}(?:\\.${N})+)$`);
const MARKER = /^(python_version|sys_platform|os_name|platform_system|implementation_name|platform_machine) (==|!=|<=|>=|<|>) "[^"\\]*"$/;

/** The subset of PEP 508 the generator promises: `name[extras][specs][; marker [and|or marker]]`. */
export function requirementProblems(req: string): string[] {
  const problems: string[] = [];
  const [head = '', marker, ...more] = req.split('; ');
  if (more.length > 0) problems.push(`${req}: more than one marker`);
  const nameMatch = /^[A-Za-z0-9._-]+/.exec(head);
  const name = nameMatch?.[0] ?? '';
  if (!PEP508_NAME.test(name)) problems.push(`${req}: bad name ${JSON.stringify(name)}`);
  let specs = head.slice(name.length);
  const extras = /^\[([^\]]*)\]/.exec(specs);
  if (extras) {
    const list = (extras[1] ?? '').split(',');
    if (list.some((e) => !PEP508_NAME.test(e))) problems.push(`${req}: bad extras ${extras[0]}`);
    if (new Set(list.map((e) => e.toLowerCase())).size !== list.length) problems.push(`${req}: repeated extra`);
    specs = specs.slice(extras[0].length);
  }
  if (specs !== '') {
    for (const spec of specs.split(',')) if (!SPECIFIER.test(spec)) problems.push(`${req}: bad specifier ${spec}`);
  }
  if (marker !== undefined) {
    const parts = marker.split(/ (?:and|or) /);
    if (parts.length > 2 || parts.some((p) => !MARKER.test(p))) problems.push(`${req}: bad marker ${marker}`);
  }
  return problems;
}

export function normalizeName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

function duplicates(names: string[]): string[] {
  const seen = new Set<string>();
  const dups: string[] = [];
  for (const n of names.map((x) => x.toLowerCase())) {
    if (seen.has(n)) dups.push(n);
    seen.add(n);
  }
  return dups;
}

/** A segment of a data path: starts with a letter or digit; no glob characters, no `/`, no leading/trailing space. */
const DATA_SEGMENT = /^[\p{L}\p{N}][\p{L}\p{N}._ -]*$/u;

export function dataFileProblems(where: string, files: DataFileModel[]): string[] {
  const problems: string[] = [];
  for (const { path, content } of files) {
    const parts = path.split('/');
    const file = parts[parts.length - 1] ?? '';
    if (parts.some((p) => !DATA_SEGMENT.test(p) || p.endsWith(' ') || /[*?[\]]/.test(p))) problems.push(`${where}: data path ${path} has an unsafe segment`);
    if (parts.slice(0, -1).some((p) => p.includes(' '))) problems.push(`${where}: data folder in ${path} has a space`);
    if (/\.py[a-z]?$/i.test(file)) problems.push(`${where}: data path ${path} is Python`);
    if (!/\.[a-z]+$/.test(file) || file.lastIndexOf('.') === 0) problems.push(`${where}: data file ${path} has no extension`);
    if (file.slice(0, file.lastIndexOf('.')).endsWith(' ')) problems.push(`${where}: data file ${path} has a space before its extension`);
    if (parts.slice(0, -1).some((p) => p.includes('.'))) problems.push(`${where}: data folder in ${path} has a dot`);
    if (path.normalize('NFC') !== path) problems.push(`${where}: data path ${path} is not NFC`);
    if (content.length > 8192) problems.push(`${where}: data file ${path} is larger than 8 KiB`);
  }
  for (const d of duplicates(files.map((f) => f.path))) problems.push(`${where}: duplicate data path ${d}`);
  return problems;
}

function packageProblems(pkg: PackageModel, where: string, depth: number, maxDepth: number): string[] {
  const here = `${where}${pkg.name}`;
  const problems: string[] = [];
  problems.push(...importNameProblems(pkg.name, here));
  if (depth > maxDepth) problems.push(`${here}: deeper than ${maxDepth}`);
  for (const m of pkg.modules) problems.push(...importNameProblems(m.name, `${here}.${m.name}`));
  problems.push(...dataFileProblems(here, pkg.data));
  const dataFolders = [...new Set(pkg.data.filter((d) => d.path.includes('/')).map((d) => d.path.split('/')[0] ?? ''))];
  for (const d of duplicates([...pkg.modules.map((m) => m.name), ...pkg.subpackages.map((s) => s.name), ...dataFolders])) {
    problems.push(`${here}: children share the name ${d}`);
  }
  if (pkg.typed !== undefined && pkg.typed !== true) problems.push(`${here}: typed is ${String(pkg.typed)} (absent or true)`);
  if (pkg.stubs !== undefined) {
    if (pkg.stubs.length === 0) problems.push(`${here}: empty stubs list (absent when none)`);
    const modules = new Set(['__init__', ...pkg.modules.map((m) => m.name)]);
    for (const s of pkg.stubs) if (!modules.has(s.name)) problems.push(`${here}: stub ${s.name}.pyi has no module`);
    for (const d of duplicates(pkg.stubs.map((s) => s.name))) problems.push(`${here}: two stubs ${d}`);
  }
  for (const sub of pkg.subpackages) problems.push(...packageProblems(sub, `${here}.`, depth + 1, maxDepth));
  return problems;
}

export function importNameProblems(name: string, where: string): string[] {
  const problems: string[] = [];
  if (!isIdentifier(name)) problems.push(`${where}: ${JSON.stringify(name)} is not an identifier`);
  if (FORBIDDEN_IMPORT_NAMES.has(name.toLowerCase())) problems.push(`${where}: ${name} is a reserved name`);
  if (['__init__', '__main__', '__pycache__'].includes(name)) problems.push(`${where}: special name ${name}`);
  return problems;
}

/** Every package tree's problems, for a tree that is a top-level package (depth 1). */
export function packageTreeProblems(pkg: PackageModel, maxDepth = 3): string[] {
  return packageProblems(pkg, '', 1, maxDepth);
}

export function namespaceProblems(ns: NamespaceModel, where = ''): string[] {
  const here = `${where}${ns.name}`;
  const problems = importNameProblems(ns.name, here);
  const hasContent = (n: NamespaceModel): boolean => n.packages.length > 0 || n.modules.length > 0 || n.namespaces.some(hasContent);
  if (!hasContent(ns)) problems.push(`${here}: empty namespace package`);
  for (const d of duplicates([...ns.packages.map((p) => p.name), ...ns.modules.map((m) => m.name), ...ns.namespaces.map((n) => n.name)])) {
    problems.push(`${here}: children share the name ${d}`);
  }
  for (const m of ns.modules) problems.push(...importNameProblems(m.name, `${here}.${m.name}`));
  for (const p of ns.packages) problems.push(...packageProblems(p, `${here}.`, 2, 4));
  for (const n of ns.namespaces) problems.push(...namespaceProblems(n, `${here}.`));
  return problems;
}

/** A requires-python value: PEP 440 clauses, each one operator and a version. */
export function requiresPythonProblems(spec: string): string[] {
  const clause = /^(?:(?:==|!=) ?[23](?:\.[0-9]+)*(?:\.\*)?|(?:<=|>=|<|>) ?[23](?:\.[0-9]+)*|~= ?[23](?:\.[0-9]+)+|===[23](?:\.[0-9]+)*)$/;
  const clauses = spec.split(/, ?/);
  const problems = clauses.filter((c) => !clause.test(c)).map((c) => `requires-python clause ${JSON.stringify(c)} is not valid`);
  // PEP 508 ends an arbitrary-equality version at the comma, but setuptools does not: `===` comes last.
  if (clauses.slice(0, -1).some((c) => c.startsWith('==='))) problems.push(`requires-python ${spec}: === before another clause`);
  return problems;
}

export function readmeProblems(r: ReadmeModel): string[] {
  const problems: string[] = [];
  if (!['text/markdown', 'text/x-rst', 'text/plain'].includes(r.contentType)) problems.push(`readme content type ${r.contentType}`);
  if (!['file', 'file-table', 'inline'].includes(r.form)) problems.push(`readme form ${r.form}`);
  if (!r.text.endsWith('\n') || r.text.trim() === '') problems.push('readme text is empty or lacks a final newline');
  if (r.contentType === 'text/markdown' && !r.text.startsWith('# ')) problems.push('Markdown readme without a # title');
  if (r.contentType === 'text/x-rst' && !/^[^\n]+\n=+\n/.test(r.text)) problems.push('rST readme without a title underline');
  return problems;
}

const SPDX_ID = /^(?:LicenseRef-[A-Za-z0-9.-]+|[A-Za-z0-9][A-Za-z0-9.+-]*)$/;

export function licenseProblems(l: LicenseModel): string[] {
  if (l.kind === 'spdx') {
    const tokens = l.expression.replace(/[()]/g, ' ').split(/\s+/).filter(Boolean);
    return tokens.every((t) => /^(AND|OR|WITH)$/i.test(t) || SPDX_ID.test(t)) ? [] : [`license expression ${l.expression}`];
  }
  if (l.kind === 'text') return l.text.trim() === l.text && l.text !== '' && !l.text.includes('\n') ? [] : [`license text ${JSON.stringify(l.text)}`];
  return [...rootPathProblems(l.path, 'license file'), ...(l.content.endsWith('\n') ? [] : ['license file text lacks a final newline'])];
}

/** A root file path: safe segments, no white space or glob characters, not a configuration file. */
export function rootPathProblems(path: string, what: string): string[] {
  const problems: string[] = [];
  const parts = path.split('/');
  if (parts.some((p) => !/^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(p))) problems.push(`${what} ${path}: unsafe path`);
  if (['pyproject.toml', 'setup.py', 'setup.cfg', 'manifest.in', 'pkg-info'].includes(path.toLowerCase())) problems.push(`${what} ${path}: a configuration file`);
  if (parts[0] === 'src') problems.push(`${what} ${path}: under src/`);
  return problems;
}

export function filesProblems(files: ProjectFileModel[], what: string): string[] {
  const problems = files.flatMap((f) => rootPathProblems(f.path, what));
  for (const d of duplicates(files.map((f) => f.path))) problems.push(`${what}: duplicate path ${d}`);
  if (files.length === 0) problems.push(`${what}: empty list (absent when none)`);
  return problems;
}

export function peopleProblems(list: PersonModel[], what: string): string[] {
  const problems: string[] = [];
  if (list.length === 0) problems.push(`${what}: empty list`);
  for (const p of list) {
    if (p.name === undefined && p.email === undefined) problems.push(`${what}: a person with neither name nor email`);
    if (p.name !== undefined && (p.name.includes(',') || p.name.trim() !== p.name || p.name === '')) problems.push(`${what}: name ${JSON.stringify(p.name)}`);
    if (p.email !== undefined && !/^[a-z0-9][a-z0-9.+_]*@[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(p.email)) problems.push(`${what}: email ${p.email}`);
  }
  return problems;
}

export function urlsProblems(list: UrlModel[]): string[] {
  const problems = list.filter((u) => !/^https?:\/\/[a-z0-9.-]+\/[A-Za-z0-9/._?=-]*$/.test(u.url)).map((u) => `url ${u.url}`);
  for (const d of duplicates(list.map((u) => u.label))) problems.push(`url label ${d} twice`);
  if (list.some((u) => u.label.length > 32 || u.label.trim() !== u.label)) problems.push('url label too long or padded');
  return problems;
}

export function extrasProblems(list: ExtraModel[]): string[] {
  const problems: string[] = [];
  for (const e of list) {
    if (!PEP508_NAME.test(e.name)) problems.push(`extra name ${e.name}`);
    for (const r of e.requirements) problems.push(...requirementProblems(r));
  }
  for (const d of duplicates(list.map((e) => normalizeName(e.name)))) problems.push(`extra ${d} twice (normalized)`);
  return problems;
}

export function entryPointProblems(groups: EntryPointGroupModel[]): string[] {
  const problems: string[] = [];
  for (const g of groups) {
    if (!/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/.test(g.group)) problems.push(`entry point group ${g.group}`);
    if (g.entries.length === 0) problems.push(`entry point group ${g.group} is empty`);
    for (const e of g.entries) {
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(e.name)) problems.push(`entry point name ${e.name}`);
      const ref = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*(:[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*)?$/;
      if (!ref.test(e.value)) problems.push(`entry point value ${e.value}`);
      if (g.group.endsWith('_scripts') && !e.value.includes(':')) problems.push(`script ${e.name} names no function`);
    }
    for (const d of duplicates(g.entries.map((e) => e.name))) problems.push(`entry point ${d} twice in ${g.group}`);
  }
  for (const d of duplicates(groups.map((g) => g.group))) problems.push(`entry point group ${d} twice`);
  return problems;
}

/** Everything the generator promises about a whole project. */
export function modelProblems(model: ProjectModel, { normalizedVersion = false } = {}): string[] {
  const problems: string[] = [];
  if (!PEP508_NAME.test(model.name)) problems.push(`name ${JSON.stringify(model.name)} is not a PEP 508 name`);
  if (!(normalizedVersion ? PEP440_NORMALIZED : PEP440_ANY).test(model.version)) problems.push(`version ${model.version} is not PEP 440`);
  if (model.description !== null && /[\n\r\x00-\x1f\x7f]/.test(model.description)) problems.push('description is not one printable line');
  if (model.dependencies.length > 3) problems.push('more than 3 dependencies');
  for (const req of model.dependencies) problems.push(...requirementProblems(req));
  for (const d of duplicates(model.dependencies.map((r) => normalizeName(/^[A-Za-z0-9._-]+/.exec(r)?.[0] ?? r)))) {
    problems.push(`duplicate dependency ${d}`);
  }
  if (model.layout !== 'flat' && model.layout !== 'src') problems.push(`layout ${String(model.layout)}`);
  if (model.packages.length > 3) problems.push('more than 3 top-level packages');
  if (model.modules.length > 2) problems.push('more than 2 top-level modules');
  const namespaces = model.namespacePackages ?? [];
  const treeSize = model.packages.length + model.modules.length + namespaces.length;
  if (treeSize === 0 && model.metaPackage !== true) problems.push('no package, module or namespace package');
  if (treeSize > 0 && model.metaPackage === true) problems.push('a metapackage with an import tree');
  if (model.metaPackage === true && model.layout !== 'flat') problems.push('a metapackage in the src layout (no src/ folder to point at)');
  if (model.metaPackage === true && (model.dynamicVersion !== undefined || model.strayBytecode !== undefined || model.excludedFiles !== undefined)) {
    problems.push('a metapackage with a part that needs a module');
  }
  const tops = [...model.packages.map((p) => p.name), ...model.modules.map((m) => m.name), ...namespaces.map((n) => n.name)];
  for (const d of duplicates(tops)) problems.push(`top-level name ${d} used twice`);
  for (const t of tops) if (ROOT_NAMES.has(t.toLowerCase())) problems.push(`top-level name ${t} is a root file name`);
  for (const m of model.modules) problems.push(...importNameProblems(m.name, m.name));
  for (const p of model.packages) problems.push(...packageProblems(p, '', 1, 3));
  for (const n of namespaces) problems.push(...namespaceProblems(n));
  // Optional parts: absent, or valid and non-empty.
  if (model.requiresPython !== undefined) problems.push(...requiresPythonProblems(model.requiresPython));
  if (model.readme !== undefined) problems.push(...readmeProblems(model.readme));
  if (model.license !== undefined) problems.push(...licenseProblems(model.license));
  if (model.licenseFiles !== undefined) {
    problems.push(...filesProblems(model.licenseFiles, 'license file'));
    if (model.license !== undefined && model.license.kind !== 'spdx') problems.push('license-files next to a legacy license table');
  }
  if (model.sdistFiles !== undefined) problems.push(...filesProblems(model.sdistFiles, 'sdist file'));
  const rootPaths = [
    ...(model.licenseFiles ?? []).map((f) => f.path),
    ...(model.sdistFiles ?? []).map((f) => f.path),
    ...(model.license?.kind === 'file' ? [model.license.path] : []),
    ...(model.readme !== undefined && model.readme.form !== 'inline' ? ['README'] : []),
  ];
  for (const d of duplicates(rootPaths)) problems.push(`root file ${d} twice`);
  if (model.authors !== undefined) problems.push(...peopleProblems(model.authors, 'authors'));
  if (model.maintainers !== undefined) problems.push(...peopleProblems(model.maintainers, 'maintainers'));
  if (model.keywords !== undefined) {
    if (model.keywords.length === 0 || model.keywords.some((k) => k.includes(',') || k.trim() !== k || k === '')) problems.push('keywords');
    for (const d of duplicates(model.keywords)) problems.push(`keyword ${d} twice`);
  }
  if (model.classifiers !== undefined) {
    if (model.classifiers.length === 0 || model.classifiers.some((c) => !/^[A-Z][A-Za-z]+( [A-Za-z]+)* :: /.test(c) || c.startsWith('License ::'))) problems.push('classifiers');
    for (const d of duplicates(model.classifiers)) problems.push(`classifier ${d} twice`);
  }
  if (model.urls !== undefined) problems.push(...urlsProblems(model.urls));
  if (model.optionalDependencies !== undefined) problems.push(...extrasProblems(model.optionalDependencies));
  if (model.entryPoints !== undefined) problems.push(...entryPointProblems(model.entryPoints));
  if (model.setuptoolsCommandOptions !== undefined) {
    const cmd = model.setuptoolsCommandOptions;
    if (cmd.length === 0) problems.push('empty setuptoolsCommandOptions (absent when none)');
    for (const c of cmd) if (!(SETUPTOOLS_COMMAND_OPTIONS as readonly string[]).includes(c)) problems.push(`setuptoolsCommandOptions has ${String(c)}`);
    for (const d of duplicates([...cmd])) problems.push(`command option ${d} twice`);
  }
  if (model.setuptools !== undefined) {
    const st = model.setuptools;
    if (Object.keys(st).length === 0) problems.push('empty setuptools block (absent when none)');
    for (const [k, v] of Object.entries(st)) if (k !== 'setupRequires' && k !== 'packageData' && k !== 'packageFinder' && v !== true) problems.push(`setuptools.${k} is ${String(v)} (absent or true)`);
    if (st.packageData !== undefined && !['glob', 'manifest'].includes(st.packageData)) problems.push(`setuptools.packageData is ${String(st.packageData)}`);
    if (st.packageFinder !== undefined && !['find', 'find-namespace'].includes(st.packageFinder)) problems.push(`setuptools.packageFinder is ${String(st.packageFinder)}`);
    if (st.setupRequires !== undefined) {
      if (st.setupRequires.requirements.length === 0) problems.push('empty setup_requires');
      for (const r of st.setupRequires.requirements) problems.push(...requirementProblems(r));
    }
  }
  if (model.wheelData !== undefined) problems.push(...wheelDataProblems(model.wheelData));
  if (model.scriptFiles !== undefined) problems.push(...scriptProblems(model.scriptFiles));
  if (model.layout === 'flat' && (model.wheelData !== undefined || model.scriptFiles !== undefined)) {
    for (const t of tops) if (['data', 'scripts'].includes(t.toLowerCase())) problems.push(`top-level name ${t} is the data or scripts folder`);
  }
  if (model.dynamicVersion !== undefined && model.dynamicVersion !== true) problems.push('dynamicVersion is false (absent when static)');
  for (const [k, v] of Object.entries(model)) if (v === undefined) problems.push(`key ${k} present with value undefined`);
  return problems;
}

/** Wheel data files: distinct paths of safe segments, each file name with an extension. */
export function wheelDataProblems(files: ProjectFileModel[]): string[] {
  const problems: string[] = [];
  if (files.length === 0) problems.push('empty wheel data (absent when none)');
  for (const f of files) {
    const parts = f.path.split('/');
    if (parts.length > 3 || parts.some((p) => !/^[a-z][a-z0-9_-]*(\.[a-z]+)?$/.test(p))) problems.push(`wheel data path ${f.path}`);
    if (!/\.[a-z]+$/.test(parts[parts.length - 1] ?? '') || parts.slice(0, -1).some((p) => p.includes('.'))) problems.push(`wheel data path ${f.path}: a file needs an extension, a folder none`);
  }
  for (const d of duplicates(files.map((f) => f.path.toLowerCase()))) problems.push(`wheel data ${d} twice`);
  return problems;
}

/** Scripts: distinct file names, a shell script or a Python one. */
export function scriptProblems(files: ProjectFileModel[]): string[] {
  const problems: string[] = [];
  if (files.length === 0) problems.push('no scripts (absent when none)');
  for (const f of files) {
    if (!/^[a-z][a-z0-9_-]*(\.sh|\.py)?$/.test(f.path)) problems.push(`script name ${f.path}`);
    if (!/^(#!\/bin\/sh\necho [0-9]+\n|(#![^\n]*python[^\n]*\n)?print\([0-9]+\)\n)$/.test(f.content)) problems.push(`script ${f.path}: ${JSON.stringify(f.content)}`);
  }
  for (const d of duplicates(files.map((f) => f.path.toLowerCase()))) problems.push(`script ${d} twice`);
  return problems;
}

/** Counts used to check that shrinking makes projects smaller. */
export function modelSize(model: ProjectModel): number {
  const pkgSize = (p: PackageModel): number =>
    1 +
    p.name.length +
    p.init.length +
    (p.typed === true ? 1 : 0) +
    (p.stubs ?? []).reduce((a, s) => a + 1 + s.source.length, 0) +
    p.modules.reduce((a, m) => a + 1 + m.name.length + m.source.length, 0) +
    p.data.reduce((a, d) => a + 1 + d.path.length + d.content.length, 0) +
    p.subpackages.reduce((a, s) => a + pkgSize(s), 0);
  const nsSize = (n: NamespaceModel): number =>
    1 + n.name.length + n.packages.reduce((a, p) => a + pkgSize(p), 0) + n.modules.reduce((a, m) => a + 1 + m.name.length + m.source.length, 0) + n.namespaces.reduce((a, s) => a + nsSize(s), 0);
  const { name, version, description, dependencies, packages, modules, layout: _layout, namespacePackages, ...rest } = model;
  return (
    name.length +
    version.length +
    (description?.length ?? 0) +
    dependencies.reduce((a, d) => a + 1 + d.length, 0) +
    packages.reduce((a, p) => a + pkgSize(p), 0) +
    modules.reduce((a, m) => a + 1 + m.name.length + m.source.length, 0) +
    (namespacePackages ?? []).reduce((a, n) => a + nsSize(n), 0) +
    Object.values(rest).reduce((a: number, v) => a + JSON.stringify(v ?? '').length, 0)
  );
}
