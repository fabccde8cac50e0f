import { describe, expect, it } from 'vitest';
import { exitReason, withExitReason } from '../../src/build/exitReason.js';

// uv_build 0.13.6's stderr for `license = "mit"` (its Rust binary exits 1; the hook raises SystemExit(1)).
const UV_STDERR = [
  'Error: Invalid project metadata',
  '',
  'Caused by:',
  '    0: `project.license` is not a valid SPDX expression: mit',
  '    1: mit',
  '       ^^^ unknown term',
  '',
  'Stack backtrace:',
  '   0: <unknown>',
  '   4: __libc_start_call_main',
  '             at ./csu/../sysdeps/nptl/libc_start_call_main.h:58:16',
  '',
].join('\n');

describe('exitReason', () => {
  it('keeps the last lines before a backtrace, whitespace collapsed', () => {
    expect(exitReason(UV_STDERR)).toBe('Caused by: / 0: `project.license` is not a valid SPDX expression: mit / 1: mit / ^^^ unknown term');
  });
  it('stops at a Python traceback and is empty without text', () => {
    expect(exitReason('running sdist\nerror: no such file\nTraceback (most recent call last):\n  File "x"\n')).toBe('running sdist / error: no such file');
    expect(exitReason('\n  \n')).toBe('');
  });
  it('cuts a long reason from the front', () => {
    const r = exitReason('x'.repeat(1000));
    expect(r).toHaveLength(300);
    expect(r.startsWith('…')).toBe(true);
  });
});

describe('withExitReason', () => {
  it('adds the reason to a system-exit only', () => {
    expect(withExitReason({ kind: 'system-exit', message: 'SystemExit: 1' }, UV_STDERR).message).toBe(
      'SystemExit: 1 (stderr: Caused by: / 0: `project.license` is not a valid SPDX expression: mit / 1: mit / ^^^ unknown term)',
    );
    const raised = { kind: 'exception' as const, message: 'ValueError: boom' };
    expect(withExitReason(raised, UV_STDERR)).toBe(raised);
    const quiet = { kind: 'system-exit' as const, message: 'SystemExit: 1' };
    expect(withExitReason(quiet, '')).toBe(quiet);
  });
});
