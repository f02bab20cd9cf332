import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { SpanType } from '../src/core/article.js';
import { parseGoldFile, score } from '../scripts/eval/gold.js';
import { highlight } from '../src/core/highlight/index.js';
import { ROOT } from './helpers.js';

const marked = (text: string, type: SpanType, kind: 'text' | 'caption' = 'text') =>
  highlight(text, kind).filter((s) => s.type === type).map((s) => text.slice(s.start, s.end));

describe('figures', () => {
  const cases: Array<[string, string[]]> = [
    ['Er zijn 2.500 mensen en 3,5 ton graan.', ['2.500', '3,5 ton']],
    ['Het gaat om 120.000 huizen en 1400 auto\'s.', ['120.000', '1400']],
    ['Er viel 30 tot 40 millimeter regen.', ['30 tot 40 millimeter']],
    ['De rente steeg 2 procentpunt naar 4%.', ['2 procentpunt', '4%']],
    ['Het kost € 14 of € 850 miljoen.', ['€ 14', '€ 850 miljoen']],
    ['Een tekort van 1,2 miljard euro.', ['1,2 miljard euro']],
    ["Het gaat om tientallen miljoenen euro's.", ["tientallen miljoenen euro's"]],
    ['Met 120 km per uur over 5 hectare.', ['120 km per uur', '5 hectare']],
    ['Dertien agenten en vijfentwintig burgers.', ['Dertien', 'vijfentwintig']],
    ['Het waren er tweeëntwintig, of tweeduizend, of zeshonderd.', ['tweeëntwintig', 'tweeduizend', 'zeshonderd']],
    ['Honderden mensen en duizenden dieren, tienduizenden stemmen.', ['Honderden', 'duizenden', 'tienduizenden stemmen']],
    ['De helft en een derde en een kwart.', ['De helft', 'een derde', 'een kwart']],
    ['Een op de vijf Nederlanders.', ['Een op de vijf']],
    ['Het was de derde storing deze week.', ['derde']],
    ['Ruim 200 mensen, meer dan 18.000 stemmen, bijna 50 jaar.', ['Ruim 200', 'meer dan 18.000 stemmen', 'bijna 50 jaar']],
    ["Zo'n 40 minuten, ongeveer 3 seconden, zeker 12 graden.", ["Zo'n 40 minuten", 'ongeveer 3 seconden', 'zeker 12 graden']],
    ['Er is één gewonde en een auto.', ['één']],
    ['Op de A2 luisterde hij naar NOS Radio 1 in een F-35 of G7 met 3FM en COVID-19.', []],
    ['De Tweede Kamer stemde.', []],
    ['Het is 6 januari 2022. In 2021 was het anders.', []],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => assert.deepEqual(marked(text, 'figure'), expected));
  }
});

describe('sources', () => {
  const cases: Array<[string, string[]]> = [
    ['Volgens het ministerie van Gezondheid zijn er doden.', ['het ministerie van Gezondheid']],
    ['RIA Novosti hoorde van de politie van Almaty dat het rustig is.', ['RIA Novosti', 'de politie van Almaty']],
    ['Dat meldt persbureau Reuters.', ['Reuters']],
    ['De politie meldt dat er twee gewonden zijn.', ['De politie']],
    ['"Het is rustig," zegt een woordvoerder van de ANWB.', ['een woordvoerder van de ANWB']],
    ['Petra Smit van de bewonersvereniging zegt dat het te laat is.', ['Petra Smit van de bewonersvereniging']],
    ['Rusland-correspondent Geert Groot Koerkamp zei dat het rustig was.', ['Rusland-correspondent Geert Groot Koerkamp']],
    ['"We gaan door," aldus minister Jansen.', ['minister Jansen']],
    ['Zo laat de gemeente weten.', ['de gemeente']],
    ['De burgemeester liet weten dat de weg dicht blijft.', ['De burgemeester']],
    ['Dat schrijft de Volkskrant.', ['de Volkskrant']],
    ['Jansen zei tegen de NOS dat hij blijft.', ['Jansen', 'NOS']],
    ['Het ministerie ontkent dat er fouten zijn gemaakt.', ['Het ministerie']],
    ['Amsterdam (ANP) - Het is druk op de weg.', ['ANP']],
    ['Er waren botsingen tussen demonstranten en de politie.', []],
    ['Hij zegt dat het goed gaat.', []],
    ['Het AP-nummer werd gebeld door een ap.', []],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => assert.deepEqual(marked(text, 'source'), expected));
  }
  it('takes a caption credit', () => {
    assert.deepEqual(marked('Demonstranten bij het plein - AFP', 'source', 'caption'), ['AFP']);
  });
});

describe('quotes', () => {
  const cases: Array<[string, string[]]> = [
    ['Hij zei: "Dit is het. En nog iets." Daarna niets.', ['"Dit is het. En nog iets."']],
    ['Zij noemde het “onacceptabel” en „schandalig”.', ['“onacceptabel”', '„schandalig”']],
    ["Het heet 'een daad van agressie' volgens hem.", ["'een daad van agressie'"]],
    ['Het heet ‘de grote stap’ nu.', ['‘de grote stap’']],
    ["Auto's en foto's, zo'n 's nachts rijdende bus.", []],
    ["'s Ochtends zei hij 'nee' tegen de auto's.", ["'nee'"]],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => assert.deepEqual(marked(text, 'quote'), expected));
  }
  it('still marks figures and sources inside a quote', () => {
    const t = '"Er zijn 2000 mensen opgepakt, volgens de politie," zei hij.';
    assert.deepEqual(marked(t, 'figure'), ['2000']);
    assert.deepEqual(marked(t, 'source'), ['de politie']);
  });
});

describe('spans', () => {
  it('stay inside the text and do not overlap within a type', () => {
    const text = fs.readFileSync(path.join(ROOT, 'articles', '2022-01-almaty.txt'), 'utf8');
    const spans = highlight(text);
    for (const type of ['figure', 'source', 'quote'] as const) {
      const own = spans.filter((s) => s.type === type);
      own.forEach((s, i) => {
        assert.ok(s.start >= 0 && s.end <= text.length && s.start < s.end);
        if (i > 0) assert.ok(own[i - 1]!.end <= s.start);
      });
    }
  });
});

describe('annotated sets', () => {
  const dir = path.join(ROOT, 'test', 'fixtures', 'highlights');
  const evalFile = (name: string) => {
    const paragraphs = parseGoldFile(fs.readFileSync(path.join(dir, name), 'utf8'));
    const pairs = paragraphs.map((p) => ({ gold: p.spans, predicted: highlight(p.text, p.kind) }));
    return { figure: score('figure', pairs).f1, source: score('source', pairs).f1, quote: score('quote', pairs).f1, n: paragraphs.length };
  };
  it('the seed: figures and sources F1 ≥ 0.95', () => {
    const s = evalFile('seed-gold.txt');
    assert.ok(s.figure >= 0.95 && s.source >= 0.95, JSON.stringify(s));
  });
  it('the news set (40+ paragraphs): figures ≥ 0.95, sources ≥ 0.85, quotes ≥ 0.95', () => {
    const s = evalFile('news-set.txt');
    assert.ok(s.n >= 40);
    assert.ok(s.figure >= 0.95 && s.source >= 0.85 && s.quote >= 0.95, JSON.stringify(s));
  });
});
