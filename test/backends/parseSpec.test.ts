import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { formatHook, isDottedName, parseSpec } from '../../src/backends/parseSpec.js';

function parseError(raw: string): ConfigError {
  try {
    parseSpec(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error(`expected ${JSON.stringify(raw)} to be rejected`);
}

describe('parseSpec: valid specs', () => {
  it.each([
    ['setuptools', { family: 'setuptools', paths: [] }],
    ['hatchling', { family: 'hatchling', paths: [] }],
    ['flit', { family: 'flit', paths: [] }],
    ['poetry', { family: 'poetry', paths: [] }],
    ['pdm', { family: 'pdm', paths: [] }],
    ['uv', { family: 'uv', paths: [] }],
    ['setuptools==80.9.0', { family: 'setuptools', version: '80.9.0', paths: [] }],
    ['hatchling==1.27.0', { family: 'hatchling', version: '1.27.0', paths: [] }],
    ['poetry==2.0.0rc1', { family: 'poetry', version: '2.0.0rc1', paths: [] }],
    ['setuptools==1!2.0.post1', { family: 'setuptools', version: '1!2.0.post1', paths: [] }],
    ['setuptools==80.9.0+local.1', { family: 'setuptools', version: '80.9.0+local.1', paths: [] }],
    // normalized to the canonical PEP 440 form
    ['flit==3.9.0RC1', { family: 'flit', version: '3.9.0rc1', paths: [] }],
    ['flit==v3.9', { family: 'flit', version: '3.9', paths: [] }],
    ['flit==1.0-1', { family: 'flit', version: '1.0.post1', paths: [] }],
    ['setuptools==80.9.0+Local-1', { family: 'setuptools', version: '80.9.0+local.1', paths: [] }],
    ['setuptools@./vendor/setuptools', { family: 'setuptools', location: './vendor/setuptools', paths: [] }],
    ['hatchling@/wheels/hatchling-1.27.0-py3-none-any.whl', {
      family: 'hatchling',
      location: '/wheels/hatchling-1.27.0-py3-none-any.whl',
      paths: [],
    }],
    ['setuptools,backend=setuptools.build_meta:__legacy__', {
      family: 'setuptools',
      backend: { module: 'setuptools.build_meta', object: '__legacy__' },
      paths: [],
    }],
    ['setuptools,backend=my_wrapper', { family: 'setuptools', backend: { module: 'my_wrapper' }, paths: [] }],
    ['pdm,backend=pkg.mod:Obj.attr.inner', {
      family: 'pdm',
      backend: { module: 'pkg.mod', object: 'Obj.attr.inner' },
      paths: [],
    }],
    ['setuptools,path=a,path=b,path=/abs/c', { family: 'setuptools', paths: ['a', 'b', '/abs/c'] }],
    ['setuptools,python=/usr/bin/python3', { family: 'setuptools', python: '/usr/bin/python3', paths: [] }],
    ['setuptools==80.9.0,style=setup.py', { family: 'setuptools', version: '80.9.0', style: 'setup.py', paths: [] }],
    ['setuptools,style=setup.cfg,backend=setuptools.build_meta:__legacy__', {
      family: 'setuptools',
      style: 'setup.cfg',
      backend: { module: 'setuptools.build_meta', object: '__legacy__' },
      paths: [],
    }],
    ['setuptools==80.9.0,python=python3.12', { family: 'setuptools', version: '80.9.0', python: 'python3.12', paths: [] }],
    ['flit@dir,backend=x.y:z,path=p1,python=py,path=p2', {
      family: 'flit',
      location: 'dir',
      backend: { module: 'x.y', object: 'z' },
      paths: ['p1', 'p2'],
      python: 'py',
    }],
    // order of keys is free; whitespace around parts is ignored
    [' hatchling == 1.27.0 , python = /usr/bin/python3 , path = src ', {
      family: 'hatchling',
      version: '1.27.0',
      python: '/usr/bin/python3',
      paths: ['src'],
    }],
    // identifiers may be non-ASCII; `match`/`type` are soft keywords, so allowed
    ['setuptools,backend=café.match:type', {
      family: 'setuptools',
      backend: { module: 'café.match', object: 'type' },
      paths: [],
    }],
    // a path may itself contain '=' or '@'
    ['setuptools,path=/tmp/a=b@c', { family: 'setuptools', paths: ['/tmp/a=b@c'] }],
  ])('%s', (raw, expected) => {
    expect(parseSpec(raw)).toEqual({ raw, ...expected });
  });

  it('keeps relative locations and paths exactly as written', () => {
    const spec = parseSpec('setuptools@../x,path=~/y,path=./z');
    expect(spec.location).toBe('../x');
    expect(spec.paths).toEqual(['~/y', './z']);
  });
});

describe('parseSpec: invalid specs', () => {
  it.each([
    // [spec, words the message must contain]
    ['', ['empty']],
    ['   ', ['empty']],
    ['setuptool', ['unknown backend family "setuptool"', 'setuptools, hatchling, flit, poetry, pdm, uv']],
    ['flit-core==3.9.0', ['unknown backend family "flit-core"', 'did you mean "flit"', 'valid families']],
    ['poetry-core', ['unknown backend family', 'did you mean "poetry"']],
    ['uv_build', ['did you mean "uv"']],
    ['Setuptools', ['unknown backend family "Setuptools"', 'did you mean "setuptools"']],
    ['==80.9.0', ['missing FAMILY']],
    ['@/some/dir', ['missing FAMILY']],
    ['setuptools==', ['missing VERSION']],
    ['setuptools==80.*', ['"80.*" is not a valid PEP 440 version']],
    ['setuptools==latest', ['"latest" is not a valid PEP 440 version']],
    ['setuptools==1.0==2.0', ['not a valid PEP 440 version']],
    ['setuptools===80.9.0', ['===', 'not supported']],
    ['setuptools>=80', ['unsupported version operator ">="', '==VERSION']],
    ['setuptools~=80.0', ['unsupported version operator "~="']],
    ['setuptools=80.9.0', ['unsupported version operator "="']],
    ['setuptools!=80', ['unsupported version operator "!="']],
    ['setuptools<80', ['unsupported version operator "<"']],
    ['setuptools@', ['missing LOCATION']],
    ['setuptools==80.9.0@/dir', ['both ==VERSION and @LOCATION']],
    ['setuptools@/dir==80', ['both ==VERSION and @LOCATION']],
    ['setuptools,', ['part 2 is empty']],
    ['setuptools,,path=x', ['part 2 is empty']],
    [',setuptools', ['empty part before the first comma']],
    ['setuptools,path=a,', ['part 3 is empty']],
    ['setuptools,pathx', ['"pathx" is not KEY=VALUE', 'backend, path, python, style']],
    ['setuptools,style=setup.toml', ['style=setup.toml is not a style of setuptools', 'pyproject, setup.cfg, setup.py']],
    ['hatchling,style=setup.py', ['style=setup.py is not a style of hatchling']],
    ['setuptools,style=setup.py,style=setup.cfg', ['duplicate key "style"']],
    ['setuptools,format=setup.py', ['unknown key "format"', 'did you mean "style"']],
    ['setuptools,=x', ['no key before "="']],
    ['setuptools,color=red', ['unknown key "color"', 'valid keys: backend, path, python, style']],
    ['setuptools,build-backend=x', ['unknown key "build-backend"', 'did you mean "backend"']],
    ['setuptools,interpreter=/usr/bin/python3', ['unknown key "interpreter"', 'did you mean "python"']],
    ['setuptools,Path=x', ['unknown key "Path"', 'did you mean "path"']],
    ['setuptools,path=', ['path= has no value']],
    ['setuptools,python=', ['python= has no value']],
    ['setuptools,backend=', ['backend= has no value']],
    ['setuptools,python=a,python=b', ['duplicate key "python"', 'only path=']],
    ['setuptools,backend=a,backend=b', ['duplicate key "backend"']],
    ['setuptools,backend=setuptools.build_meta:', ['no OBJECT after ":"']],
    ['setuptools,backend=:obj', ['no MODULE before ":"']],
    ['setuptools,backend=a:b:c', ['more than one ":"']],
    ['setuptools,backend=my-backend', ['"my-backend" is not a Python module path']],
    ['setuptools,backend=pkg..mod', ['"pkg..mod" is not a Python module path']],
    ['setuptools,backend=.relative', ['is not a Python module path']],
    ['setuptools,backend=1abc', ['"1abc" is not a Python module path']],
    ['setuptools,backend=pkg.class', ['"pkg.class" is not a Python module path']],
    ['setuptools,backend=pkg/mod.py', ['is not a Python module path']],
    ['setuptools,backend=mod:obj-name', ['"obj-name" is not an object path']],
    ['setuptools,backend=mod:a..b', ['is not an object path']],
    ['backend=setuptools.build_meta', ['must start with FAMILY']],
    ['path=/x', ['must start with FAMILY']],
  ])('%j', (raw, words) => {
    const err = parseError(raw);
    expect(err.message).toContain(`invalid backend spec ${JSON.stringify(raw)}`);
    for (const w of words) expect(err.message).toContain(w);
    expect(err.hint).toBeTruthy();
  });

  it('hints at the grammar', () => {
    expect(parseError('setuptools,x=1').hint).toContain('FAMILY[==VERSION | @LOCATION]');
    expect(parseError('setuptools==80.*').hint).toContain('setuptools==1.2.3');
  });
});

describe('helpers', () => {
  it('isDottedName', () => {
    expect(isDottedName('setuptools.build_meta')).toBe(true);
    expect(isDottedName('_private._x1')).toBe(true);
    expect(isDottedName('a.b-c')).toBe(false);
    expect(isDottedName('')).toBe(false);
    expect(isDottedName('a.None')).toBe(false);
  });
  it('formatHook', () => {
    expect(formatHook({ module: 'a.b' })).toBe('a.b');
    expect(formatHook({ module: 'a.b', object: 'c' })).toBe('a.b:c');
  });
});

describe('parseSpec: config=KEY=VALUE (PEP 517 config_settings)', () => {
  it('collects settings; a repeated key becomes a list; a value keeps its own "="', () => {
    const s = parseSpec('setuptools==80.9.0,config=editable-mode=strict,config=--build-option=--python-tag=py39,config=--build-option=--quiet');
    expect(s.configSettings).toEqual({ 'editable-mode': 'strict', '--build-option': ['--python-tag=py39', '--quiet'] });
    expect(parseSpec('pdm,config=no-clean-build').configSettings).toEqual({ 'no-clean-build': '' });
  });

  it('a config= without a key is refused; the old alias no longer points at style=', () => {
    expect(parseError('setuptools,config==x').message).toContain('config==x has no KEY before "="');
    expect(parseError('setuptools,config-setting=a=b').message).toContain('(did you mean "config"?)');
  });
});
