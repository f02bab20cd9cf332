import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileQuery } from '../src/core/query.js';
import { withoutStopwords } from '../src/core/stopwords.js';

describe('withoutStopwords', () => {
  it('takes out stopwords between spaces, in any case', () => {
    assert.equal(withoutStopwords('De minister van de politie is in Almaty'), ' minister politie Almaty');
  });
  it('leaves words that only start or end like one', () => {
    assert.equal(withoutStopwords('demonstranten ideeën deel'), 'demonstranten ideeën deel');
  });
});

describe('compileQuery: the MATCH expression', () => {
  const q = (s: string) => compileQuery(s).match;
  it('quotes every word as a prefix and ANDs them', () => assert.equal(q('storm Zeeland'), '"storm"* AND "zeeland"*'));
  it('keeps a phrase, folds accents', () => assert.equal(q('"Geëlimineerd plein"'), '"geelimineerd plein"*'));
  it('drops stopwords among other words and inside phrases', () => {
    assert.equal(q('de politie'), '"politie"*');
    assert.equal(q('"minister van justitie"'), '"minister justitie"*');
  });
  it('keeps a lone stopword as a prefix being typed', () => assert.equal(q('de'), '"de"*'));
  it('one rule for a query of stopwords only, quoted or not: each word a prefix', () => {
    assert.equal(q('"van de"'), '"van"* AND "de"*');
    assert.equal(q('van de'), '"van"* AND "de"*');
  });
  it('never passes FTS5 syntax through', () => {
    for (const s of ['AND', 'a OR b', 'NEAR(a b)', 'title:x', '"', '(', '*', '-x', '^x']) {
      const m = q(s);
      assert.ok(m === '' || /^("[\p{L}\p{N} ]+"\*)( AND "[\p{L}\p{N} ]+"\*)*$/u.test(m), `${s} → ${m}`);
    }
  });
});
