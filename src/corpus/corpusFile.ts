import type { Difference } from '../compare/types.js';
import type { PropertyName } from '../fuzz/types.js';
import { PROPERTY_NAMES } from '../fuzz/types.js';
import type { DataFileModel, ModuleModel, PackageModel, ProjectModel } from '../model/projectModel.js';
import { checkModelExtensions } from '../model/validate.js';
import type { Level } from '../normalize/types.js';
import { LEVELS } from '../normalize/types.js';

export const CORPUS_FORMAT = 'twinbuild-corpus';
export const CORPUS_FORMAT_VERSION = 1;

export interface CorpusBackend {
  spec: string;
  family: string;
  version: string;
  python: string;
}

/** One saved counterexample (see DESIGN.md, "Corpus files"). */
export interface CorpusFile {
  format: typeof CORPUS_FORMAT;
  formatVersion: number;
  /** Optional human name for named scenarios. */
  name?: string;
  property: PropertyName;
  level: Level;
  backends: { a: CorpusBackend; b?: CorpusBackend };
  seed: number;
  path: string;
  signature: string;
  signatureText: string;
  /** diff: the one atom (behaviour change) the signature names; absent in files written before atoms (issue #13). */
  atom?: string;
  /** diff: the behaviour change the atom is part of, when not the atom alone (absent in older files). */
  change?: string;
  /** diff: every atom of that change the run had seen when the file was written, when several (absent in older files). */
  atoms?: string[];
  summary: string;
  differences: Difference[];
  model: ProjectModel;
  /** False when shrinking was cut short (time budget, interrupt): a later run shrinks it further. Absent means true. */
  shrinkComplete?: boolean;
  /**
   * Named scenarios only: `pass` for an entry that records a project the
   * backends must build alike (a regression check, with no signature of its
   * own); absent or `fail` for a counterexample.
   */
  expect?: 'pass' | 'fail';
  createdAt: string;
  tool: string;
}

/** Thrown for a corpus file that is not valid; names the file and the field. */
export class CorpusFormatError extends Error {
  override readonly name = 'CorpusFormatError';
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DIST_NAME = /^([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])$/;
const SAFE_SEGMENT = /^(?!\.\.?$)[^/\\\0]+$/;

class Checker {
  constructor(private readonly where: string) {}
  fail(field: string, what: string): never {
    throw new CorpusFormatError(`${this.where}: ${field} ${what}`);
  }
  obj(v: unknown, field: string): Obj {
    if (!isObj(v)) this.fail(field, 'must be an object');
    return v;
  }
  str(v: unknown, field: string, re?: RegExp): string {
    if (typeof v !== 'string') this.fail(field, 'must be a string');
    if (re && !re.test(v)) this.fail(field, `is not valid: ${JSON.stringify(v).slice(0, 80)}`);
    return v;
  }
  arr(v: unknown, field: string): unknown[] {
    if (!Array.isArray(v)) this.fail(field, 'must be an array');
    return v;
  }
}

/** Validate a parsed corpus file; the model is checked so that rendering it can write nothing unexpected. */
export function validateCorpusFile(value: unknown, where: string): CorpusFile {
  const c: Checker = new Checker(where);
  const o = c.obj(value, 'the file');
  if (o['format'] !== CORPUS_FORMAT) c.fail('format', `must be "${CORPUS_FORMAT}"`);
  const fv = o['formatVersion'];
  if (typeof fv !== 'number' || !Number.isInteger(fv) || fv < 1) c.fail('formatVersion', 'must be a positive integer');
  if (fv > CORPUS_FORMAT_VERSION) {
    c.fail('formatVersion', `is ${fv}, newer than this twinbuild reads (${CORPUS_FORMAT_VERSION}); upgrade twinbuild`);
  }
  if (!PROPERTY_NAMES.includes(o['property'] as PropertyName)) c.fail('property', `must be one of ${PROPERTY_NAMES.join(', ')}`);
  if (!LEVELS.includes(o['level'] as Level)) c.fail('level', `must be one of ${LEVELS.join(', ')}`);
  const backends = c.obj(o['backends'], 'backends');
  for (const side of ['a', 'b'] as const) {
    if (side === 'b' && backends['b'] === undefined) continue;
    const b = c.obj(backends[side], `backends.${side}`);
    for (const k of ['spec', 'family', 'version', 'python']) c.str(b[k], `backends.${side}.${k}`);
  }
  if (typeof o['seed'] !== 'number' || !Number.isInteger(o['seed'])) c.fail('seed', 'must be an integer');
  c.str(o['path'], 'path', /^[0-9:]*$/);
  if (o['expect'] !== undefined && o['expect'] !== 'pass' && o['expect'] !== 'fail') c.fail('expect', 'must be "pass" or "fail"');
  if (o['shrinkComplete'] !== undefined && typeof o['shrinkComplete'] !== 'boolean') c.fail('shrinkComplete', 'must be true or false');
  if (o['expect'] === 'pass') {
    // A scenario that must pass has no failure of its own to name.
    if (o['name'] === undefined) c.fail('name', 'is required for an entry with expect "pass"');
    c.str(o['signature'], 'signature', /^$/);
  } else c.str(o['signature'], 'signature', /^[0-9a-f]{6,64}$/);
  c.str(o['signatureText'], 'signatureText');
  if (o['atom'] !== undefined) c.str(o['atom'], 'atom');
  if (o['change'] !== undefined) c.str(o['change'], 'change');
  if (o['atoms'] !== undefined) c.arr(o['atoms'], 'atoms').forEach((a, i) => c.str(a, `atoms[${i}]`));
  c.str(o['summary'], 'summary');
  c.arr(o['differences'], 'differences');
  if (o['name'] !== undefined) c.str(o['name'], 'name');
  validateModel(o['model'], c);
  return o as unknown as CorpusFile;
}

/** Whether a model passes the checks a corpus file's model must pass (used to filter reduction candidates). */
export function isValidModel(model: unknown): boolean {
  try {
    validateModel(model, new Checker('model'));
    return true;
  } catch (e) {
    if (e instanceof CorpusFormatError) return false;
    throw e;
  }
}

function validateModel(v: unknown, c: Checker): void {
  const m = c.obj(v, 'model');
  c.str(m['name'], 'model.name', DIST_NAME);
  c.str(m['version'], 'model.version', /^[A-Za-z0-9.!+_-]+$/);
  if (m['description'] !== null) c.str(m['description'], 'model.description', /^[^\r\n]*$/);
  c.arr(m['dependencies'], 'model.dependencies').forEach((d, i) => c.str(d, `model.dependencies[${i}]`, /^[^\r\n]+$/));
  if (m['layout'] !== 'flat' && m['layout'] !== 'src') c.fail('model.layout', 'must be "flat" or "src"');
  c.arr(m['modules'], 'model.modules').forEach((x, i) => validateModule(x, `model.modules[${i}]`, c));
  c.arr(m['packages'], 'model.packages').forEach((x, i) => validatePackage(x, `model.packages[${i}]`, c, 0));
  // Fields added after the first format (all optional) and the safety of names and paths.
  checkModelExtensions(
    m,
    (field, what) => c.fail(field, what),
    (x, field) => validatePackage(x, field, c, 0),
    (x, field) => validateModule(x, field, c),
  );
}

function validateModule(v: unknown, field: string, c: Checker): ModuleModel {
  const o = c.obj(v, field);
  c.str(o['name'], `${field}.name`, IDENT);
  c.str(o['source'], `${field}.source`);
  return o as unknown as ModuleModel;
}

function validatePackage(v: unknown, field: string, c: Checker, depth: number): PackageModel {
  if (depth > 32) c.fail(field, 'is nested too deeply');
  const o = c.obj(v, field);
  c.str(o['name'], `${field}.name`, IDENT);
  c.str(o['init'], `${field}.init`);
  c.arr(o['modules'], `${field}.modules`).forEach((x, i) => validateModule(x, `${field}.modules[${i}]`, c));
  c.arr(o['data'], `${field}.data`).forEach((x, i) => validateData(x, `${field}.data[${i}]`, c));
  c.arr(o['subpackages'], `${field}.subpackages`).forEach((x, i) => validatePackage(x, `${field}.subpackages[${i}]`, c, depth + 1));
  return o as unknown as PackageModel;
}

function validateData(v: unknown, field: string, c: Checker): DataFileModel {
  const o = c.obj(v, field);
  const p = c.str(o['path'], `${field}.path`);
  if (p.split('/').some((seg) => !SAFE_SEGMENT.test(seg))) c.fail(`${field}.path`, `is not a safe relative path: ${JSON.stringify(p)}`);
  c.str(o['content'], `${field}.content`);
  return o as unknown as DataFileModel;
}
