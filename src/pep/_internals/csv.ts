/**
 * CSV as the default `csv.reader` of Python reads it (the dialect the RECORD
 * specification names): `,` between fields, `"` quotes with `""` for a
 * quote inside, records ending at `\r\n`, `\n` or `\r`. Like Python's
 * non-strict reader, text after a closing quote is kept; unlike it, an
 * unterminated quote is reported.
 */
export interface CsvRecord {
  /** 1-based line where the record starts. */
  line: number;
  fields: string[];
}

export interface CsvResult {
  records: CsvRecord[];
  /** Set when the text ends inside a quoted field. */
  unterminatedQuoteLine?: number;
}

export function parseCsv(text: string): CsvResult {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let state: 'start-record' | 'start-field' | 'in-field' | 'in-quoted' | 'quote-in-quoted' = 'start-record';
  let line = 1;
  let recordLine = 1;
  const endField = (): void => {
    fields.push(field);
    field = '';
  };
  const endRecord = (): void => {
    records.push({ line: recordLine, fields });
    fields = [];
  };
  /** Ends the field at `,`, the field and the record at a line break; false for any other character. */
  const separator = (ch: string, newline: boolean): boolean => {
    if (ch !== ',' && !newline) return false;
    endField();
    if (newline) endRecord();
    state = newline ? 'start-record' : 'start-field';
    return true;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const newline = ch === '\n' || ch === '\r';
    if (newline && ch === '\r' && text[i + 1] === '\n') i++;
    switch (state) {
      case 'start-record':
        recordLine = line;
        if (newline) {
          records.push({ line, fields: [] });
          break;
        }
        state = 'start-field';
      // falls through
      case 'start-field':
        if (ch === '"') state = 'in-quoted';
        else if (!separator(ch, newline)) {
          field += ch;
          state = 'in-field';
        }
        break;
      case 'in-field':
        if (!separator(ch, newline)) field += ch;
        break;
      case 'in-quoted':
        if (ch === '"') state = 'quote-in-quoted';
        else field += newline ? (ch === '\r' && text[i] === '\n' ? '\r\n' : ch) : ch;
        break;
      case 'quote-in-quoted':
        if (ch === '"') {
          field += '"';
          state = 'in-quoted';
        } else if (!separator(ch, newline)) {
          field += ch;
          state = 'in-field';
        }
        break;
    }
    if (newline) line++;
  }
  const result: CsvResult = { records };
  if (state === 'in-quoted') result.unterminatedQuoteLine = recordLine;
  if (state !== 'start-record') {
    endField();
    endRecord();
  }
  return result;
}
