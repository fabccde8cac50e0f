/**
 * Commit-level bisect on a real backend's history: the test makes a small git
 * repository from two releases of flit-core (the 3.9.0 and 3.10.1 sdists
 * from the index, with a commit between them that changes nothing the
 * backend does) and bisects the saved finding about extras normalized in
 * METADATA (flit-core 3.10) to the commit that brought 3.10.1.
 */
import { execa } from 'execa';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, twinbuild } from './cli.js';

const FINDING = new URL('../../corpus/findings/flit-3.10-extras-normalized.json', import.meta.url).pathname;

async function sh(cwd: string, cmd: string, args: string[]): Promise<string> {
  const r = await execa(cmd, args, { cwd, reject: false, all: true, env: { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' } });
  expect(r.exitCode, r.all).toBe(0);
  return String(r.stdout).trim();
}

/** Replace the repository's files (but .git) with the unpacked sdist of flit-core==version, and commit. */
async function commitRelease(repo: string, dl: string, version: string): Promise<string> {
  await sh(dl, 'python3', ['-m', 'pip', 'download', '--quiet', '--no-deps', '--no-binary', ':all:', `flit-core==${version}`, '-d', dl]);
  const archive = (await fs.readdir(dl)).find((n) => n.includes(version) && n.endsWith('.tar.gz'))!;
  for (const n of await fs.readdir(repo)) if (n !== '.git') await fs.rm(join(repo, n), { recursive: true, force: true });
  await sh(repo, 'tar', ['-xzf', join(dl, archive), '--strip-components=1']);
  await sh(repo, 'git', ['add', '-A']);
  await sh(repo, 'git', ['commit', '-q', '-m', `flit-core ${version}`]);
  return sh(repo, 'git', ['rev-parse', 'HEAD']);
}

describe('bisect --git: the first commit of a backend where a counterexample changes', () => {
  it('finds the commit that brought flit-core 3.10.1, leaving the repository as it was', { timeout: 900_000 }, async () => {
    const dir = await tempDir();
    const repo = join(dir, 'flit_core');
    const dl = join(dir, 'dl');
    await fs.mkdir(repo);
    await fs.mkdir(dl);
    await sh(repo, 'git', ['init', '-q', '-b', 'main']);
    const good = await commitRelease(repo, dl, '3.9.0');
    await fs.appendFile(join(repo, 'README.rst'), '\nA line that changes nothing the backend does.\n');
    await sh(repo, 'git', ['commit', '-q', '-am', 'docs only']);
    const bad = await commitRelease(repo, dl, '3.10.1');
    const status = await sh(repo, 'git', ['status', '--porcelain']);
    const worktrees = await sh(repo, 'git', ['worktree', 'list']);

    const r = await twinbuild(['bisect', FINDING, '--git', repo, '--good', good.slice(0, 10), '--bad', 'main', '--match', 'METADATA[Provides-Extra]']);
    expect(r.stderr).not.toContain('internal error');
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toContain('bisecting flit over 2 commit(s)');
    expect(r.stdout).toContain(`first commit that shows it: ${bad.slice(0, 7)}`);
    expect(r.stdout).toContain('flit-core 3.10.1 (last good: ');
    // nothing of the user's repository changed: no checkout, no worktree, no new files
    expect(await sh(repo, 'git', ['rev-parse', 'HEAD'])).toBe(bad);
    expect(await sh(repo, 'git', ['status', '--porcelain'])).toBe(status);
    expect(await sh(repo, 'git', ['worktree', 'list'])).toBe(worktrees);
  });

  it('bad input: not a repository, a revision that does not exist: one-line errors, exit 2', { timeout: 120_000 }, async () => {
    const dir = await tempDir();
    const notRepo = await twinbuild(['bisect', FINDING, '--git', dir, '--good', 'a', '--bad', 'b']);
    expect(notRepo.exitCode).toBe(2);
    expect(notRepo.stderr).toMatch(/^twinbuild: --git .*: not a git repository/m);
    const repo = join(dir, 'r');
    await fs.mkdir(repo);
    await sh(repo, 'git', ['init', '-q', '-b', 'main']);
    await fs.writeFile(join(repo, 'x'), '');
    await sh(repo, 'git', ['add', '-A']);
    await sh(repo, 'git', ['commit', '-q', '-m', 'x']);
    const noRev = await twinbuild(['bisect', FINDING, '--git', repo, '--good', 'v9.9.9', '--bad', 'main']);
    expect(noRev.exitCode).toBe(2);
    expect(noRev.stderr).toContain(`--git ${repo}: no commit named "v9.9.9"`);
    const missing = await twinbuild(['bisect', FINDING, '--git', join(dir, 'nope'), '--good', 'a', '--bad', 'b']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('no such folder');
  });
});
