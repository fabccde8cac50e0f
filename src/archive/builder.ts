import { duplicateKey, escapesRoot } from './names.js';
import { errorMessage, problem, type ProblemCode } from './problems.js';
import { DEFAULT_LIMITS, type ArchiveContainer, type ArchiveEntry, type ArchiveProblem, type ArchiveView, type ReadLimits } from './types.js';

/**
 * Accumulates the entries and problems of one archive while it is read, and
 * applies the checks that do not depend on the container format.
 */
export class ViewBuilder {
  readonly entries: ArchiveEntry[] = [];
  readonly problems: ArchiveProblem[] = [];
  container: ArchiveContainer | undefined;
  private readonly seen = new Set<string>();
  private members = 0;

  readonly limits: ReadLimits;

  /** Starts an empty view; limits not given (or undefined) take their defaults. */
  constructor(limits: Partial<ReadLimits> = {}) {
    this.limits = {
      maxTotalBytes: limits.maxTotalBytes ?? DEFAULT_LIMITS.maxTotalBytes,
      maxMemberBytes: limits.maxMemberBytes ?? DEFAULT_LIMITS.maxMemberBytes,
      maxEntries: limits.maxEntries ?? DEFAULT_LIMITS.maxEntries,
    };
  }

  /** Records a problem. */
  report(code: ProblemCode, message: string, path?: string): void {
    this.problems.push(problem(code, message, path));
  }

  /**
   * Counts one more member against `maxEntries`. Returns false, after
   * reporting `entry-cap`, when that member is over the cap.
   */
  admit(): boolean {
    this.members += 1;
    if (this.members <= this.limits.maxEntries) return true;
    this.report('entry-cap', `more than ${this.limits.maxEntries} members; the rest were not read`);
    return false;
  }

  /** Adds a fully read entry, reporting escapes, duplicates, links and special members. */
  add(entry: ArchiveEntry): void {
    const { path } = entry;
    if (escapesRoot(path)) this.report('member-escapes', `member name escapes the extraction folder: ${path}`, path);
    const key = duplicateKey(path);
    if (this.seen.has(key)) this.report('duplicate-member', `member name occurs more than once: ${path}`, path);
    this.seen.add(key);
    if (entry.type === 'symlink') this.report('symlink', `symbolic link to ${entry.linkTarget ?? '?'}`, path);
    if (entry.type === 'hardlink') this.report('hardlink', `hard link to ${entry.linkTarget ?? '?'}`, path);
    this.entries.push(entry);
  }

  /** Adds an entry of type 'other', reporting it as a special member of the given kind. */
  addSpecial(entry: ArchiveEntry, kind: string): void {
    this.add(entry);
    this.report('special-member', `member is a ${kind}`, entry.path);
  }

  /**
   * Runs a reader, turning anything it throws into an `archive-unreadable`
   * problem so that a reader bug on odd bytes still yields a view.
   */
  async guard(read: () => Promise<void>): Promise<void> {
    try {
      await read();
    } catch (error) {
      this.report('archive-unreadable', `internal error in twinbuild's archive reader: ${errorMessage(error)}`);
    }
  }

  /** The finished view. */
  view(format: ArchiveView['format'], filename: string): ArchiveView {
    const view: ArchiveView = { format, filename, entries: this.entries, problems: this.problems };
    if (this.container !== undefined) view.container = this.container;
    return view;
  }
}
