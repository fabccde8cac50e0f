import { colourEnabled } from './colour.js';

/** Where the CLI writes; replaceable in tests. */
export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Status line on a terminal (rewritten in place); undefined when not on a TTY. */
  status?: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Colour stdout's diffs and statuses (a terminal, or FORCE_COLOR; never with NO_COLOR). */
  colour?: boolean;
}

export function processIO(): CliIO {
  const tty = Boolean(process.stderr.isTTY) && !process.env['CI'];
  return {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
    status: tty ? (t) => process.stderr.write(`\r\x1b[2K${t}`) : undefined,
    env: process.env,
    cwd: process.cwd(),
    colour: colourEnabled(process.env, Boolean(process.stdout.isTTY)),
  };
}

export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;
