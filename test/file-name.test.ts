import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { hasRawBytes, nameFromBytes, nameToBytes, printableName } from '../src/core/file-name.js';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('file names by their bytes', () => {
  it('reads valid UTF-8 as it is', () => {
    const name = 'geëlimineerd – 日本 😀.txt';
    assert.equal(nameFromBytes(new TextEncoder().encode(name)), name);
    assert.equal(hasRawBytes(name), false);
  });

  it('keeps each byte that is not UTF-8 as a NUL mark, and prints it as Latin-1', () => {
    const n = nameFromBytes(bytes(0x63, 0x61, 0x66, 0xe9));
    assert.equal(n, 'caf\0é');
    assert.ok(hasRawBytes(n));
    assert.equal(printableName(n), 'café');
  });

  it('refuses overlong forms, surrogates, code points past U+10FFFF and cut sequences', () => {
    assert.equal(nameFromBytes(bytes(0xc0, 0xaf)), '\0\xc0\0\xaf');
    assert.equal(nameFromBytes(bytes(0xe0, 0x80, 0xaf)), '\0\xe0\0\x80\0\xaf');
    assert.equal(nameFromBytes(bytes(0xed, 0xa0, 0x80)), '\0\xed\0\xa0\0\x80');
    assert.equal(nameFromBytes(bytes(0xf4, 0x90, 0x80, 0x80)), '\0\xf4\0\x90\0\x80\0\x80');
    assert.equal(nameFromBytes(bytes(0x61, 0xe2, 0x82)), 'a\0\xe2\0\x82');
  });

  it('turns back into the same bytes, whatever they were', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }).filter((b) => !b.includes(0)), (b) => {
      assert.deepEqual(nameToBytes(nameFromBytes(b)), b);
    }));
  });

  it('decodes what TextDecoder decodes when the bytes are valid', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (s) => {
      const b = new TextEncoder().encode(s);
      assert.equal(nameFromBytes(b), new TextDecoder().decode(b));
    }));
  });
});
