/**
 * Dependency specifiers (PEP 508: Requires-Dist values, project
 * dependencies) as a typed value, parsed as `packaging.requirements.Requirement`
 * parses them, with its normal form (`str(Requirement(text))`: the name and
 * extras as written, extras sorted, the specifier set in normal form, the
 * marker in normal form) and a lenient comparison form.
 */
import { comparePyStr } from './_internals/pyText.js';
import { PepSyntaxError, Tokenizer } from './_internals/tokenizer.js';
import { formatMarker, markerComparisonForm, markerExtras, readMarker, type Marker } from './marker.js';
import { canonicalizeName } from './name.js';
import type { Parsed } from './result.js';
import { canonicalSpecifiers, formatSpecifier, parseSpecifierSet, type Specifier } from './specifier.js';
import { normalVersion } from './version.js';

export interface Requirement {
  /** As written. */
  name: string;
  /** As written, in the order written (packaging reads them as a set: see formatRequirement). */
  extras: string[];
  /** The specifier set's clauses (empty for none, or with a URL). */
  specifiers: Specifier[];
  url?: string;
  marker?: Marker;
  /** The marker's text as written (after `;`, trimmed). */
  markerText?: string;
}

function readRequirement(t: Tokenizer, lenient: boolean): { name: string; extras: string[]; specifier: string; url: string; marker?: Marker; markerText?: string } {
  t.consume('WS');
  const name = t.expect('IDENTIFIER', 'package name at the start of dependency specifier');
  t.consume('WS');
  const extras = readExtras(t);
  t.consume('WS');
  let specifier = '';
  let url = '';
  let marker: Marker | undefined;
  let markerText = '';
  const readMarkerPart = (expected: string, spanStart: number): Marker => {
    if (t.read('SEMICOLON') === null) t.fail(`expected ${expected} or end`, spanStart);
    const start = t.position;
    const m = readMarker(t);
    markerText = t.source.slice(start, t.position).trim();
    t.consume('WS');
    return m;
  };
  if (t.read('AT') !== null) {
    t.consume('WS');
    const urlStart = t.position;
    url = t.expect(lenient ? 'URL_LENIENT' : 'URL', 'URL after @');
    if (!t.check('END')) {
      if (!lenient) t.expect('WS', 'whitespace after URL');
      t.consume('WS');
      if (!t.check('END')) marker = readMarkerPart('semicolon (after URL and whitespace)', urlStart);
    }
  } else {
    const start = t.position;
    specifier = t.enclosed('LEFT_PARENTHESIS', 'RIGHT_PARENTHESIS', 'version specifier', () => {
      t.consume('WS');
      const s = readVersionMany(t);
      t.consume('WS');
      return s;
    });
    t.consume('WS');
    if (!t.check('END')) {
      marker = readMarkerPart(specifier ? 'comma (within version specifier), semicolon (after version specifier)' : 'semicolon (after name with no version specifier)', start);
    }
  }
  t.expect('END', 'end of dependency specifier');
  return { name, extras, specifier, url, ...(marker ? { marker, markerText } : {}) };
}

function readExtras(t: Tokenizer): string[] {
  if (!t.check('LEFT_BRACKET')) return [];
  return t.enclosed('LEFT_BRACKET', 'RIGHT_BRACKET', 'extras', () => {
    t.consume('WS');
    const extras: string[] = [];
    const first = t.read('IDENTIFIER');
    if (first !== null) {
      extras.push(first);
      for (;;) {
        t.consume('WS');
        if (t.check('IDENTIFIER')) t.fail('expected comma between extra names');
        if (t.read('COMMA') === null) break;
        t.consume('WS');
        extras.push(t.expect('IDENTIFIER', 'extra name after comma'));
      }
    }
    t.consume('WS');
    return extras;
  });
}

function readVersionMany(t: Tokenizer): string {
  let out = '';
  for (let spec = t.read('SPECIFIER'); spec !== null; spec = t.read('SPECIFIER')) {
    out += spec;
    if (t.check('VERSION_PREFIX_TRAIL')) t.fail('.* suffix can only be used with `==` or `!=` operators, and not with pre-release, post-release, dev or local versions');
    if (t.check('VERSION_LOCAL_LABEL_TRAIL')) t.fail('local version label can only be used with `==` or `!=` operators');
    t.consume('WS');
    const comma = t.read('COMMA');
    if (comma === null) break;
    out += comma;
    t.consume('WS');
  }
  return out;
}

/**
 * Strict: the requirement, or why `text` is not a dependency specifier.
 * `lenient` also reads `name @ URL; marker` (no space before `;`).
 */
export function parseRequirement(text: string, opts: { lenient?: boolean } = {}): Parsed<Requirement> {
  let raw: ReturnType<typeof readRequirement>;
  try {
    raw = readRequirement(new Tokenizer(text), opts.lenient === true);
  } catch (e) {
    if (e instanceof PepSyntaxError) return { ok: false, error: e.message };
    throw e;
  }
  const specs = parseSpecifierSet(raw.specifier);
  if (!specs.ok) return specs;
  const requirement: Requirement = { name: raw.name, extras: raw.extras, specifiers: specs.value };
  if (raw.url) requirement.url = raw.url;
  if (raw.marker) {
    requirement.marker = raw.marker;
    requirement.markerText = raw.markerText ?? '';
  }
  return { ok: true, value: requirement };
}

/** Strict: `str(Requirement)`. */
export function formatRequirement(r: Requirement): Parsed<string> {
  let out = r.name;
  if (r.extras.length > 0) out += `[${[...new Set(r.extras)].sort(comparePyStr).join(',')}]`;
  const specs = canonicalSpecifiers(r.specifiers);
  if (!specs.ok) return specs;
  out += specs.value.map(formatSpecifier).join(',');
  if (r.url !== undefined) out += ` @ ${r.url}${r.marker ? ' ' : ''}`;
  if (r.marker) {
    const m = formatMarker(r.marker);
    if (!m.ok) return m;
    out += `; ${m.value}`;
  }
  return { ok: true, value: out };
}

/** Strict: the normal form of a requirement's text. */
export function normalRequirementText(text: string): Parsed<string> {
  const r = parseRequirement(text);
  return r.ok ? formatRequirement(r.value) : r;
}

/** The values compared with `extra` in the requirement's marker (normalized). */
export function requirementMarkerExtras(r: Requirement): string[] {
  return r.marker ? markerExtras(r.marker) : [];
}

/** The requirement's name, normalized. */
export const requirementKey = (r: Requirement): string => canonicalizeName(r.name);

/** A clause with its version in normal form (`===` compares text: kept as written). */
function comparisonClause(s: Specifier): string {
  if (s.op === '===') return formatSpecifier(s);
  const wildcard = s.version.endsWith('.*');
  return `${s.op}${wildcard ? `${normalVersion(s.version.slice(0, -2))}.*` : normalVersion(s.version)}`;
}

/**
 * Lenient: one spelling for every way of writing the same requirement, for
 * comparing two backends' Requires-Dist: normalized name, sorted normalized
 * extras, clauses with normalized versions sorted, `name @ URL; marker`, the
 * marker's comparison form. Text that does not parse comes back trimmed.
 * `specifierSet`: repeated clauses once (what the requirement means, as
 * packaging's SpecifierSet holds it: `<1,<1` is `<1`).
 */
export function requirementComparisonForm(text: string, opts: { specifierSet?: boolean } = {}): string {
  const parsed = parseRequirement(text, { lenient: true });
  if (!parsed.ok) return text.trim();
  const r = parsed.value;
  const extras = [...new Set(r.extras.map(canonicalizeName))].sort();
  const specs = r.specifiers.map(comparisonClause).sort().filter((c, i, all) => !opts.specifierSet || all.indexOf(c) === i);
  const marker = r.marker ? markerComparisonForm(r.marker) : '';
  return `${canonicalizeName(r.name)}${extras.length ? `[${extras.join(',')}]` : ''}${specs.join(',')}${r.url !== undefined ? ` @ ${r.url}` : ''}${marker ? `; ${marker}` : ''}`;
}

/** Lenient: the name a requirement starts with (as written), or the text trimmed when it starts with none. */
export function requirementName(text: string): string {
  const t = new Tokenizer(text);
  t.consume('WS');
  return t.read('IDENTIFIER') ?? text.trim();
}
