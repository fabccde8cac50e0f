/**
 * Wheel filenames (the binary-distribution-format specification) as
 * `packaging.utils.parse_wheel_filename` reads them:
 * `{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl`, with
 * compressed tag sets (`py2.py3`) expanded as `packaging.tags.parse_tag` does.
 */
import { canonicalizeName } from './name.js';
import type { Parsed } from './result.js';
import { formatVersion, parseVersion } from './version.js';

export interface WheelFilename {
  /** The name component as written. */
  name: string;
  /** The version component as written. */
  version: string;
  /** The build tag as written. */
  build?: string;
  python: string;
  abi: string;
  platform: string;
  /** Every `python-abi-platform` triple, as written (compressed sets expanded). */
  tags: string[];
}

/** The name component: Unicode word characters and `.`, no `__`. */
const NAME = /^[\p{L}\p{N}_.]+$/u;
const IDENTIFIER = /^[\p{XID_Start}_]\p{XID_Continue}*$/u;

/**
 * Strict: the `python-abi-platform` triples of one tag (`py2.py3-none-any`),
 * or why it is not one (a component empty, not three components, an
 * interpreter that is not an identifier).
 */
export function parseTag(tag: string): Parsed<string[]> {
  const components = tag.split('-').map((c) => c.split('.'));
  for (const parts of components) if (parts.includes('')) return { ok: false, error: `tag '${tag}' has an empty component: '${parts.join('.')}'` };
  if (components.length !== 3) return { ok: false, error: `tag '${tag}' must have exactly three components` };
  const [pythons, abis, platforms] = components as [string[], string[], string[]];
  const bad = pythons.find((p) => !IDENTIFIER.test(p));
  if (bad !== undefined) return { ok: false, error: `tag '${tag}' has an invalid interpreter: '${bad}'` };
  const out: string[] = [];
  for (const p of pythons) for (const a of abis) for (const l of platforms) out.push(`${p}-${a}-${l}`);
  return { ok: true, value: out };
}

/** The specification's tag spelling: letters, digits and `_` (packaging does not check ABI and platform tags). */
const TAG_SET = /^[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*$/;

/**
 * Strict: the parts of a wheel filename, or the first reason it is
 * malformed, as parse_wheel_filename decides; with `specTags`, also every
 * tag spelled as the specification says (a deliberate difference: packaging
 * accepts `any+x` as a platform tag).
 */
export function parseWheelFilename(filename: string, opts: { specTags?: boolean } = {}): Parsed<WheelFilename> {
  if (!filename.endsWith('.whl')) return { ok: false, error: "does not end with '.whl'" };
  const stem = filename.slice(0, -4);
  const dashes = stem.split('-').length - 1;
  if (dashes !== 4 && dashes !== 5) return { ok: false, error: `has ${dashes + 1} '-'-separated components; a wheel name has 5 or 6 ({name}-{version}(-{build})?-{python}-{abi}-{platform})` };
  const parts = stem.split('-');
  const [name = '', version = ''] = parts;
  if (name.includes('__') || !NAME.test(name)) return { ok: false, error: `name component '${name}' is not a valid escaped distribution name` };
  if (!parseVersion(version).ok) return { ok: false, error: `version component '${version}' is not a valid PEP 440 version` };
  const build = dashes === 5 ? parts[2]! : undefined;
  if (build !== undefined && !/^[0-9]/.test(build)) return { ok: false, error: `build tag '${build}' does not start with a digit` };
  const [python = '', abi = '', platform = ''] = parts.slice(-3);
  const tags = parseTag(`${python}-${abi}-${platform}`);
  if (!tags.ok) return { ok: false, error: tags.error };
  if (opts.specTags) {
    for (const [label, set] of [['python', python], ['abi', abi], ['platform', platform]] as const) {
      if (!TAG_SET.test(set)) return { ok: false, error: `${label} tag '${set}' is not a '.'-separated set of tags made of letters, digits and '_'` };
    }
  }
  const value: WheelFilename = { name, version, python, abi, platform, tags: tags.value };
  if (build !== undefined) value.build = build;
  return { ok: true, value };
}

/** The parsed parts as packaging compares them: normalized name, normal version, build `[number, rest]`, tags lowercased and sorted. */
export function wheelFilenameKey(w: WheelFilename): [string, string, [bigint, string] | [], string[]] {
  const v = parseVersion(w.version);
  const build: [bigint, string] | [] = w.build === undefined ? [] : [BigInt(/^[0-9]+/.exec(w.build)![0]), w.build.replace(/^[0-9]+/, '')];
  return [canonicalizeName(w.name), v.ok ? formatVersion(v.value) : w.version, build, [...new Set(w.tags.map((t) => t.toLowerCase()))].sort()];
}
