import { BackendStartError } from '../build/runner.js';
import { ConfigError } from '../errors.js';
import { toolVersion } from '../report/toolVersion.js';
import { actionCommand } from './actionCommand.js';
import { backendsCommand } from './backendsCommand.js';
import { bisectCommand } from './bisectCommand.js';
import { explainCommand } from './explainCommand.js';
import { FUZZ_USAGE, fuzzCommand } from './fuzzCommand.js';
import { openRunScope } from './interrupt.js';
import { EXIT, processIO, type CliIO } from './io.js';
import { mergeCommand } from './mergeCommand.js';
import { replayCommand } from './replayCommand.js';

const USAGE = `twinbuild ${'{version}'} — differential fuzzing of Python build backends

${FUZZ_USAGE}
twinbuild replay FILE|DIR [--a SPEC] [--b SPEC] [--materialize DIR] [--report FILE.json] [--update]
twinbuild explain FILE
twinbuild merge REPORT... --out FILE
twinbuild bisect FILE --family F --good V1 --bad V2 | FILE --git DIR --good REV --bad REV
twinbuild action   (the GitHub Action's entry: inputs from INPUT_* variables)
twinbuild backends [--json] | --install SPEC...

SPEC: FAMILY[==VERSION | @LOCATION][,backend=MODULE[:OBJECT]][,path=DIR]...[,python=EXE][,style=STYLE][,config=KEY=VALUE]...
      @LOCATION: a wheel, a backend's source checkout, or a folder put first on the import path
FAMILY: setuptools, hatchling, flit, poetry, pdm, uv
Exit codes: 0 no findings, 1 findings, 2 usage or configuration error, 3 internal error,
130 / 143 interrupted by SIGINT / SIGTERM (after saving the report and the corpus).`;

const COMMANDS: Record<string, (argv: string[], io: CliIO) => Promise<number>> = {
  fuzz: fuzzCommand,
  replay: replayCommand,
  explain: explainCommand,
  backends: backendsCommand,
  merge: mergeCommand,
  bisect: bisectCommand,
  action: actionCommand,
};

/** Run the command line; returns the exit code. The only place that prints. */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [command, ...rest] = argv;
  const usage = USAGE.replace('{version}', toolVersion());
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
      io.err(`twinbuild: ${(e as Error).message}\n\n${usage}`);
      return EXIT.usage;
    }
    io.err(`twinbuild: internal error: ${(e as Error).stack ?? String(e)}`);
    return EXIT.internal;
  } finally {
    await scope.close();
  }
}
