import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileQuery } from '../src/core/query.js';
import fc from 'fast-check';
import { indexTexts } from '../src/core/dutch/analyze.js';
import { STOPWORDS } from '../src/core/stopwords.js';

const withoutStopwords = (s: string) => indexTexts(s).words;

describe('the words the index keeps: stopwords out', () => {
  it('takes out stopwords between spaces, in any case', () => {
    assert.equal(withoutStopwords('De minister van de politie is in Almaty'), ' minister politie Almaty');
    assert.equal(withoutStopwords('Ze zijn er VAN de'), '');
  });
  it('leaves words that only start or end like one', () => {
    assert.equal(withoutStopwords('demonstranten ideeën deel'), 'demonstranten ideeën deel');
  });
  it('leaves a stopword next to punctuation or inside a joined word', () => {
    assert.equal(withoutStopwords('(de) de, de-facto de.x d\'de dé deé'), '(de) de, de-facto de.x d\'de dé deé');
  });
  it('is the rule "a stopword between spaces or at an end", whatever the text', () => {
    // the rule as a regular expression (what the index did before its one-pass scan), as the reference
    const rule = new RegExp(`(?:^| )(?:${[...STOPWORDS].join('|')})(?= |$)`, 'gi');
    const word = fc.constantFrom(...STOPWORDS, 'De', 'VAN', 'Het', 'politie', 'é', '2.000', 'e-mail', "auto's", '\u{1d400}', 'ﬁ');
    const gap = fc.constantFrom(' ', '  ', ',', '.', '-', "'", '\n', '’', '\u2011', '', '\u00ad', '\ud800');
    const text = fc.array(fc.tuple(word, gap), { maxLength: 12 }).map((a) => a.flat().join(''));
    fc.assert(fc.property(fc.oneof(text, fc.string({ maxLength: 60 })), (s) => assert.equal(withoutStopwords(s), s.replace(rule, ''))), { numRuns: 2000 });
  });
});

describe('compileQuery: the MATCH expression', () => {
  const q = (s: string) => compileQuery(s).match;
  it('ANDs the words, each itself or its stem, the last also a prefix (the word being typed)', () => {
    assert.equal(q('storm Zeeland'), '"storm" AND "zeeland"*');
    assert.equal(q('huisjes brieven'), '("huisjes" OR "huis") AND ("brieven"* OR "brief")');
    // a stem that is not how the word starts (`ge-` taken off) is looked for as a form only, never as a word
    assert.equal(q('gewonden vielen'), '("gewonden" OR {title_forms body_forms} : "won") AND ("vielen"* OR "viel")');
  });
  it('keeps a phrase, folds accents', () => assert.match(q('"Geëlimineerd plein"'), /^\("geelimineerd plein"\* OR /));
  it('drops stopwords among other words and inside phrases', () => {
    assert.equal(q('de politie'), '"politie"*');
    assert.match(q('"minister van justitie"'), /^\("minister justitie"\* OR .*"justitieminister"/);
  });
  it('keeps a lone stopword as a prefix being typed', () => assert.equal(q('de'), '"de"*'));
  it('one rule for a query of stopwords only, quoted or not: each word a prefix', () => {
    assert.equal(q('"van de"'), '"van"* AND "de"*');
    assert.equal(q('van de'), '"van"* AND "de"*');
  });
  it('never passes FTS5 syntax through', () => {
    for (const s of ['AND', 'a OR b', 'NEAR(a b)', 'title:x', '"', '(', '*', '-x', '^x', 'e-mail OR', '"a AND b"', '2.000 NOT', 'gewonden {body} :', 'title_forms: x']) {
      const m = q(s);
      // every token quoted, letters and digits only; the only bare words are the operators krant writes
      const bare = m.replace(/"[\p{L}\p{N} ]+"\*?/gu, '').replace(/\{title_forms body_forms\} :/g, '').replace(/\b(AND|OR)\b|[() ]/g, '');
      assert.equal(bare, '', `${s} → ${m}`);
    }
  });
});
