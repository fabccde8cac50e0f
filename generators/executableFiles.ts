/**
 * `executableFiles()`: executable files (`ExecutableFileModel[]`, mode
 * 0o755) in the folder of the model's first top-level package, outside
 * setuptools scripts: executable package data (`tool.sh`, `bin/run.sh`, a
 * shell script with a `#!` line) and an executable module (`launch.py`, a
 * Python file with a `#!` line and a `__main__` guard, importable as a
 * module of the package). Paths come from a fixed vocabulary whose
 * extension `.sh` no other generator uses, so none collides with a data
 * file; `projectModel` drops a model whose module name collides with one of
 * the package's modules.
 *
 * Shrinks toward one `tool.sh` holding only its `#!` line.
 */
import fc from 'fast-check';
import type { ExecutableFileModel } from '../src/model/projectModel.js';
import { asString, incompatible } from './_internals/unmap.js';

/** Data paths relative to the package folder, the first where shrinking goes. */
export const EXECUTABLE_DATA_PATHS = ['tool.sh', 'bin/run.sh', 'tools/deep/check.sh'] as const;
/** Module paths: a module of the package. */
export const EXECUTABLE_MODULE_PATHS = ['launch.py'] as const;

const SHELL = '#!/bin/sh\n';
const PYTHON = '#!/usr/bin/env python3\n';
const MAIN = 'if __name__ == "__main__":\n    print("run")\n';
/** What follows the `#!` line, by kind; the first (nothing) is where shrinking goes. */
const BODIES = {
  data: ['', 'echo "$0"\n', 'exec "$@"\n', 'set -e\necho ok\n'],
  module: ['', MAIN, `"""An executable module."""\n${MAIN}`],
} as const;

const kindOf = (path: string): 'data' | 'module' => (path.endsWith('.py') ? 'module' : 'data');
const shebang = (path: string): string => (kindOf(path) === 'module' ? PYTHON : SHELL);

function executableFile(paths: readonly string[]): fc.Arbitrary<ExecutableFileModel> {
  return fc.record({ path: fc.constantFrom(...paths), body: fc.nat({ max: 3 }) }).map(
    ({ path, body }) => {
      const bodies = BODIES[kindOf(path)];
      return { path, content: shebang(path) + bodies[body % bodies.length]! };
    },
    (v) => {
      const f = v as ExecutableFileModel;
      const content = asString(f?.content, 'content');
      if (!paths.includes(f.path) || !content.startsWith(shebang(f.path))) incompatible('executable file');
      const body = (BODIES[kindOf(f.path)] as readonly string[]).indexOf(content.slice(shebang(f.path).length));
      return body < 0 ? incompatible('executable file body') : { path: f.path, body };
    },
  );
}

export interface ExecutableFilesOptions {
  /** Which kinds to generate (default both; shrinking goes to package data when it is one of them). */
  kinds?: readonly ('data' | 'module')[];
  /** Most files (default 2). */
  maxFiles?: number;
}

export function executableFiles(options: ExecutableFilesOptions = {}): fc.Arbitrary<ExecutableFileModel[]> {
  const { kinds = ['data', 'module'], maxFiles = 2 } = options;
  if (kinds.length === 0) throw new Error('executableFiles: `kinds` must not be empty');
  // Data paths first (shrinking goes to `tool.sh`) unless only modules are asked for.
  const paths = [...(kinds.includes('data') ? EXECUTABLE_DATA_PATHS : []), ...(kinds.includes('module') ? EXECUTABLE_MODULE_PATHS : [])];
  return fc.uniqueArray(executableFile(paths), { minLength: 1, maxLength: Math.max(1, maxFiles), selector: (f) => f.path });
}
