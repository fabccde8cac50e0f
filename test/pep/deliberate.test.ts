/**
 * Where src/pep deliberately answers differently from packaging 26.3, each
 * shown against the reference itself (so that a packaging release that
 * changes its answer makes this fail, and the list gets revisited).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMarker } from '../../src/pep/marker.js';
import { parseVersion } from '../../src/pep/version.js';
import { parseWheelFilename } from '../../src/pep/wheelFilename.js';
import { Reference } from './_reference.js';

let reference: Reference | null = null;
beforeAll(async () => {
  reference = await Reference.start();
}, 300_000);
afterAll(() => reference?.stop());

describe('deliberate differences from packaging 26.3', () => {
  it('the reference is there', () => {
    expect(reference, 'could not create the packaging==26.3 environment under the twinbuild home (network?)').not.toBeNull();
  });

  it('wheel tags: with specTags (what the oracles use), a tag outside letters, digits and _ is refused; packaging does not check ABI and platform tags', async () => {
    const name = 'foo-1.0-py3-none-any+x.whl';
    expect((await reference!.ask('wheel_filename', [name]))[0]).toMatchObject({ ok: true });
    expect(parseWheelFilename(name)).toMatchObject({ ok: true }); // packaging's verdict by default
    expect(parseWheelFilename(name, { specTags: true })).toMatchObject({ ok: false, error: expect.stringContaining("platform tag 'any+x'") });
  });

  it('marker strings: a \\N{NAME} escape is refused (no Unicode name table here); packaging evaluates it', async () => {
    const marker = 'os_name == "\\N{EM DASH}"';
    expect((await reference!.ask('marker', [marker]))[0]).toEqual({ ok: true, normal: 'os_name == "\u2014"' });
    expect(parseMarker(marker)).toMatchObject({ ok: false });
  });

  it('versions: a number of more than 4300 digits is a version here; Python refuses to convert it (its int limit)', async () => {
    const version = `1.${'9'.repeat(4301)}`;
    expect((await reference!.ask('version', [version]))[0]).toMatchObject({ ok: false });
    expect(parseVersion(version)).toMatchObject({ ok: true });
  });
});
