/**
 * `readme(options?)`: a project readme (`ReadmeModel`): Markdown,
 * reStructuredText or plain text, as a file (`README.md`, `README.rst`,
 * `README.txt`, named by path or by a `{file, content-type}` table) or inline
 * in the configuration. The text is a title in the content type's syntax
 * (`# Title`, `Title` over `=====`, or a plain line) and a few body lines,
 * sometimes with letters beyond ASCII; it ends with a newline.
 *
 * Shrinks toward a Markdown file `README.md` holding `# a\n`.
 */
import fc from 'fast-check';
import { README_CONTENT_TYPES, type ReadmeContentType, type ReadmeModel } from '../src/model/projectModel.js';
import { textLine, words } from './_internals/chars.js';
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
}

interface RawReadme {
  contentType: ReadmeContentType;
  form: ReadmeModel['form'];
  title: string;
  body: string[];
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
  const { contentType, form, text: t, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || !README_CONTENT_TYPES.includes(contentType as ReadmeContentType)) return incompatible('readme');
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
  const raw: RawReadme = { contentType: contentType as ReadmeContentType, form: form as ReadmeModel['form'], title, body };
  return text(raw) === t ? raw : incompatible('readme');
}

export function readme(options: ReadmeOptions = {}): fc.Arbitrary<ReadmeModel> {
  const { forms = ['file', 'file-table', 'inline'], maxLines = 4, nonAscii = true, txtByPath = true } = options;
  if (forms.length === 0) throw new Error('readme: `forms` must not be empty');
  const line = textLine(50, 0, nonAscii).filter((l) => l.trim() === l && !l.startsWith('#') && !/^[=-]+$/.test(l));
  return fc
    .record({
      contentType: fc.constantFrom(...README_CONTENT_TYPES),
      form: fc.constantFrom(...forms),
      title: words(4, { nonAscii }),
      body: shrinkTowards(fc.oneof({ withCrossShrink: true }, emptyList<string>(), fc.array(line, { minLength: 1, maxLength: maxLines })), () => []),
    })
    .filter((raw) => txtByPath || raw.form !== 'file' || raw.contentType !== 'text/plain')
    .map((raw): ReadmeModel => ({ contentType: raw.contentType, form: raw.form, text: text(raw) }), parse);
}
