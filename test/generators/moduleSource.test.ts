import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moduleSource } from '../../generators/moduleSource.js';
import { shrinkTo } from './shrink.js';

function python(): string | undefined {
  for (const exe of [process.env.TWINBUILD_PYTHON, 'python3']) {
    if (exe === undefined) continue;
    try {
      execFileSync(exe, ['-c', 'pass'], { stdio: 'ignore' });
      return exe;
    } catch {
      // try the next one
    }
  }
  return undefined;
}
const py = python();

describe('moduleSource', () => {
  it('gives the same values for the same seed', () => {
    expect(fc.sample(moduleSource(), { seed: 42, numRuns: 100 })).toEqual(fc.sample(moduleSource(), { seed: 42, numRuns: 100 }));
  });

  it('is empty or ends with a newline, ASCII only', () => {
    fc.assert(fc.property(moduleSource(), (s) => (s === '' || s.endsWith('\n')) && /^[\x20-\x7e\n]*$/.test(s)), { numRuns: 2000 });
  });

  it.skipIf(py === undefined)('compiles as Python', () => {
    const sources = fc.sample(moduleSource(), { seed: 1, numRuns: 500 });
    const script = 'import ast, json, sys\nfor s in json.load(sys.stdin): ast.parse(s)\nprint("ok")';
    expect(execFileSync(py as string, ['-c', script], { input: JSON.stringify(sources) }).toString().trim()).toBe('ok');
  });

  it('shrinks toward the empty module', () => {
    expect(shrinkTo(moduleSource(), () => true).minimal).toBe('');
    expect(shrinkTo(moduleSource(), (s) => s.startsWith('def')).minimal).toBe('def a(a):\n    return a + 0\n');
  });
});
