/**
 * Core metadata checks (M codes), run on a wheel's METADATA and on an
 * sdist's PKG-INFO. Each planted defect is reported with exactly the
 * expected codes and paths.
 */
import { describe, expect, it } from 'vitest';
import { checkSdist, checkWheel } from '../../src/oracles/index.js';
import { DEFAULT_METADATA, sdistView, wheelView } from './fixtures/artifacts.js';
import { addLines, at, found, setField } from './helpers.js';

const METADATA = 'foo_bar-1.0.dist-info/METADATA';
const PKG_INFO = 'foo_bar-1.0/PKG-INFO';

async function wheel(metadata: string, files?: Record<string, string | Uint8Array | null>) {
  return found(checkWheel(await wheelView({ metadata, ...(files ? { files } : {}) })));
}

async function sdist(pkgInfo: string | Uint8Array, files?: Record<string, string | Uint8Array | null>) {
  return found(checkSdist(await sdistView({ files: { 'PKG-INFO': pkgInfo, ...files } })));
}

describe('M001 format', () => {
  it('reports a line that is not a header', async () => {
    expect(await wheel(addLines(DEFAULT_METADATA, 'This line has no colon'))).toEqual([at('M001', METADATA)]);
  });

  it('reports bytes that are not UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from(setField(DEFAULT_METADATA, 'Summary', 'caf')), Buffer.from([0xe9])]);
    expect(await sdist(bytes)).toEqual([at('M001', PKG_INFO)]);
  });
});

describe('M002 Metadata-Version', () => {
  it('reports a missing Metadata-Version', async () => {
    expect(await wheel(setField(DEFAULT_METADATA, 'Metadata-Version', null))).toEqual([at('M002', METADATA)]);
  });

  it('reports a version the specification does not define', async () => {
    expect(await sdist(setField(DEFAULT_METADATA, 'Metadata-Version', '2.0'))).toEqual([at('M002', PKG_INFO)]);
  });
});

describe('M003 Name', () => {
  it('reports a missing Name', async () => {
    expect(await wheel(setField(DEFAULT_METADATA, 'Name', null))).toEqual([at('M003', METADATA)]);
  });

  it('reports an invalid Name', async () => {
    expect(await sdist(setField(DEFAULT_METADATA, 'Name', 'Foo Bar'))).toEqual([at('M003', PKG_INFO)]);
  });
});

describe('M004 Version', () => {
  it('reports an invalid Version', async () => {
    expect(await sdist(setField(DEFAULT_METADATA, 'Version', 'one'))).toEqual([at('M004', PKG_INFO)]);
  });

  it('reports a missing Version', async () => {
    expect(await wheel(setField(DEFAULT_METADATA, 'Version', null))).toEqual([at('M004', METADATA)]);
  });
});

describe('M005 single-use fields', () => {
  it('reports a repeated Summary', async () => {
    expect(await wheel(addLines(DEFAULT_METADATA, 'Summary: again'))).toEqual([at('M005', METADATA)]);
  });

  it('reports a Description field next to a body', async () => {
    expect(await sdist(addLines(DEFAULT_METADATA, 'Description: short'))).toEqual([at('M005', PKG_INFO)]);
  });
});

describe('M006 fields of the declared Metadata-Version', () => {
  it('reports License-File in Metadata-Version 2.1 (setuptools < 77)', async () => {
    const text = setField(setField(DEFAULT_METADATA, 'Metadata-Version', '2.1'), 'License-Expression', null);
    expect(await wheel(text)).toEqual([at('M006', METADATA)]);
  });

  it('reports Dynamic in Metadata-Version 2.1', async () => {
    const text = addLines(setField(setField(setField(DEFAULT_METADATA, 'Metadata-Version', '2.1'), 'License-Expression', null), 'License-File', null), 'Dynamic: summary');
    expect(await sdist(text)).toEqual([at('M006', PKG_INFO)]);
  });
});

describe('M007 Dynamic', () => {
  it('reports Dynamic: Version', async () => {
    expect(await sdist(addLines(DEFAULT_METADATA, 'Dynamic: Version'))).toEqual([at('M007', PKG_INFO)]);
  });

  it('reports a field name the specification does not define', async () => {
    expect(await wheel(addLines(DEFAULT_METADATA, 'Dynamic: readme'))).toEqual([at('M007', METADATA)]);
  });

  it('accepts lower-case field names, as setuptools writes them', async () => {
    expect(await wheel(addLines(DEFAULT_METADATA, 'Dynamic: license-file', 'Dynamic: requires-dist'))).toEqual([]);
  });
});

describe('M008 License-Expression', () => {
  it('reports lower-case operators', async () => {
    expect(await wheel(setField(DEFAULT_METADATA, 'License-Expression', 'mit or apache-2.0'))).toEqual([at('M008', METADATA)]);
  });

  it('reports a License that differs', async () => {
    expect(await sdist(addLines(DEFAULT_METADATA, 'License: BSD'))).toEqual([at('M008', PKG_INFO)]);
  });

  it('accepts a License identical to the expression', async () => {
    expect(await sdist(addLines(DEFAULT_METADATA, 'License: MIT'))).toEqual([]);
  });

  it('reports license classifiers', async () => {
    expect(await wheel(addLines(DEFAULT_METADATA, 'Classifier: License :: OSI Approved :: MIT License'))).toEqual([at('M008', METADATA)]);
  });
});

describe('M009 License-File', () => {
  it('reports a license file missing from .dist-info/licenses/', async () => {
    expect(await wheel(DEFAULT_METADATA, { 'foo_bar-1.0.dist-info/licenses/LICENSE': null, 'foo_bar-1.0.dist-info/LICENSE': 'MIT\n' })).toEqual([
      at('M009', 'foo_bar-1.0.dist-info/licenses/LICENSE'),
    ]);
  });

  it('reports a license file missing from the sdist', async () => {
    expect(await sdist(DEFAULT_METADATA, { LICENSE: null })).toEqual([at('M009', 'foo_bar-1.0/LICENSE')]);
  });

  it("reports a path with '..'", async () => {
    expect(await sdist(setField(DEFAULT_METADATA, 'License-File', '../LICENSE'))).toEqual([at('M009', PKG_INFO)]);
  });

  it('reports a license file that is not UTF-8', async () => {
    expect(await sdist(DEFAULT_METADATA, { LICENSE: new Uint8Array([0x4d, 0x49, 0x54, 0xff]) })).toEqual([at('M009', 'foo_bar-1.0/LICENSE')]);
  });
});

describe('M010 Provides-Extra', () => {
  it('reports an extra that is not normalized in Metadata-Version 2.4', async () => {
    const text = addLines(DEFAULT_METADATA, 'Provides-Extra: Dev_Tools', 'Requires-Dist: black; extra == "dev-tools"');
    expect(await wheel(text)).toEqual([at('M010', METADATA)]);
  });

  it('accepts it in Metadata-Version 2.2', async () => {
    const text = addLines(
      setField(setField(setField(DEFAULT_METADATA, 'Metadata-Version', '2.2'), 'License-Expression', null), 'License-File', null),
      'Provides-Extra: Dev_Tools',
      'Requires-Dist: black; extra == "dev_tools"',
    );
    expect(await sdist(text)).toEqual([]);
  });

  it('reports extras that clash once normalized', async () => {
    expect(await sdist(addLines(DEFAULT_METADATA, 'Provides-Extra: test'))).toEqual([at('M010', PKG_INFO)]);
  });
});

describe('M011 Requires-Dist', () => {
  it.each(['requests >=', 'click>=8.0; os_name = "nt"', 'click (>=8.0', 'click; python_version > 3'])('reports %j', async (value) => {
    expect(await wheel(addLines(DEFAULT_METADATA, `Requires-Dist: ${value}`))).toEqual([at('M011', METADATA)]);
  });
});

describe('M012 extras in markers', () => {
  it('reports a marker on an extra that is not provided', async () => {
    expect(await sdist(addLines(DEFAULT_METADATA, 'Requires-Dist: sphinx; extra == "docs"'))).toEqual([at('M012', PKG_INFO)]);
  });
});

describe('M013 Requires-Python', () => {
  it.each(['=>3.8', '>=3.8;', '3.8'])('reports %j', async (value) => {
    expect(await wheel(setField(DEFAULT_METADATA, 'Requires-Python', value))).toEqual([at('M013', METADATA)]);
  });
});

describe('M014 Description-Content-Type', () => {
  it('reports a type the specification does not allow', async () => {
    expect(await wheel(setField(DEFAULT_METADATA, 'Description-Content-Type', 'text/html'))).toEqual([at('M014', METADATA)]);
  });

  it('reports a charset other than UTF-8', async () => {
    expect(await sdist(setField(DEFAULT_METADATA, 'Description-Content-Type', 'text/markdown; charset=latin-1'))).toEqual([at('M014', PKG_INFO)]);
  });

  it('accepts parameters, case and variants', async () => {
    expect(await sdist(setField(DEFAULT_METADATA, 'Description-Content-Type', 'Text/Markdown; charset="utf-8"; variant=CommonMark'))).toEqual([]);
  });
});
