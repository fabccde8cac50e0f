/**
 * Starting and stopping the reference judge for a CLI command (fuzz, replay):
 * only the `spec` and `diff` properties use it; `TWINBUILD_JUDGE=off` turns
 * it off. Whether it is on, and why not, is said once on stderr.
 */
import type { PropertyName } from '../fuzz/types.js';
import { startJudge, type Judge } from '../oracles/judge/index.js';
import type { CliIO } from './io.js';

/** Properties whose checks include the reference judge's. */
const JUDGED: readonly PropertyName[] = ['spec', 'diff'];

/** The judge for a command running `properties`, or undefined (not needed, turned off, or not available: said why). */
export async function openJudge(io: CliIO, properties: readonly PropertyName[]): Promise<Judge | undefined> {
  if (!properties.some((p) => JUDGED.includes(p))) return undefined;
  const setting = (io.env['TWINBUILD_JUDGE'] ?? '').trim().toLowerCase();
  if (setting === 'off' || setting === '0') {
    io.err('twinbuild: reference checks (pypa/packaging, codes P001-P007) are off (TWINBUILD_JUDGE=off); the TypeScript spec checks still run');
    return undefined;
  }
  const started = await startJudge({ python: io.env['TWINBUILD_JUDGE_PYTHON'] || undefined });
  if (!started.ok) {
    io.err(`twinbuild: reference checks (pypa/packaging, codes P001-P007) are OFF: ${started.reason}; the TypeScript spec checks still run`);
    return undefined;
  }
  io.err(`twinbuild: ${started.judge.describe()}`);
  return started.judge;
}

/** Close the judge; says once if it stopped answering during the run. */
export async function closeJudge(io: CliIO, judge: Judge | undefined): Promise<void> {
  if (!judge) return;
  if (judge.failure) io.err(`twinbuild: the reference checks stopped during the run (${judge.failure}); later artifacts had the TypeScript checks only`);
  await judge.close();
}
