import type { SpecCheck } from '../types.js';
import { SPEC } from './_shared.js';

/** A path of compiled bytecode: inside a `__pycache__` folder, or a `.pyc` / `.pyo` file. */
export function isBytecodePath(path: string): boolean {
  const parts = path.replace(/\/+$/, '').split('/');
  return parts.includes('__pycache__') || /\.py[co]$/.test(parts[parts.length - 1] ?? '');
}

export const noBytecode: SpecCheck = {
  code: 'W019',
  title: 'The wheel ships no compiled bytecode (__pycache__ folders, .pyc and .pyo files)',
  severity: 'warning',
  artifact: 'wheel',
  spec: SPEC.wheelContents,
  run(ctx) {
    return ctx.view.entries
      .filter((entry) => isBytecodePath(entry.path))
      .map((entry) => ({ path: entry.path, message: `${entry.path} is compiled bytecode; a wheel ships sources and the installer compiles them for its own interpreter` }));
  },
};
