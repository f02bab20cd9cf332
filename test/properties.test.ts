/** Properties over random input (fast-check, seeded): the parser and highlighter never fail and stay in bounds. */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { highlight } from '../src/core/highlight/index.js';
import { parseArticle } from '../src/core/parse.js';
import { isTerminalSafe } from '../src/core/sanitize.js';

// Random text with what hostile and odd files hold: escapes, controls, quotes, numbers, Dutch words, any Unicode.
const piece = fc.oneof(
  fc.constantFrom('\x1b[2J', '\x1b]0;t\x07', '\x1bP', '\u009b', '\x07', '\b', '\r', '\n', '\n\n', '\t', '\u202e', '\x00', '\ufeff', '---\n', 'title: ', 'date 2022-01 ', ' - AFP'),
  fc.constantFrom('"', '“', '”', '„', "'", '‘', '’', "auto's", "zo'n", "'s nachts", ' '),
  fc.constantFrom('2.500', '3,5', '30 tot 40', '€', '%', 'procent', 'tientallen', 'twee', 'vijfentwintig', 'de helft', 'een op de', 'miljoen'),
  fc.constantFrom('volgens', 'de politie', 'zegt', 'meldt', 'van', 'het ministerie', 'Jansen', 'ANP', '(ANP)', 'Amsterdam', 'aldus', 'liet', 'weten', ':', '.', ','),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
const text = fc.array(piece, { maxLength: 60 }).map((a) => a.join(''));

describe('properties', () => {
  it('the parser never throws, and what it returns is safe to show (10 000 cases)', () => {
    fc.assert(
      fc.property(text, (s) => {
        const a = parseArticle('x', s);
        assert.ok(isTerminalSafe(a.title) && !/[\n\t]/.test(a.title));
        for (const p of a.paragraphs) assert.ok(isTerminalSafe(p.text) && !/[\n\t]/.test(p.text) && p.text.length > 0);
        for (const v of [a.source, a.url, a.author, a.lang, ...a.tags, ...Object.values(a.extra)]) assert.ok(isTerminalSafe(v));
      }),
      { numRuns: 10000, seed: 2024 },
    );
  });

  it('spans stay inside their paragraph and never overlap within a type (10 000 cases)', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('text', 'caption') as fc.Arbitrary<'text' | 'caption'>, (s, kind) => {
        const spans = highlight(s, kind);
        for (const type of ['figure', 'source', 'quote'] as const) {
          const own = spans.filter((x) => x.type === type).sort((a, b) => a.start - b.start);
          own.forEach((x, i) => {
            assert.ok(x.start >= 0 && x.end <= s.length && x.start < x.end, JSON.stringify({ s, x }));
            if (i > 0) assert.ok(own[i - 1]!.end <= x.start, JSON.stringify({ s, own }));
          });
        }
      }),
      { numRuns: 10000, seed: 7 },
    );
  });
});
