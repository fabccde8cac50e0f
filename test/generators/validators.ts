/**
 * Independent checks of generated values (written from the specifications,
 * not from the generators), used by the generator tests. Each returns a list
 * of problems; empty means valid.
 */
import type { DataFileModel, PackageModel, ProjectModel } from '../../src/model/projectModel.js';

/** PEP 508 distribution name. */
export const PEP508_NAME = /^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$/i;

const N = '(?:0|[1-9][0-9]*)';
/**
 * A PEP 440 version in normalized form, restricted to what the generator
 * promises (no epoch, no local label): release, then optional `aN`/`bN`/`rcN`,
 * `.postN`, `.devN`, numbers without leading zeros.
 */
export const PEP440_NORMALIZED_PUBLIC = new RegExp(`^${N}(?:\\.${N})*(?:(?:a|b|rc)${N})?(?:\\.post${N})?(?:\\.dev${N})?$`);

export const PYTHON_KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(
    ' ',
  ),
);

/** Names the brief forbids for import names (case-insensitively). */
export const FORBIDDEN_IMPORT_NAMES = new Set(['setup', 'build', 'dist', 'src', 'test', 'tests', 'docs']);

export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !PYTHON_KEYWORDS.has(name);
}

const VERSION_IN_SPEC = `${N}(?:\\.${N})*`;
const SPECIFIER = new RegExp(`^(?:(?:==|!=)${VERSION_IN_SPEC}(?:\\.\\*)?|(?:<=|>=|<|>)${VERSION_IN_SPEC}|~=${N}(?:\\.${N})+)$`);
const MARKER = /^(python_version|sys_platform|os_name|platform_system|implementation_name|platform_machine) (==|!=|<=|>=|<|>) "[^"\\]*"$/;

/** The subset of PEP 508 the generator promises: `name[specs][; marker]`. */
export function requirementProblems(req: string): string[] {
  const problems: string[] = [];
  const [head = '', marker, ...more] = req.split('; ');
  if (more.length > 0) problems.push(`${req}: more than one marker`);
  const nameMatch = /^[A-Za-z0-9._-]+/.exec(head);
  const name = nameMatch?.[0] ?? '';
  if (!PEP508_NAME.test(name)) problems.push(`${req}: bad name ${JSON.stringify(name)}`);
  const specs = head.slice(name.length);
  if (specs !== '') {
    for (const spec of specs.split(',')) if (!SPECIFIER.test(spec)) problems.push(`${req}: bad specifier ${spec}`);
  }
  if (marker !== undefined && !MARKER.test(marker)) problems.push(`${req}: bad marker ${marker}`);
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

export function dataFileProblems(where: string, files: DataFileModel[]): string[] {
  const problems: string[] = [];
  for (const { path } of files) {
    const parts = path.split('/');
    const file = parts[parts.length - 1] ?? '';
    if (parts.some((p) => !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(p))) problems.push(`${where}: data path ${path} has an unsafe segment`);
    if (/\.py[a-z]?$/i.test(file)) problems.push(`${where}: data path ${path} is Python`);
    if (!file.includes('.')) problems.push(`${where}: data file ${path} has no extension`);
    if (parts.slice(0, -1).some((p) => p.includes('.'))) problems.push(`${where}: data folder in ${path} has a dot`);
  }
  for (const d of duplicates(files.map((f) => f.path))) problems.push(`${where}: duplicate data path ${d}`);
  return problems;
}

function packageProblems(pkg: PackageModel, where: string, depth: number): string[] {
  const here = `${where}${pkg.name}`;
  const problems: string[] = [];
  problems.push(...importNameProblems(pkg.name, here));
  if (depth > 3) problems.push(`${here}: deeper than 3`);
  for (const m of pkg.modules) problems.push(...importNameProblems(m.name, `${here}.${m.name}`));
  problems.push(...dataFileProblems(here, pkg.data));
  const dataFolders = [...new Set(pkg.data.filter((d) => d.path.includes('/')).map((d) => d.path.split('/')[0] ?? ''))];
  for (const d of duplicates([...pkg.modules.map((m) => m.name), ...pkg.subpackages.map((s) => s.name), ...dataFolders])) {
    problems.push(`${here}: children share the name ${d}`);
  }
  for (const sub of pkg.subpackages) problems.push(...packageProblems(sub, `${here}.`, depth + 1));
  return problems;
}

export function importNameProblems(name: string, where: string): string[] {
  const problems: string[] = [];
  if (!isIdentifier(name)) problems.push(`${where}: ${JSON.stringify(name)} is not an identifier`);
  if (FORBIDDEN_IMPORT_NAMES.has(name.toLowerCase())) problems.push(`${where}: ${name} is a reserved name`);
  if (['__init__', '__main__', '__pycache__'].includes(name)) problems.push(`${where}: special name ${name}`);
  return problems;
}

/** Everything the generator promises about a whole project. */
export function modelProblems(model: ProjectModel): string[] {
  const problems: string[] = [];
  if (!PEP508_NAME.test(model.name)) problems.push(`name ${JSON.stringify(model.name)} is not a PEP 508 name`);
  if (!PEP440_NORMALIZED_PUBLIC.test(model.version)) problems.push(`version ${model.version} is not normalized PEP 440`);
  if (model.description !== null && !/^[\x20-\x7e]*$/.test(model.description)) problems.push('description is not one printable ASCII line');
  if (model.dependencies.length > 3) problems.push('more than 3 dependencies');
  for (const req of model.dependencies) problems.push(...requirementProblems(req));
  for (const d of duplicates(model.dependencies.map((r) => normalizeName(/^[A-Za-z0-9._-]+/.exec(r)?.[0] ?? r)))) {
    problems.push(`duplicate dependency ${d}`);
  }
  if (model.layout !== 'flat' && model.layout !== 'src') problems.push(`layout ${String(model.layout)}`);
  if (model.packages.length > 3) problems.push('more than 3 top-level packages');
  if (model.modules.length > 2) problems.push('more than 2 top-level modules');
  if (model.packages.length + model.modules.length === 0) problems.push('no package and no module');
  for (const d of duplicates([...model.packages.map((p) => p.name), ...model.modules.map((m) => m.name)])) {
    problems.push(`top-level name ${d} used twice`);
  }
  for (const m of model.modules) problems.push(...importNameProblems(m.name, m.name));
  for (const p of model.packages) problems.push(...packageProblems(p, '', 1));
  return problems;
}

/** Counts used to check that shrinking makes projects smaller. */
export function modelSize(model: ProjectModel): number {
  const pkgSize = (p: PackageModel): number =>
    1 +
    p.name.length +
    p.init.length +
    p.modules.reduce((a, m) => a + 1 + m.name.length + m.source.length, 0) +
    p.data.reduce((a, d) => a + 1 + d.path.length + d.content.length, 0) +
    p.subpackages.reduce((a, s) => a + pkgSize(s), 0);
  return (
    model.name.length +
    model.version.length +
    (model.description?.length ?? 0) +
    model.dependencies.reduce((a, d) => a + 1 + d.length, 0) +
    model.packages.reduce((a, p) => a + pkgSize(p), 0) +
    model.modules.reduce((a, m) => a + 1 + m.name.length + m.source.length, 0)
  );
}
