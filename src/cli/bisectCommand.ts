import { join, resolve } from 'node:path';
import { commitsBetween, describeCommit, exportCommit, openRepo, resolveRevision } from '../backends/gitHistory.js';
import { makeTempDir, removeTempDir } from '../build/lifecycle.js';
import { configFlag, withConfigFile } from './configFile.js';
import { FAMILIES, type Family } from '../backends/types.js';
import { timeoutFromEnv } from '../build/buildArtifacts.js';
import { replaySpec } from '../corpus/replaySpec.js';
import { loadCorpusFile } from '../corpus/store.js';
import { ConfigError } from '../errors.js';
import { bisectReleases, indexVersions, releasesBetween, showsBehaviour } from '../fuzz/bisect.js';
import { PROPERTIES } from '../fuzz/properties.js';
import { labelsOf } from '../fuzz/runFuzz.js';
import { closeJudge, openJudge } from './judgeSetup.js';
import { emptyStats } from '../fuzz/types.js';
import { resolveSpec, startRunner } from './backendSetup.js';
import { parseCommandLine, synopsis, type CommandDef, type FlagTable } from './flags.js';
import { environmentSection } from './helpSections.js';
import { EXIT, type CliIO } from './io.js';

const BISECT_OPTIONS = {
  family: { type: 'string', value: 'F', defaultIs: "with --git, the corpus file's family when both sides have it", doc: 'the family whose releases (or, with --git, whose repository) are searched' },
  good: { type: 'string', value: 'V1', required: true, doc: 'a release (with --git: a commit) that behaves as before' },
  bad: { type: 'string', value: 'V2', required: true, doc: 'a release (with --git: a commit) that behaves as the counterexample records' },
  git: { type: 'string', value: 'DIR', doc: "search the commits of the backend's git repository at DIR between --good and --bad (exported with git archive; DIR is not touched)" },
  config: configFlag('bisect'),
  match: { type: 'string', multiple: true, value: 'PART', doc: 'a candidate is bad only when its failure signature holds every PART' },
  fixed: { type: 'boolean', doc: 'look for the first release where the recorded problem is gone' },
} as const satisfies FlagTable;

export const BISECT_COMMAND: CommandDef<typeof BISECT_OPTIONS> = {
  name: 'bisect',
  args: 'FILE',
  summary: 'Find the first release of a family between --good and --bad where a saved counterexample behaves as it does with --bad, installing releases on demand.',
  flags: BISECT_OPTIONS,
  sections: () => [environmentSection()],
};

/**
 * `twinbuild bisect FILE --family F --good V1 --bad V2`: the first release of
 * F between V1 and V2 where the saved counterexample behaves as it does with V2.
 * For `diff` findings between two releases of F, each candidate is compared
 * with V1 (A) as B; otherwise the candidate takes the place of the side(s)
 * of family F and the property is checked. With `--match PART` (repeatable)
 * a candidate counts as bad only when its failure's signature holds every
 * PART, for ranges where more than one thing changed. With `--fixed` the
 * search is for the first release where the recorded problem of the older
 * side is gone: a `diff` between two releases of F then compares each
 * candidate (as A) with V2 (as B), and a candidate counts as changed when the
 * failure (holding every PART) no longer shows.
 */
export async function bisectCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandLine(BISECT_COMMAND, await withConfigFile(argv, BISECT_OPTIONS, io.cwd, 'bisect'));
  const usage = synopsis(BISECT_COMMAND);
  if (positionals.length !== 1 || !values.good || !values.bad || (!values.family && !values.git)) {
    throw new ConfigError(`bisect needs a corpus file, ${values.git ? '' : '--family, '}--good and --bad`, usage);
  }
  const entry = await loadCorpusFile(resolve(io.cwd, positionals[0]!));
  const recorded = entry.backends.b && entry.backends.b.family === entry.backends.a.family ? entry.backends.a.family : undefined;
  const family = (values.family ?? recorded) as Family;
  if (!family) throw new ConfigError('bisect --git: the corpus file compares two families; say which one the repository is with --family', usage);
  if (!FAMILIES.includes(family)) throw new ConfigError(`unknown family ${JSON.stringify(values.family)}: use one of ${FAMILIES.join(', ')}`);
  const found = PROPERTIES[entry.property];
  if (!found) throw new ConfigError(`property ${entry.property} is not available in this version of twinbuild`);
  const def = found;
  const match = values.match ?? [];
  const fixed = values.fixed ?? false;
  const history = values.git !== undefined ? await gitCandidates(resolve(io.cwd, values.git), values.good, values.bad, family) : undefined;
  try {
    const good = history ? history.good : values.good;
    const bad = history ? history.bad : values.bad;
    const candidates = history ? history.commits : releasesBetween(await indexVersions(family), good, bad);
    const specOf = history ? history.specOf : async (v: string): Promise<string> => `${family}==${v}`;
    const name = (v: string): string => (history ? v.slice(0, 12) : v);
    io.err(`twinbuild: bisecting ${family} over ${candidates.length} ${history ? 'commit(s)' : 'release(s)'} after ${name(good)} up to ${name(bad)}${match.length ? ` for signatures holding ${match.join(' and ')}` : ''}${fixed ? ' (looking for the one where it is gone)' : ''}`);

    const sameFamilyDiff = entry.property === 'diff' && entry.backends.a.family === family && entry.backends.b?.family === family;
    const timeoutSec = timeoutFromEnv(io.env);
    const specFor = async (side: 'a' | 'b', version: string): Promise<string | undefined> => {
      const rec = entry.backends[side];
      if (!rec) return undefined;
      if (sameFamilyDiff && fixed) return side === 'a' ? specOf(version) : specOf(bad);
      if (sameFamilyDiff) return side === 'a' ? specOf(good) : specOf(version);
      return rec.family === family ? specOf(version) : replaySpec(rec).spec;
    };
    const judge = await openJudge(io, [entry.property]);
    const result = await bisectReleases(good, candidates, async (version) => {
      const a = await startRunner(await resolveSpec((await specFor('a', version))!, io));
      const bSpec = def.needsB ? await specFor('b', version) : undefined;
      const b = bSpec ? await startRunner(await resolveSpec(bSpec, io)) : undefined;
      try {
        const out = await def.evaluate(entry.model, { a, b, level: entry.level, build: { timeoutSec }, stats: emptyStats(), labels: def.sides ?? labelsOf(a, b), judge });
        const shows = showsBehaviour(out.status === 'fail', out.status === 'fail' ? out.signature.text : undefined, match);
        const isBad = fixed ? !shows : shows;
        const detail = out.status === 'fail' ? `${out.signature.id === entry.signature ? 'same problem' : 'fails differently'}: ${out.summary}` : out.status;
        io.err(`twinbuild: ${family} ${history ? await history.describe(version) : version}: ${isBad ? 'bad' : 'good'} (${detail})`);
        return { bad: isBad, detail };
      } finally {
        await a.close();
        await b?.close();
      }
    }).finally(() => closeJudge(io, judge));
    io.out(
      history
        ? `first commit that ${fixed ? 'no longer shows it' : 'shows it'}: ${await history.describe(result.firstBad)} (last good: ${name(result.lastGood)}; ${result.steps.length} builds of ${result.candidates} candidates)`
        : `first release that ${fixed ? 'no longer shows it' : 'shows it'}: ${family} ${result.firstBad} (last good: ${result.lastGood}; ${result.steps.length} builds of ${result.candidates} candidates)`,
    );
    for (const st of result.steps) io.out(`  ${name(st.version).padEnd(12)} ${st.verdict.padEnd(4)} ${st.detail}`);
    return EXIT.ok;
  } finally {
    await history?.cleanup();
  }
}
interface GitCandidates {
  good: string;
  bad: string;
  commits: string[];
  specOf: (commit: string) => Promise<string>;
  describe: (commit: string) => Promise<string>;
  cleanup: () => Promise<void>;
}

/** The commits of `--git DIR` between the two revisions, each exported on demand as a checkout spec. */
async function gitCandidates(dir: string, goodRev: string, badRev: string, family: Family): Promise<GitCandidates> {
  const repo = await openRepo(dir);
  const good = await resolveRevision(repo, goodRev);
  const bad = await resolveRevision(repo, badRev);
  const commits = await commitsBetween(repo, good, bad);
  const root = await makeTempDir('twinbuild-bisect-');
  const exported = new Map<string, Promise<string>>();
  return {
    good,
    bad,
    commits,
    specOf: (commit) => {
      let p = exported.get(commit);
      if (!p) {
        p = exportCommit(repo, commit, join(root, commit.slice(0, 12))).then((d) => `${family}@${d}`);
        exported.set(commit, p);
      }
      return p;
    },
    describe: (commit) => describeCommit(repo, commit),
    cleanup: () => removeTempDir(root),
  };
}
