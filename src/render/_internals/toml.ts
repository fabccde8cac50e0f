/** TOML output for renderers: always through smol-toml, always with sorted keys. */
import { stringify } from 'smol-toml';

/** A TOML-able value: tables are plain objects, arrays keep their order. */
export type TomlValue = string | number | boolean | TomlValue[] | TomlTable;
export interface TomlTable {
  [key: string]: TomlValue;
}

function sortKeys(value: TomlValue): TomlValue {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === 'object') {
    const out: TomlTable = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key] as TomlValue);
    return out;
  }
  return value;
}

/** The document as TOML text, every table's keys sorted (so rendering is deterministic). */
export function tomlDocument(table: TomlTable): string {
  const text = stringify(sortKeys(table) as TomlTable);
  return text.endsWith('\n') ? text : `${text}\n`;
}
