/**
 * SIGINT and SIGTERM through the real CLI, while a hook is building and while
 * a failure is being shrunk. A fake backend steered by marker files
 * (tb_fake:controlled_fast) fails once, so that a first finding is shrunk and
 * saved, then hangs in the phase under test; the signal comes while it hangs.
 * Both sides are fast fakes: what is tested is the CLI, not a backend.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpusFile } from '../../src/corpus/store.js';
import { alive, expectNothingLeft, fakeSpec, fuzzArgs, killStrayClis, readReport, sandbox, startCli, waitFor, type Sandbox } from './harness.js';

const sandboxes: Sandbox[] = [];
afterAll(async () => {
  killStrayClis();
  await Promise.all(sandboxes.map((s) => s.cleanup()));
});

const corpusJson = (sb: Sandbox): string[] => {
  try {
    return readdirSync(sb.corpus)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch {
    return [];
  }
};

const hanging = (sb: Sandbox): { pid: number; grandchild: number }[] | undefined => {
  const files = readdirSync(sb.state).filter((f) => f.startsWith('hanging-') && f.endsWith('.json'));
  return files.length ? files.map((f) => JSON.parse(readFileSync(join(sb.state, f), 'utf8')) as { pid: number; grandchild: number }) : undefined;
};

describe.concurrent.each([
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)('%s', (signal, code) => {
  it.each(['building', 'shrinking'] as const)(`while %s: report and corpus flushed, temporary folders and processes gone, exit ${code}`, async (phase) => {
    const sb = await sandbox();
    sandboxes.push(sb);
    // 1. A first failure: every wheel of A fails (so shrinking is quick), until one is saved.
    await writeFile(join(sb.state, 'fail-wheel'), '');
    const cli = startCli(fuzzArgs(fakeSpec('controlled_fast', sb), fakeSpec('ok', sb), sb, 100_000), sb);
    const saved = await waitFor('the first counterexample', () => corpusJson(sb).length === 1 && corpusJson(sb));
    // 2. Then the backend hangs: in the next build, or in the first shrink step of a second failure (an sdist).
    // (A failure fails twice, once when found and once when confirmed by a fresh build, before it shrinks.)
    if (phase === 'building') await writeFile(join(sb.state, 'hang'), '');
    else await writeFile(join(sb.state, 'fail-sdist-then-hang'), '2');
    const hung = await waitFor('a hanging build', () => hanging(sb));
    const t0 = performance.now();
    process.kill(cli.pid, signal);
    const r = await cli.done;
    const exitMs = performance.now() - t0;
    console.log(`${signal} while ${phase}: exited ${Math.round(exitMs)} ms after the signal`);
    expect(exitMs).toBeLessThan(15_000); // the hard limit is 20 s

    expect(r.stderr).not.toContain('internal error');
    expect(r.exitCode, r.stderr).toBe(code);
    expect(r.stderr).toContain(`twinbuild: ${signal}: stopping the builds, saving the report and the corpus`);
    // While shrinking, the failure being shrunk is saved as it stands, marked as not fully shrunk.
    const count = phase === 'building' ? 1 : 2;
    expect(r.stdout).toMatch(new RegExp(`interrupted by ${signal}: ${count} finding\\(s\\) saved${phase === 'shrinking' ? ' \\(1 not fully shrunk' : ','}`));

    // The report: complete JSON, marked interrupted, with the finding saved before the signal.
    const rep = await readReport(sb);
    expect(rep.outcome).toBe('interrupted');
    expect(rep.findings).toHaveLength(count);
    expect(rep.findings[0]!.corpusFile).toBe(join(sb.corpus, saved[0]!));
    expect(rep.findings[0]!.shrinkComplete).toBe(true);
    expect(rep.stats.projects).toBeGreaterThan(0);
    // The corpus: complete and valid files; no temporary file beside them.
    const files = readdirSync(sb.corpus).sort();
    expect(files).toHaveLength(count);
    expect(files).toContain(saved[0]!);
    const entry = await loadCorpusFile(join(sb.corpus, saved[0]!));
    expect(entry.signature).toBe(rep.findings[0]!.signature);
    expect(entry.shrinkComplete).toBeUndefined();
    if (phase === 'shrinking') {
      const partial = rep.findings[1]!;
      expect(partial.shrinkComplete).toBe(false);
      expect(partial.differences.some((d) => d.artifact === 'sdist' && d.kind === 'build-failed')).toBe(true);
      const pe = await loadCorpusFile(partial.corpusFile!);
      expect(pe.shrinkComplete).toBe(false);
      expect(pe.signature).toBe(partial.signature);
    }
    expect(readdirSync(sb.root).filter((f) => f.includes('.tmp'))).toEqual([]);
    JSON.parse(await readFile(sb.report, 'utf8'));

    // Nothing left: no run folder, no worker, no hook, no grandchild of a hook.
    expect(expectNothingLeft(sb)).toEqual({ leftovers: [], processes: [] });
    expect(hung.flatMap((h) => [h.pid, h.grandchild]).filter(alive)).toEqual([]);
  });
});
