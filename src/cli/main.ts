import { BackendStartError } from '../build/runner.js';
import { ConfigError } from '../errors.js';
import { toolVersion } from '../report/toolVersion.js';
import { SPEC_SYNTAX } from '../backends/parseSpec.js';
import { FAMILIES } from '../backends/types.js';
import { ACTION_COMMAND, actionCommand } from './actionCommand.js';
import { BACKENDS_COMMAND, backendsCommand } from './backendsCommand.js';
import { BISECT_COMMAND, bisectCommand } from './bisectCommand.js';
import { CHANGES_COMMAND, changesCommand } from './changesCommand.js';
import { COVERAGE_COMMAND, coverageCommand } from './coverageCommand.js';
import { EXPLAIN_COMMAND, explainCommand } from './explainCommand.js';
import { FUZZ_COMMAND, fuzzCommand } from './fuzzCommand.js';
import { helpText, synopsis, wantsHelp, wrap, type CommandDef } from './flags.js';
import { openRunScope } from './interrupt.js';
import { EXIT, processIO, type CliIO } from './io.js';
import { MERGE_COMMAND, mergeCommand } from './mergeCommand.js';
import { REPLAY_COMMAND, replayCommand } from './replayCommand.js';

const USAGE = `twinbuild ${'{version}'} — differential fuzzing of Python build backends

{synopses}
twinbuild help COMMAND          every flag of COMMAND with its default (also: COMMAND --help)

SPEC: ${SPEC_SYNTAX}
FAMILY: ${FAMILIES.join(', ')}
Exit codes: 0 no findings, 1 findings, 2 usage or configuration error, 3 internal error,
130 / 143 interrupted by SIGINT / SIGTERM (after saving the report and the corpus).`;

/** What `help` describes, by command (each command's flag table is its parser's). */
export const COMMAND_DEFS: Record<string, CommandDef> = {
  fuzz: FUZZ_COMMAND,
  replay: REPLAY_COMMAND,
  explain: EXPLAIN_COMMAND,
  merge: MERGE_COMMAND,
  bisect: BISECT_COMMAND,
  changes: CHANGES_COMMAND,
  coverage: COVERAGE_COMMAND,
  backends: BACKENDS_COMMAND,
  action: ACTION_COMMAND,
};

const COMMANDS: Record<string, (argv: string[], io: CliIO) => Promise<number>> = {
  fuzz: fuzzCommand,
  replay: replayCommand,
  explain: explainCommand,
  backends: backendsCommand,
  merge: mergeCommand,
  bisect: bisectCommand,
  changes: changesCommand,
  coverage: coverageCommand,
  action: actionCommand,
};

/** Run the command line; returns the exit code. The only place that prints. */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [command, ...rest] = argv;
  const usage = USAGE.replace('{version}', toolVersion()).replace('{synopses}', Object.values(COMMAND_DEFS).flatMap((d) => wrap(synopsis(d), 100, '    ')).join('\n'));
  const helpOf = command === 'help' ? rest[0] : rest.length && wantsHelp(rest) ? command : undefined;
  if (helpOf !== undefined) {
    const def = COMMAND_DEFS[helpOf];
    if (!def) {
      io.err(`twinbuild: no help for ${JSON.stringify(helpOf)}: commands are ${Object.keys(COMMAND_DEFS).join(', ')}`);
      return EXIT.usage;
    }
    io.out(helpText(def));
    return EXIT.ok;
  }
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.out(usage);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command === '--version') {
    io.out(toolVersion());
    return EXIT.ok;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.err(`twinbuild: unknown command ${JSON.stringify(command)}\n\n${usage}`);
    return EXIT.usage;
  }
  // Temporary files of the run go into one folder, removed at the end and on SIGINT/SIGTERM.
  const scope = await openRunScope(io);
  try {
    return await run(rest, io);
  } catch (e) {
    if (e instanceof ConfigError || e instanceof BackendStartError) {
      io.err(`twinbuild: ${e.message}${e instanceof ConfigError && e.hint ? `\n${e.hint}` : ''}`);
      return EXIT.usage;
    }
    const code = (e as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      const def = COMMAND_DEFS[command];
      io.err(`twinbuild: ${(e as Error).message}\n\n${def ? `${wrap(synopsis(def), 100, '    ').join('\n')}\n(twinbuild help ${command} describes every flag)` : usage}`);
      return EXIT.usage;
    }
    io.err(`twinbuild: internal error: ${(e as Error).stack ?? String(e)}`);
    return EXIT.internal;
  } finally {
    await scope.close();
  }
}
