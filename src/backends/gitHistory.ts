/**
 * A backend's git history as bisection candidates (`twinbuild bisect --git`).
 *
 * Only read-only git commands run against the user's repository (rev-parse,
 * merge-base, rev-list, archive): each commit is exported with `git archive`
 * into a folder of twinbuild's own, which then serves as a `FAMILY@DIR`
 * checkout (src/backends/checkout.ts). The user's work tree, index, refs and
 * worktree list are never touched.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { ConfigError, EnvironmentError } from '../errors.js';

export interface GitRepo {
  /** The folder given (it may be a subfolder of the repository, e.g. hatch's `backend/`). */
  dir: string;
  /** The folder's path inside the repository (`backend/`, or `` at the top). */
  prefix: string;
}

async function git(dir: string, args: string[]): Promise<{ ok: boolean; out: string; err: string }> {
  const r = await execa('git', ['-C', dir, ...args], { reject: false, timeout: 120_000, stdin: 'ignore', encoding: 'utf8' });
  return { ok: r.exitCode === 0, out: String(r.stdout).trim(), err: String(r.stderr).trim() };
}

/** The repository `dir` is in; a ConfigError when it is not a git folder. */
export async function openRepo(dir: string): Promise<GitRepo> {
  try {
    if (!(await fs.stat(dir)).isDirectory()) throw new Error('not a directory');
  } catch {
    throw new ConfigError(`--git ${dir}: no such folder`);
  }
  const inside = await git(dir, ['rev-parse', '--show-prefix']);
  if (!inside.ok) {
    if (/not found|ENOENT/.test(inside.err)) throw new EnvironmentError('bisect --git needs the git command on PATH');
    throw new ConfigError(`--git ${dir}: not a git repository (${inside.err.split('\n')[0]})`);
  }
  return { dir, prefix: inside.out };
}

/** The full commit id a revision names; a ConfigError naming it when it does not exist. */
export async function resolveRevision(repo: GitRepo, rev: string): Promise<string> {
  const r = await git(repo.dir, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  if (!r.ok || !/^[0-9a-f]{40,64}$/.test(r.out)) throw new ConfigError(`--git ${repo.dir}: no commit named ${JSON.stringify(rev)}`);
  return r.out;
}

/**
 * Commits after `good` up to and including `bad`, oldest first, along the
 * ancestry path (as git bisect walks it). `good` must be an ancestor of `bad`.
 */
export async function commitsBetween(repo: GitRepo, good: string, bad: string): Promise<string[]> {
  const anc = await git(repo.dir, ['merge-base', '--is-ancestor', good, bad]);
  if (!anc.ok) throw new ConfigError(`--git: the good commit ${good.slice(0, 12)} is not an ancestor of the bad commit ${bad.slice(0, 12)}`);
  const list = await git(repo.dir, ['rev-list', '--reverse', '--ancestry-path', `${good}..${bad}`]);
  if (!list.ok) throw new EnvironmentError(`git rev-list failed in ${repo.dir}: ${list.err}`);
  return list.out.split('\n').filter(Boolean);
}

/** One line naming a commit (`abc123def456 subject`). */
export async function describeCommit(repo: GitRepo, commit: string): Promise<string> {
  const r = await git(repo.dir, ['log', '-1', '--format=%h %s', commit]);
  return r.ok ? r.out : commit.slice(0, 12);
}

/**
 * Export the tree of `commit` (the repo's folder `prefix` of it) into `dest`,
 * created here, with `git archive` piped into `tar`.
 */
export async function exportCommit(repo: GitRepo, commit: string, dest: string): Promise<string> {
  await fs.mkdir(dest, { recursive: true });
  const treeish = repo.prefix ? `${commit}:${repo.prefix.replace(/\/$/, '')}` : commit;
  const r = await execa('git', ['-C', repo.dir, 'archive', '--format=tar', treeish], { reject: false, stdin: 'ignore', timeout: 300_000 })
    .pipe('tar', ['-x', '-C', dest], { reject: false, timeout: 300_000 })
    .catch((e: unknown) => e as { exitCode?: number; stderr?: string; message?: string });
  if (r.exitCode !== 0) {
    throw new EnvironmentError(`cannot export commit ${commit.slice(0, 12)} of ${repo.dir}: ${String(r.stderr || (r as { message?: string }).message || '').trim().split('\n')[0]}`);
  }
  return path.resolve(dest);
}
