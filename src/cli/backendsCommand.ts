import { listBackends } from '../backends/listBackends.js';
import { resolveSpec } from './backendSetup.js';
import { parseCommandLine, type CommandDef, type FlagTable } from './flags.js';
import { environmentSection, specSection } from './helpSections.js';
import { EXIT, type CliIO } from './io.js';

const BACKENDS_OPTIONS = {
  json: { type: 'boolean', doc: 'print everything found as JSON' },
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
  const head = Object.keys(found[0]!);
  const rows = found.map((b) => head.map((k) => cell((b as unknown as Record<string, unknown>)[k])));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  io.out([line(head), ...rows.map(line)].join('\n'));
  return EXIT.ok;
}

function cell(v: unknown): string {
  if (Array.isArray(v)) return v.join(',');
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
