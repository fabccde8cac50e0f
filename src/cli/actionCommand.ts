import { runAction } from '../action/runAction.js';
import { ConfigError } from '../errors.js';
import { ACTION_INPUTS } from '../action/runAction.js';
import { parseCommandLine, type CommandDef } from './flags.js';
import { fuzzCommand } from './fuzzCommand.js';
import type { CliIO } from './io.js';

/**
 * `twinbuild action`: what the GitHub Action (action.yml) runs. It takes no
 * flags: the action's inputs arrive as INPUT_* variables (see
 * src/action/runAction.ts and docs/nightly.md).
 */
export const ACTION_COMMAND: CommandDef<Record<string, never>> = {
  name: 'action',
  args: '',
  summary: 'What the GitHub Action (action.yml) runs: its inputs arrive as INPUT_* variables and become one fuzz command line; it writes $GITHUB_OUTPUT, copies new corpus files to the output folder, and fails on findings unless fail-on-findings is false. It takes no flags.',
  flags: {},
  sections: () => [{ title: 'Inputs (INPUT_NAME variables)', lines: Object.entries(ACTION_INPUTS).map(([k, v]) => `${k}: ${v}`) }],
};

export async function actionCommand(argv: string[], io: CliIO): Promise<number> {
  parseCommandLine(ACTION_COMMAND, argv);
  if (argv.length > 0) throw new ConfigError('twinbuild action takes no arguments: it reads the GitHub Action inputs (INPUT_A, INPUT_B, ...) from the environment', 'see docs/nightly.md');
  const r = await runAction(io.env, io.cwd, (fuzzArgv) => fuzzCommand(fuzzArgv.slice(1), io));
  io.err(`twinbuild action: fuzz exit ${r.fuzzExitCode}, ${r.outputs['findings']} finding(s), ${r.newCorpusFiles.length} new corpus file(s) in ${r.outputs['new-corpus-dir']}`);
  return r.exitCode;
}
