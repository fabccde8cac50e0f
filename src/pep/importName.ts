/**
 * PEP 794 import names, as the core metadata `Import-Name` and
 * `Import-Namespace` fields and the pyproject.toml `import-names` and
 * `import-namespaces` entries spell them: a dotted Python name, optionally
 * followed by a semicolon and the term `private`, "with any amount of
 * whitespace surrounding the semicolon"; `Import-Name` may also be empty (a
 * distribution with no import names).
 */

/** The core metadata fields of PEP 794, lower-cased. */
export const IMPORT_NAME_FIELDS: readonly string[] = ['import-name', 'import-namespace'];

/** An import name entry: the dotted name and whether it is annotated `; private`. */
export interface ImportNameEntry {
  name: string;
  private: boolean;
}

/** The entry a field value or pyproject.toml string spells, or null when it is not one (an annotation other than `private`). */
export function parseImportName(value: string): ImportNameEntry | null {
  const semi = value.indexOf(';');
  if (semi < 0) return { name: value.trim(), private: false };
  if (value.slice(semi + 1).trim() !== 'private') return null;
  return { name: value.slice(0, semi).trim(), private: true };
}

/**
 * The comparison form of an entry: `name`, or `name; private` when marked.
 * A name with a part that starts with `_` is private by Python's convention
 * (PEP 8, "weak internal use"), and hatchling writes `; private` for such
 * names on its own: for them the mark is left out, so marked and unmarked
 * compare equal.
 */
export function importNameComparisonForm(entry: ImportNameEntry): string {
  const conventional = entry.name.split('.').some((part) => part.startsWith('_'));
  return entry.private && !conventional ? `${entry.name}; private` : entry.name;
}

/** A field value in comparison form; a value that is no entry is compared as written (trimmed). */
export function importNameValueForm(value: string): string {
  const entry = parseImportName(value);
  return entry === null ? value.trim() : importNameComparisonForm(entry);
}
