/**
 * `people(options?)`: authors or maintainers (`PersonModel[]`): a name, an
 * email, or both. Names are one to three words, sometimes beyond ASCII
 * (`Zoë Ødegaard`, `日本 語`), sometimes with an apostrophe, a hyphen or an
 * initial with a dot (which RFC 5322 quotes: `"J. Smith" <j@example.org>`);
 * never a comma. Emails are plain ASCII `local@domain.tld`.
 *
 * Shrinks toward `[{ name: "a" }]`.
 */
import fc from 'fast-check';
import type { PersonModel } from '../src/model/projectModel.js';
import { DIGITS, LOWER, weightedChar, word, words } from './_internals/chars.js';
import { dropAnyOne, shrinkTowards, withExtraShrinks } from './_internals/extraShrinks.js';
import { asString, incompatible } from './_internals/unmap.js';

export interface PeopleOptions {
  /** Most people (default 3). */
  maxPeople?: number;
  /** Letters beyond ASCII sometimes (default true). */
  nonAscii?: boolean;
  /** People with an email only (no name) sometimes (default true). */
  emailOnly?: boolean;
}

/** A name: plain words mostly; sometimes `O'Brien`, `Anne-Marie`, `J. Smith`. */
function personName(nonAscii: boolean): fc.Arbitrary<string> {
  const plain = words(3, { nonAscii });
  const decorated = fc.tuple(fc.constantFrom<string>("O'", 'Anne-', 'J. '), word({ nonAscii })).map(
    ([prefix, w]) => prefix + w,
    (value) => {
      const text = asString(value, 'name');
      const prefix = ["O'", 'Anne-', 'J. '].find((p) => text.startsWith(p)) ?? incompatible('name');
      return [prefix, text.slice(prefix.length)] as [string, string];
    },
  );
  return shrinkTowards(fc.oneof({ withCrossShrink: true }, { weight: 6, arbitrary: plain }, { weight: 1, arbitrary: decorated }), () => 'a');
}

function email(): fc.Arbitrary<string> {
  const part = fc.string({ unit: weightedChar([12, LOWER], [2, DIGITS]), minLength: 1, maxLength: 8 });
  return fc
    .tuple(part, fc.constantFrom<string>('', '.', '+', '_'), part, fc.constantFrom<string>('example.org', 'example.com', 'mail.example.net', 'ex-ample.co.uk'))
    .map(
      ([a, sep, b, domain]) => (sep === '' ? `${a}@${domain}` : `${a}${sep}${b}@${domain}`),
      (value) => {
        const m = /^([a-z0-9]+)(?:([.+_])([a-z0-9]+))?@(.+)$/.exec(asString(value, 'email')) ?? incompatible('email');
        return [m[1] ?? '', m[2] ?? '', m[3] ?? 'a', m[4] ?? ''] as [string, string, string, string];
      },
    )
    .filter((e) => !/^[^@]*\.\./.test(e));
}

export function people(options: PeopleOptions = {}): fc.Arbitrary<PersonModel[]> {
  const { maxPeople = 3, nonAscii = true, emailOnly = true } = options;
  const name = personName(nonAscii);
  const person: fc.Arbitrary<PersonModel> = fc.oneof(
    { withCrossShrink: true },
    { weight: 4, arbitrary: fc.record({ name }) },
    { weight: 4, arbitrary: fc.record({ name, email: email() }) },
    { weight: emailOnly ? 1 : 0, arbitrary: fc.record({ email: email() }) },
  );
  // Dropping any one person lets a later person be the one kept.
  return withExtraShrinks(fc.array(person, { minLength: 1, maxLength: Math.max(1, maxPeople) }), dropAnyOne);
}
