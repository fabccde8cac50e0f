/**
 * `npm run bench:judge` (after `npx tsc`): what the reference judge (issue
 * #14) costs a `spec` fuzz run, measured in one run so that machine load
 * cancels out. For each backend, the first N generated projects are built
 * once (sdist + wheel, as the `spec` property builds them while searching:
 * warmed worker, in-process builds; timed); then the
 * spec checks of every artifact run REPS times without and REPS times with
 * the judge, interleaved. The ratio is the spec run's builds/s with the
 * judge over builds/s without it: (build + checks) / (build + checks + judge).
 * Target: at least 0.90 (at most 10% slower).
 *
 *   npm run bench:judge -- [--backends S1;S2] [--projects N] [--reps N] [--seed N]
 */
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { projectModel } from '../generators/projectModel.js';
import { parseSpec } from '../src/backends/parseSpec.js';
import { resolveBackend } from '../src/backends/resolveBackend.js';
import { timeoutFromEnv } from '../src/build/buildArtifacts.js';
import type { BuildResult } from '../src/build/types.js';
import { buildProblems } from '../src/fuzz/properties/specProblems.js';
import { startRunner } from '../src/cli/backendSetup.js';
import { startJudge } from '../src/oracles/judge/index.js';
import { canRenderFor, renderFor } from '../src/render/forBackend.js';

const { values } = parseArgs({
  options: { backends: { type: 'string' }, projects: { type: 'string' }, reps: { type: 'string' }, seed: { type: 'string' } },
});
const specs = (values.backends ?? 'setuptools==80.9.0;hatchling==1.27.0').split(';').filter(Boolean);
const projects = Number(values.projects ?? 60);
const reps = Number(values.reps ?? 3);
const seed = Number(values.seed ?? 20_251_125);
const log = (line: string): void => void process.stderr.write(`[bench:judge] ${line}\n`);

const started = await startJudge({ log });
if (!started.ok) {
  log(`the judge is not available: ${started.reason}`);
  process.exit(2);
}
const judge = started.judge;
log(judge.describe());
const timeoutSec = timeoutFromEnv();
let worst = Number.POSITIVE_INFINITY;
try {
  for (const raw of specs) {
    const backend = await resolveBackend(parseSpec(raw), { log });
    const runner = await startRunner(backend); // warmed, as a fuzz run's
    const built: BuildResult[] = [];
    let buildMs = 0;
    try {
      for (const model of fc.sample(projectModel(), { seed, numRuns: projects * 4 })) {
        if (built.length === projects) break;
        if (!canRenderFor(model, backend)) continue;
        const files = renderFor(model, backend);
        const t = performance.now();
        built.push(await runner.build(files, { timeoutSec, inProcess: true })); // as a fuzz run searches
        buildMs += performance.now() - t;
      }
    } finally {
      await runner.close();
    }
    const checksMs = { off: 0, on: 0 };
    for (let r = 0; r < reps; r++) {
      for (const mode of ['off', 'on'] as const) {
        const t = performance.now();
        for (const b of built) await buildProblems(b, mode === 'on' ? judge : undefined);
        checksMs[mode] += (performance.now() - t) / reps;
      }
    }
    const ratio = (buildMs + checksMs.off) / (buildMs + checksMs.on);
    worst = Math.min(worst, ratio);
    const per = (ms: number): string => `${(ms / built.length).toFixed(1)} ms`;
    process.stdout.write(
      `${backend.label}: ${built.length} projects; per project: build ${per(buildMs)}, spec checks ${per(checksMs.off)} without the judge, ${per(checksMs.on)} with it; ` +
        `spec-run builds/s with/without the judge: ${ratio.toFixed(3)} (target ≥ 0.90)\n`,
    );
  }
} finally {
  await judge.close();
}
process.exitCode = worst >= 0.9 ? 0 : 1;
