/**
 * Backend spec parsing (DESIGN.md, "Backend specs (contract)"):
 *
 *   FAMILY[==VERSION | @LOCATION][,backend=MODULE[:OBJECT]][,path=DIR]...[,python=EXE][,style=STYLE][,config=KEY=VALUE]...
 *
 * `style=` (an extension of the contract) picks the configuration style the
 * projects are written in for this backend (setuptools: pyproject, setup.cfg,
 * setup.py); without it, the family's default for its version.
 *
 * `config=KEY=VALUE` (repeatable, another extension) is a PEP 517
 * config_settings entry passed to every hook of this backend, as pypa/build's
 * `-C KEY=VALUE` is; a key given twice collects its values in a list, as
 * pypa/build does. A value cannot hold a comma (the spec separator).
 *
 * Parsing is purely syntactic: nothing is looked up on disk here. Relative
 * `@LOCATION`, `path=` and `python=` values are kept as written and resolved
 * (against process.cwd(), with a leading `~/` expanded) by resolveBackend.
 */
import { valid } from '@renovatebot/pep440';
import { normalizeVersion } from '../pep/version.js';
import { ConfigError } from '../errors.js';
import type { ConfigStyle } from '../render/fileMap.js';
import { renderStyles } from '../render/render.js';
import { FAMILIES, type BackendSpec, type Family } from './types.js';

export const SPEC_SYNTAX = 'FAMILY[==VERSION | @LOCATION][,backend=MODULE[:OBJECT]][,path=DIR]...[,python=EXE][,style=STYLE][,config=K=V]...';

const KEYS = ['backend', 'path', 'python', 'style', 'config'] as const;
type Key = (typeof KEYS)[number];

/** Names people plausibly type for a family (distribution or module names). */
const FAMILY_ALIASES: Record<string, Family> = {
  'setuptools.build_meta': 'setuptools',
  hatch: 'hatchling',
  'hatchling.build': 'hatchling',
  'flit-core': 'flit',
  flit_core: 'flit',
  'flit_core.buildapi': 'flit',
  'poetry-core': 'poetry',
  poetry_core: 'poetry',
  'poetry.core': 'poetry',
  'poetry.core.masonry.api': 'poetry',
  'pdm-backend': 'pdm',
  pdm_backend: 'pdm',
  'pdm.backend': 'pdm',
  'pdm-pep517': 'pdm',
  'uv-build': 'uv',
  uv_build: 'uv',
};

/** Keys people plausibly type instead of the real ones. */
const KEY_ALIASES: Record<string, Key> = {
  'build-backend': 'backend',
  build_backend: 'backend',
  hook: 'backend',
  module: 'backend',
  object: 'backend',
  paths: 'path',
  pythonpath: 'path',
  dir: 'path',
  interpreter: 'python',
  exe: 'python',
  python3: 'python',
  format: 'style',
  'config-setting': 'config',
  config_settings: 'config',
  'config-settings': 'config',
};

/** Python 3 hard keywords: valid identifiers syntactically, but never importable names. */
const PY_KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue',
  'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import',
  'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while',
  'with', 'yield',
]);

const IDENTIFIER = /^[\p{XID_Start}_]\p{XID_Continue}*$/u;

/** Is `name` a dotted sequence of Python identifiers (e.g. `setuptools.build_meta`)? */
export function isDottedName(name: string): boolean {
  return name.split('.').every((part) => IDENTIFIER.test(part) && !PY_KEYWORDS.has(part));
}

/** `module` or `module:object`, as written in a spec and in pyproject's build-backend. */
export function formatHook(hook: { module: string; object?: string }): string {
  return hook.object ? `${hook.module}:${hook.object}` : hook.module;
}

/**
 * Parse a backend spec. Throws ConfigError naming the problem: empty parts,
 * unknown family or key, duplicate keys (only `path=` repeats), a version that
 * is not one exact PEP 440 version, `==` together with `@`, or a `backend=`
 * that is not `MODULE[:OBJECT]` made of dotted Python identifiers.
 */
export function parseSpec(raw: string): BackendSpec {
  const fail = (problem: string, hint = `expected ${SPEC_SYNTAX}`): ConfigError =>
    new ConfigError(`invalid backend spec ${JSON.stringify(raw)}: ${problem}`, hint);

  if (typeof raw !== 'string' || raw.trim() === '') {
    throw fail('the spec is empty', `expected ${SPEC_SYNTAX}, e.g. setuptools==80.9.0`);
  }
  const parts = raw.split(',').map((p) => p.trim());
  parts.forEach((part, i) => {
    if (part === '') {
      throw fail(
        i === 0 ? 'empty part before the first comma (the spec must start with FAMILY)' : `part ${i + 1} is empty (stray comma?)`,
      );
    }
  });

  const spec: BackendSpec = { raw, family: 'setuptools', paths: [] };
  parseHead(parts[0]!, spec, fail);

  const seen = new Set<Key>();
  for (const part of parts.slice(1)) {
    const eq = part.indexOf('=');
    if (eq < 0) {
      throw fail(`"${part}" is not KEY=VALUE (keys: ${KEYS.join(', ')})`);
    }
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === '') throw fail(`"${part}" has no key before "=" (keys: ${KEYS.join(', ')})`);
    if (!(KEYS as readonly string[]).includes(key)) {
      const alias = KEY_ALIASES[key.toLowerCase()] ?? (KEYS as readonly string[]).find((k) => k === key.toLowerCase());
      throw fail(`unknown key "${key}"${alias ? ` (did you mean "${alias}"?)` : ''}; valid keys: ${KEYS.join(', ')}`);
    }
    const k = key as Key;
    if (value === '') throw fail(`${k}= has no value`);
    if (k !== 'path' && k !== 'config' && seen.has(k)) throw fail(`duplicate key "${k}" (only path= and config= may be given more than once)`);
    seen.add(k);
    switch (k) {
      case 'backend':
        spec.backend = parseHookRef(value, fail);
        break;
      case 'path':
        spec.paths.push(value);
        break;
      case 'python':
        spec.python = value;
        break;
      case 'config': {
        const [ckey, cvalue] = splitSetting(value);
        if (ckey === '') throw fail(`config=${value} has no KEY before "="`, 'config= takes KEY=VALUE (a PEP 517 config_settings entry), e.g. config=editable-mode=strict');
        addSetting((spec.configSettings ??= {}), ckey, cvalue);
        break;
      }
      case 'style': {
        const styles = renderStyles(spec.family);
        if (!styles.includes(value as ConfigStyle)) throw fail(`style=${value} is not a style of ${spec.family} (styles: ${styles.join(', ')})`);
        spec.style = value as ConfigStyle;
        break;
      }
    }
  }
  return spec;
}

/** `KEY=VALUE` -> [KEY, VALUE]; `KEY` alone -> [KEY, ''] (pypa/build passes an empty string then). */
export function splitSetting(setting: string): [string, string] {
  const eq = setting.indexOf('=');
  return eq < 0 ? [setting.trim(), ''] : [setting.slice(0, eq).trim(), setting.slice(eq + 1)];
}

/** Add one config_settings entry; a repeated key collects its values in a list (pypa/build's rule). */
export function addSetting(settings: Record<string, string | string[]>, key: string, value: string): void {
  const had = settings[key];
  settings[key] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value];
}

function parseHead(head: string, spec: BackendSpec, fail: (problem: string, hint?: string) => ConfigError): void {
  const keyLike = /^(backend|path|python)=/.exec(head);
  if (keyLike) {
    throw fail(`the spec must start with FAMILY (${FAMILIES.join(', ')}), not with ${keyLike[1]}=`);
  }
  const at = head.indexOf('@');
  const eq = head.indexOf('==');
  if (at >= 0 && eq >= 0) {
    throw fail('gives both ==VERSION and @LOCATION; use one of them');
  }
  let family: string;
  if (eq >= 0) {
    family = head.slice(0, eq).trim();
    let version = head.slice(eq + 2).trim();
    checkFamily(family, fail);
    if (version === '') throw fail(`missing VERSION after "=="`, `give one exact release, e.g. ${family}==1.2.3`);
    if (version.startsWith('=')) {
      throw fail('arbitrary equality (===) is not supported', `give one exact release, e.g. ${family}==1.2.3`);
    }
    if (valid(version) === null) {
      throw fail(
        `"${version}" is not a valid PEP 440 version`,
        `give one exact release, e.g. ${family}==1.2.3 (ranges, wildcards and other operators are not supported)`,
      );
    }
    version = normalizeVersion(version) ?? version;
    spec.version = version;
  } else if (at >= 0) {
    family = head.slice(0, at).trim();
    const location = head.slice(at + 1).trim();
    checkFamily(family, fail);
    if (location === '') throw fail('missing LOCATION after "@" (a .whl file or a directory)');
    spec.location = location;
  } else {
    family = head;
    const op = /(~=|!=|>=|<=|===|=|>|<)/.exec(head);
    if (op) {
      const name = head.slice(0, op.index).trim();
      throw fail(
        `unsupported version operator "${op[1]}"; only ==VERSION (one exact version) is allowed`,
        `e.g. ${name || 'setuptools'}==1.2.3`,
      );
    }
    checkFamily(family, fail);
  }
  spec.family = family as Family;
}

function checkFamily(family: string, fail: (problem: string, hint?: string) => ConfigError): asserts family is Family {
  if (family === '') throw fail(`missing FAMILY (one of ${FAMILIES.join(', ')})`);
  if ((FAMILIES as readonly string[]).includes(family)) return;
  const lower = family.toLowerCase();
  const guess =
    FAMILY_ALIASES[lower] ?? ((FAMILIES as readonly string[]).includes(lower) ? (lower as Family) : undefined);
  throw fail(
    `unknown backend family "${family}"${guess ? ` (did you mean "${guess}"?)` : ''}; valid families: ${FAMILIES.join(', ')}`,
  );
}

function parseHookRef(
  value: string,
  fail: (problem: string, hint?: string) => ConfigError,
): { module: string; object?: string } {
  const hint = 'backend= takes MODULE[:OBJECT] as in pyproject build-backend, e.g. backend=setuptools.build_meta:__legacy__';
  const pieces = value.split(':');
  if (pieces.length > 2) throw fail(`backend=${value} has more than one ":"`, hint);
  const module = pieces[0]!.trim();
  const object = pieces[1]?.trim();
  if (module === '') throw fail(`backend=${value} has no MODULE before ":"`, hint);
  if (!isDottedName(module)) {
    throw fail(`backend=${value}: "${module}" is not a Python module path (dotted identifiers)`, hint);
  }
  if (object === undefined) return { module };
  if (object === '') throw fail(`backend=${value} has no OBJECT after ":"`, hint);
  if (!isDottedName(object)) {
    throw fail(`backend=${value}: "${object}" is not an object path (dotted identifiers)`, hint);
  }
  return { module, object };
}
