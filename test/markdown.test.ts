import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inlineText } from '../src/core/markdown.js';
import { parseArticle, splitParagraphs } from '../src/core/parse.js';

const md = (text: string) => parseArticle('a', text, { markdown: true });

describe('Markdown articles', () => {
  it('reads # headings and underlined headings as heading paragraphs', () => {
    const a = md('title: T\n\n# Kop één #\n\nTekst.\n\nTussenkop\n---------\n\nMeer tekst.\n\nGroot\n=====');
    assert.deepEqual(a.paragraphs.map((p) => [p.kind, p.text]), [['heading', 'Kop één'], ['text', 'Tekst.'], ['heading', 'Tussenkop'], ['text', 'Meer tekst.'], ['heading', 'Groot']]);
  });
  it('keeps a paragraph of only = or - after a blank line: there is no text above it to underline', () => {
    assert.deepEqual(splitParagraphs('\n=\n\nTekst\n', true).map((p) => [p.kind, p.text]), [['text', '='], ['text', 'Tekst']]);
  });

  it('takes the first heading as the title when there is no title field, and does not say it twice', () => {
    const a = md('# Storm raast over Zeeland\n\nHet **KNMI** meldt 120 km per uur.');
    assert.equal(a.title, 'Storm raast over Zeeland');
    assert.deepEqual(a.paragraphs.map((p) => p.text), ['Het KNMI meldt 120 km per uur.']);
  });
  it('drops emphasis and code markers, keeps snake_case, 2*3 and a lone asterisk', () => {
    assert.equal(inlineText('**vet** en *schuin*, __ook__ _dit_ en ~~weg~~ en `code`').text, 'vet en schuin, ook dit en weg en code');
    assert.equal(inlineText('een snake_case_naam en 2*3*4 en a * b').text, 'een snake_case_naam en 2*3*4 en a * b');
    assert.equal(inlineText('\\*geen nadruk\\*').text, '*geen nadruk*');
  });
  it('gives a link as its text and keeps where it goes', () => {
    const r = inlineText('Lees [het rapport](https://example.org/r "Titel") of <https://nos.nl>.');
    assert.equal(r.text, 'Lees het rapport of https://nos.nl.');
    assert.deepEqual(r.links, [{ start: 5, end: 16, url: 'https://example.org/r' }, { start: 20, end: 34, url: 'https://nos.nl' }]);
    assert.equal(inlineText('![een foto](foto.jpg)').text, 'een foto');
  });
  it('keeps a link on its text in the paragraph, also where white space was collapsed', () => {
    const a = md('title: T\n\nZie  [de   bron](https://x.org/a) hier.');
    const p = a.paragraphs[0]!;
    assert.equal(p.text, 'Zie de bron hier.');
    assert.deepEqual(p.links, [{ start: 4, end: 11, url: 'https://x.org/a' }]);
  });
  it('list items get a bullet, quotes and rules lose their signs, fenced code stays as it is', () => {
    const a = md('title: T\n\n- een\n- twee *drie*\n\n> "Het is ernstig", zegt de burgemeester.\n\n***\n\n```\nx = a*b*c\n```');
    assert.deepEqual(a.paragraphs.map((p) => p.text), ['• een', '• twee drie', '"Het is ernstig", zegt de burgemeester.', 'x = a*b*c']);
  });
  it('leaves a .txt file as it is', () => {
    const a = parseArticle('a', 'title: T\n\n# niet **vet**');
    assert.deepEqual(a.paragraphs.map((p) => [p.kind, p.text]), [['text', '# niet **vet**']]);
  });
});
