import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { decodeBytes } from '../src/core/decode.js';
import { normaliseDate } from '../src/core/date.js';
import { articleWords } from '../src/core/article.js';
import { parseArticle } from '../src/core/parse.js';
import { SEED } from './helpers.js';

describe('parseArticle', () => {
  it('reads the seed file: seed-form date, five paragraphs, two captions', () => {
    const a = parseArticle('2022-01-almaty', decodeBytes(fs.readFileSync(SEED)).text);
    assert.equal(a.date, '2022-01');
    assert.equal(a.paragraphs.length, 5);
    assert.deepEqual(a.paragraphs.map((p) => p.kind), ['text', 'caption', 'text', 'caption', 'text']);
    assert.match(a.paragraphs[0]!.text, /^Veiligheidstroepen hebben vannacht/);
    assert.equal(a.paragraphs[1]!.text, 'Demonstranten in Almaty hebben een truck op de veiligheidstroepen buitgemaakt - AFP');
    assert.match(a.paragraphs[3]!.text, / - NOS$/);
    assert.match(a.paragraphs[2]!.text, /gelost:$/);
    assert.ok(a.paragraphs[0]!.text.includes('geëlimineerd'));
    assert.ok(a.title.startsWith('Veiligheidstroepen hebben vannacht'));
    assert.ok(a.title.length <= 81);
    assert.ok(articleWords(a) > 300);
  });

  it('reads a key: value header up to the first blank line', () => {
    const a = parseArticle('x', 'title: Storm\ndate: 2024-03-05\nsource: NOS\nurl: https://e.org/a\nauthor: Piet\nlang: nl\ntags: weer, storm\nregion: Zeeland\n\nEen.\n\nTwee.');
    assert.equal(a.title, 'Storm');
    assert.equal(a.date, '2024-03-05');
    assert.equal(a.source, 'NOS');
    assert.equal(a.url, 'https://e.org/a');
    assert.equal(a.author, 'Piet');
    assert.equal(a.lang, 'nl');
    assert.deepEqual(a.tags, ['weer', 'storm']);
    assert.deepEqual(a.extra, { region: 'Zeeland' });
    assert.deepEqual(a.paragraphs.map((p) => p.text), ['Een.', 'Twee.']);
  });

  it('reads --- front matter', () => {
    const a = parseArticle('x', '---\ntitle: "Markdown"\ndate: 2023-01-02\n---\n\nTekst hier.\n');
    assert.equal(a.title, 'Markdown');
    assert.equal(a.date, '2023-01-02');
    assert.deepEqual(a.paragraphs.map((p) => p.text), ['Tekst hier.']);
  });

  it('does not take a first paragraph with a colon for a header', () => {
    const a = parseArticle('x', 'Let op: de weg is dicht.\n\nMeer.');
    assert.equal(a.paragraphs.length, 2);
    assert.equal(a.paragraphs[0]!.text, 'Let op: de weg is dicht.');
  });

  it('joins single newlines, accepts CRLF, BOM and tabs', () => {
    const a = parseArticle('x', '\ufefftitle: T\r\n\r\nEen\r\nregel\tmet\t tab.\r\n\r\n\r\nTwee.');
    assert.deepEqual(a.paragraphs.map((p) => p.text), ['Een regel met tab.', 'Twee.']);
  });

  it('ignores whitespace before the seed form', () => {
    const a = parseArticle('x', '  \n date 2021-12-31 Eerste alinea.\n\nTweede.');
    assert.equal(a.date, '2021-12-31');
    assert.equal(a.paragraphs[0]!.text, 'Eerste alinea.');
  });

  it('falls back to the first sentence for a title, cut near 80 columns', () => {
    assert.equal(parseArticle('x', 'Kort. Daarna meer.').title, 'Kort.');
    const long = parseArticle('x', 'Dit is een heel lange eerste zin die maar doorgaat en doorgaat zonder ooit te stoppen want dat kan.').title;
    assert.ok(long.endsWith('…') && long.length <= 80, long);
    assert.ok(!long.includes('  '));
  });

  it('has no date when none is given', () => {
    assert.equal(parseArticle('x', 'title: T\n\nTekst.').date, '');
  });

  it('tells captions with a credit from text', () => {
    const a = parseArticle('x', 'Foto van de brand - ANP\n\nDe brand woedde de hele nacht - zo zeggen ze.\n\nHij zei: het is 3 - 1 geworden.\n\nKijk hier naar de beelden:');
    assert.deepEqual(a.paragraphs.map((p) => p.kind), ['caption', 'text', 'text', 'text']);
  });

  it('removes control characters from text and header values', () => {
    const a = parseArticle('x', 'title: Kop\x1b[2J\x07\n\nTekst\x1b]0;pwned\x07 hier.');
    assert.equal(a.title, 'Kop');
    assert.equal(a.paragraphs[0]!.text, 'Tekst hier.');
  });

  it('never throws on odd input', () => {
    for (const s of ['', '\n\n\n', '---', '---\n---', 'title:', 'date 2022-01', '\u0000\u0001', ':::\n\n:::']) parseArticle('x', s);
  });
});

describe('decodeBytes', () => {
  it('decodes UTF-8 and drops a BOM', () => {
    assert.deepEqual(decodeBytes(Buffer.from('\ufeffgeëlimineerd')), { text: 'geëlimineerd', encoding: 'utf-8' });
  });
  it('falls back to Windows-1252 for invalid UTF-8', () => {
    const d = decodeBytes(Buffer.from([0x67, 0x65, 0xeb, 0x6c, 0x80]));
    assert.equal(d.encoding, 'windows-1252');
    assert.equal(d.text, 'geël€');
  });
});

describe('normaliseDate', () => {
  it('keeps ISO dates and reads common others', () => {
    assert.equal(normaliseDate('2022-01'), '2022-01');
    assert.equal(normaliseDate('2022-01-06T10:00:00Z'), '2022-01-06');
    assert.equal(normaliseDate('6-1-2022'), '2022-01-06');
    assert.equal(normaliseDate('6 januari 2022'), '2022-01-06');
    assert.equal(normaliseDate('gisteren'), '');
    assert.equal(normaliseDate('2022-13-01'), '');
  });
});

describe('odd files: kept where they are text, skipped where they are not', () => {
  it('random bytes and gzip data are binary; text with a stray NUL or escape is not', async () => {
    const { looksBinary } = await import('../src/core/decode.js');
    const zlib = await import('node:zlib');
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24));
    assert.equal(looksBinary(random), true);
    assert.equal(looksBinary(zlib.gzipSync(Buffer.from('title: Storm\n\n' + 'De storm raast over Zeeland. '.repeat(200)))), true);
    assert.equal(looksBinary(Buffer.from('title: Kop\n\nTekst\x00 met een NUL.\n')), false);
    assert.equal(looksBinary(Buffer.from('title: Kop\x1b[2J\x07\n\nTekst.\n')), false);
  });
  it('each control byte text does not use counts towards binary; tab, line ends and escape do not', async () => {
    const { looksBinary } = await import('../src/core/decode.js');
    for (let b = 0; b < 0x20; b++) {
      // not UTF-8 (0xff), so a few per cent of control bytes decide
      const bytes = Buffer.from(Array.from({ length: 2000 }, (_, i) => (i === 0 ? 0xff : i % 20 === 0 ? b : 0x61)));
      const counted = (b < 0x09 || b > 0x0d) && b !== 0x1b;
      assert.equal(looksBinary(bytes), counted, `byte 0x${b.toString(16)}`);
    }
  });
  it('a BOM with one Windows-1252 byte stays UTF-8: the title is read, the bad byte replaced', async () => {
    const { decodeBytes } = await import('../src/core/decode.js');
    const d = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('title: Café\n\nPrijs '), Buffer.from([0x80]), Buffer.from(' 5.\n')]));
    assert.equal(d.encoding, 'utf-8');
    assert.equal(parseArticle('x', d.text).title, 'Café');
  });
  it('a U+2028 in a header value keeps the header a header', () => {
    const a = parseArticle('x', 'title: Storm\u2028raast\nsource: NOS\n\nTekst.\n');
    assert.equal(a.source, 'NOS');
    assert.match(a.title, /^Storm\s?raast$/);
    assert.equal(a.paragraphs.length, 1);
  });
});

describe('binary or text, at the edge of the first 8 KB', () => {
  it('a UTF-8 character cut by the 8 KB limit is still text, and the check leaves no state behind', async () => {
    const { looksBinary } = await import('../src/core/decode.js');
    const text = Buffer.from('title: Kop\x07\n\n' + 'é'.repeat(5000));
    assert.equal(text[8191]! >= 0x80, true);
    assert.equal(looksBinary(text), false);
    assert.equal(looksBinary(Buffer.from('title: Kop\x07\n\nTekst.\n')), false);
  });
});
