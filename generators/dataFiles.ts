/**
 * `dataFiles(options?)`: the package data files of one package, as
 * `DataFileModel[]` (paths relative to the package folder, `/`-separated).
 *
 * - Paths are unique case-insensitively.
 * - File names always have an extension from `DATA_FILE_EXTENSIONS` (never
 *   `.py`); folder names never contain a `.`, so a file and a folder never
 *   share a name.
 * - Names only use letters, digits, `_`, `-` and `.` (safe in globs); they start
 *   with a letter or digit (no hidden files).
 * - Some files are empty.
 *
 * Shrinks toward fewer files, no sub-folders, `a.txt`, empty content.
 */
import fc from 'fast-check';
import type { DataFileModel } from '../src/model/projectModel.js';
import { DIGITS, LOWER, UPPER, charFrom, printableLine, weightedChar } from './_internals/chars.js';
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
  /** Longest content, in lines (default 3). */
  maxLines?: number;
}

/** Splits off the first character, for unmapping `head + tail`. */
function headTail(value: unknown, what: string): [string, string] {
  const text = asString(value, what);
  return text.length > 0 ? [text.slice(0, 1), text.slice(1)] : incompatible(what);
}

function folderName(maxLength: number): fc.Arbitrary<string> {
  return fc
    .tuple(weightedChar([10, LOWER], [1, DIGITS]), fc.string({ unit: charFrom(DATA_FOLDER_CHARS), maxLength: maxLength - 1 }))
    .map(
      ([head, tail]) => head + tail,
      (value) => headTail(value, 'data folder name'),
    );
}

/** Most files sit at the package root; some are 1 or more folders down. */
function folders(maxDepth: number, maxNameLength: number): fc.Arbitrary<string[]> {
  if (maxDepth <= 0) return emptyList<string>();
  return shrinkTowards(
    fc.oneof(
      { withCrossShrink: true },
      { weight: 3, arbitrary: emptyList<string>() },
      { weight: 2, arbitrary: fc.array(folderName(maxNameLength), { minLength: 1, maxLength: maxDepth }) },
    ),
    () => [],
  );
}

function fileName(maxStemLength: number): fc.Arbitrary<string> {
  const head = weightedChar([10, LOWER], [2, DIGITS], [1, UPPER]);
  const tail = weightedChar([12, DATA_STEM_CHARS], [1, UPPER]);
  return fc
    .tuple(head, fc.string({ unit: tail, maxLength: maxStemLength - 1 }), fc.constantFrom(...DATA_FILE_EXTENSIONS))
    .map(
      ([first, rest, extension]) => `${first}${rest}.${extension}`,
      (value): [string, string, (typeof DATA_FILE_EXTENSIONS)[number]] => {
        const text = asString(value, 'data file name');
        const dot = text.lastIndexOf('.');
        if (dot < 1) incompatible('data file name');
        const [first, rest] = headTail(text.slice(0, dot), 'data file name');
        // The extension is checked by the constantFrom it unmaps to.
        return [first, rest, text.slice(dot + 1) as (typeof DATA_FILE_EXTENSIONS)[number]];
      },
    );
}

function content(maxLines: number): fc.Arbitrary<string> {
  const text = fc.array(printableLine(40), { minLength: 1, maxLength: maxLines }).map(
    (lines) => lines.map((line) => `${line}\n`).join(''),
    (value) => {
      const content = asString(value, 'data content');
      return content.endsWith('\n') ? content.slice(0, -1).split('\n') : incompatible('data content');
    },
  );
  return shrinkTowards(
    fc.oneof({ withCrossShrink: true }, { weight: 1, arbitrary: fc.constant('') }, { weight: 3, arbitrary: text }),
    () => '',
  );
}

export function dataFiles(options: DataFilesOptions = {}): fc.Arbitrary<DataFileModel[]> {
  const { minFiles = 0, maxFiles = 4, maxFolderDepth = 2, maxNameLength = 8, maxLines = 3 } = options;
  const file = fc
    .record({
      folders: folders(maxFolderDepth, maxNameLength),
      name: fileName(maxNameLength),
      content: content(maxLines),
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
