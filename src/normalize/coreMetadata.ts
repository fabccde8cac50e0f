/**
 * Core metadata files (METADATA, PKG-INFO) and WHEEL use the email-header
 * format: `Field: value` lines, continuation lines starting with white space,
 * then an optional body after a blank line.
 */
export interface HeaderFile {
  fields: [name: string, value: string][];
  body: string | null;
}

export function parseHeaderFile(text: string): HeaderFile {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const fields: [string, string][] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') {
      i++;
      break;
    }
    if (/^[ \t]/.test(line) && fields.length > 0) {
      const last = fields[fields.length - 1]!;
      last[1] += '\n' + line;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) {
      fields.push(['', line]);
      continue;
    }
    fields.push([line.slice(0, colon), line.slice(colon + 1).replace(/^[ \t]/, '')]);
  }
  const rest = lines.slice(i).join('\n');
  return { fields, body: i < lines.length || rest !== '' ? rest : null };
}

/** Render fields one per line (multi-line values indented), then the body. */
export function formatHeaderFile(file: HeaderFile): string {
  const head = file.fields.map(([k, v]) => `${k}: ${v.replace(/\n/g, '\n ')}`).join('\n');
  return file.body === null || file.body.trim() === '' ? head + '\n' : `${head}\n\n${file.body.replace(/\s+$/, '')}\n`;
}

/** Stable sort by field name, keeping the order of repeated fields. */
export function sortFields(fields: [string, string][]): [string, string][] {
  return fields
    .map((f, i) => ({ f, i }))
    .sort((x, y) => cmp(x.f[0].toLowerCase(), y.f[0].toLowerCase()) || x.i - y.i)
    .map((x) => x.f);
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
