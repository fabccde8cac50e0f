import { isOwnHook } from '../backends/families.js';
import { parseSpec } from '../backends/parseSpec.js';
import type { CorpusBackend } from './corpusFile.js';

/**
 * The spec a replay may take from a corpus file without the user's say-so.
 * A corpus file is data: a recorded `FAMILY` or `FAMILY==VERSION` is used as
 * it is (with a `style=`, and with a `backend=` hook object of the family's
 * own distribution, like `setuptools.build_meta:__legacy__`), but a spec that would run code from elsewhere (`@LOCATION`,
 * `path=`, `backend=`, `python=`) is replaced by the recorded release of the
 * family, with a note; the user passes `--a`/`--b` to run such a backend.
 */
export function replaySpec(recorded: CorpusBackend): { spec: string; note?: string } {
  let parsed;
  try {
    parsed = parseSpec(recorded.spec);
  } catch {
    parsed = undefined;
  }
  // A hook object of the family's own distribution (setuptools.build_meta:__legacy__) runs no one else's code.
  const plain = parsed && !parsed.location && (!parsed.backend || isOwnHook(parsed.backend.module, parsed.family)) && parsed.paths.length === 0 && !parsed.python;
  if (plain) return { spec: recorded.spec };
  const safe = /^[A-Za-z0-9.!+_-]+$/.test(recorded.version) && recorded.version !== '0' ? `${recorded.family}==${recorded.version}` : recorded.family;
  return {
    spec: safe,
    note: `the recorded spec ${JSON.stringify(recorded.spec)} would run code named by the corpus file; replaying with ${safe} instead (pass --a/--b to choose)`,
  };
}
