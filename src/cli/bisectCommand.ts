import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FAMILIES, type Family } from '../backends/types.js';
import { timeoutFromEnv } from '../build/buildArtifacts.js';
import { replaySpec } from '../corpus/replaySpec.js';
import { loadCorpusFile } from '../corpus/store.js';
import { ConfigError } from '../errors.js';
import { bisectReleases, indexVersions, releasesBetween, showsBehaviour } from '../fuzz/bisect.js';
import { PROPERTIES } from '../fuzz/properties.js';
import { labelsOf } from '../fuzz/runFuzz.js';
import { emptyStats } from '../fuzz/types.js';
import { resolveSpec, startRunner } from './backendSetup.js';
import { withConfigFile } from './configFile.js';
import { EXIT, type CliIO } from './io.js';

const BISECT_OPTIONS = { family: { type: 'string' }, good: { type: 'string' }, bad: { type: 'string' }, match: { type: 'string', multiple: true }, fixed: { type: 'boolean' } } as const;

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
  const { values, positionals } = parseArgs({
    args: await withConfigFile(argv, BISECT_OPTIONS, io.cwd, 'bisect'),
    strict: true,
    allowPositionals: true,
    options: BISECT_OPTIONS,
  });
  const usage = 'twinbuild bisect FILE --family F --good V1 --bad V2 [--match SIGNATURE-PART ...] [--fixed]';
  if (positionals.length !== 1 || !values.family || !values.good || !values.bad) throw new ConfigError('bisect needs a corpus file, --family, --good and --bad', usage);
  const family = values.family as Family;
  if (!FAMILIES.includes(family)) throw new ConfigError(`unknown family ${JSON.stringify(values.family)}: use one of ${FAMILIES.join(', ')}`);
  const entry = await loadCorpusFile(resolve(io.cwd, positionals[0]!));
  const def = PROPERTIES[entry.property];
  if (!def) throw new ConfigError(`property ${entry.property} is not available in this version of twinbuild`);
  const match = values.match ?? [];
  const fixed = values.fixed ?? false;
  const good = values.good;
  const bad = values.bad;
  const candidates = releasesBetween(await indexVersions(family), good, bad);
  io.err(`twinbuild: bisecting ${family} over ${candidates.length} release(s) after ${good} up to ${bad}${match.length ? ` for signatures holding ${match.join(' and ')}` : ''}${fixed ? ' (looking for the release where it is gone)' : ''}`);

  const sameFamilyDiff = entry.property === 'diff' && entry.backends.a.family === family && entry.backends.b?.family === family;
  const timeoutSec = timeoutFromEnv(io.env);
  const specFor = (side: 'a' | 'b', version: string): string | undefined => {
    const rec = entry.backends[side];
    if (!rec) return undefined;
    if (sameFamilyDiff && fixed) return side === 'a' ? `${family}==${version}` : `${family}==${bad}`;
    if (sameFamilyDiff) return side === 'a' ? `${family}==${good}` : `${family}==${version}`;
    return rec.family === family ? `${family}==${version}` : replaySpec(rec).spec;
  };
  const result = await bisectReleases(good, candidates, async (version) => {
    const a = await startRunner(await resolveSpec(specFor('a', version)!, io));
    const bSpec = def.needsB ? specFor('b', version) : undefined;
    const b = bSpec ? await startRunner(await resolveSpec(bSpec, io)) : undefined;
    try {
      const out = await def.evaluate(entry.model, { a, b, level: entry.level, build: { timeoutSec }, stats: emptyStats(), labels: def.sides ?? labelsOf(a, b) });
      const shows = showsBehaviour(out.status === 'fail', out.status === 'fail' ? out.signature.text : undefined, match);
      const isBad = fixed ? !shows : shows;
      const detail = out.status === 'fail' ? `${out.signature.id === entry.signature ? 'same problem' : 'fails differently'}: ${out.summary}` : out.status;
      io.err(`twinbuild: ${family} ${version}: ${isBad ? 'bad' : 'good'} (${detail})`);
      return { bad: isBad, detail };
    } finally {
      await a.close();
      await b?.close();
    }
  });
  io.out(`first release that ${fixed ? 'no longer shows it' : 'shows it'}: ${family} ${result.firstBad} (last good: ${result.lastGood}; ${result.steps.length} builds of ${result.candidates} candidates)`);
  for (const s of result.steps) io.out(`  ${s.version.padEnd(12)} ${s.verdict.padEnd(4)} ${s.detail}`);
  return EXIT.ok;
}
