/**
 * `dataFiles(options?)`: the package data files of one package, as
 * `DataFileModel[]` (paths relative to the package folder, `/`-separated).
 *
 * - Paths are unique case-insensitively.
 * - File names always have an extension from `DATA_FILE_EXTENSIONS` (never
 *   `.py`); folder names never contain a `.`, so a file and a folder never
 *   share a name.
 * - Names use letters, digits, `_`, `-` and `.`, and sometimes spaces (inside
 *   a file name, never at its start or end) and lowercase letters beyond
 *   ASCII (`é`, `ø`, `数`); never a glob character (`*?[]`), so every name
 *   is its own glob pattern. They start with a letter or digit (no hidden files).
 * - Some files are empty, some hold text beyond ASCII, some are a few KiB.
 *
 * Shrinks toward fewer files, no sub-folders, `a.txt`, empty content.
 */
import fc from 'fast-check';
import type { DataFileModel } from '../src/model/projectModel.js';
import { CJK, DIGITS, LOWER, NON_ASCII_LOWER, UPPER, textLine, weightedChar } from './_internals/chars.js';
import { DATA_FILE_EXTENSIONS, DATA_FOLDER_CHARS, DATA_STEM_CHARS } from './_internals/dataFileParts.js';
import { siblingKey } from './_internals/names.js';
import { shrinkTowards } from './_internals/extraShrinks.js';
import { asString, emptyList, incompatible } from './_internals/unmap.js';

export interface DataFilesOptions {
  /** Fewest files (default 0). */
  minFiles?: number;
  /** Most files (default 4). */
  maxFiles?: number;
  /** Most nested data folders above a file (default 2). */
  maxFolderDepth?: number;
  /** Longest file stem and folder name (default 8). */
  maxNameLength?: number;
  /** Longest content, in lines (default 3; large files aside). */
  maxLines?: number;
  /** Spaces inside file names sometimes (default true). */
  spaces?: boolean;
  /** Letters beyond ASCII in names and content sometimes (default true). */
  nonAscii?: boolean;
  /** Files of a few KiB sometimes (default true). */
  large?: boolean;
}

/** Splits off the first character, for unmapping `head + tail`. */
function headTail(value: unknown, what: string): [string, string] {
  const text = asString(value, what);
  return text.length > 0 ? [text.slice(0, 1), text.slice(1)] : incompatible(what);
}

function folderName(maxLength: number, nonAscii: boolean): fc.Arbitrary<string> {
  const tail = weightedChar([30, DATA_FOLDER_CHARS], [nonAscii ? 1 : 0, NON_ASCII_LOWER]);
  return fc
    .tuple(weightedChar([10, LOWER], [1, DIGITS]), fc.string({ unit: tail, maxLength: maxLength - 1 }))
    .map(
      ([head, tail]) => head + tail,
      (value) => headTail(value, 'data folder name'),
    );
}

/** Most files sit at the package root; some are 1 or more folders down. */
function folders(maxDepth: number, maxNameLength: number, nonAscii: boolean): fc.Arbitrary<string[]> {
  if (maxDepth <= 0) return emptyList<string>();
  return shrinkTowards(
    fc.oneof(
      { withCrossShrink: true },
      { weight: 3, arbitrary: emptyList<string>() },
      { weight: 2, arbitrary: fc.array(folderName(maxNameLength, nonAscii), { minLength: 1, maxLength: maxDepth }) },
    ),
    () => [],
  );
}

function fileName(maxStemLength: number, spaces: boolean, nonAscii: boolean): fc.Arbitrary<string> {
  const plainHead = weightedChar([10, LOWER], [2, DIGITS], [1, UPPER]);
  const plainTail = weightedChar([12, DATA_STEM_CHARS], [1, UPPER]);
  // Some names (about one in eight) use spaces and letters beyond ASCII.
  const exoticHead = weightedChar([10, LOWER], [nonAscii ? 3 : 0, NON_ASCII_LOWER]);
  const exoticTail = weightedChar([12, DATA_STEM_CHARS], [spaces ? 3 : 0, ' '], [nonAscii ? 3 : 0, NON_ASCII_LOWER], [nonAscii ? 1 : 0, CJK]);
  const stem = (head: fc.Arbitrary<string>, tail: fc.Arbitrary<string>): fc.Arbitrary<string> =>
    fc.tuple(head, fc.string({ unit: tail, maxLength: maxStemLength - 1 }).filter((t) => !t.endsWith(' '))).map(
      ([first, rest]) => first + rest,
      (value) => headTail(value, 'data file name'),
    );
  const stems =
    spaces || nonAscii
      ? fc.oneof({ withCrossShrink: true }, { weight: 7, arbitrary: stem(plainHead, plainTail) }, { weight: 1, arbitrary: stem(exoticHead, exoticTail) })
      : stem(plainHead, plainTail);
  return fc.tuple(stems, fc.constantFrom(...DATA_FILE_EXTENSIONS)).map(
    ([name, extension]) => `${name}.${extension}`,
    (value): [string, (typeof DATA_FILE_EXTENSIONS)[number]] => {
      const text = asString(value, 'data file name');
      const dot = text.lastIndexOf('.');
      if (dot < 1) incompatible('data file name');
      // The extension is checked by the constantFrom it unmaps to.
      return [text.slice(0, dot), text.slice(dot + 1) as (typeof DATA_FILE_EXTENSIONS)[number]];
    },
  );
}

/** A few KiB: one line repeated; unmapped by finding the repeated line. */
function largeContent(nonAscii: boolean): fc.Arbitrary<string> {
  return fc.record({ line: textLine(40, 10, nonAscii), times: fc.integer({ min: 60, max: 150 }) }).map(
    ({ line, times }) => `${line}\n`.repeat(times),
    (value) => {
      const text = asString(value, 'data content');
      const first = text.slice(0, text.indexOf('\n') + 1);
      const times = first === '' ? 0 : text.length / first.length;
      if (!Number.isInteger(times) || first.repeat(times) !== text) incompatible('large data content');
      return { line: first.slice(0, -1), times };
    },
  );
}

function content(maxLines: number, nonAscii: boolean, large: boolean): fc.Arbitrary<string> {
  const line = nonAscii ? fc.oneof({ withCrossShrink: true }, { weight: 5, arbitrary: textLine(40, 0, false) }, { weight: 1, arbitrary: textLine(40, 0, true) }) : textLine(40, 0, false);
  const text = fc.array(line, { minLength: 1, maxLength: maxLines }).map(
    (lines) => lines.map((line) => `${line}\n`).join(''),
    (value) => {
      const content = asString(value, 'data content');
      return content.endsWith('\n') ? content.slice(0, -1).split('\n') : incompatible('data content');
    },
  );
  return shrinkTowards(
    fc.oneof(
      { withCrossShrink: true },
      { weight: 4, arbitrary: fc.constant('') },
      { weight: 12, arbitrary: text },
      { weight: large ? 1 : 0, arbitrary: largeContent(nonAscii) },
    ),
    () => '',
  );
}

export function dataFiles(options: DataFilesOptions = {}): fc.Arbitrary<DataFileModel[]> {
  const { minFiles = 0, maxFiles = 4, maxFolderDepth = 2, maxNameLength = 8, maxLines = 3, spaces = true, nonAscii = true, large = true } = options;
  const file = fc
    .record({
      folders: folders(maxFolderDepth, maxNameLength, nonAscii),
      name: fileName(maxNameLength, spaces, nonAscii),
      content: content(maxLines, nonAscii, large),
    })
    .map(
      ({ folders, name, content }): DataFileModel => ({ path: [...folders, name].join('/'), content }),
      (value) => {
        if (typeof value !== 'object' || value === null) incompatible('data file');
        const { path, content, ...rest } = value as Record<string, unknown>;
        if (Object.keys(rest).length > 0) incompatible('data file');
        const parts = asString(path, 'data file path').split('/');
        return { folders: parts.slice(0, -1), name: parts[parts.length - 1] ?? '', content: asString(content, 'data content') };
      },
    );
  return fc.uniqueArray(file, { selector: (f) => siblingKey(f.path), minLength: minFiles, maxLength: maxFiles });
}
