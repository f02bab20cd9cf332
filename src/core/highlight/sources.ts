/**
 * Sources: who information is attributed to. Found through the media lexicon,
 * datelines, caption credits and attribution (`volgens X`, `X zegt`, `zegt X`,
 * `X hoorde van Y`, `liet X weten`, `heeft X gemeld`), each taking the whole noun
 * phrase: `het ministerie van Gezondheid`, `een woordvoerder van de ANWB`.
 */

import type { ParagraphKind, Span } from '../article.js';
import { DETERMINERS, INSTITUTIONS, MEDIA, PRONOUNS, SAY_PARTICLES, SAY_VERBS, isNumberWord, isSourceHead } from './lexicon.js';
import { type Token, isCapitalised, isWord, startsSentence } from './tokens.js';

type Range = [number, number]; // token indices, end exclusive

/**
 * How a source was found, which says what it governs: `according` (volgens X), `subject`
 * (X zegt), `inverted` (zegt X, aldus X, Dat meldt X), `heardFrom` (hoorde van X), `by`
 * (gemeld door X), `to` (zei tegen X: who was told), `basis` (op basis van X), `report`
 * (een peiling van X), `quoteIntro` (X: "…"), `name` (a medium or institution named, no
 * cue), `dateline` and `credit` (authorship, not attribution).
 */
export type Cue = 'according' | 'subject' | 'inverted' | 'heardFrom' | 'by' | 'to' | 'basis' | 'report' | 'quoteIntro' | 'name' | 'dateline' | 'credit';

/** A source with the cue that made it one: the structured result that spans and claims are made from. */
export interface SourceHit {
  start: number;
  end: number;
  cue: Cue;
}

/** Lists of phrases by their first word: each token is looked up once, not compared with every phrase. */
function byFirstWord<T>(items: T[], words: (t: T) => readonly string[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const first = words(item)[0]!;
    map.set(first, [...(map.get(first) ?? []), item]);
  }
  return map;
}

// Longest first, matched case-sensitively.
const MEDIA_TOKENS = byFirstWord([...MEDIA, ...INSTITUTIONS].map((m) => m.split(' ')).sort((a, b) => b.length - a.length), (m) => m);
const CONNECTORS = new Set(['van', 'voor', 'bij', 'uit', 'in', 'namens', 'der', 'den', 'ter']);
const NAME_PARTICLES = new Set(['van', 'de', 'der', 'den', 'ter', 'ten', 'te', "'t", 'el', 'al', 'von', 'le', 'la', 'du', 'da', 'di', 'bin']);
const trig = (cue: Cue, ...phrases: string[]) => phrases.map((p) => ({ words: p.split(' '), cue }));
const FORWARD_TRIGGERS = [
  ...trig('according', 'volgens', 'bron bij', 'bronnen bij', 'bronnen rond'),
  ...trig('inverted', 'aldus'),
  ...trig('heardFrom', 'hoorde van', 'hoort van', 'horen van', 'hoorden van', 'vernam van', 'vernamen van'),
  ...trig('by', 'gemeld door', 'bevestigd door', 'gezegd door', 'verklaard door', 'geciteerd door'),
  ...trig('to', 'zei tegen', 'zegt tegen', 'vertelde tegen', 'vertelt tegen', 'laat weten aan'),
  ...trig('basis', 'op basis van', 'op gezag van'),
  ...trig('name', 'woordvoerder van'),
  ...trig('report', ...['peiling', 'onderzoek', 'cijfers', 'gegevens', 'rapport', 'berekening', 'berekeningen', 'analyse', 'enquête', 'schatting', 'schattingen', 'studie', 'telling'].map((w) => `${w} van`)),
];
const TRIGGERS_BY_WORD = byFirstWord(FORWARD_TRIGGERS, (t) => t.words);
// Capitalised words that begin a sentence without naming anyone.
const NOT_NAMES = new Set(
  ('in op aan bij met voor na door over uit van naar tot om dat dit daarom ook nu toen gisteren vandaag morgen vanochtend vanmorgen ' +
    'vanmiddag vanavond vannacht maar en of want dus toch wel niet nog al er daar hier zo zoals als wanneer omdat terwijl hoewel volgens ' +
    'daarbij daarna daarmee daarover eerder later inmiddels intussen ondertussen wat wie waar hoe waarom welke ook bovendien verder ' +
    'afgelopen vorige volgende deze die dat het hij zij ze we wij ik u men er sinds tijdens tegen zonder onder boven achter naast binnen buiten').split(' '),
);
const AUXILIARIES = new Set(['heeft', 'hebben', 'had', 'hadden', 'is', 'zijn', 'was', 'waren']);
const PARTICIPLES = new Set(['gemeld', 'gezegd', 'bevestigd', 'bekendgemaakt', 'verklaard', 'geschreven', 'gewaarschuwd', 'ontkend', 'laten', 'verteld', 'verwacht', 'aangekondigd', 'erkend', 'benadrukt', 'gerapporteerd', 'bericht']);
// Verbs that only attribute with a particle later in the clause: `liet … weten`, `maakte … bekend`.
const NEEDS_PARTICLE = new Set(['laat', 'liet', 'lieten', 'laten', 'maakt', 'maakte', 'kondigt', 'kondigde']);
const INVERSION_CUES = new Set(['dat', 'dit', 'zo', 'daarover', 'daarmee', 'dat', 'ook', 'verder', 'voorts', 'eerder', 'later', 'daarnaast', 'bovendien', 'wel']);

function lower(t: Token | undefined): string {
  return t?.low ?? '';
}

/** A token that can be part of a noun phrase naming a source. */
function isNameToken(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (!isWord(t) || !isCapitalised(t)) return false;
  if (/^\d/.test(t.text)) return false;
  // `Van der Burg`, `De Vries`, `Von der Leyen`: a capitalised particle that leads into a name
  if (NAME_PARTICLES.has(t.low) || t.low === 'von') {
    let k = i + 1;
    while (NAME_PARTICLES.has(lower(tokens[k])) && /^\p{Ll}/u.test(tokens[k]!.text)) k++;
    const n = tokens[k];
    if (k > i + 1 || (n && isCapitalised(n) && !NOT_NAMES.has(n.low))) return !!n && isWord(n) && isCapitalised(n) && !startsSentence(tokens, i);
  }
  if (NOT_NAMES.has(t.low) && startsSentence(tokens, i)) return false;
  return !NOT_NAMES.has(t.low) || /^\p{Lu}{2,}/u.test(t.text);
}

function isAdjective(t: Token | undefined): boolean {
  return !!t && /^\p{Ll}[\p{L}-]*(?:e|se|sche)$/u.test(t.text) && !PRONOUNS.has(t.low) && !DETERMINERS.has(t.low) && !isNumberWord(t.low);
}

/** The content part of a phrase: a name or a head noun. */
function isContent(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || !isWord(t) || PRONOUNS.has(t.low)) return false;
  return isNameToken(tokens, i) || (/^\p{Ll}/u.test(t.text) && isSourceHead(t.low));
}

/** A noun phrase starting at i, read forwards: `het Kazachtse ministerie van Binnenlandse Zaken`. */
function phraseForward(tokens: Token[], i: number, limit = 12): Range | null {
  let j = i;
  if (DETERMINERS.has(lower(tokens[j])) && !PRONOUNS.has(lower(tokens[j + 1]))) j++;
  let lastContent = -1;
  while (j < tokens.length && j - i < limit) {
    const t = tokens[j]!;
    if (isContent(tokens, j)) {
      lastContent = j;
      j++;
      continue;
    }
    // a hyphenated compound role (`Rusland-correspondent`) or name particle between names (`Geert van der Berg`)
    if (lastContent >= 0 && NAME_PARTICLES.has(t.low) && /^\p{Ll}/u.test(t.text)) {
      let k = j;
      while (k < tokens.length && NAME_PARTICLES.has(lower(tokens[k])) && /^\p{Ll}/u.test(tokens[k]!.text)) k++;
      if (k < tokens.length && isNameToken(tokens, k) && isCapitalised(tokens[lastContent])) {
        j = k;
        continue;
      }
    }
    if (lastContent >= 0 && CONNECTORS.has(t.low)) {
      let k = j + 1;
      if (DETERMINERS.has(lower(tokens[k]))) k++;
      while (isAdjective(tokens[k])) k++;
      if (k < tokens.length && isContent(tokens, k)) {
        j = k;
        continue;
      }
      break;
    }
    // a role before a name: `chirurg Ahmed el Amrani`, `buurtbewoner Petra Smit`
    if (lastContent < 0 && /^\p{Ll}{3,}$/u.test(t.text) && !NOT_NAMES.has(t.low) && !PRONOUNS.has(t.low) && isNameToken(tokens, j + 1)) {
      lastContent = j;
      j++;
      continue;
    }
    if (lastContent < 0 && (isAdjective(t) || (t.low === 'eigen'))) {
      j++;
      continue;
    }
    break;
  }
  return lastContent >= 0 ? [i, lastContent + 1] : null;
}

/** A noun phrase that ends just before token v, read backwards: `Petra Smit van de bewonersvereniging` zegt. */
function phraseBackward(tokens: Token[], v: number): Range | null {
  let k = v - 1;
  let start = -1;
  while (k >= 0 && v - k <= 12) {
    const t = tokens[k]!;
    if (isContent(tokens, k) || isAdjective(t) && start >= 0) {
      start = k;
      k--;
      continue;
    }
    if (start >= 0 && NAME_PARTICLES.has(t.low) && /^\p{Ll}/u.test(t.text) && k > 0 && isCapitalised(tokens[k - 1]) && isCapitalised(tokens[k + 1])) {
      k--; // `Iris de Graaf`
      continue;
    }
    if (start >= 0 && (DETERMINERS.has(t.low) || t.low === 'een')) {
      start = k;
      k--;
      // a determiner may follow a connector: `… van de politie`
      if (CONNECTORS.has(lower(tokens[k])) && k > 0 && isContent(tokens, k - 1)) { k--; continue; }
      break;
    }
    if (start >= 0 && (CONNECTORS.has(t.low) || NAME_PARTICLES.has(t.low)) && k > 0 && (isContent(tokens, k - 1) || NAME_PARTICLES.has(lower(tokens[k - 1])))) {
      k--;
      continue;
    }
    break;
  }
  if (start < 0) return null;
  // The phrase must be the whole subject: it starts the sentence or follows a clause boundary.
  const before = tokens[start - 1];
  const boundary = !before || startsSentence(tokens, start) || /^[,;:(—–-]$/.test(before.text) || /^[”"’']$/.test(before.text) ||
    ['en', 'maar', 'want', 'dat', 'omdat', 'terwijl', 'hoewel', 'nadat', 'zodat', 'toen', 'als', 'of', 'ook', 'die', 'wat'].includes(before.low);
  if (!boundary) return null;
  // trim leading determiners that are all there is
  let s = start;
  while (s < v && !isContent(tokens, s) && !DETERMINERS.has(tokens[s]!.low) && !isAdjective(tokens[s])) s++;
  return s < v ? [s, v] : null;
}

function matchWords(tokens: Token[], i: number, words: readonly string[]): boolean {
  return words.every((w, k) => lower(tokens[i + k]) === w);
}

/** Does a particle (`weten`, `bekend`) follow in the same clause? */
function particleFollows(tokens: Token[], v: number): boolean {
  for (let k = v + 1; k < tokens.length && k < v + 12; k++) {
    if (/^[.!?;:]$/.test(tokens[k]!.text)) return false;
    if (SAY_PARTICLES.has(tokens[k]!.low)) return true;
  }
  return false;
}

/** Is the verb at v in second place after a non-subject (`Dat meldt X`, `"…", zegt X`)? */
function isInverted(tokens: Token[], v: number): boolean {
  const prev = tokens[v - 1];
  if (!prev) return false;
  if (/^[,”"’':]$/.test(prev.text)) return true;
  if (INVERSION_CUES.has(prev.low) && (startsSentence(tokens, v - 1) || /^[,”"’']$/.test(tokens[v - 2]?.text ?? ''))) return true;
  return false;
}

function mediaAt(tokens: Token[], i: number): number {
  for (const m of MEDIA_TOKENS.get(tokens[i]!.text) ?? []) {
    if (m.every((w, k) => tokens[i + k]?.text === w)) return m.length;
  }
  return 0;
}

/** Spans of the sources of one paragraph. */
export function findSources(text: string, tokens: Token[], kind: ParagraphKind): Span[] {
  return findSourceHits(text, tokens, kind).map((h) => ({ type: 'source', start: h.start, end: h.end }));
}

/** Every source of one paragraph with its cue; one range may appear under several cues. */
export function findSourceHits(text: string, tokens: Token[], kind: ParagraphKind): SourceHit[] {
  const ranges: Array<{ r: Range; cue: Cue }> = [];
  // Media, by name.
  const media: Array<{ r: Range; cue: Cue }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const n = mediaAt(tokens, i);
    if (n) {
      media.push({ r: [i, i + n], cue: 'name' });
      i += n - 1;
    }
  }
  // A phrase around a named medium is that medium: `het Russische persbureau Interfax` is `Interfax`,
  // and the medium takes the phrase's cue.
  const add = (r: Range | null, cue: Cue) => {
    if (!r) return;
    const named = media.find(({ r: [s, e] }) => s >= r[0] && e === r[1]);
    const linked = named && tokens.slice(r[0], named.r[0]).some((t) => CONNECTORS.has(t.low));
    if (!named || linked) ranges.push({ r, cue }); // `een woordvoerder van de ANWB` stays whole
    else if (named.cue === 'name') named.cue = cue;
    else ranges.push({ r: named.r, cue });
  };

  // Attribution.
  for (let i = 0; i < tokens.length; i++) {
    for (const trig of TRIGGERS_BY_WORD.get(tokens[i]!.low) ?? []) {
      if (matchWords(tokens, i, trig.words)) add(phraseForward(tokens, i + trig.words.length), trig.cue);
    }
    const t = tokens[i]!;
    if (SAY_VERBS.has(t.low) && /^\p{Ll}/u.test(t.text)) {
      if (NEEDS_PARTICLE.has(t.low) && !particleFollows(tokens, i)) continue;
      if (t.low === 'aldus') continue; // handled as a trigger
      const forward = phraseForward(tokens, i + 1, 10);
      if (forward && isInverted(tokens, i)) add(forward, 'inverted');
      else {
        const backward = phraseBackward(tokens, i);
        if (backward) add(backward, 'subject');
        else if (forward && /^[,”"’]$/.test(tokens[i - 1]?.text ?? '')) add(forward, 'inverted');
      }
    }
    if (AUXILIARIES.has(t.low)) {
      // `Dat heeft de politie gemeld` / `De politie heeft laten weten`
      const forward = phraseForward(tokens, i + 1, 10);
      let after = forward ? forward[1] : i + 1;
      // adverbs may stand between: `heeft X vanmiddag bekendgemaakt`
      for (let n = 0; n < 3 && tokens[after] && /^\p{Ll}+$/u.test(tokens[after]!.text) && !PARTICIPLES.has(tokens[after]!.low); n++) after++;
      if (PARTICIPLES.has(lower(tokens[after])) && (lower(tokens[after]) !== 'laten' || lower(tokens[after + 1]) === 'weten')) {
        if (forward && isInverted(tokens, i)) add(forward, 'inverted');
        else add(phraseBackward(tokens, i), 'subject');
      }
    }
    // `Jansen: "…"`: a name (or role and name) introducing a quotation.
    if (t.text === ':' && /^["“„'‘]$/.test(tokens[i + 1]?.text ?? '')) {
      const r = phraseBackward(tokens, i);
      if (r && r[1] - r[0] <= 5) add(r, 'quoteIntro');
    }
  }

  // A dateline: `Amsterdam (ANP) - …`
  const dateline = /^[\p{Lu}][\p{L}'’.-]*(?:[ -][\p{Lu}][\p{L}'’.-]*)*,?(?: \d{1,2} \p{L}+)? ?\(([^()]{2,40})\) ?[-–—]/u.exec(text);
  const hits: SourceHit[] = [];
  if (dateline) {
    const start = dateline[0].indexOf('(') + 1;
    hits.push({ start, end: start + dateline[1]!.length, cue: 'dateline' });
  }
  // A caption's credit: `… - AFP`
  if (kind === 'caption') {
    const m = /\s[-–—]\s+(\S.*)$/.exec(text);
    if (m) hits.push({ start: text.length - m[1]!.length, end: text.length, cue: 'credit' });
  }
  for (const { r: [s, e], cue } of [...media, ...ranges]) {
    const start = tokens[s]!.start;
    const end = tokens[e - 1]!.end;
    // a credit or dateline is authorship, whatever else matched it
    if (!hits.some((h) => (h.cue === 'credit' || h.cue === 'dateline') && h.start <= start && end <= h.end)) hits.push({ start, end, cue });
  }
  return hits;
}
