import { ConfigError } from '../errors.js';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `90s`, `10m`, `1h`, `500ms` -> milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(text.trim());
  if (!m) throw new ConfigError(`invalid duration ${JSON.stringify(text)}: use a number with a unit, like 90s, 10m or 1h`);
  const ms = Number(m[1]) * UNITS[m[2]!]!;
  if (ms <= 0) throw new ConfigError(`invalid duration ${JSON.stringify(text)}: must be more than zero`);
  return ms;
}
