/**
 * Every generated project builds: for a fixed seed, a sample of projects
 * generated for each backend (`projectModel({ targets })`) is rendered for it
 * and built, wheel and sdist, with the real backend. A project a backend
 * rejects is a generator or renderer bug (the generator promises valid
 * projects only), so every one must build.
 *
 * setuptools and hatchling (installed by .ci/run) always run; the other
 * families run when their managed environment is provisioned
 * (`twinbuild backends --install SPEC`), and are reported as skipped
 * otherwise.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { projectModel } from '../../generators/projectModel.js';
import { parseSpec } from '../../src/backends/parseSpec.js';
import { listManagedEnvs } from '../../src/backends/provision.js';
import { resolveBackend } from '../../src/backends/resolveBackend.js';
import type { BackendRunner } from '../../src/build/runner.js';
import { startRunner } from '../../src/cli/backendSetup.js';
import { featuresOf } from '../../generators/featuresOf.js';
import { render } from '../../src/render/index.js';
import { HATCHLING, SETUPTOOLS } from './cli.js';

const SAMPLE = 12;
const SEED = 20261126;
const ALWAYS = [SETUPTOOLS, HATCHLING];
const WHEN_PROVISIONED = ['flit==3.12.0', 'poetry==1.9.1', 'poetry==2.5.0', 'pdm==2.5.0', 'uv==0.7.20', 'uv==0.13.6'];

const provisioned = new Set((await listManagedEnvs()).map((e) => `${e.family}==${e.requestedVersion}`));
const runners: BackendRunner[] = [];
afterAll(async () => {
  await Promise.all(runners.map((r) => r.close()));
});

async function buildSample(raw: string): Promise<{ failures: string[]; features: Set<string> }> {
  const backend = await resolveBackend(parseSpec(raw));
  const runner = await startRunner(backend);
  runners.push(runner);
  const models = fc.sample(projectModel({ targets: [{ family: backend.family, version: backend.version }] }), { seed: SEED, numRuns: SAMPLE });
  const failures: string[] = [];
  const features = new Set<string>();
  for (const [i, model] of models.entries()) {
    featuresOf(model).forEach((f) => features.add(f));
    const result = await runner.build(render(model, backend.family, { familyVersion: backend.version }), { timeoutSec: 120 });
    for (const artifact of [result.sdist, result.wheel]) {
      if (!artifact.ok) failures.push(`#${i} ${artifact.kind}: ${artifact.error.message.slice(0, 400)}\n${JSON.stringify(model)}`);
    }
  }
  return { failures, features };
}

describe(`every generated project builds (${SAMPLE} projects, seed ${SEED})`, () => {
  for (const spec of [...ALWAYS, ...WHEN_PROVISIONED]) {
    const skip = !ALWAYS.includes(spec) && !provisioned.has(spec);
    it.skipIf(skip)(`${spec}: wheel and sdist of every project`, { timeout: 180_000 }, async () => {
      const { failures, features } = await buildSample(spec);
      expect(failures).toEqual([]);
      // The sample is not trivial: it exercises a spread of features.
      expect(features.size).toBeGreaterThan(20);
    });
  }
});
