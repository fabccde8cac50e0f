/**
 * fast-check inputs for the reference comparisons: valid spellings of each
 * format built from their parts (every variant spelling the specifications
 * allow), and near misses made from them (a character inserted, dropped or
 * replaced), plus raw noise over each format's alphabet.
 */
import fc from 'fast-check';

const pick = <T>(...xs: T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);
const text = (alphabet: string, maxLength: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...alphabet), maxLength });

/** One edit: insert, drop or replace a character from `alphabet`. */
export function mutate(base: fc.Arbitrary<string>, alphabet: string): fc.Arbitrary<string> {
  return fc.tuple(base, fc.nat(), fc.constantFrom(...alphabet), pick('insert', 'drop', 'replace')).map(([s, i, c, how]) => {
    const at = s.length === 0 ? 0 : i % (s.length + (how === 'insert' ? 1 : 0));
    if (how === 'insert') return s.slice(0, at) + c + s.slice(at);
    if (how === 'drop') return s.slice(0, at) + s.slice(at + 1);
    return s.slice(0, at) + c + s.slice(at + 1);
  });
}

/** Valid-ish, near-miss and noise inputs in the ratio 5:3:2. */
function mix(valid: fc.Arbitrary<string>, alphabet: string, maxNoise: number): fc.Arbitrary<string> {
  return fc.oneof({ weight: 5, arbitrary: valid }, { weight: 3, arbitrary: mutate(valid, alphabet) }, { weight: 2, arbitrary: text(alphabet, maxNoise) });
}

const NAME_ALPHABET = 'aAbZz09._-_.- +é!';
const validName = fc
  .tuple(text('aAbZz09', 3).filter((s) => s.length > 0), fc.array(fc.tuple(text('._-', 3), text('aAbZz09', 3).filter((s) => s.length > 0)), { maxLength: 3 }))
  .map(([first, rest]) => first + rest.map(([sep, part]) => sep + part).join(''));
export const names = mix(validName, NAME_ALPHABET, 10);

const SEPS = ['', '', '.', '-', '_'];
const digits = fc.oneof(fc.nat(30).map(String), pick('0', '00', '01', '007', '9007199254740993', '123456789012345678901234567890'));
const caseOf = (s: string): fc.Arbitrary<string> => pick(s, s.toUpperCase(), s[0]!.toUpperCase() + s.slice(1));
const part = (labels: string[]): fc.Arbitrary<string> =>
  fc.tuple(pick(...SEPS), pick(...labels).chain(caseOf), pick(...SEPS), fc.option(digits, { nil: '' })).map((p) => p.join(''));
const localLabel = fc.array(fc.oneof(digits, text('abcxyzABC0', 4).filter((s) => s.length > 0)), { minLength: 1, maxLength: 3 }).chain((segs) =>
  fc.array(pick('.', '-', '_'), { minLength: segs.length, maxLength: segs.length }).map((seps) => segs.map((s, i) => (i === 0 ? s : seps[i]! + s)).join('')),
);
export const validVersion = fc
  .record({
    ws: pick('', '', ' ', '\t', '\n'),
    v: pick('', '', 'v', 'V'),
    epoch: fc.option(digits.map((d) => `${d}!`), { nil: '' }),
    release: fc.array(digits, { minLength: 1, maxLength: 4 }).map((r) => r.join('.')),
    pre: fc.option(part(['a', 'b', 'c', 'rc', 'alpha', 'beta', 'pre', 'preview']), { nil: '' }),
    post: fc.option(fc.oneof(part(['post', 'rev', 'r']), digits.map((d) => `-${d}`)), { nil: '' }),
    dev: fc.option(part(['dev']), { nil: '' }),
    local: fc.option(localLabel.map((l) => `+${l}`), { nil: '' }),
  })
  .map((p) => p.ws + p.v + p.epoch + p.release + p.pre + p.post + p.dev + p.local + p.ws);
const VERSION_ALPHABET = '0123456789.!+-_ abcdeilnoprstvwxyzABCDEPRV*';
export const versions = mix(validVersion, VERSION_ALPHABET, 12);

const OPS = ['==', '!=', '<=', '>=', '<', '>', '~=', '==='];
const clauseVersion = fc.oneof(
  { weight: 4, arbitrary: validVersion.map((v) => v.trim()) },
  { weight: 2, arbitrary: fc.array(digits, { minLength: 1, maxLength: 3 }).map((r) => `${r.join('.')}.*`) },
  { weight: 1, arbitrary: text('abc019.+*-', 6) },
);
const clause = fc.tuple(pick('', ' ', ''), pick(...OPS), pick('', '', ' '), clauseVersion, pick('', ' ')).map((p) => p.join(''));
export const validSpecifierSet = fc.array(clause, { maxLength: 4 }).map((cs) => cs.join(','));
const SPEC_ALPHABET = '<>=!~,.*0123456789 abrcdevpost+';
export const specifierSets = mix(validSpecifierSet, SPEC_ALPHABET, 12);

/** [specifier set, version] pairs whose versions sit near the set's bounds. */
export const containsPairs: fc.Arbitrary<[string, string]> = fc.oneof(
  fc.tuple(validSpecifierSet, validVersion.map((v) => v.trim())),
  fc
    .tuple(fc.array(fc.tuple(pick(...OPS), fc.array(fc.nat(3), { minLength: 1, maxLength: 3 }), pick('', '', '.*', 'a1', '.post1', '.dev0', 'rc2', '+local.1', '.post1.dev1')), { minLength: 1, maxLength: 3 }), fc.array(fc.nat(3), { minLength: 1, maxLength: 4 }), pick('', '', 'a1', 'b2', 'rc1', '.post1', '.post0', '.dev0', '.dev1', '+local.1', '+1', 'a1.dev1', '.post1.dev0', '+Local'), pick('', '1!'))
    .map(([cs, release, suffix, epoch]): [string, string] => [
      cs.map(([op, r, s]) => `${op}${r.join('.')}${s === '.*' && op !== '==' && op !== '!=' ? '' : s}`).join(','),
      `${epoch}${release.join('.')}${suffix}`,
    ]),
);
