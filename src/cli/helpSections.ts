/**
 * The reference sections of `twinbuild help COMMAND`: properties, levels,
 * the backend spec grammar, the config file, environment variables and exit
 * codes. Properties and spec styles come from the code that defines them
 * (PROPERTIES, the renderers), so the help cannot drift from what runs.
 */
import { SPEC_SYNTAX } from '../backends/parseSpec.js';
import { FAMILIES } from '../backends/types.js';
import { PROPERTIES } from '../fuzz/properties.js';
import { PROPERTY_NAMES } from '../fuzz/types.js';
import { LEVELS, type Level } from '../normalize/types.js';
import { renderStyles } from '../render/render.js';

export interface HelpSection {
  title: string;
  lines: string[];
}

const LEVEL_DOCS: Record<Level, string> = {
  bytes: 'nothing ignored (the default of `reproducible`)',
  content: 'ignore member order, timestamps, owners, compression; RECORD as a set, METADATA as fields (default for two versions of one family)',
  semantic: 'also ignore what a backend legitimately adds of its own (*.egg-info/, Generator, ...); requirements and names in normal form (default across families)',
};

/** Documented environment variables (name, meaning). */
export const ENVIRONMENT: readonly (readonly [string, string])[] = [
  ['TWINBUILD_HOME', 'where managed backend environments live [default: ~/.cache/twinbuild]'],
  ['TWINBUILD_PYTHON', 'the interpreter for backends and installs [default: probe python3 on PATH, then others]'],
  ['TWINBUILD_TIMEOUT', 'per-hook timeout in seconds; the whole process group is killed after it [default: 120]'],
  ['TWINBUILD_TMPDIR', 'where temporary build folders go [default: /dev/shm when a tmpfs, else TMPDIR]'],
  ['TWINBUILD_ISOLATION', '`fork` runs every build in a forked child (no in-process builds while searching)'],
  ['NO_COLOR', 'no colour in terminal output (https://no-color.org)'],
  ['FORCE_COLOR', 'colour even when not writing to a terminal (0 turns it off)'],
];

export function propertiesSection(): HelpSection {
  const width = Math.max(...PROPERTY_NAMES.map((p) => p.length));
  return {
    title: 'Properties (--property)',
    lines: PROPERTY_NAMES.filter((p) => PROPERTIES[p]).map((p) => `${p.padEnd(width)}  ${PROPERTIES[p]!.doc}${PROPERTIES[p]!.needsB ? ' (needs --b)' : ''}`),
  };
}

export function levelsSection(): HelpSection {
  const width = Math.max(...LEVELS.map((l) => l.length));
  return { title: 'Normalization levels (--level)', lines: LEVELS.map((l) => `${l.padEnd(width)}  ${LEVEL_DOCS[l]}`) };
}

export function specSection(): HelpSection {
  return {
    title: 'Backend specs (SPEC)',
    lines: [
      SPEC_SYNTAX,
      `FAMILY              ${FAMILIES.join(', ')}`,
      '==VERSION           that release, installed once into a managed environment (under TWINBUILD_HOME)',
      '@LOCATION           a wheel file or a source folder, first on the import path',
      'backend=MOD[:OBJ]   another hook object (a wrapper, a patched backend)',
      'path=DIR            an extra import path (repeatable)',
      'python=EXE          the interpreter that runs the hooks',
      'style=STYLE         the configuration style projects are written in for this backend:',
      ...FAMILIES.filter((f) => renderStyles(f).length > 1).map((f) => `                      ${f}: ${renderStyles(f).join(', ')}`),
      'e.g. setuptools==80.9.0   hatchling==1.27.0,python=python3.12   setuptools==80.9.0,style=setup.cfg',
    ],
  };
}

export function configSection(): HelpSection {
  return {
    title: 'Config file (--config FILE.json)',
    lines: [
      'A JSON object whose keys are the long flags of the command, e.g.',
      '{"a": "setuptools==80.9.0", "time": "30m", "property": ["diff", "spec"], "no-progress": true}',
      'A flag given on the command line wins over the same key.',
    ],
  };
}

export function environmentSection(): HelpSection {
  const width = Math.max(...ENVIRONMENT.map(([n]) => n.length));
  return { title: 'Environment', lines: ENVIRONMENT.map(([n, d]) => `${n.padEnd(width)}  ${d}`) };
}

export function exitSection(): HelpSection {
  return {
    title: 'Exit codes',
    lines: ['0 no findings, 1 findings, 2 usage or configuration error, 3 internal error,', '130 / 143 interrupted by SIGINT / SIGTERM (after saving the report and the corpus)'],
  };
}
