/**
 * `SystemExit: 1` says nothing about why a hook gave up: backends that exit
 * (uv_build's Rust binary, distutils' `error: ...`) print the reason on
 * stderr instead. `withExitReason` adds the end of that reason to the
 * error's message, so that every report (a finding's summary, `explain`'s
 * issue text, a rejected project's reason) says it.
 */
import type { HookError } from './types.js';

/** Lines of stderr kept in the message, and its most characters. */
const REASON_LINES = 4;
const REASON_CHARS = 300;

/**
 * The last few non-blank stderr lines before a backtrace (`Stack backtrace:`
 * of a Rust binary, `Traceback (most recent call last):` of Python), joined
 * with ` / `; '' when stderr holds none.
 */
export function exitReason(stderr: string): string {
  const lines: string[] = [];
  for (const raw of stderr.split(/\r?\n/)) {
    const line = raw.trim();
    if (/^(Stack backtrace:|Traceback \(most recent call last\):)/.test(line)) break;
    if (line !== '') lines.push(line.replace(/\s+/g, ' '));
  }
  const text = lines.slice(-REASON_LINES).join(' / ');
  return text.length > REASON_CHARS ? `…${text.slice(-(REASON_CHARS - 1))}` : text;
}

/** A `system-exit` error with the stderr reason appended (other errors as they are). */
export function withExitReason(error: HookError, stderr: string): HookError {
  if (error.kind !== 'system-exit') return error;
  const reason = exitReason(stderr);
  return reason === '' ? error : { ...error, message: `${error.message} (stderr: ${reason})` };
}
