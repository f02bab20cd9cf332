import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { packDocs, unpackDocs } from '../src/store/doc-transfer.js';
import type { IndexDoc } from '../src/store/index-doc.js';

const doc = (texts: string[]): IndexDoc => ({ title: texts[0]!, date: '2024-01-01', source: 'ANP', key: 7, fts: texts as IndexDoc['fts'] });
const decoded = (d: IndexDoc | string) => (typeof d === 'string' ? d : d.fts.map((t) => (typeof t === 'string' ? t : new TextDecoder().decode(t))));

describe('documents from a parse worker to the writing thread', () => {
  it('arrive with their texts as UTF-8, and skipped files with their reason', () => {
    const docs = [doc(['Storm', 'De storm raast', 'storm', '']), 'binary file, not an article', doc(['Geëlimineerd', 'café 𝐀 ’t — €', 'geelimineerd', 'cafe'])];
    const { message, transfer } = packDocs(docs);
    assert.deepEqual(transfer, [message.bytes]);
    const back = unpackDocs(structuredClone(message, { transfer }));
    assert.deepEqual(back.map(decoded), [['Storm', 'De storm raast', 'storm', ''], 'binary file, not an article', ['Geëlimineerd', 'café 𝐀 ’t — €', 'geelimineerd', 'cafe']]);
    assert.deepEqual({ ...(back[2] as IndexDoc), fts: undefined }, { title: 'Geëlimineerd', date: '2024-01-01', source: 'ANP', key: 7, fts: undefined });
  });
  it('whatever the texts, however many (the buffer grows past its first size)', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 300 });
    fc.assert(fc.property(fc.array(fc.oneof(fc.tuple(text, text, text, text), fc.constant('skipped')), { maxLength: 20 }), fc.nat(3_000_000), (items, big) => {
      const docs = items.map((t) => (typeof t === 'string' ? t : doc(t)));
      if (docs.length && typeof docs[0] !== 'string') (docs[0] as IndexDoc).fts[1] = 'é'.repeat(big % 700_000);
      const expected = docs.map(decoded);
      const { message, transfer } = packDocs(docs);
      assert.deepEqual(unpackDocs(structuredClone(message, { transfer })).map(decoded), expected);
    }), { numRuns: 60 });
  });
});
