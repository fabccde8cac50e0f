/**
 * A corpus folder holding a bad file, given to `fuzz --corpus` (which replays
 * the folder before generating) and to `replay`: a clear error naming the
 * file, exit code 2, and every file of the folder left byte for byte as it was.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectNothingLeft, fakeSpec, fuzzArgs, killStrayClis, runCli, sandbox, seedCorpus, snapshot, type Sandbox } from './harness.js';

const sandboxes: Sandbox[] = [];
afterAll(async () => {
  killStrayClis();
  await Promise.all(sandboxes.map((s) => s.cleanup()));
});

const BAD: [string, string, string | Buffer, RegExp][] = [
  ['malformed (JSON, but not a counterexample)', 'diff-malformed.json', JSON.stringify({ format: 'twinbuild-corpus', formatVersion: 1, property: 'diff', level: 'content' }), /invalid corpus file .*diff-malformed\.json: backends must be an object/],
  ['of a newer format version', 'diff-newer.json', JSON.stringify({ format: 'twinbuild-corpus', formatVersion: 99 }), /diff-newer\.json: formatVersion is 99, newer than this twinbuild reads \(1\); upgrade twinbuild/],
  ['not JSON at all', 'diff-garbage.json', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x01, 0x0a]), /corpus file .*diff-garbage\.json is not JSON/],
];

describe.concurrent.each(BAD)('a corpus file %s', (_what, name, content, message) => {
  it.each(['fuzz', 'replay'] as const)('%s: exit 2 naming the file; the folder untouched', async (command) => {
    const sb = await sandbox();
    sandboxes.push(sb);
    await seedCorpus(sb); // a good file next to the bad one
    await writeFile(join(sb.corpus, name), content);
    await writeFile(join(sb.corpus, 'README.txt'), 'notes, not a counterexample\n'); // not *.json: ignored
    const before = await snapshot(sb.corpus);
    const args = command === 'fuzz' ? fuzzArgs(fakeSpec('ok', sb), fakeSpec('ok', sb), sb, 1) : ['replay', sb.corpus];
    const r = await runCli(args, sb);
    expect(r.stderr).not.toContain('internal error');
    expect(r.exitCode, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain(join(sb.corpus, name));
    expect(await snapshot(sb.corpus)).toEqual(before);
    expect(expectNothingLeft(sb)).toEqual({ leftovers: [], processes: [] });
  });
});
