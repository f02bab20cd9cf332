import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import stripAnsi from 'strip-ansi';
import { isTerminalSafe, sanitize } from '../src/core/sanitize.js';

describe('sanitize', () => {
  const cases: Array<[string, string, string]> = [
    ['CSI clear screen', 'a\x1b[2Jb', 'ab'],
    ['CSI colour', '\x1b[31mrood\x1b[0m', 'rood'],
    ['CSI cursor move and scroll region', 'a\x1b[10;20Hb\x1b[1;5rc', 'abc'],
    ['OSC window title with BEL', 'x\x1b]0;titel\x07y', 'xy'],
    ['OSC 52 clipboard with ST', 'x\x1b]52;c;ZXZpbA==\x1b\\y', 'xy'],
    ['OSC 8 link', '\x1b]8;;http://e.org\x1b\\klik\x1b]8;;\x1b\\', 'klik'],
    ['DCS string', 'a\x1bPq#0;2;0;0;0\x1b\\b', 'ab'],
    ['APC, PM, SOS strings', 'a\x1b_apc\x1b\\b\x1b^pm\x1b\\c\x1bXsos\x1b\\d', 'abcd'],
    ['8-bit CSI', 'a\u009b2Jb', 'ab'],
    ['8-bit OSC ended by ST', 'a\u009d0;t\u009cb', 'ab'],
    ['other C1', 'a\u0085\u0090\u009fb', 'ab'],
    ['BEL and backspace', 'a\x07b\x08c', 'abc'],
    ['CR inside a line', 'abc\rXYZ', 'abcXYZ'],
    ['NUL and DEL', 'a\x00b\x7fc', 'abc'],
    ['two-byte ESC sequences', 'a\x1bcb\x1b(Bc\x1b7d', 'abcd'],
    ['a lone ESC at the end', 'abc\x1b', 'abc'],
    ['bidi overrides and isolates', 'a\u202eb\u2066c\u2069d\u202ce', 'abcde'],
    ['newline and tab to spaces', 'a\nb\tc', 'a b c'],
  ];
  for (const [name, input, expected] of cases) {
    it(`removes ${name}`, () => assert.equal(sanitize(input), expected));
  }

  it('keeps newlines and tabs when asked', () => {
    assert.equal(sanitize('a\nb\tc', { keepNewlines: true, keepTabs: true }), 'a\nb\tc');
  });

  it('text that only breaks lines or holds tabs comes out as text with another control in it would (property)', () => {
    // a BEL forces the reading character by character; it is dropped, so the results must agree
    const alphabet = fc.constantFrom('a', ' ', '\n', '\t', 'é', '\u00a0', '🙂');
    const options = fc.record({ keepNewlines: fc.boolean(), keepTabs: fc.boolean() });
    fc.assert(
      fc.property(fc.array(alphabet).map((a) => a.join('')), options, (s, o) => {
        assert.equal(sanitize(s, o), sanitize(`\x07${s}`, o));
        assert.equal(sanitize(s, o), sanitize(`${s}\x07`, o));
      }),
    );
  });

  it('keeps ordinary text, accents and emoji as they are', () => {
    const s = 'Geëlimineerd – “citaat” 🙂 中文 café';
    assert.equal(sanitize(s), s);
  });

  it('an unterminated OSC drops only its introducer', () => {
    assert.equal(sanitize('a\x1b]0;rest van de tekst'), 'a0;rest van de tekst');
  });

  it('leaves nothing a terminal would act on, for any input (property)', () => {
    const alphabet = fc.constantFrom('\x1b', '[', ']', 'P', '_', '\\', '\x07', '\u009b', '\u009c', '\u009d', '0', ';', 'm', 'a', ' ', '\n', '\u202e', '\r', '\x00', 'é');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.array(alphabet).map((a) => a.join(''))), (s) => {
        const out = sanitize(s);
        assert.ok(isTerminalSafe(out), JSON.stringify(out));
        assert.ok(!/[\n\t]/.test(out));
        assert.equal(stripAnsi(out), out); // a well-kept ANSI stripper finds nothing left either
      }),
      { numRuns: 10000, seed: 42 },
    );
  });
});
