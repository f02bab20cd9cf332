/** Claims: which source gives each figure, per pattern the issue names, on sentences of our own. */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findClaims } from '../src/core/highlight/claims.js';
import { analyse } from '../src/core/highlight/index.js';
import { highlightArticle } from '../src/core/highlight/article.js';
import { parseArticle } from '../src/core/parse.js';
import fs from 'node:fs';
import { SEED } from './helpers.js';

/** figure text → "origin" or "origin via relay" or "—", for each paragraph given. */
function claims(...paragraphs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of findClaims(paragraphs.map((p) => analyse(p, /\s-\s\w+$/.test(p) ? 'caption' : 'text')))) {
    out[c.figure.text] = c.source ? c.source.text + (c.via ? ` via ${c.via.text}` : '') : '—';
  }
  return out;
}

describe('claims: who gives each figure', () => {
  it('volgens X', () => {
    assert.deepEqual(claims('Volgens de brandweer raakten 3 mensen gewond.'), { '3': 'de brandweer' });
  });

  it('X meldt, X zegt, X schat, X becijfert, and a named institution that counts', () => {
    assert.deepEqual(claims('Het KNMI meldt dat er 40 millimeter regen viel.'), { '40 millimeter': 'KNMI' });
    assert.deepEqual(claims('De burgemeester zegt dat 12 gezinnen zijn geëvacueerd.'), { '12': 'De burgemeester' });
    assert.deepEqual(claims('De vakbond schat dat 5000 mensen meededen.'), { '5000': 'De vakbond' });
    assert.deepEqual(claims('Economen van de bank becijferen het verlies op 3 miljard euro.'), { '3 miljard euro': 'Economen van de bank' });
    assert.deepEqual(claims('Het CBS telde vorig jaar 2400 faillissementen.'), { '2400': 'CBS' });
  });

  it('zegt X, aldus X, meldt X after the figure', () => {
    assert.deepEqual(claims('Er zijn 4 mensen aangehouden, zegt de politie.'), { '4': 'de politie' });
    assert.deepEqual(claims('Bij de brand zijn drie panden verwoest, aldus de brandweer.'), { drie: 'de brandweer' });
    assert.deepEqual(claims('De inflatie kwam uit op 3,5 procent, meldt het CBS.'), { '3,5 procent': 'CBS' });
  });

  it('Dat meldt X. gives X the figures of the sentence before', () => {
    assert.deepEqual(claims('Bij de aanval zijn zeker 21 doden gevallen. Dat meldt het ministerie van Defensie.'), { 'zeker 21': 'het ministerie van Defensie' });
    assert.deepEqual(claims('De groei was 0,8 procent. Dat blijkt uit cijfers van het CBS.'), { '0,8 procent': 'CBS' });
  });

  it('X hoorde van Y dat: origin Y, via X', () => {
    assert.deepEqual(claims('Persbureau Reuters hoorde van de politie dat 30 mensen zijn opgepakt.'), { '30': 'de politie via Reuters' });
  });

  it('schrijft X op basis van Y, and zegt Y tegen medium X: origin Y, via X', () => {
    assert.deepEqual(claims('Het kabinet wil 2 miljard euro bezuinigen. Dat schrijft de Volkskrant op basis van ingewijden.'), { '2 miljard euro': 'ingewijden via de Volkskrant' });
    assert.deepEqual(claims('Er zijn 200 vluchten geschrapt, zegt een woordvoerder van Schiphol tegen persbureau ANP.'), { '200': 'een woordvoerder van Schiphol via ANP' });
  });

  it('uit onderzoek of een peiling van X blijkt', () => {
    assert.deepEqual(claims('Uit onderzoek van het RIVM blijkt dat een op de vijf Nederlanders te weinig beweegt.'), { 'een op de vijf': 'RIVM' });
    assert.deepEqual(claims('In een peiling van Ipsos komt de partij op 17 zetels.'), { '17 zetels': 'Ipsos' });
  });

  it('a quotation: its speaker named before with a colon, or after', () => {
    assert.deepEqual(claims('Minister Jansen: "Er komen 100.000 woningen bij."'), { '100.000': 'Minister Jansen' });
    assert.deepEqual(claims('"We hebben 300 aanvragen gekregen," zegt directeur Bos.'), { '300': 'directeur Bos' });
    assert.deepEqual(claims('"Het is heel erg," zegt burgemeester Smit. "Het water stond twee meter hoog."'), { 'twee meter': 'burgemeester Smit' });
  });

  it('carries on a report: van hen, zou/zouden, the earlier value, more of the same statistic', () => {
    assert.deepEqual(claims('Volgens het ministerie zijn duizend mensen gewond. Van hen zijn er 400 opgenomen, van wie 62 op een IC.'),
      { duizend: 'het ministerie', '400': 'het ministerie', '62': 'het ministerie' });
    assert.deepEqual(claims('De krant Kommersant schrijft dat 60 militairen zijn omgekomen. Twintig van hen zouden officieren zijn.'),
      { '60': 'Kommersant', Twintig: 'Kommersant' });
    assert.deepEqual(claims('De inflatie was 3,5 procent, meldt het CBS. Een maand eerder was dat nog 2,8 procent.'),
      { '3,5 procent': 'CBS', '2,8 procent': 'CBS' });
    assert.deepEqual(claims('In de peiling van Ipsos komt de PVV op 31 zetels. De VVD stijgt naar 22 zetels.'),
      { '31 zetels': 'Ipsos', '22 zetels': 'Ipsos' });
  });

  it('a pronoun goes on with the last named source, also into the next paragraph', () => {
    assert.deepEqual(claims('Klimatoloog Kuipers verwacht dat de zee 80 centimeter stijgt. Hij zegt dat ook 2 meter kan.'),
      { '80 centimeter': 'Klimatoloog Kuipers', '2 meter': 'Klimatoloog Kuipers' });
    assert.deepEqual(claims('Wethouder Bos noemt het "zorgelijk".', 'Zij schat dat het 3 miljoen euro kost.'), { '3 miljoen euro': 'Wethouder Bos' });
  });

  it('stops where the writer speaks, at a new paragraph, and at estimates that name no one', () => {
    assert.deepEqual(claims('Volgens de politie zijn 4 mensen gewond. Het gebied ligt op 40 kilometer van de grens.'), { '4': 'de politie', '40 kilometer': '—' });
    assert.deepEqual(claims('Volgens de politie zijn 4 mensen gewond.', 'De stad heeft 300.000 inwoners.'), { '4': 'de politie', '300.000': '—' });
    assert.deepEqual(claims('Op het plein stonden naar schatting 10.000 mensen.'), { 'naar schatting 10.000': '—' });
    assert.deepEqual(claims('Het lijkt erop dat er tientallen doden zijn gevallen.'), { tientallen: '—' });
  });

  it('datelines and caption credits are authorship: no source', () => {
    assert.deepEqual(claims('Brussel (Belga) - Er zijn 3 treinen uitgevallen.'), { '3': '—' });
    assert.deepEqual(claims('Reddingswerkers zoeken naar twee vermiste mensen - AFP'), { twee: '—' });
  });

  it('a clause of its own takes its own source: volgens X …, maar Y …', () => {
    assert.deepEqual(claims('Volgens de politie waren er 5000 betogers, maar de organisatie spreekt van 20.000.'), { '5000': 'de politie', '20.000': 'de organisatie' });
  });

  it('the seed article: every claim as annotated by hand, with its via', () => {
    const article = parseArticle('seed', fs.readFileSync(SEED, 'utf8'));
    const got = highlightArticle(article).claims.map((c) => [c.figure.text, c.source?.text ?? '', c.via?.text ?? '']);
    assert.deepEqual(got, [
      ['tientallen', '', ''],
      ['tientallen', 'de politie', 'Interfax'],
      ['2000', 'het Kazachtse ministerie van Binnenlandse Zaken', 'TASS'],
      ['twee', 'Kazinform', ''],
      ['duizend', 'het ministerie van Gezondheid', ''],
      ['400', 'het ministerie van Gezondheid', ''],
      ['62', 'het ministerie van Gezondheid', ''],
      ['dertien', 'de politie van Almaty', 'RIA Novosti'],
      ['Twee', 'de politie van Almaty', 'RIA Novosti'],
      ['353', 'de staatstelevisie', ''],
    ]);
  });

  it('places are JavaScript string indices of the paragraph, like spans', () => {
    const text = 'Volgens de politie zijn “4” mensen gewond 😀.';
    const [c] = findClaims([analyse(text)]);
    assert.equal(text.slice(c!.figure.start, c!.figure.end), c!.figure.text);
    assert.equal(text.slice(c!.source!.start, c!.source!.end), 'de politie');
  });
});

describe('claims: the annotated sets', () => {
  it('keep their scores: the seed whole, the development set ≥ 0.95, the held-out set ≥ 0.85, unattributed figures left alone', async () => {
    const { parseGoldFile } = await import('../scripts/eval/gold.js');
    const { scoreClaims } = await import('../scripts/eval/claims.js');
    const score = (f: string) => scoreClaims(parseGoldFile(fs.readFileSync(new URL(`./fixtures/claims/${f}`, import.meta.url), 'utf8')));
    const seed = score('seed.txt');
    assert.equal(seed.f1, 1);
    assert.equal(seed.viasRight, 4);
    assert.ok(score('dev.txt').f1 >= 0.95);
    const held = score('holdout.txt');
    assert.ok(held.f1 >= 0.85, `held-out F1 ${held.f1}`);
    assert.ok(held.leftAlone / held.unattributed >= 0.8);
  });
});
