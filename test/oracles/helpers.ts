import type { SpecProblem } from '../../src/oracles/index.js';

/** Code and path of each problem, in order (what the planted-defect tests assert exactly). */
export function found(problems: SpecProblem[]): { code: string; path: string | undefined }[] {
  return problems.map((p) => ({ code: p.code, path: p.path }));
}

/** Shorthand for one expected problem. */
export function at(code: string, path?: string): { code: string; path: string | undefined } {
  return { code, path };
}

/** Replaces one line of a header file (`Field: value`) or removes it (value null); appends when absent. */
export function setField(text: string, field: string, value: string | null): string {
  const [head = '', ...rest] = text.split('\n\n');
  const lines = head.split('\n');
  const index = lines.findIndex((l) => l.startsWith(`${field}:`));
  if (value === null) {
    if (index >= 0) lines.splice(index, 1);
  } else if (index >= 0) lines[index] = `${field}: ${value}`;
  else lines.push(`${field}: ${value}`);
  return [lines.join('\n'), ...rest].join('\n\n');
}

/** Adds header lines at the end of the header block. */
export function addLines(text: string, ...lines: string[]): string {
  const [head = '', ...rest] = text.split('\n\n');
  return [[head, ...lines].join('\n'), ...rest].join('\n\n');
}
