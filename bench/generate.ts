/**
 * A deterministic archive of Dutch news articles for the benchmark: realistic
 * paragraphs (4–9 per article), dates over 15 years, one folder per year.
 * The same seed and count always give the same files.
 */

import fs from 'node:fs';
import path from 'node:path';

/** mulberry32: small, fast, and the same on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ['Amsterdam', 'Rotterdam', 'Den Haag', 'Utrecht', 'Eindhoven', 'Groningen', 'Zwolle', 'Maastricht', 'Almaty', 'Brussel', 'Kyiv', 'Berlijn', 'Parijs', 'Zeeland', 'Friesland', 'Arnhem', 'Leiden', 'Tilburg', 'Enschede', 'Middelburg'];
const SOURCES = ['de politie', 'het ministerie van Justitie', 'een woordvoerder van de gemeente', 'het KNMI', 'het CBS', 'persbureau ANP', 'Reuters', 'de burgemeester', 'de brandweer', 'het RIVM', 'de rechtbank', 'de vakbond FNV', 'onderzoekers van de Universiteit Utrecht', 'minister De Vries', 'de NOS'];
const SUBJECTS = ['Het kabinet', 'De gemeente', 'De politie', 'Een groep bewoners', 'De provincie', 'Het bedrijf', 'De oppositie', 'De brandweer', 'De rechter', 'Het ziekenhuis', 'De club', 'De trainer', 'De boerenbond', 'Een actiegroep', 'Een onderzoeksteam'];
const VERBS = ['kondigde maatregelen aan tegen', 'maakt zich zorgen over', 'wil meer geld voor', 'onderzoekt', 'waarschuwt voor', 'protesteert tegen', 'sprak gisteren over', 'krijgt kritiek op', 'stemde in met', 'trekt extra geld uit voor'];
const TOPICS = ['de woningnood', 'de stikstofregels', 'de opvang van asielzoekers', 'de energierekening', 'de storm', 'de wateroverlast', 'het openbaar vervoer', 'de zorgkosten', 'de inflatie', 'de onderwijsachterstand', 'de verkiezingen', 'de veiligheid in de haven', 'de droogte', 'de personeelstekorten', 'de cocaïnesmokkel', 'de verbouwing van het station'];
const UNITS = ['procent', 'miljoen euro', 'kilometer', 'mensen', 'woningen', 'agenten', 'hectare', 'jaar', 'millimeter regen', 'banen'];
const WORDS = ['tientallen', 'honderden', 'duizenden', 'twee', 'drie', 'vijf', 'dertien', 'twintig', 'de helft van de', 'een derde van de'];
const QUOTES = ['We moeten nu echt doorpakken', 'Dit had nooit mogen gebeuren', 'Het is een zware dag voor iedereen', 'We doen wat we kunnen', 'Niemand had dit zien aankomen', 'De situatie is onder controle', 'Er is nog veel onduidelijk'];
const FILLER = ['Wat er precies is gebeurd, is nog niet duidelijk.', 'Het onderzoek gaat de komende weken door.', 'Omwonenden werden gevraagd ramen en deuren te sluiten.', 'De gemeenteraad bespreekt het voorstel volgende week.', 'Eerder dit jaar was er ook al onrust in de regio.', 'Het is de vraag of de plannen op tijd klaar zijn.', 'Volgens critici gaat het allemaal te langzaam.', 'De maatregel geldt voorlopig tot het einde van het jaar.'];

export const RARE_WORD = 'walvisstranding';
export const COMMON_WORD = 'politie';
export const TWO_WORDS = 'storm zeeland';

function pick<T>(r: () => number, a: readonly T[]): T {
  return a[Math.floor(r() * a.length)]!;
}

function figure(r: () => number): string {
  return r() < 0.5 ? `${Math.floor(r() * 2000) + 2} ${pick(r, UNITS)}` : `${pick(r, WORDS)} ${pick(r, UNITS)}`;
}

function sentence(r: () => number): string {
  switch (Math.floor(r() * 5)) {
    case 0: return `${pick(r, SUBJECTS)} ${pick(r, VERBS)} ${pick(r, TOPICS)} in ${pick(r, PLACES)}.`;
    case 1: return `Volgens ${pick(r, SOURCES)} gaat het om ${figure(r)}.`;
    case 2: return `"${pick(r, QUOTES)}," zegt ${pick(r, SOURCES)}.`;
    case 3: return `In ${pick(r, PLACES)} zijn ${figure(r)} getroffen door ${pick(r, TOPICS)}.`;
    default: return pick(r, FILLER);
  }
}

export function makeArticle(i: number, seed = 1): { rel: string; text: string } {
  const r = rng(seed * 1_000_003 + i);
  const year = 2011 + Math.floor(r() * 15);
  const month = 1 + Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const paragraphs: string[] = [];
  const n = 4 + Math.floor(r() * 6);
  for (let p = 0; p < n; p++) {
    const s = 3 + Math.floor(r() * 4);
    paragraphs.push(Array.from({ length: s }, () => sentence(r)).join(' '));
  }
  if (i % 5000 === 17) paragraphs.push(`Bij ${pick(r, PLACES)} is een ${RARE_WORD} gemeld.`);
  if (r() < 0.2) paragraphs.splice(1, 0, `${pick(r, SUBJECTS)} in ${pick(r, PLACES)} - ANP`);
  const title = `${pick(r, SUBJECTS)} ${pick(r, VERBS)} ${pick(r, TOPICS)}`;
  const text = `title: ${title}\ndate: ${date}\nsource: ${pick(r, ['NOS', 'ANP', 'NU.nl', 'RTL Nieuws'])}\n\n${paragraphs.join('\n\n')}\n`;
  return { rel: `${year}/${String(i).padStart(6, '0')}.txt`, text };
}

/** Writes `count` articles into `dir`; returns the bytes of text written. */
export function generateArchive(dir: string, count: number, seed = 1): number {
  let bytes = 0;
  const made = new Set<string>();
  for (let i = 0; i < count; i++) {
    const { rel, text } = makeArticle(i, seed);
    const file = path.join(dir, rel);
    const folder = path.dirname(file);
    if (!made.has(folder)) {
      fs.mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    fs.writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}
