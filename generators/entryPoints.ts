/**
 * `entryPoints(options?)`: entry point groups (`EntryPointGroupModel[]`):
 * console scripts, GUI scripts and custom groups (`my.plugins`, `pytest11`,
 * ...), each with one or more entries whose names are distinct
 * (case-insensitively: scripts become files) and whose values are object
 * references `package.module:function` (or `module:Class.method`; bare
 * modules in custom groups only).
 *
 * Shrinks toward `[{ group: "console_scripts", entries: [{ name: "a", value: "a:a" }] }]`,
 * dropping any one group.
 */
import fc from 'fast-check';
import type { EntryPointGroupModel } from '../src/model/projectModel.js';
import { DIGITS, LOWER, UPPER, weightedChar } from './_internals/chars.js';
import { identifier } from './_internals/identifier.js';
import { asString, incompatible } from './_internals/unmap.js';
import { dropAnyOne, withExtraShrinks } from './_internals/extraShrinks.js';

export interface EntryPointsOptions {
  /** Groups to choose from (default `console_scripts`, `gui_scripts` and custom groups). */
  groups?: readonly string[];
  /** Most entries per group (default 3). */
  maxEntries?: number;
}

export const CUSTOM_ENTRY_POINT_GROUPS = ['my.plugins', 'pytest11', 'twinbuild.hooks', 'flake8.extension'] as const;

function entryName(): fc.Arbitrary<string> {
  const head = weightedChar([10, LOWER], [1, UPPER], [1, DIGITS]);
  const tail = weightedChar([20, LOWER], [3, DIGITS], [3, '-_'], [1, '.'], [1, UPPER]);
  return fc.tuple(head, fc.string({ unit: tail, maxLength: 9 })).map(
    ([h, t]) => h + t,
    (value) => {
      const text = asString(value, 'entry point name');
      return text.length > 0 ? ([text.slice(0, 1), text.slice(1)] as [string, string]) : incompatible('entry point name');
    },
  );
}

function objectReference(bareModule: boolean): fc.Arbitrary<string> {
  const name = identifier({ maxLength: 8, mixedCase: false });
  return fc
    .record({
      module: fc.array(name, { minLength: 1, maxLength: 3 }),
      attr: bareModule ? fc.option(fc.array(name, { minLength: 1, maxLength: 2 }), { nil: null, freq: 5 }) : fc.array(name, { minLength: 1, maxLength: 2 }),
    })
    .map(
      ({ module, attr }) => module.join('.') + (attr === null ? '' : `:${attr.join('.')}`),
      (value) => {
        const [module = '', attr] = asString(value, 'object reference').split(':');
        if (attr === undefined && !bareModule) incompatible('object reference');
        return { module: module.split('.'), attr: attr === undefined ? null : attr.split('.') };
      },
    );
}

export function entryPoints(options: EntryPointsOptions = {}): fc.Arbitrary<EntryPointGroupModel[]> {
  const { groups = ['console_scripts', 'gui_scripts', ...CUSTOM_ENTRY_POINT_GROUPS], maxEntries = 3 } = options;
  if (groups.length === 0) throw new Error('entryPoints: `groups` must not be empty');
  const group = fc
    .record({
      group: fc.constantFrom(...groups),
      entries: fc.uniqueArray(fc.record({ name: entryName(), value: objectReference(true) }), {
        minLength: 1,
        maxLength: Math.max(1, maxEntries),
        selector: (e) => e.name.toLowerCase(),
      }),
    })
    // Scripts need an object to call (`module:function`); plugins may name a module.
    .filter((g) => !g.group.endsWith('_scripts') || g.entries.every((e) => e.value.includes(':')));
  // Dropping any one group lets a later group be the one kept.
  return withExtraShrinks(fc.uniqueArray(group, { minLength: 1, maxLength: Math.min(3, groups.length), selector: (g) => g.group }), dropAnyOne);
}
