import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Span } from '../src/core/article.js';
import { wrap } from '../src/core/layout.js';
import { displayWidth, truncate } from '../src/core/width.js';

/** Puts the lines back together, with the spaces that the breaks dropped. */
function rejoin(text: string, lines: ReturnType<typeof wrap>): string {
  let out = '';
  let pos = 0;
  for (const l of lines) {
    const gap = text.slice(pos, l.start);
    assert.match(gap, /^ *$/, 'only spaces are dropped at breaks');
    out += gap + l.text;
    pos = l.start + l.text.length;
  }
  assert.match(text.slice(pos), /^ *$/);
  return out + text.slice(pos);
}

describe('wrap', () => {
  it('breaks between words', () => {
    assert.deepEqual(wrap('een twee drie vier', [], 9).map((l) => l.text), ['een twee', 'drie vier']);
  });

  it('splits only a word wider than the line', () => {
    assert.deepEqual(wrap('ab verylongword cd', [], 5).map((l) => l.text), ['ab', 'veryl', 'ongwo', 'rd cd']);
  });

  it('counts wide characters as two columns and keeps combining marks with their letter', () => {
    const lines = wrap('中文中文 e\u0301e\u0301e\u0301', [], 4);
    for (const l of lines) assert.ok(displayWidth(l.text) <= 4, l.text);
    assert.deepEqual(lines.map((l) => l.text), ['中文', '中文', 'e\u0301e\u0301e\u0301']);
  });

  it('carries a span across a line break', () => {
    const spans: Span[] = [{ type: 'quote', start: 4, end: 15 }];
    const lines = wrap('aan "twee drie" vier', spans, 9);
    assert.deepEqual(lines.map((l) => l.text), ['aan "twee', 'drie"', 'vier']);
    assert.deepEqual(lines.map((l) => l.spans), [[{ type: 'quote', start: 4, end: 9 }], [{ type: 'quote', start: 0, end: 5 }], []]);
  });

  it('no line wider than asked, no character lost or added (property)', () => {
    const word = fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('中文字', 'e\u0301', '🙂🙂', 'geëlimineerd'));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), fc.integer({ min: 2, max: 100 }), (words, width) => {
        const text = words.join(' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, 'x');
        const lines = wrap(text, [{ type: 'figure', start: 0, end: Math.min(5, text.length) }], width);
        for (const l of lines) {
          assert.ok(displayWidth(l.text) <= width || [...l.text].length === 1, `${JSON.stringify(l.text)} > ${width}`);
          for (const s of l.spans) assert.ok(s.start >= 0 && s.end <= l.text.length && s.start < s.end);
        }
        assert.equal(rejoin(text, lines), text);
      }),
      { numRuns: 10000, seed: 7 },
    );
  });
});

describe('truncate', () => {
  it('cuts by display width with an ellipsis', () => {
    assert.equal(truncate('geëlimineerd', 5), 'geël…');
    assert.equal(truncate('中文中文', 5), '中文…');
    assert.equal(truncate('kort', 10), 'kort');
  });
});
