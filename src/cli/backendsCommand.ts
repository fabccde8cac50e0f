import { parseArgs } from 'node:util';
import { listBackends } from '../backends/listBackends.js';
import { resolveSpec } from './backendSetup.js';
import { EXIT, type CliIO } from './io.js';

/**
 * `twinbuild backends`: what this machine can build with.
 * `twinbuild backends --install SPEC...`: resolve (and for FAMILY==VERSION,
 * install into twinbuild's managed environments) each spec now, e.g. in CI
 * before the tests or a nightly run.
 */
export async function backendsCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, install: { type: 'boolean' } },
  });
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
