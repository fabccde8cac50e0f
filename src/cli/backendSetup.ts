import { parseSpec } from '../backends/parseSpec.js';
import { resolveBackend } from '../backends/resolveBackend.js';
import type { Backend } from '../backends/types.js';
import { BackendRunner } from '../build/runner.js';
import type { CliIO } from './io.js';

/** Parse and resolve a spec (provisioning it if needed), logging what is installed. */
export async function resolveSpec(raw: string, io: CliIO): Promise<Backend> {
  const spec = parseSpec(raw);
  return resolveBackend(spec, { log: (line: string) => io.err(`twinbuild: ${line}`) });
}

/** Start a runner and make sure its worker imports the backend (clear error if not). */
export async function startRunner(backend: Backend): Promise<BackendRunner> {
  const runner = new BackendRunner(backend);
  await runner.ready();
  return runner;
}
