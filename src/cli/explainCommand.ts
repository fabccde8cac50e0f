import { parseSpec } from '../backends/parseSpec.js';
import type { ConfigStyle } from '../render/fileMap.js';
import { loadCorpusFile } from '../corpus/store.js';
import { ConfigError } from '../errors.js';
import { render } from '../render/index.js';
import { textFiles } from '../render/textFiles.js';
import type { Family } from '../backends/types.js';
import { join, resolve } from 'node:path';
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

/** `twinbuild explain FILE`: issue-ready Markdown for one counterexample. */
export async function explainCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandLine(EXPLAIN_COMMAND, argv);
  if (positionals.length !== 1) throw new ConfigError('explain takes one corpus file', synopsis(EXPLAIN_COMMAND));
  const entry = await loadCorpusFile(positionals[0]!);
  const a = entry.backends.a;
  const b = entry.backends.b;
  const style = ((): ConfigStyle | undefined => {
    try {
      return parseSpec(a.spec).style;
    } catch {
      return undefined; // a spec this version cannot parse: the family's default style
    }
  })();
  const files = textFiles(render(entry.model, a.family as Family, { familyVersion: a.version, ...(style ? { style } : {}) }));
  const fence = (text: string): string => {
    const ticks = '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
    return `${ticks}\n${text.replace(/\n$/, '')}\n${ticks}`;
  };
  const md: string[] = [];
  md.push(`## ${entry.summary}`, '');
  md.push(`Found by [twinbuild](https://www.npmjs.com/package/twinbuild) ${entry.tool.replace(/^twinbuild /, '')}, property \`${entry.property}\` at normalization level \`${entry.level}\`.`, '');
  md.push('| | backend | version | python |', '|---|---|---|---|');
  md.push(`| A | \`${a.spec}\` | ${a.version} | \`${a.python}\` |`);
  if (b) md.push(`| B | \`${b.spec}\` | ${b.version} | \`${b.python}\` |`);
  md.push('', '### What differs', '');
  for (const d of entry.differences.slice(0, 20)) {
    md.push(`- **${d.artifact}** \`${d.kind}\`${d.path ? ` \`${d.path}\`` : ''}${d.a !== undefined ? ` — A: ${d.a}` : ''}${d.b !== undefined ? `; B: ${d.b}` : ''}`);
    if (d.diff) md.push('', fence(d.diff).replace(/^```+/, (t) => `${t}diff`), '');
  }
  md.push('', '### Minimal project', '');
  for (const [path, text] of Object.entries(files)) md.push(`\`${path}\``, '', fence(text), '');
  md.push('### Reproduce', '', 'Write the files above into an empty folder, then:', '');
  md.push(fence(`python -m pip install "${a.family === 'flit' ? 'flit-core' : a.family === 'poetry' ? 'poetry-core' : a.family === 'pdm' ? 'pdm-backend' : a.family === 'uv' ? 'uv-build' : a.family}==${a.version}" build\npython -m build --no-isolation --sdist --wheel --outdir dist-a .`));
  md.push('', `Or with twinbuild: \`twinbuild replay ${positionals[0]}\``, '');
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
