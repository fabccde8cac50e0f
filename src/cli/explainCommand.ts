import { loadCorpusFile } from '../corpus/store.js';
import { ConfigError } from '../errors.js';
import { issueText } from '../report/issueText.js';
import { isAbsolute, join, relative, resolve, basename } from 'node:path';
import { ARTIFACT_INDEX, entryFor, readArtifactIndex } from '../corpus/keptArtifacts.js';
import { parseCommandLine, synopsis, type CommandDef, type FlagTable } from './flags.js';
import { EXIT, type CliIO } from './io.js';

const EXPLAIN_OPTIONS = {
  artifacts: { type: 'string', value: 'DIR', doc: 'a --keep-artifacts folder: list the wheels and sdists kept for this counterexample' },
} as const satisfies FlagTable;

export const EXPLAIN_COMMAND: CommandDef<typeof EXPLAIN_OPTIONS> = {
  name: 'explain',
  args: 'FILE',
  summary: 'Print issue-ready Markdown for one counterexample: what differs (with the diffs), the minimal project, and how to reproduce it with plain Python.',
  flags: EXPLAIN_OPTIONS,
};

/** The corpus file as a reader elsewhere names it: relative to the current folder when inside it, else its file name. */
function readerPath(cwd: string, file: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(cwd, file);
  return rel.startsWith('..') || isAbsolute(rel) ? basename(file) : rel;
}

/** `twinbuild explain FILE`: issue-ready Markdown for one counterexample. */
export async function explainCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandLine(EXPLAIN_COMMAND, argv);
  if (positionals.length !== 1) throw new ConfigError('explain takes one corpus file', synopsis(EXPLAIN_COMMAND));
  const entry = await loadCorpusFile(positionals[0]!);
  const md: string[] = [issueText(entry, { corpusName: readerPath(io.cwd, positionals[0]!) })];
  if (values.artifacts !== undefined) {
    const dir = resolve(io.cwd, values.artifacts);
    const index = await readArtifactIndex(dir);
    if (!index) throw new ConfigError(`${values.artifacts} has no artifact index (${ARTIFACT_INDEX}): give the folder a run's --keep-artifacts wrote`);
    const kept = entryFor(index, resolve(io.cwd, positionals[0]!), entry.signature);
    md.push('### Built artifacts', '');
    if (!kept) md.push(`None kept in ${values.artifacts} for this counterexample.`, '');
    for (const k of kept?.artifacts ?? []) md.push(`- ${k.side.toUpperCase()} (${k.backend}) ${k.artifact}: ${k.file ? `\`${join(dir, k.file)}\`` : `build failed: ${k.error}`}`);
    md.push('');
  }
  io.out(md.join('\n'));
  return EXIT.ok;
}
