import { resolve } from 'node:path';
import { writeAtomic } from '../corpus/store.js';
import { timeoutFromEnv } from '../build/buildArtifacts.js';
import type { BackendRunner } from '../build/runner.js';
import { FAMILIES, type Family } from '../backends/types.js';
import { ConfigError } from '../errors.js';
import { indexVersions } from '../fuzz/bisect.js';
import { findChanges, type SearchStep } from '../fuzz/changes.js';
import { PROPERTIES } from '../fuzz/properties.js';
import { labelsOf, runFuzz } from '../fuzz/runFuzz.js';
import { emptyStats, type Finding } from '../fuzz/types.js';
import type { Level } from '../normalize/types.js';
import { changelogMarkdown, changelogReport } from '../report/changelog.js';
import { toolVersion } from '../report/toolVersion.js';
import { resolveSpec, startRunner } from './backendSetup.js';
import { configFlag, withConfigFile } from './configFile.js';
import { parseDuration } from './duration.js';
import { loadAllowList } from './fuzzCommand.js';
import { parseCommandLine, synopsis, type CommandDef, type FlagTable } from './flags.js';
import { environmentSection } from './helpSections.js';
import { EXIT, type CliIO } from './io.js';
import { closeJudge, openJudge } from './judgeSetup.js';

const CHANGES_OPTIONS = {
  family: { type: 'string', value: 'F', required: true, doc: 'the family whose releases are compared' },
  from: { type: 'string', value: 'V1', required: true, doc: 'the older release (A of the search)' },
  to: { type: 'string', value: 'V2', required: true, doc: 'the newer release (B of the search)' },
  time: { type: 'string', value: 'DURATION', defaultIs: '100 projects unless --runs', doc: 'time budget of the search (bisecting comes after it)' },
  runs: { type: 'string', value: 'N', defaultIs: '100 unless --time is given', doc: 'number of generated projects of the search' },
  seed: { type: 'string', value: 'N', defaultIs: 'random (printed)', doc: 'seed of the generator' },
  'shrink-time': { type: 'string', value: 'DURATION', defaultIs: "fuzz's", doc: "each finding's own shrinking budget, within --time" },
  allow: { type: 'string', value: 'FILE', doc: 'known signatures or atoms to leave out (as fuzz --allow)' },
  markdown: { type: 'string', value: 'FILE.md', defaultIs: 'stdout', doc: 'write the Markdown table to FILE.md' },
  report: { type: 'string', value: 'FILE.json', doc: 'write the changelog as JSON (- for stdout; the table then goes to stderr)' },
  config: configFlag('changes'),
} as const satisfies FlagTable;

export const CHANGES_COMMAND: CommandDef<typeof CHANGES_OPTIONS> = {
  name: 'changes',
  args: '',
  summary:
    'A changelog between two releases of a family: fuzz the diff of --from against --to (the smallest projects first), bisect every behaviour change (atom) found over the releases between, and print a table of change, minimal project and first release as Markdown (and JSON with --report). Exit 0 when the changelog is written, whatever it holds.',
  flags: CHANGES_OPTIONS,
  sections: () => [environmentSection()],
};

interface SearchInput {
  a: BackendRunner;
  b: BackendRunner;
  level: Level;
  seed: number;
  runs?: number;
  timeMs?: number;
  shrinkMs?: number;
  allow: ReadonlySet<string>;
  timeoutSec: number;
  judge: Awaited<ReturnType<typeof openJudge>>;
}

/**
 * The search step: today's runFuzz (diff, with the baseline first) as one
 * function. The only place `changes` calls the fuzzer; an engine that
 * replaces runFuzz is ported here.
 */
export function fuzzSearch(s: SearchInput): SearchStep {
  return async (): Promise<Finding[]> => {
    const run = await runFuzz({
      a: s.a, b: s.b, property: 'diff', level: s.level, seed: s.seed, runs: s.runs, timeMs: s.timeMs,
      shrinkMs: s.shrinkMs, allow: s.allow, baseline: true, build: { timeoutSec: s.timeoutSec }, judge: s.judge,
    });
    // A run the health check stopped (every project fails one way) still returns that finding: it is a change too.
    return run.findings;
  };
}

/** `twinbuild changes --family F --from V1 --to V2`: search, bisect every atom, print the table. */
export async function changesCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandLine(CHANGES_COMMAND, await withConfigFile(argv, CHANGES_OPTIONS, io.cwd, 'changes'));
  const usage = synopsis(CHANGES_COMMAND);
  if (!values.family || !values.from || !values.to) throw new ConfigError('changes needs --family, --from and --to', usage);
  const family = values.family as Family;
  if (!FAMILIES.includes(family)) throw new ConfigError(`unknown family ${JSON.stringify(values.family)}: use one of ${FAMILIES.join(', ')}`);
  const whole = (v: string | undefined, name: string, min: number): number | undefined => {
    if (v === undefined) return undefined;
    if (!/^-?\d+$/.test(v) || Number(v) < min) throw new ConfigError(`--${name} must be a whole number ≥ ${min}, got ${JSON.stringify(v)}`);
    return Number(v);
  };
  const runs = whole(values.runs, 'runs', 1);
  const seed = whole(values.seed, 'seed', -2147483648) ?? (Math.floor(Math.random() * 0x7fffffff) ^ Date.now()) | 0;
  const timeMs = values.time !== undefined ? parseDuration(values.time) : undefined;
  const shrinkMs = values['shrink-time'] !== undefined ? parseDuration(values['shrink-time']) : undefined;
  const allow = values.allow ? await loadAllowList(resolve(io.cwd, values.allow)) : new Set<string>();
  const toStdout = values.report === '-';
  const out = toStdout ? io.err : io.out;
  const releases = await indexVersions(family);
  for (const v of [values.from, values.to]) {
    if (!releases.includes(v)) throw new ConfigError(`${family} ${v} is not a release the package index offers (yanked releases are left out)`);
  }
  const timeoutSec = timeoutFromEnv(io.env);
  const spec = (v: string): string => `${family}==${v}`;
  const fromBackend = await resolveSpec(spec(values.from), io);
  const toBackend = await resolveSpec(spec(values.to), io);
  const level = PROPERTIES.diff!.defaultLevel(fromBackend, toBackend);
  io.err(`twinbuild ${toolVersion()}: changes of ${family} from ${values.from} to ${values.to}; diff at level ${level}; seed ${seed}`);
  const judge = await openJudge(io, ['diff']);
  const a = await startRunner(fromBackend);
  const runners = new Map<string, Promise<BackendRunner>>([[values.to, startRunner(toBackend)]]);
  const runnerOf = (v: string): Promise<BackendRunner> => {
    let r = runners.get(v);
    if (!r) runners.set(v, (r = resolveSpec(spec(v), io).then((b) => startRunner(b))));
    return r;
  };
  try {
    const b = await runnerOf(values.to);
    const log = await findChanges({
      family,
      from: values.from,
      to: values.to,
      releases,
      search: fuzzSearch({ a, b, level, seed, runs: timeMs === undefined ? (runs ?? 100) : runs, timeMs, shrinkMs, allow, timeoutSec, judge }),
      check: async (finding, version) => {
        const rb = await runnerOf(version);
        const o = await PROPERTIES.diff!.evaluate(finding.model, {
          a, b: rb, level, build: { timeoutSec }, stats: emptyStats(), labels: labelsOf(a, rb), judge,
        });
        return o.status === 'fail' ? { failed: true, differences: o.differences, detail: o.summary } : { failed: false, differences: [], detail: o.status };
      },
      onChange: (c) =>
        io.err(`twinbuild: ${c.atom}: ${c.firstRelease !== null ? `first in ${c.firstRelease}` : `not bisected (${c.note})`} (${c.checks} checks)`),
    });
    const md = changelogMarkdown(log);
    if (values.markdown) await writeAtomic(resolve(io.cwd, values.markdown), md);
    else out(md.trimEnd());
    if (values.report) {
      const json = JSON.stringify(changelogReport(log, { version: toolVersion(), seed }), null, 2) + '\n';
      if (toStdout) io.out(json.trimEnd());
      else await writeAtomic(resolve(io.cwd, values.report), json);
    }
    return EXIT.ok;
  } finally {
    await a.close();
    for (const r of runners.values()) await r.then((x) => x.close(), () => undefined);
    await closeJudge(io, judge);
  }
}
