/**
 * `wheelDataFiles(options?)`: files for the wheel's data scheme
 * (`ProjectModel.wheelData`): paths relative to the scheme, at its root or
 * one or two folders down (`share/app/x.json`), distinct, with an extension
 * from `DATA_FILE_EXTENSIONS`; some empty, some a few lines.
 *
 * `scriptFiles(options?)`: scripts for the scripts scheme
 * (`ProjectModel.scriptFiles`): file names (`tool`, `run.sh`, `fix-it.py`),
 * distinct, each a shell script, a Python script with one of the `#!` lines
 * setuptools rewrites (`#!/usr/bin/env python3`, `#!/usr/bin/python -u`,
 * `#!python`), or a Python script without one.
 *
 * Names use lowercase ASCII letters, digits, `_` and `-` (and `.` before an
 * extension): safe in every configuration format and in `setup.cfg` lists.
 *
 * Shrink toward one empty `a.txt`, and one shell script `a`.
 */
import fc from 'fast-check';
import type { ProjectFileModel } from '../src/model/projectModel.js';
import { DATA_FILE_EXTENSIONS } from './_internals/dataFileParts.js';
import { siblingKey } from './_internals/names.js';
import { asString, incompatible } from './_internals/unmap.js';

export interface WheelDataOptions {
  /** Most files (default 3). */
  maxFiles?: number;
}

const HEAD = 'abcdefghijklmnopqrstuvwxyz';
const TAIL = 'abcdefghijklmnopqrstuvwxyz0123456789_-';

/** `[a-z][a-z0-9_-]{0,max-1}`, shrinking toward `a`. */
function plainName(maxLength: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...HEAD), fc.string({ unit: fc.constantFrom(...TAIL), maxLength: maxLength - 1 }))
    .map(
      ([head, tail]) => head + tail,
      (value) => {
        const text = asString(value, 'name');
        return text.length > 0 ? [text.slice(0, 1), text.slice(1)] : incompatible('name');
      },
    );
}

function lines(): fc.Arbitrary<string> {
  const line = fc.string({ unit: fc.constantFrom(...'abcdefghij klmnop0123456789{}:,'.split('')), maxLength: 30 });
  return fc.array(line, { maxLength: 3 }).map(
    (ls) => ls.map((l) => `${l}\n`).join(''),
    (value) => {
      const text = asString(value, 'content');
      if (text === '') return [];
      return text.endsWith('\n') ? text.slice(0, -1).split('\n') : incompatible('content');
    },
  );
}

export function wheelDataFiles(options: WheelDataOptions = {}): fc.Arbitrary<ProjectFileModel[]> {
  const { maxFiles = 3 } = options;
  const file = fc
    .record({
      folders: fc.array(plainName(6), { maxLength: 2 }),
      stem: plainName(8),
      extension: fc.constantFrom(...DATA_FILE_EXTENSIONS),
      content: lines(),
    })
    .map(
      ({ folders, stem, extension, content }): ProjectFileModel => ({ path: [...folders, `${stem}.${extension}`].join('/'), content }),
      (value) => {
        if (typeof value !== 'object' || value === null) return incompatible('data file');
        const { path, content } = value as { path?: unknown; content?: unknown };
        const parts = asString(path, 'data path').split('/');
        const name = parts.pop() ?? '';
        const dot = name.lastIndexOf('.');
        if (dot < 1) return incompatible('data path');
        // The extension is checked by the constantFrom it unmaps to.
        const extension = name.slice(dot + 1) as (typeof DATA_FILE_EXTENSIONS)[number];
        return { folders: parts, stem: name.slice(0, dot), extension, content: asString(content, 'content') };
      },
    );
  // A file and a folder never share a name: folders have no `.`, files do.
  return fc.uniqueArray(file, { selector: (f) => siblingKey(f.path), minLength: 1, maxLength: Math.max(1, maxFiles) });
}

/** The first lines a script may start with (`''`: no `#!` line). */
export const SCRIPT_SHEBANGS = ['#!/bin/sh', '#!/usr/bin/env python3', '#!/usr/bin/python -u', '#!python', ''] as const;
const SCRIPT_EXTENSIONS = ['', '.sh', '.py'] as const;

export function scriptFiles(options: WheelDataOptions = {}): fc.Arbitrary<ProjectFileModel[]> {
  const { maxFiles = 2 } = options;
  const script = fc
    .record({
      name: plainName(8),
      extension: fc.constantFrom(...SCRIPT_EXTENSIONS),
      shebang: fc.constantFrom(...SCRIPT_SHEBANGS),
      value: fc.nat({ max: 99 }),
    })
    .map(
      ({ name, extension, shebang, value }: { name: string; extension: string; shebang: string; value: number }): ProjectFileModel => ({
        path: `${name}${extension}`,
        content: `${shebang === '' ? '' : `${shebang}\n`}${shebang === '#!/bin/sh' ? `echo ${value}` : `print(${value})`}\n`,
      }),
      (v) => {
        if (typeof v !== 'object' || v === null) return incompatible('script');
        const { path, content } = v as { path?: unknown; content?: unknown };
        const p = /^([a-z][a-z0-9_-]*)(\.sh|\.py)?$/.exec(asString(path, 'script path')) ?? incompatible('script path');
        const c = /^(?:(#![^\n]*)\n)?(?:echo |print\()([0-9]+)\)?\n$/.exec(asString(content, 'script')) ?? incompatible('script');
        return { name: p[1] as string, extension: (p[2] ?? '') as (typeof SCRIPT_EXTENSIONS)[number], shebang: (c[1] ?? '') as (typeof SCRIPT_SHEBANGS)[number], value: Number(c[2]) };
      },
    );
  return fc.uniqueArray(script, { selector: (s) => siblingKey(s.path), minLength: 1, maxLength: Math.max(1, maxFiles) });
}
