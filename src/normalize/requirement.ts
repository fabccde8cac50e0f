import { clean } from '@renovatebot/pep440';

/** PEP 503 name normalization. */
export function canonicalName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

/** PEP 440 normal form of a version, or the input when it does not parse. */
export function normalVersion(version: string): string {
  const v = clean(version.trim());
  if (v === null) return version.trim();
  // @renovatebot/pep440 joins local segments with commas; PEP 440 writes dots.
  const plus = v.indexOf('+');
  return plus < 0 ? v : v.slice(0, plus + 1) + v.slice(plus + 1).replace(/,/g, '.');
}

const REQ = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[([^\]]*)\])?\s*(.*)$/s;

/**
 * A PEP 508 requirement in one normal form, so that two backends writing
 * the same requirement differently compare equal: canonical name, sorted
 * canonical extras, specifiers without spaces sorted, normalized versions,
 * markers with canonical spacing, double quotes and canonical extra names.
 * Text that does not parse comes back trimmed, unchanged. `specifierSet`:
 * also drop repeated specifiers (what the requirement means, as packaging's
 * SpecifierSet, rather than how it was written).
 */
export function normalRequirement(text: string, opts: { specifierSet?: boolean } = {}): string {
  const [reqPart = '', ...markerParts] = splitMarker(text);
  const m = REQ.exec(reqPart);
  if (!m) return text.trim();
  const name = canonicalName(m[1]!);
  const extras = (m[2] ?? '')
    .split(',')
    .map((e) => canonicalName(e.trim()))
    .filter((e, i, all) => e !== '' && all.indexOf(e) === i)
    .sort();
  let rest = (m[3] ?? '').trim();
  let url = '';
  if (rest.startsWith('@')) {
    url = ' @ ' + rest.slice(1).trim();
    rest = '';
  }
  if (rest.startsWith('(') && rest.endsWith(')')) rest = rest.slice(1, -1);
  const specs = rest
    .split(',')
    .map((s) => s.replace(/\s+/g, ''))
    .filter(Boolean)
    .map((s) => {
      const op = /^(~=|===|==|!=|<=|>=|<|>)(.*)$/.exec(s);
      if (!op) return s;
      const v = op[2]!;
      return op[1]! + (v.endsWith('.*') ? normalVersion(v.slice(0, -2)) + '.*' : op[1] === '===' ? v : normalVersion(v));
    })
    .sort()
    // With `specifierSet`, the specifiers as packaging's SpecifierSet holds them: a set (`<1,<1` is `<1`).
    .filter((s, i, all) => !opts.specifierSet || all.indexOf(s) === i);
  const marker = markerParts.length ? normalMarker(markerParts.join(';')) : '';
  return `${name}${extras.length ? `[${extras.join(',')}]` : ''}${specs.join(',')}${url}${marker ? `; ${marker}` : ''}`;
}

function splitMarker(text: string): string[] {
  // A URL requirement may hold ';' only after whitespace per PEP 508; split at the first ';'.
  const i = text.indexOf(';');
  return i < 0 ? [text] : [text.slice(0, i), text.slice(i + 1)];
}

const MARKER_TOKEN = /\s*("[^"]*"|'[^']*'|===|==|!=|<=|>=|~=|<|>|\(|\)|not\s+in\b|in\b|and\b|or\b|[A-Za-z_][A-Za-z0-9_.]*)\s*/gy;

/** Canonical spelling of a PEP 508 marker expression (tokens re-joined with single spaces). */
export function normalMarker(marker: string): string {
  const tokens: string[] = [];
  MARKER_TOKEN.lastIndex = 0;
  const src = marker.trim();
  let m: RegExpExecArray | null;
  while (MARKER_TOKEN.lastIndex < src.length && (m = MARKER_TOKEN.exec(src))) {
    let t = m[1]!;
    if (t.startsWith("'") || t.startsWith('"')) t = `"${t.slice(1, -1)}"`;
    else t = t.replace(/\s+/g, ' ');
    tokens.push(t);
  }
  if (MARKER_TOKEN.lastIndex < src.length) return src.replace(/\s+/g, ' ');
  // Canonical extra names: extra == "Foo_Bar" -> "foo-bar"
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i] === 'extra' && (tokens[i + 1] === '==' || tokens[i + 1] === '!=')) {
      tokens[i + 2] = `"${canonicalName(tokens[i + 2]!.slice(1, -1))}"`;
    }
  }
  let out = tokens.join(' ').replace(/\( /g, '(').replace(/ \)/g, ')');
  // Parentheses around a single comparison carry no meaning: `(python_version >= "3.6") and extra == "a"`.
  for (let prev = ''; prev !== out; ) {
    prev = out;
    out = out.replace(/\(([^()]*)\)/g, (whole, inner: string) => (/ (and|or) /.test(inner) ? whole : inner));
  }
  return sortConjunction(out);
}

/**
 * `A and B` means what `B and A` means: the operands of a top-level `and`
 * (with no top-level `or`) are sorted. Quoted strings and parenthesized
 * groups are kept whole.
 */
function sortConjunction(marker: string): string {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  let quote = '';
  for (let i = 0; i < marker.length; i++) {
    const c = marker[i]!;
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && marker.startsWith(' or ', i)) return marker;
    else if (depth === 0 && marker.startsWith(' and ', i)) {
      parts.push(marker.slice(start, i));
      start = i + 5;
      i += 4;
    }
  }
  if (parts.length === 0) return marker;
  parts.push(marker.slice(start));
  return parts.sort().join(' and ');
}
