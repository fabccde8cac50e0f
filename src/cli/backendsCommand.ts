import { listBackends } from '../backends/listBackends.js';
import { resolveSpec } from './backendSetup.js';
import { parseCommandLine, type CommandDef, type FlagTable } from './flags.js';
import { environmentSection, specSection } from './helpSections.js';
import { EXIT, type CliIO } from './io.js';
import { wrap } from './flags.js';
import { cannotWriteProjects } from '../render/writable.js';
import type { BackendInfo } from '../backends/types.js';

const BACKENDS_OPTIONS = {
  json: { type: 'boolean', doc: 'print everything found as JSON (the table shortens long cells)' },
  install: { type: 'boolean', doc: 'resolve (and for FAMILY==VERSION install) each SPEC given now' },
} as const satisfies FlagTable;

export const BACKENDS_COMMAND: CommandDef<typeof BACKENDS_OPTIONS> = {
  name: 'backends',
  args: '[SPEC...]',
  summary: 'List the backends this machine can build with (interpreters that import a family, and managed environments), or with --install install specs ahead of a run.',
  flags: BACKENDS_OPTIONS,
  sections: () => [specSection(), environmentSection()],
};

/**
 * `twinbuild backends`: what this machine can build with.
 * `twinbuild backends --install SPEC...`: resolve (and for FAMILY==VERSION,
 * install into twinbuild's managed environments) each spec now, e.g. in CI
 * before the tests or a nightly run.
 */
export async function backendsCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandLine(BACKENDS_COMMAND, argv);
  if (values.install) {
    for (const raw of positionals) {
      const b = await resolveSpec(raw, io);
      io.out(`${raw}: ${b.label} (${b.python})`);
    }
    return EXIT.ok;
  }
  const found = await listBackends();
  if (values.json) {
    io.out(JSON.stringify(found, null, 2));
    return EXIT.ok;
  }
  if (found.length === 0) {
    io.out('no backends found: install one (pip install setuptools) or use FAMILY==VERSION specs, which twinbuild installs itself');
    return EXIT.ok;
  }
  const { table, notes } = backendsTable(found, 100);
  io.out([table, ...notes].join('\n'));
  return EXIT.ok;
}

/** Shorten `s` to `n` characters, keeping both ends (paths differ at the end). */
function fit(s: string, n: number): string {
  if (s.length <= n) return s;
  const keep = n - 1;
  return `${s.slice(0, Math.ceil(keep / 3))}…${s.slice(s.length - Math.floor((2 * keep) / 3))}`;
}

/**
 * The `backends` table, `width` columns at most (the last column is
 * shortened in the middle; `--json` has everything), and notes: the
 * backends no project can be written for, the ones whose hook does not import.
 */
export function backendsTable(found: BackendInfo[], width: number): { table: string; notes: string[] } {
  const why = (b: BackendInfo): string | undefined => {
    try {
      return cannotWriteProjects({ family: b.family, version: b.version, spec: {} });
    } catch (e) {
      return (e as Error).message;
    }
  };
  const head = ['family', 'version', 'python', 'source', 'projects', 'spec'];
  const rows = found.map((b) => [b.family, b.version, b.pythonVersion, b.source, b.hookError ? 'unusable' : why(b) ? 'no' : 'yes', b.spec]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fixed = widths.slice(0, -1).reduce((n, w) => n + w + 2, 0);
  widths[widths.length - 1] = Math.max(12, Math.min(widths.at(-1)!, width - fixed));
  const line = (cells: string[]): string => cells.map((c, i) => fit(c, widths[i]!).padEnd(widths[i]!)).join('  ').trimEnd();
  const notes: string[] = [];
  const cannot = found.filter((b) => !b.hookError && why(b));
  if (cannot.length) {
    notes.push('', 'twinbuild cannot write projects for:');
    for (const b of cannot) notes.push(...wrap(`  ${b.family} ${b.version} (${b.spec}): ${why(b)}`, width, '    '));
  }
  const broken = found.filter((b) => b.hookError);
  if (broken.length) {
    notes.push('', 'the hook object does not import (unusable):');
    for (const b of broken) notes.push(...wrap(`  ${b.family} ${b.version} (${b.spec}): ${b.hookError!.split('\n')[0]}`, width, '    '));
  }
  return { table: [line(head), ...rows.map(line)].join('\n'), notes };
}
