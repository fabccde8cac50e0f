/**
 * `urls(options?)`: `[project.urls]` entries (`UrlModel[]`) with labels
 * distinct case-insensitively, from well-known labels in several spellings
 * (`Homepage`, `Bug Tracker`, `Source Code`, `changelog`, ...), each with an
 * `https://` (sometimes `http://`) URL with a path and sometimes a query.
 *
 * Shrinks toward `[{ label: "Homepage", url: "https://example.org/" }]`.
 */
import fc from 'fast-check';
import type { UrlModel } from '../src/model/projectModel.js';
import { DIGITS, LOWER, weightedChar } from './_internals/chars.js';
import { asString, incompatible } from './_internals/unmap.js';

export interface UrlsOptions {
  /** Most URLs (default 3). */
  maxUrls?: number;
}

export const URL_LABELS = [
  'Homepage',
  'Documentation',
  'Repository',
  'Bug Tracker',
  'Issues',
  'Source Code',
  'Changelog',
  'Funding',
  'homepage',
  'Release Notes',
  'Download',
  'source',
] as const;

function url(): fc.Arbitrary<string> {
  const segment = fc.string({ unit: weightedChar([10, LOWER], [2, DIGITS], [1, '-_.']), minLength: 1, maxLength: 8 });
  return fc
    .record({
      scheme: fc.constantFrom<string>('https', 'http'),
      host: fc.constantFrom<string>('example.org', 'docs.example.com', 'github.com'),
      path: fc.array(segment, { maxLength: 3 }),
      query: fc.option(segment, { nil: null, freq: 6 }),
    })
    .map(
      ({ scheme, host, path, query }) => `${scheme}://${host}/${path.join('/')}${query === null ? '' : `?q=${query}`}`,
      (value) => {
        const m = /^(https?):\/\/([^/]+)\/([^?]*)(?:\?q=(.+))?$/.exec(asString(value, 'url')) ?? incompatible('url');
        return { scheme: m[1] ?? '', host: m[2] ?? '', path: m[3] === '' || m[3] === undefined ? [] : m[3].split('/'), query: m[4] ?? null };
      },
    );
}

export function urls(options: UrlsOptions = {}): fc.Arbitrary<UrlModel[]> {
  const { maxUrls = 3 } = options;
  return fc.uniqueArray(fc.record({ label: fc.constantFrom(...URL_LABELS), url: url() }), {
    minLength: 1,
    maxLength: Math.max(1, maxUrls),
    selector: (u) => u.label.toLowerCase(),
  });
}
