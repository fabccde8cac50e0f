import { parseSpec, splitSetting } from '../backends/parseSpec.js';
import { ConfigError } from '../errors.js';
import { resolveBackend } from '../backends/resolveBackend.js';
import type { Backend } from '../backends/types.js';
import { BackendRunner } from '../build/runner.js';
import type { WorkerOptions } from '../build/hookWorker.js';
import type { ProjectModel } from '../model/projectModel.js';
import { renderFor } from '../render/forBackend.js';
import type { CliIO } from './io.js';

/**
 * A spec with `-C KEY=VALUE` settings added as `,config=KEY=VALUE` parts, so
 * they travel with the spec into reports, corpus files and replay commands.
 */
export function withSettings(raw: string, settings: readonly string[] | undefined): string {
  if (!settings || settings.length === 0) return raw;
  for (const s of settings) {
    if (s.includes(',')) throw new ConfigError(`-C ${s}: a config setting cannot hold a comma (specs separate their parts with commas)`);
    if (splitSetting(s)[0] === '') throw new ConfigError(`-C ${s}: expected KEY=VALUE (a PEP 517 config_settings entry)`);
  }
  return [raw, ...settings.map((s) => `config=${s}`)].join(',');
}

/** Parse and resolve a spec (provisioning it if needed), logging what is installed. */
export async function resolveSpec(raw: string, io: CliIO): Promise<Backend> {
  const spec = parseSpec(raw);
  return resolveBackend(spec, { log: (line: string) => io.err(`twinbuild: ${line}`) });
}

/** A small project that exercises the usual code paths of a build (for warming workers). */
export const WARMUP_MODEL: ProjectModel = {
  name: 'twinbuild-warmup',
  version: '1.0',
  description: 'warm-up',
  dependencies: ['requests>=2; python_version >= "3.8"'],
  layout: 'src',
  packages: [{ name: 'warmup', init: '', modules: [{ name: 'core', source: 'X = 1\n' }], data: [{ path: 'data/d.json', content: '{}' }], subpackages: [] }],
  modules: [],
};

/** Start a runner and make sure its worker imports the backend (clear error if not). */
export async function startRunner(backend: Backend, workerOptions: WorkerOptions = {}): Promise<BackendRunner> {
  let warmup;
  try {
    warmup = renderFor(WARMUP_MODEL, backend);
  } catch {
    warmup = undefined; // no renderer for this family: run cold
  }
  const runner = new BackendRunner(backend, warmup, workerOptions);
  await runner.ready();
  return runner;
}
