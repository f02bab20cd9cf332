import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { chunkIndexForms, indexTexts, wordForms } from '../src/core/dutch/analyze.js';
import { CHUNK, chunkEnd } from '../src/core/dutch/chunks.js';
import { splitCompound } from '../src/core/dutch/compound.js';
import { readLexicon } from '../src/core/dutch/lexicon.js';
import { digitsToken, numberWordValue } from '../src/core/dutch/numbers.js';
import { RegionCache } from '../src/core/dutch/region-cache.js';
import { stem } from '../src/core/dutch/stem.js';
import { findTerms } from '../src/core/find.js';
import { compileQuery, findQuery } from '../src/core/query.js';
import { makeSnippet } from '../src/core/snippet.js';
import { readLexiconFile } from '../src/store/lexicon-file.js';
import { Store } from '../src/store/store.js';
import { BIN, article, makeFolder } from './helpers.js';

const lexicon = readLexiconFile();

describe('Dutch stems', () => {
  const same = (...words: string[]) => assert.equal(new Set(words.map(stem)).size, 1, words.map((w) => `${w}→${stem(w)}`).join(' '));
  it('verbs: infinitive, past, participle', () => {
    same('arresteren', 'arresteerde', 'gearresteerd');
    same('scoren', 'scoorde');
    same('lopen', 'gelopen');
  });
  it('plurals, also with a vowel that changes', () => {
    same('schilderij', 'schilderijen');
    same('inbraak', 'inbraken');
    same('baan', 'banen');
    same('gewond', 'gewonde', 'gewonden');
  });
  it('irregular plurals: a vowel that changes, an -eren the stemmer does not read', () => {
    same('schip', 'schepen');
    same('stad', 'steden');
    same('lid', 'leden');
    same('kind', 'kinderen');
    same('lied', 'liederen');
    assert.notEqual(stem('goederen'), stem('goed'), 'goods are not good');
  });
  it('diminutives', () => {
    same('huis', 'huisje', 'huisjes');
    same('brief', 'briefje', 'brieven');
  });
  it('accents folded first: geëlimineerd and geelimineerd', () => same('geelimineerd', 'elimineerde'));
});

describe('Dutch numbers', () => {
  it('reads number words', () => {
    const cases: Array<[string, number | null]> = [
      ['zeventien', 17], ['vijfentwintig', 25], ['tweeentwintig', 22], ['tweeduizend', 2000], ['driehonderdvijftig', 350],
      ['honderd', 100], ['duizend', 1000], ['tienduizend', 10000], ['anderhalf', 1.5], ['anderhalve', 1.5],
      ['een', null], ['tiental', null], ['dertigers', null], ['politie', null],
    ];
    for (const [w, v] of cases) assert.equal(numberWordValue(w), v, w);
  });
  it('reads digits the Dutch way: a point groups thousands, a comma is the decimal sign', () => {
    const cases: Array<[string, string | null]> = [['2.000', '2000'], ['1,5', '1d5'], ['2.000,50', '2000d5'], ['12', '12'], ['007', '7'], ['1.5', null], ['2.00', null], ['1,000', '1']];
    for (const [t, v] of cases) assert.equal(digitsToken(t), v, t);
  });
});

describe('compound splitting', () => {
  it('splits compounds into their parts, head last', () => {
    const cases: Array<[string, string[]]> = [
      ['veiligheidstroepen', ['veiligheid', 'troepen']], ['vakantiehuisje', ['vakantie', 'huisje']], ['hypotheekrente', ['hypotheek', 'rente']],
      ['justitieminister', ['justitie', 'minister']], ['lpgprijs', ['lpg', 'prijs']], ['politieagenten', ['politie', 'agenten']],
    ];
    for (const [w, parts] of cases) assert.deepEqual(splitCompound(w, lexicon), parts, w);
  });
  it('leaves words that are not compounds whole', () => {
    for (const w of ['minister', 'ministerie', 'schilderijen', 'verkiezingen', 'politie', 'demonstranten', 'huis', 'kinderen']) {
      assert.equal(splitCompound(w, lexicon), null, w);
    }
  });
  it('without a word list, nothing is split', () => assert.equal(splitCompound('veiligheidstroepen', readLexicon('')), null));
  it('the parts come from the word, in order', () => {
    const words = ['veiligheidstroepen', 'vakantiehuisje', 'klimaatverandering', 'woningnood', 'stormschade', 'brandweerlieden', 'parkeergarage', 'zorgverzekeraar'];
    fc.assert(fc.property(fc.constantFrom(...words), fc.string({ unit: fc.constantFrom('a', 'e', 'n', 's', 'r', 't'), maxLength: 6 }), (w, tail) => {
      const parts = splitCompound(w + tail, lexicon) ?? [];
      let at = 0;
      for (const p of parts) {
        const i = (w + tail).indexOf(p, at);
        assert.ok(i >= at, `${w + tail}: ${parts.join('+')}`);
        at = i + p.length;
      }
    }));
  });
  it('the word list: sorted, folded, looked up exactly', () => {
    const l = readLexicon('aap\nbeer\nbeerput\nzee\n');
    assert.deepEqual(['aap', 'beer', 'beerput', 'zee', 'bee', 'beerp', 'a', 'zeeen', ''].map((w) => l.has(w)), [true, true, true, true, false, false, false, false, false]);
    assert.ok(!lexicon.empty && lexicon.has('troep') && lexicon.has('prijs') && !lexicon.has('Amsterdam') && !lexicon.has('amsterdam'));
    // the same answers before and after the table of starts is built (after 256 lookups)
    const words = ['aap', 'beer', 'beerput', 'zee', 'bee', 'beerp', 'a', 'zeeen'];
    const l2 = readLexicon('aap\nbeer\nbeerput\nzee\n');
    const answers = Array.from({ length: 300 }, (_, i) => l2.has(words[i % words.length]!));
    for (let i = 0; i < 300; i++) assert.equal(answers[i], [true, true, true, true, false, false, false, false][i % 8]);
  });
});

const indexForms = (s: string) => indexTexts(s).forms;

describe('a chunk: the scan by hand is the regular expression', () => {
  const chunks = (s: string) => {
    const out: string[] = [];
    for (let i = 0; i < s.length; ) {
      const end = chunkEnd(s, i);
      if (end > i) out.push(s.slice(i, end));
      i = Math.max(end, i + 1);
    }
    return out;
  };
  it('on words, numbers and joins', () => {
    assert.deepEqual(chunks("De e-mail, 2.000 auto's; 1,5 -x y- a--b ’t Zürich 𝐀b"), ['De', 'e-mail', '2.000', "auto's", '1,5', 'x', 'y', 'a', 'b', 't', 'Zürich', '𝐀b']);
  });
  it('whatever the text', () => {
    const piece = fc.constantFrom('a', 'Z', '9', 'é', 'ß', '𝐀', '\ud800', '\udc00', '-', '.', ',', "'", '’', '\u2011', ' ', '\u0308', '٣', '\u00ad', '中');
    const text = fc.array(piece, { maxLength: 30 }).map((a) => a.join(''));
    fc.assert(fc.property(fc.oneof(text, fc.string({ unit: 'grapheme', maxLength: 40 })), (s) => assert.deepEqual(chunks(s), s.match(CHUNK) ?? [])), { numRuns: 2000 });
  });
});

describe('a cache keyed by a piece of a text', () => {
  it('gives what was made of that piece, whatever other pieces share its slot or it holds', () => {
    const region = fc.tuple(fc.string({ unit: fc.constantFrom('a', 'b', 'é', '𝐀', ' '), maxLength: 12 }), fc.nat(), fc.nat());
    fc.assert(fc.property(fc.integer({ min: 1, max: 8 }), fc.array(region, { maxLength: 60 }), (limit, regions) => {
      const cache = new RegionCache<string>(limit);
      let made = 0;
      for (const [text, a, b] of regions) {
        const start = text.length ? a % text.length : 0;
        const end = start + (text.length ? b % (text.length - start + 1) : 0);
        const piece = text.slice(start, end);
        assert.equal(cache.get(text, start, end, (p) => (made++, `<${p}>`)), `<${piece}>`);
      }
      assert.ok(made <= regions.length);
    }), { numRuns: 500 });
  });
  it('keeps what it made as it grows past its first table', () => {
    const cache = new RegionCache<string>(100_000);
    const text = Array.from({ length: 5000 }, (_, i) => `w${i}é`).join(' ');
    const pieces = [...text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length] as const);
    let made = 0;
    for (const [a, b] of pieces) cache.get(text, a, b, (p) => (made++, p.toUpperCase()));
    for (const [a, b] of pieces) assert.equal(cache.get(text, a, b, () => 'again'), text.slice(a, b).toUpperCase());
    assert.equal(made, 5000);
  });
  it('makes a piece once while it is held', () => {
    const cache = new RegionCache<number>(100);
    let made = 0;
    for (const text of ['de storm', 'een storm', 'storm']) cache.get(text, text.indexOf('storm'), text.length, () => ++made);
    assert.equal(made, 1);
  });
});

describe('the forms the index keeps', () => {
  it('stems, parts, numbers and joined hyphens, never the word itself', () => {
    const forms = indexForms("De e-mail over 2.000 banen en 1,5 miljard: zeventien auto's bij de veiligheidstroepen.").split(' ');
    for (const f of ['email', '2000', 'baan', '1d5', '17', 'veiligheidstroep', 'troep']) assert.ok(forms.includes(f), `${f} in ${forms.join(' ')}`);
    for (const f of ['banen', 'miljard', 'de', 'over']) assert.ok(!forms.includes(f), `${f} not in ${forms.join(' ')}`);
  });
  it('a text has the forms of its chunks, in order, each once, whatever the text', () => {
    const piece = fc.constantFrom('gewonden', 'de', '2.000', 'e-mail', 'é', 'ß', '𝐀', '-', '.', ',', "'", '’', ' ', '\u0308', '٣', '!', '\n', 'veiligheidstroepen');
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }).map((a) => a.join('')), (s) => {
      const each = [...new Set((s.match(CHUNK) ?? []).map(chunkIndexForms).filter(Boolean))].join(' ');
      assert.equal(indexForms(s), each);
    }), { numRuns: 1000 });
  });
  it('a word written again adds no forms: its count is in the words', () => {
    const once = indexTexts('De gewonden werden naar huis gebracht.');
    const twice = indexTexts('De gewonden werden naar huis gebracht. De gewonden werden verzorgd.');
    assert.equal(twice.forms, `${once.forms} ${indexForms('verzorgd')}`.trim());
    assert.equal(twice.words.split(' ').filter((w) => w === 'gewonden').length, 2);
  });
  it('only letters and digits, whatever the text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => assert.match(indexForms(s), /^[\p{L}\p{N} ]*$/u)));
  });
  it('a word has its forms once', () => assert.deepEqual(wordForms('zwaargewonden').parts, ['zwaar', stem('gewonden')]));
});

describe('search through the analysis: what is found is what is marked', () => {
  const marked = (text: string, q: string) => findTerms(text, compileQuery(q).marked).map((s) => text.slice(s.start, s.end));
  it('inflections and compounds', () => {
    assert.deepEqual(marked('Drie zwaargewonden, een gewonde en de gewond geraakte man.', 'gewonden'), ['zwaargewonden', 'gewonde', 'gewond']);
    assert.deepEqual(marked('De veiligheidstroepen en de troep.', 'troepen'), ['veiligheidstroepen', 'troep']);
    assert.deepEqual(marked('Het vakantiehuisje en het huis.', 'huisje'), ['vakantiehuisje', 'huis']);
    // `gewonden` has the stem `won`, which is not one of its forms: it finds `gewond`, not `won`
    assert.deepEqual(marked('Oranje won. Twee gewonden, een gewonde.', 'gewonden'), ['gewonden', 'gewonde']);
    // an irregular plural finds its singular, also as the head of a compound, and the other way round
    assert.deepEqual(marked('Het containerschip, de vrachtschepen en een schip.', 'schepen'), ['containerschip', 'vrachtschepen', 'schip']);
    assert.deepEqual(marked('De leden en de kamerleden.', 'lid'), ['leden', 'kamerleden']);
  });
  it('a compound typed finds its parts written apart, and parts typed find the compound', () => {
    assert.deepEqual(marked('De rente op de hypotheek.', 'hypotheekrente'), ['rente', 'hypotheek']);
    assert.deepEqual(marked('De hypotheekrente daalt.', 'rente hypotheek'), ['hypotheekrente']);
    assert.deepEqual(marked('De justitieminister en de minister van Justitie.', '"minister van justitie"'), ['justitieminister', 'minister van Justitie']);
  });
  it('hyphens and joined forms are one word', () => {
    assert.deepEqual(marked('Een e-mail en een email.', 'email'), ['e-mail', 'email']);
    assert.deepEqual(marked('De lpg-prijs, de lpgprijs.', 'lpgprijs'), ['lpg-prijs', 'lpgprijs']);
    assert.deepEqual(marked('De lpgprijs stijgt.', 'lpg-prijs'), ['lpgprijs']);
  });
  it('numbers by their value', () => {
    assert.deepEqual(marked('Er gaan 2.000 banen en 2000 functies weg.', '2000'), ['2.000', '2000']);
    assert.deepEqual(marked('Er gaan tweeduizend banen weg.', '2.000'), ['tweeduizend']);
    assert.deepEqual(marked('Het kost 1,5 miljard.', 'anderhalf'), ['1,5']);
    assert.deepEqual(marked('Zeventien auto’s.', '17'), ['Zeventien']);
  });
  it('find in an article: one phrase, stopwords too; one word through the analysis', () => {
    const text = 'De politie zag de gewonde politiemensen. Twee zwaargewonden.';
    const spans = (q: string) => findTerms(text, findQuery(q)).map((s) => text.slice(s.start, s.end));
    assert.deepEqual(spans('de politie'), ['De politie']);
    assert.deepEqual(spans('gewonden'), ['gewonde', 'zwaargewonden']);
  });
  it('a snippet marks the forms found', () => {
    const s = makeSnippet({ title: 'Botsing', paragraphs: [{ text: 'Bij de botsing vielen drie zwaargewonden.', kind: 'text' }] as never }, compileQuery('gewonden').marked);
    assert.deepEqual(s.spans.map((x) => s.text.slice(x.start, x.end)), ['zwaargewonden']);
  });
});

describe('search in the index', () => {
  const folder = () => makeFolder({
    'exact.txt': article('Botsing op de A12', '2024-01-01', 'Er vielen drie gewonden bij de botsing.'),
    'stem.txt': article('Ongeluk in Utrecht', '2025-01-01', 'Een fietser raakte gewond bij het ongeluk.'),
    'compound.txt': article('Kettingbotsing', '2023-01-01', 'Twee zwaargewonden na een kettingbotsing in de mist.'),
    'title.txt': article('Gewonden bij brand', '2022-01-01', 'Een brand in een flat in Rotterdam.'),
    'won.txt': article('Oranje wint', '2025-06-07', 'Oranje won zaterdag van Duitsland.'),
    'storm-old.txt': article('Storm in Zeeland', '2020-01-01', 'De storm raasde over Zeeland.'),
    'storm-new.txt': article('Storm in Zeeland', '2021-01-01', 'De storm raasde over Zeeland.'),
    'storm.txt': article('Storm', '2021-06-01', 'Storm over Groningen.'),
    'numbers.txt': article('Banen weg', '2024-05-01', 'Bij de fabriek verdwijnen 2.000 banen; het kabinet trekt 1,5 miljard uit. Zeventien auto\'s brandden uit.'),
    'hyphen.txt': article('Phishing', '2024-06-01', 'Pas op voor een valse e-mail. De lpg-prijs stijgt.'),
  });
  const open = async () => {
    const dir = folder();
    const store = new Store(dir, { memory: true });
    await store.quickSync();
    return store;
  };
  it('a word finds its inflections and compounds; the exact form and the title first', async () => {
    const store = await open();
    const ids = store.search('gewonden').map((r) => r.id);
    assert.deepEqual(ids.slice(0, 2).sort(), ['exact', 'title'], 'the word itself, in the title or the body, first');
    assert.deepEqual(ids.slice(2).sort(), ['compound', 'stem'], 'not `won`: the stem of `gewonden`, but not one of its forms');
    assert.equal(ids[0], 'title', 'the title above the body');
    store.close();
  });
  it('then the newest, when the rest is equal', async () => {
    const store = await open();
    assert.deepEqual(store.search('storm zeeland').map((r) => r.id), ['storm-new', 'storm-old'], 'two words: only the articles with both');
    store.close();
  });
  it('numbers, hyphens and joined forms', async () => {
    const store = await open();
    for (const q of ['2000 banen', 'tweeduizend banen', 'anderhalf miljard', '17 auto\'s', 'email', 'lpgprijs', 'lpg prijs']) {
      assert.deepEqual(store.search(q).map((r) => r.id), [q.includes('mail') || q.includes('lpg') ? 'hyphen' : 'numbers'], q);
    }
    store.close();
  });
  it('when no article has every word, the best with some, said as partial', async () => {
    const store = await open();
    const r = store.searchIn('all', 'storm walvisstranding groningen');
    assert.equal(r.partial, true);
    assert.equal(r.rows[0]!.id, 'storm', 'the one with two of the three words first');
    assert.equal(r.count, 3);
    assert.equal(store.searchIn('all', 'storm zeeland').partial, false);
    assert.equal(store.searchIn('all', 'walvisstranding').count, 0, 'one word: nothing is nothing');
    store.close();
  });
  it('krant --print --search: the marks of the forms found, and a partial search said on stderr', () => {
    const dir = folder();
    const cache = makeFolder();
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, '--dir', dir, '--print', ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: cache, XDG_CACHE_HOME: cache } });
    const hits = JSON.parse(run('--search', 'gewonden', '--json').stdout) as Array<{ id: string; snippet: { text: string; spans: Array<{ start: number; end: number }> } }>;
    const compound = hits.find((h) => h.id === 'compound')!;
    assert.deepEqual(compound.snippet.spans.map((s) => compound.snippet.text.slice(s.start, s.end)), ['zwaargewonden']);
    const partial = run('--search', 'storm walvisstranding');
    assert.equal(partial.status, 0);
    assert.match(partial.stderr, /^krant: no article has every word of "storm walvisstranding": showing those with some of them\n$/);
    assert.equal(partial.stdout.trim().split('\n').length, 3);
    // a script reads the same from the hits: every one partial, or none
    const some = JSON.parse(run('--search', 'storm walvisstranding', '--json').stdout) as Array<{ partial: boolean }>;
    assert.deepEqual(some.map((h) => h.partial), [true, true, true]);
    assert.ok(hits.length > 0 && hits.every((h) => (h as { partial?: boolean }).partial === false));
    assert.equal(path.basename(dir).length > 0, true);
  });
});

describe('ranking: the title above the body', () => {
  const folder = () => makeFolder({
    'body-many.txt': article('Nieuws uit de regio', '2025-01-01', 'Haven, haven, haven. De haven.'),
    'body-once.txt': article('Weerbericht voor het weekend', '2024-01-01', 'Veel wind bij de haven en verder droog weer in het hele land.'),
    'title-long.txt': article('Een lange titel over de nieuwe haven van de grote stad aan de brede rivier', '2020-01-01', 'Iets anders.'),
    'title-form.txt': article('Zeehaven groeit', '2019-01-01', 'Het bedrijf groeit.'),
  });
  const open = async () => {
    const store = new Store(folder(), { memory: true });
    await store.quickSync();
    return store;
  };
  it('a hit in the title (the word or a form of it) above any in the body, however often it is there', async () => {
    const store = await open();
    const ids = store.search('haven').map((r) => r.id);
    assert.deepEqual(ids.slice(0, 2).sort(), ['title-form', 'title-long']);
    assert.deepEqual(ids.slice(2), ['body-many', 'body-once'], 'in the body: the most hits in the least text first');
    store.close();
  });
  it('a page across the edge of the two, and every hit once, in the same order, when printed', async () => {
    const store = await open();
    const ORDER = store.search('haven').map((r) => r.id);
    assert.deepEqual(store.searchIn('all', 'haven', 2, 1).rows.map((r) => r.id), ORDER.slice(1, 3));
    assert.deepEqual(store.searchIn('all', 'haven', 1, 2).rows.map((r) => r.id), ORDER.slice(2, 3));
    assert.deepEqual(store.searchIn('all', 'haven', 5, 3).rows.map((r) => r.id), ORDER.slice(3));
    assert.deepEqual([...store.each('haven')].map((r) => r.id), ORDER);
    assert.equal(store.searchIn('all', 'haven', 1, 0).count, 4);
    store.close();
  });
  it('the same within a view', async () => {
    const store = await open();
    const ORDER = store.search('haven').map((r) => r.id);
    store.attachState(null);
    assert.deepEqual(store.searchIn('unread', 'haven').rows.map((r) => r.id), ORDER);
    assert.deepEqual(store.searchIn('unread', 'haven', 2, 1).rows.map((r) => r.id), ORDER.slice(1, 3));
    assert.deepEqual([...store.eachIn('unread', 'haven')].map((r) => r.id), ORDER);
    store.close();
  });
});
