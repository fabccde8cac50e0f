/**
 * Terminal colour: on when stdout is a terminal, off with NO_COLOR (any
 * value) or when not a terminal, forced with FORCE_COLOR (any value but
 * `0`; FORCE_COLOR=0 turns it off). picocolors does the escape codes.
 */
import pc from 'picocolors';
import type { Paint } from '../report/human.js';

export function colourEnabled(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  return isTTY && env['TERM'] !== 'dumb';
}

export function paint(enabled: boolean): Paint {
  return pc.createColors(enabled);
}
