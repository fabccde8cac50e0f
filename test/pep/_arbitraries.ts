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
function mix(valid: fc.Arbitrary<string>, alphabet: string, maxNoise: number, weights: [number, number, number] = [5, 3, 2]): fc.Arbitrary<string> {
  return fc.oneof({ weight: weights[0], arbitrary: valid }, { weight: weights[1], arbitrary: mutate(valid, alphabet) }, { weight: weights[2], arbitrary: text(alphabet, maxNoise) });
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
const anyClause = fc.tuple(pick('', ' ', ''), pick(...OPS), pick('', '', ' '), clauseVersion, pick('', ' ')).map((p) => p.join(''));
/** Clauses the rules allow: wildcards with == and != only, local labels with == and !=, ~= with two release segments. */
const ruleClause = fc
  .tuple(pick('', ' '), pick('==', '!=', '<=', '>=', '<', '>', '~='), fc.array(digits, { minLength: 2, maxLength: 3 }), pick('', '', '.*', 'a1', 'rc2', '.post1', '.dev0', '+local.7', 'b1.post2.dev3'), pick('', ' '))
  .map(([a, op, r, s, b]) => `${a}${op}${b}${r.join('.')}${(s === '.*' || s.startsWith('+')) && op !== '==' && op !== '!=' ? '' : s}${a}`);
const clause = fc.oneof({ weight: 3, arbitrary: ruleClause }, { weight: 1, arbitrary: anyClause });
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

const VARIABLES = ['python_version', 'python_full_version', 'os_name', 'os.name', 'sys_platform', 'sys.platform', 'platform_release', 'platform_system', 'platform_version', 'platform.version', 'platform_machine', 'platform.machine', 'platform_python_implementation', 'platform.python_implementation', 'python_implementation', 'implementation_name', 'implementation_version', 'extra', 'extras', 'dependency_groups', 'python_versions', 'os_names'];
const MARKER_OPS = ['==', '!=', '<=', '>=', '<', '>', '~=', '===', 'in', 'not in', 'not  in', 'not\tin', 'notin', '=', '=>'];
const markerValue = fc
  .tuple(pick('"', "'", '"', "'", '`'), fc.oneof(text('abcXYZ._-019 ', 8), pick('3.8', 'linux', 'Foo_Bar', 'feature.x', "it's", 'say "hi"', 'a\\nb', '\\x41', '\\u00e9', '\\N{DASH}', '\\', '\\q', 'a\\\'b', '\\0', '\\777')))
  .map(([q, v]) => `${q}${v}${q === '`' ? '"' : q}`);
const plainValue = fc.tuple(pick('"', "'"), text('abcXYZ._-019 ', 8)).map(([q, v]) => `${q}${v}${q}`);
const operand = fc.oneof({ weight: 3, arbitrary: pick(...VARIABLES.slice(0, -2)) }, { weight: 1, arbitrary: pick(...VARIABLES.slice(-2)) }, { weight: 4, arbitrary: plainValue }, { weight: 1, arbitrary: markerValue });
const markerOp = fc.oneof({ weight: 8, arbitrary: pick(...MARKER_OPS.slice(0, 10)) }, { weight: 1, arbitrary: pick(...MARKER_OPS.slice(10)) });
const ws = pick('', ' ', ' ', '  ', '\t');
const comparison = fc.tuple(ws, operand, ws, markerOp, ws, operand, ws).map((p) => p.join(''));
const markerTree: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { weight: 4, arbitrary: comparison },
    { weight: 1, arbitrary: fc.tuple(tie('expr'), pick(' and ', ' or ', ' and ', ' or  ', 'and', ' AND '), tie('expr')).map((p) => p.join('')) },
    { weight: 1, arbitrary: fc.tuple(ws, tie('expr'), ws).map(([a, e, b]) => `(${a}${e}${b})`) },
  ),
})).expr;
const MARKER_ALPHABET = ' ()"\'=<>!~andorinotextrapython_version.3';
export const markers = mix(markerTree, MARKER_ALPHABET, 20);

const extrasList = fc.array(fc.oneof({ weight: 6, arbitrary: validName }, { weight: 1, arbitrary: pick('', 'a b', 'Foo_Bar', 'x-') }), { maxLength: 3 }).chain((xs) =>
  fc.tuple(ws, ws).map(([a, b]) => `[${a}${xs.join(`${b},${a}`)}${b}]`),
);
const requirementBody = fc.oneof(
  { weight: 3, arbitrary: validSpecifierSet },
  { weight: 1, arbitrary: fc.tuple(ws, validSpecifierSet, ws).map(([a, s, b]) => `(${a}${s}${b})`) },
  { weight: 1, arbitrary: fc.tuple(ws, pick('https://example.org/a.whl', 'file:///tmp/x', 'git+https://h/r@v1#egg=x', 'http://x;y', 'u'), pick('', ' ', '\t')).map(([a, u, b]) => `@${a}${u}${b}`) },
  { weight: 1, arbitrary: fc.constant('') },
);
const requirementTree = fc
  .tuple(ws, fc.oneof(validName, pick('foo_', 'Foo.', '-x', 'a', 'é')), ws, fc.option(extrasList, { nil: '' }), ws, requirementBody, ws, fc.option(fc.tuple(pick(';', '; ', ' ;'), markerTree).map((p) => p.join('')), { nil: '' }), ws)
  .map((p) => p.join(''));
const REQUIREMENT_ALPHABET = ' []();,@<>=!~.*abcX019_-"\'';
export const requirements = mix(requirementTree, REQUIREMENT_ALPHABET, 20, [7, 2, 1]);

const tagSet = (...tags: string[]): fc.Arbitrary<string> => fc.array(pick(...tags), { minLength: 1, maxLength: 3 }).map((xs) => xs.join('.'));
const validWheel = fc
  .tuple(validName.map((n) => n.replace(/-/g, '_')), validVersion.map((v) => v.trim().replace(/-/g, '_')), fc.option(fc.tuple(digits, text('abc_', 3)).map(([d, s]) => `-${d}${s}`), { nil: '' }), tagSet('py3', 'py2', 'cp311', 'Py3', 'pp39', '_x', '3x', 'pé'), tagSet('none', 'abi3', 'cp311', 'CP311d'), tagSet('any', 'linux_x86_64', 'manylinux_2_17_x86_64', 'win_amd64', 'Any'))
  .map(([n, v, b, p, a, l]) => `${n}-${v}${b}-${p}-${a}-${l}.whl`);
export const wheelFilenames = mix(validWheel, 'a_-.0129pyWHL é', 16, [7, 2, 1]);
const validSdist = fc.tuple(validName, validVersion.map((v) => v.trim()), pick('.tar.gz', '.tar.gz', '.zip', '.tgz')).map(([n, v, e]) => `${n}-${v}${e}`);
export const sdistFilenames = mix(validSdist, 'aA_-.019tarzgip', 16);

/** [specifier set, version] pairs in what src/pep/versionRanges.ts handles: releases, wildcards, `.dev0` bounds. */
export const rangePairs: fc.Arbitrary<[string, string]> = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.tuple(pick('==', '!=', '<=', '>=', '<', '>', '~='), fc.array(fc.nat(3), { minLength: 1, maxLength: 3 })).map(([op, r]) => `${op}${r.join('.')}`),
        fc.tuple(pick('==', '!='), fc.array(fc.nat(3), { minLength: 1, maxLength: 3 })).map(([op, r]) => `${op}${r.join('.')}.*`),
        fc.tuple(pick('>=', '<'), fc.array(fc.nat(3), { minLength: 1, maxLength: 3 })).map(([op, r]) => `${op}${r.join('.')}.dev0`),
      ),
      { minLength: 1, maxLength: 4 },
    ),
    fc.array(fc.nat(3), { minLength: 1, maxLength: 4 }),
    pick('', '', '', 'a1', 'rc1', '.dev0', '.dev3', '.post0', '.post2', '.post1.dev0', '+local', 'a1.post1'),
  )
  .map(([cs, release, suffix]): [string, string] => [cs.join(','), `${release.join('.')}${suffix}`]);
