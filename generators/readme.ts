/**
 * `readme(options?)`: a project readme (`ReadmeModel`): Markdown,
 * reStructuredText or plain text, as a file (`README.md`, `README.rst`,
 * `README.txt`, named by path or by a `{file, content-type}` table) or inline
 * in the configuration. The text is a title in the content type's syntax
 * (`# Title`, `Title` over `=====`, or a plain line) and a few body lines,
 * sometimes with letters beyond ASCII; it ends with a newline. A readme file
 * is sometimes elsewhere (`ReadmeModel.path`): another name at the root
 * (`DESCRIPTION.rst`) or under `docs/` (`docs/intro.md`), and a
 * `{file, content-type}` table may name a file whose extension says another
 * type (`docs/about.txt` as Markdown).
 *
 * Shrinks toward a Markdown file `README.md` holding `# a\n`.
 */
import fc from 'fast-check';
import { README_CONTENT_TYPES, README_FILES, type ReadmeContentType, type ReadmeModel } from '../src/model/projectModel.js';
import { textLine, words } from './_internals/chars.js';
import { maybe } from './_internals/optional.js';
import { shrinkTowards } from './_internals/extraShrinks.js';
import { asString, emptyList, incompatible } from './_internals/unmap.js';

export interface ReadmeOptions {
  /** Forms to choose from; the first is where shrinking goes (default all: `file`, `file-table`, `inline`). */
  forms?: readonly ReadmeModel['form'][];
  /** Most body lines (default 4). */
  maxLines?: number;
  /** Letters beyond ASCII sometimes (default true). */
  nonAscii?: boolean;
  /**
   * `README.txt` named by path (default true): PEP 621 guarantees a content
   * type by path for `.md` and `.rst` only, so a backend may refuse it.
   */
  txtByPath?: boolean;
  /** How often a readme file is elsewhere than `README_FILES[contentType]` (default 0.3). */
  elsewhereProbability?: number;
}

/** Folders and names of a readme elsewhere; the first of each is where shrinking goes. */
export const README_FOLDERS = ['', 'docs/'] as const;
export const README_STEMS = ['DESCRIPTION', 'README-pypi', 'readme', 'intro', 'index', 'about'] as const;
/** `own`: the content type's extension (the only choice of the `file` form); else a given one. */
export const README_EXTENSIONS = ['own', '.md', '.rst', '.txt'] as const;

interface ReadmePlace {
  folder: (typeof README_FOLDERS)[number];
  stem: (typeof README_STEMS)[number];
  ext: (typeof README_EXTENSIONS)[number];
}

const ownExtension = (contentType: ReadmeContentType): string => README_FILES[contentType].slice(README_FILES[contentType].lastIndexOf('.'));

function placePath(place: ReadmePlace, contentType: ReadmeContentType): string {
  return `${place.folder}${place.stem}${place.ext === 'own' ? ownExtension(contentType) : place.ext}`;
}

function parsePlace(path: unknown, contentType: ReadmeContentType): ReadmePlace {
  const text = asString(path, 'readme path');
  const folder = README_FOLDERS.find((f) => f !== '' && text.startsWith(f)) ?? '';
  const name = text.slice(folder.length);
  const dot = name.lastIndexOf('.');
  const stem = README_STEMS.find((s) => s === name.slice(0, dot));
  const given = name.slice(dot);
  const ext = given === ownExtension(contentType) ? 'own' : README_EXTENSIONS.find((e) => e === given);
  if (dot < 0 || stem === undefined || ext === undefined) return incompatible('readme path');
  return { folder, stem, ext };
}

interface RawReadme {
  contentType: ReadmeContentType;
  form: ReadmeModel['form'];
  title: string;
  body: string[];
  place: ReadmePlace | undefined;
}

/** Display width of a title for an rST underline (CJK characters count double, as docutils counts them). */
function underlineLength(title: string): number {
  return [...title].reduce((n, ch) => n + (/[\u3000-\u9fff]/.test(ch) ? 2 : 1), 0);
}

function text(raw: RawReadme): string {
  const body = raw.body.length > 0 ? `\n${raw.body.map((l) => `${l}\n`).join('')}` : '';
  switch (raw.contentType) {
    case 'text/markdown':
      return `# ${raw.title}\n${body}`;
    case 'text/x-rst':
      return `${raw.title}\n${'='.repeat(underlineLength(raw.title))}\n${body}`;
    case 'text/plain':
      return `${raw.title}\n${body}`;
  }
}

function parse(value: unknown): RawReadme {
  if (typeof value !== 'object' || value === null) return incompatible('readme');
  const { contentType, form, text: t, path, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || !README_CONTENT_TYPES.includes(contentType as ReadmeContentType)) return incompatible('readme');
  const place = path === undefined ? undefined : parsePlace(path, contentType as ReadmeContentType);
  const lines = asString(t, 'readme text').split('\n');
  if (lines.pop() !== '') return incompatible('readme');
  let title: string;
  let at: number;
  if (contentType === 'text/markdown') {
    title = (lines[0] ?? '').startsWith('# ') ? (lines[0] as string).slice(2) : incompatible('readme');
    at = 1;
  } else if (contentType === 'text/x-rst') {
    title = lines[0] ?? '';
    at = 2;
  } else {
    title = lines[0] ?? '';
    at = 1;
  }
  let body: string[] = [];
  if (lines.length > at) {
    if (lines[at] !== '') return incompatible('readme');
    body = lines.slice(at + 1);
  }
  const raw: RawReadme = { contentType: contentType as ReadmeContentType, form: form as ReadmeModel['form'], title, body, place };
  return text(raw) === t ? raw : incompatible('readme');
}

export function readme(options: ReadmeOptions = {}): fc.Arbitrary<ReadmeModel> {
  const { forms = ['file', 'file-table', 'inline'], maxLines = 4, nonAscii = true, txtByPath = true, elsewhereProbability = 0.3 } = options;
  const place = fc.record({ folder: fc.constantFrom(...README_FOLDERS), stem: fc.constantFrom(...README_STEMS), ext: fc.constantFrom(...README_EXTENSIONS) });
  if (forms.length === 0) throw new Error('readme: `forms` must not be empty');
  const line = textLine(50, 0, nonAscii).filter((l) => l.trim() === l && !l.startsWith('#') && !/^[=-]+$/.test(l));
  return fc
    .record({
      contentType: fc.constantFrom(...README_CONTENT_TYPES),
      form: fc.constantFrom(...forms),
      title: words(4, { nonAscii }),
      body: shrinkTowards(fc.oneof({ withCrossShrink: true }, emptyList<string>(), fc.array(line, { minLength: 1, maxLength: maxLines })), () => []),
      place: maybe(place, elsewhereProbability),
    })
    .filter((raw) => txtByPath || raw.form !== 'file' || raw.contentType !== 'text/plain')
    // An inline readme has no file; the `file` form says the content type by the extension only.
    .filter((raw) => raw.place === undefined || (raw.form !== 'inline' && (raw.form === 'file-table' || raw.place.ext === 'own')))
    .map((raw): ReadmeModel => {
      const model: ReadmeModel = { contentType: raw.contentType, form: raw.form, text: text(raw) };
      return raw.place === undefined ? model : { ...model, path: placePath(raw.place, raw.contentType) };
    }, parse);
}
