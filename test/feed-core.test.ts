/** The pure parts of fetching: dates, character sets, HTML to paragraphs, article files and names, subscriptions, OPML, mending feeds. */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { articleFileName, articleFileText, escapeMarkdown, slug } from '../src/core/feed/article-file.js';
import { decodeDocument } from '../src/core/feed/charset.js';
import { amsterdamOffset, feedDate } from '../src/core/feed/dates.js';
import { extractArticle } from '../src/core/feed/extract.js';
import { feedLinks, fullText, mendCdata, parseFeedText } from '../src/core/feed/feed-items.js';
import { captionText, htmlToParagraphs } from '../src/core/feed/html.js';
import { opmlFromSubscriptions, subscriptionsFromOpml } from '../src/core/feed/opml.js';
import { feedFolder, findSubscriptions, parseSubscriptions, withAdded, withRemoved } from '../src/core/feed/subscriptions.js';
import { parseArticle } from '../src/core/parse.js';

describe('feed dates, in Dutch time', () => {
  it('reads RFC 822 with named zones no parser knows (CET, CEST) and numeric ones', () => {
    assert.equal(feedDate('Tue, 14 Jan 2025 10:00:00 CET'), '2025-01-14T10:00+01:00');
    assert.equal(feedDate('Mon, 14 Jul 2025 10:00:00 CEST'), '2025-07-14T10:00+02:00');
    assert.equal(feedDate('Tue, 14 Jan 2025 09:00:00 GMT'), '2025-01-14T10:00+01:00');
    assert.equal(feedDate('Tue, 14 Jan 2025 04:00:00 -0500'), '2025-01-14T10:00+01:00');
    assert.equal(feedDate('Tue, 14 Jan 25 10:00 CET'), '2025-01-14T10:00+01:00');
  });
  it('converts to the Amsterdam day: late UTC evening is the next day', () => {
    assert.equal(feedDate('2025-01-13T23:30:00Z'), '2025-01-14T00:30+01:00');
    assert.equal(feedDate('Sat, 14 Jun 2025 23:30:00 GMT'), '2025-06-15T01:30+02:00');
  });
  it('reads a time without a zone as Amsterdam time, not the machine\'s', () => {
    assert.equal(feedDate('2025-07-01T12:00:00'), '2025-07-01T12:00+02:00');
    assert.equal(feedDate('dinsdag 14 januari 2025, 10:00'), '2025-01-14T10:00+01:00');
    assert.equal(feedDate('za 3 mei 2025 om 14.05 uur'), '2025-05-03T14:05+02:00');
  });
  it('keeps a date without a time a date, and gives nothing for what is no date', () => {
    assert.equal(feedDate('14 januari 2025'), '2025-01-14');
    assert.equal(feedDate('2025-01-14'), '2025-01-14');
    for (const bad of ['', 'gisteren', '2025-13-01', 'Tue, 14 Jan 2025 10:00 XYZ', undefined]) assert.equal(feedDate(bad), '', String(bad));
  });
  it('switches to summer time on the last Sunday of March and back on the last Sunday of October, at 01:00 UTC', () => {
    assert.equal(amsterdamOffset(Date.UTC(2025, 2, 30, 0, 59)), 60);
    assert.equal(amsterdamOffset(Date.UTC(2025, 2, 30, 1, 0)), 120);
    assert.equal(amsterdamOffset(Date.UTC(2025, 9, 26, 0, 59)), 120);
    assert.equal(amsterdamOffset(Date.UTC(2025, 9, 26, 1, 0)), 60);
  });
});

describe('character sets', () => {
  const cp1252 = Buffer.from([0x80, 0x20, 0x93, 0x61, 0x94, 0x20, 0xeb]); // € “a” ë
  it('reads Windows-1252 right in 0x80-0x9F (Node\'s own decoder turns € into a control character unless streamed)', () => {
    assert.equal(decodeDocument(cp1252, 'text/xml; charset=windows-1252'), '€ “a” ë');
    assert.equal(decodeDocument(cp1252, 'text/html; charset=ISO-8859-1'), '€ “a” ë');
  });
  it('takes the charset from the header, else a BOM, else the XML declaration, else <meta>', () => {
    const decl = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1252"?><t>'), cp1252]);
    assert.equal(decodeDocument(decl, 'application/xml'), '<?xml version="1.0" encoding="windows-1252"?><t>€ “a” ë');
    const meta = Buffer.concat([Buffer.from('<html><head><meta charset="iso-8859-1"></head>'), Buffer.from([0xe9])]);
    assert.match(decodeDocument(meta, 'text/html'), /é$/);
    assert.equal(decodeDocument(Buffer.from('\uFEFFgeëlimineerd', 'utf8'), 'text/plain; charset=windows-1252'), 'geëlimineerd');
    assert.equal(decodeDocument(Buffer.from('geëlimineerd', 'utf8'), 'text/plain; charset=utf-8'), 'geëlimineerd');
    assert.equal(decodeDocument(Buffer.from('geëlimineerd', 'utf8')), 'geëlimineerd');
    assert.equal(decodeDocument(Buffer.from([0x67, 0xeb])), 'gë'); // no word about it, not UTF-8: Windows-1252
  });
});

describe('HTML to paragraphs', () => {
  it('keeps headings, captions with their credit, list items and links; drops scripts, navigation, share and "lees ook" boxes', () => {
    const html = `<nav><a href="/">Home</a></nav><script>x()</script><h2>Kop &amp; staart</h2><p>Volgens de <a href="/politie">politie</a> <b>12</b> doden.</p>
      <figure><img src="a.jpg"><figcaption>Agenten in Almaty <span class="credit">Foto: ANP</span></figcaption></figure>
      <ul><li>een</li><li>twee</li></ul><div class="social-share"><a href="x">Deel</a></div><p>Lees ook: iets</p><p>Advertentie</p><aside>weg</aside>`;
    const ps = htmlToParagraphs(html, { resolve: (h) => new URL(h, 'https://nos.example/a/b').href });
    assert.deepEqual(ps.map((p) => [p.kind, p.text]), [['heading', 'Kop & staart'], ['text', 'Volgens de politie 12 doden.'], ['caption', 'Agenten in Almaty - ANP'], ['text', '• een'], ['text', '• twee']]);
    assert.deepEqual(ps[1]!.links, [{ start: 11, end: 18, url: 'https://nos.example/politie' }]);
  });
  it('makes a credit written inside a caption the credit', () => {
    assert.equal(captionText('Een bouwplaats in Utrecht © ANP', ''), 'Een bouwplaats in Utrecht - ANP');
    assert.equal(captionText('De dijk bij Vlissingen (Foto: Hollandse Hoogte)', ''), 'De dijk bij Vlissingen - Hollandse Hoogte');
    assert.equal(captionText('Zonder maker', ''), 'Zonder maker');
  });
  it('never throws and never lets a tag through, whatever the HTML', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => {
      for (const p of htmlToParagraphs(s)) assert.ok(!/<\/?[a-z][a-z0-9]*[\s>]/i.test(p.text) || s.includes('&lt;'), p.text);
    }));
  });
});

describe('article files', () => {
  const base = { title: 'Kop', date: '2025-01-14T10:00+01:00', source: 'NOS', url: 'https://nos.example/1', author: '', guid: 'nos-1', note: '' };
  it('write what the parser reads back: header, headings, captions, links, text with Markdown signs in it', () => {
    const paragraphs = [
      { kind: 'text' as const, text: '# geen kop, *geen* nadruk, [geen](link) en 1. geen lijst_' },
      { kind: 'heading' as const, text: 'Een kop' },
      { kind: 'caption' as const, text: 'Agenten in Almaty - ANP' },
      { kind: 'text' as const, text: 'Volgens de politie (zie hier) klopt het.', links: [{ start: 11, end: 18, url: 'https://p.example/a b(c)' }] },
      { kind: 'text' as const, text: '- 3 - 2 = 1' },
    ];
    const a = parseArticle('x', articleFileText({ ...base, title: '"Wij gaan door"', paragraphs }), { markdown: true });
    assert.equal(a.title, '"Wij gaan door"');
    assert.equal(a.date, '2025-01-14');
    assert.equal(a.extra.guid, 'nos-1');
    assert.deepEqual(a.paragraphs.map((p) => [p.kind, p.text]), paragraphs.map((p) => [p.kind, p.text]));
    assert.deepEqual(a.paragraphs[3]!.links, [{ start: 11, end: 18, url: 'https://p.example/a%20b%28c%29' }]);
  });
  it('round-trips any text through Markdown escaping', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 80 }).map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length > 0 && !/[\x00-\x1f\x7f-\x9f\u2028\u2029]/.test(s)), (text) => {
      const md = parseArticle('x', `title: t\n\n${escapeMarkdown(text)}\n`, { markdown: true });
      const plain = parseArticle('x', `title: t\n\n${text}\n`);
      assert.equal(md.paragraphs.map((p) => p.text).join(' '), plain.paragraphs.map((p) => p.text).join(' '));
    }));
  });
  it('names files YYYY/YYYY-MM-DD-slug.md that never leave their folder', () => {
    assert.equal(articleFileName({ date: '2025-01-14T10:00+01:00', title: 'Crèche krijgt € 2 miljoen!' }, '2026-01-01'), '2025/2025-01-14-creche-krijgt-2-miljoen.md');
    assert.equal(articleFileName({ date: '', title: '../../etc/passwd' }, '2026-01-01'), '2026/2026-01-01-etc-passwd.md');
    assert.equal(articleFileName({ date: '', title: '\x00\x1b[31m' }, '2026-01-01'), '2026/2026-01-01-artikel.md');
    assert.equal(articleFileName({ date: '', title: '日本' }, '2026-01-01'), '2026/2026-01-01-artikel.md');
    assert.equal(slug('CON', 60, 'feed'), 'con-feed');
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (title) => {
      const name = articleFileName({ date: '', title }, '2026-01-01');
      assert.match(name, /^2026\/2026-01-01-[a-z0-9-]+\.md$/);
      assert.ok(Buffer.byteLength(name) <= 200);
    }));
  });
});

describe('subscriptions', () => {
  const file = '# mijn feeds\nhttps://nos.example/feed NOS Algemeen #nieuws #binnenland\n\nhttps://west.example/rss\nftp://x/y\n';
  it('reads URL [name] [#tag …] lines, skips comments, names what it cannot read', () => {
    const { subscriptions, problems } = parseSubscriptions(file);
    assert.deepEqual(subscriptions, [{ url: 'https://nos.example/feed', name: 'NOS Algemeen', tags: ['nieuws', 'binnenland'] }, { url: 'https://west.example/rss', name: '', tags: [] }]);
    assert.deepEqual(problems, [{ line: 5, what: 'not an http(s) address: ftp://x/y' }]);
    assert.equal(feedFolder(subscriptions[1]!), 'west-example');
    assert.equal(findSubscriptions(subscriptions, 'nos algemeen')[0]!.url, 'https://nos.example/feed');
  });
  it('adds at the end and removes a line, keeping every other line as written', () => {
    const added = withAdded(file, [{ url: 'https://rtl.example/rss', name: 'RTL', tags: ['tv'] }, { url: 'https://west.example/rss', name: 'dubbel', tags: [] }]);
    assert.equal(added, file + 'https://rtl.example/rss RTL #tv\n');
    assert.equal(withRemoved(added, new Set(['https://nos.example/feed'])), '# mijn feeds\n\nhttps://west.example/rss\nftp://x/y\nhttps://rtl.example/rss RTL #tv\n');
  });
  it('goes to OPML and back: folders as tags', () => {
    const subs = parseSubscriptions(file).subscriptions;
    assert.deepEqual(subscriptionsFromOpml(opmlFromSubscriptions(subs)), subs.map((s) => ({ ...s, name: s.name })));
  });
});

describe('feeds as they are, not as they should be', () => {
  it('closes an unterminated CDATA at the end of its element, so the next item is kept', () => {
    const xml = '<item><description><![CDATA[<p>een</p></description></item><item><description><![CDATA[twee]]></description></item>';
    assert.equal(mendCdata(xml), '<item><description><![CDATA[<p>een</p>]]></description></item><item><description><![CDATA[twee]]></description></item>');
  });
  it('parses a feed with control characters in CDATA and a bare ampersand, resolving links against xml:base', () => {
    const f = parseFeedText('<?xml version="1.0"?><rss><channel><title>A & B</title><item><title>Een\x07 & twee</title><link>/x</link><description><![CDATA[te\x1b[2Jkst]]></description></item></channel></rss>', 'https://feed.example/rss');
    assert.equal(f.title, 'A & B');
    assert.equal(f.items[0]!.title, 'Een & twee');
    assert.equal(f.items[0]!.link, 'https://feed.example/x');
    assert.equal(f.items[0]!.summary, 'tekst');
  });
  it('reads RSS 1.0 (RDF) with Dublin Core dates and creators', () => {
    const f = parseFeedText(`<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://regio.example/"><title>Regio</title><link>https://regio.example/</link></channel>
      <item rdf:about="https://regio.example/1"><title>Dijk versterkt</title><link>https://regio.example/1</link><description>Kort.</description><dc:date>2025-03-03T08:00:00+01:00</dc:date><dc:creator>Anna</dc:creator></item></rdf:RDF>`, 'https://regio.example/rss');
    assert.equal(f.format, 'rdf');
    assert.equal(f.title, 'Regio');
    assert.deepEqual([f.items[0]!.title, f.items[0]!.link, f.items[0]!.date, f.items[0]!.author], ['Dijk versterkt', 'https://regio.example/1', '2025-03-03T08:00+01:00', 'Anna']);
  });
  it('says what is not a feed', () => {
    assert.throws(() => parseFeedText('', 'https://x'), /empty response/);
    assert.throws(() => parseFeedText('<!doctype html><html><body>x</body></html>', 'https://x'), /an HTML page, not a feed/);
    assert.throws(() => parseFeedText('{"a":1}', 'https://x'), /not a JSON Feed/);
  });
  it('finds the feeds a page announces', () => {
    assert.deepEqual(feedLinks('<link rel="alternate" type="application/rss+xml" title="Alles" href="/rss?a=1&amp;b=2"><link rel="stylesheet" href="x.css"><link rel="alternate" type="application/atom+xml" href="https://x.example/atom">', 'https://site.example/nieuws'), [
      { url: 'https://site.example/rss?a=1&b=2', title: 'Alles' },
      { url: 'https://x.example/atom', title: '' },
    ]);
  });
  it('tells a full article from a summary', () => {
    const item = { title: 't', link: 'https://x', guid: '', date: '', author: '', content: '', summary: '<p>Kort.</p>' };
    assert.equal(fullText(item), null);
    assert.deepEqual(fullText({ ...item, content: '<p>Een.</p><p>Twee.</p>' })?.map((p) => p.text), ['Een.', 'Twee.']);
    const three = '<p>' + 'Lange alinea over het nieuws van vandaag. '.repeat(3) + '</p>';
    assert.equal(fullText({ ...item, summary: three.repeat(3) })?.length, 3);
    assert.equal(fullText({ ...item, summary: three.repeat(2) }), null);
  });
});

describe('reader mode on a page', () => {
  const page = (body: string) => `<!doctype html><html><head><title>T</title><meta property="og:site_name" content="Omroep"><meta property="article:published_time" content="2025-02-01T08:00:00Z"></head><body>${body}</body></html>`;
  const text = '<p>' + 'De gemeenteraad besloot gisteren na een lang debat om 12 miljoen euro uit te trekken voor nieuwe fietspaden. '.repeat(3) + '</p>';
  it('finds the article, its site and date', () => {
    const a = extractArticle(page(`<nav>Menu</nav><article><h1>Fietspaden</h1>${text}${text}<p>Lees ook: ander nieuws</p></article>`), 'https://omroep.example/a');
    assert.ok(a);
    assert.equal(a.site, 'Omroep');
    assert.equal(a.date, '2025-02-01T09:00+01:00');
    assert.ok(a.paragraphs.every((p) => !/Lees ook|Menu/.test(p.text)));
  });
  it('calls a page without an article no article', () => {
    assert.equal(extractArticle(page('<nav><a href="/">Home</a></nav><p>Welkom.</p>'), 'https://omroep.example/'), null);
  });
});
