/**
 * The one Dutch analysis of search: what the index keeps of a text besides its words,
 * what a query's words may match, and (in `core/find.ts`) what is marked. A word's forms:
 * its stem (`gewonden` → the stem of `gewond`), its number (`zeventien` → `17`), and the
 * stems of its parts when it is a compound (`veiligheidstroepen` → `veiligheid`, `troep`);
 * a hyphenated word is also kept joined (`e-mail` → `email`), a number in digits by its
 * value (`2.000` → `2000`, `1,5` → `1d5`).
 */

import { STOPWORDS, isStopword } from '../stopwords.js';
import { PIECE, chunkEnd, isAsciiSeparator } from './chunks.js';
import { splitCompound } from './compound.js';
import { EMPTY_LEXICON, type Lexicon } from './lexicon.js';
import { RegionCache } from './region-cache.js';
import { digitsToken, numberWordValue, valueToken } from './numbers.js';
import { irregularSingular, stem } from './stem.js';

export interface WordForms {
  stem: string;
  /** Its number's token, when it is a number (word or digits). */
  number: string | null;
  /** The stems of its parts, when it is a compound. */
  parts: string[];
  /** The forms the index holds for it besides the word itself, space-separated ('' for none). */
  alt: string;
}

// The word list compounds are split by: the one piece of state in core. It is read when
// first needed, by the loader the store registers (store/lexicon-file.ts), so that a start
// that searches nothing never reads it; without one, compounds stay whole.
let lexicon: Lexicon | null = null;
let loadLexicon: () => Lexicon = () => EMPTY_LEXICON;
const cache = new Map<string, WordForms>();
const CACHE_SIZE = 200_000;

/** How the word list is read, when first needed. */
export function setLexiconLoader(load: () => Lexicon): void {
  loadLexicon = load;
}

/** The forms of a folded word (one run of letters and digits). */
export function wordForms(word: string): WordForms {
  let f = cache.get(word);
  if (f) return f;
  const s = stem(word);
  const value = /^\d+$/.test(word) ? word.replace(/^0+(?=\d)/, '') : numberWordValue(word);
  const number = value === null ? null : typeof value === 'string' ? value : valueToken(value);
  const parts = splitCompound(word, (lexicon ??= loadLexicon()))?.map(stem) ?? [];
  const alt = new Set<string>();
  if (s !== word) alt.add(s);
  if (number !== null && number !== word) alt.add(number);
  for (const p of parts) if (p !== word) alt.add(p);
  f = { stem: s, number, parts, alt: [...alt].join(' ') };
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(word, f);
  return f;
}

// v/f and z/s alternate, double vowels halve (`brieven`/`brief`, `huizen`/`huis`, `banen`/`baan`)
const spelledAlike = (w: string) => w.replace(/v/g, 'f').replace(/z/g, 's').replace(/([aeou])\1/g, '$1');

/**
 * May the stem of a typed word match that stem written as a word? Only when the word
 * starts with it, as Dutch spells it (`huisje` finds `huis`, `inbraken` finds `inbraak`,
 * `brieven` finds `brief`), or it is the word's irregular singular (`schepen` finds
 * `schip`); not when the stemmer took more than an ending off (`gewonden` has the stem
 * `won`, which is not a form of it: it finds `gewond`, whose form it is, not `won`).
 */
export function stemIsWordForm(word: string, wordStem: string): boolean {
  const singular = irregularSingular(word);
  return spelledAlike(word).startsWith(spelledAlike(wordStem)) || (singular !== undefined && stem(singular) === wordStem);
}

/** Lower case without accents: `Geëlimineerd` → `geelimineerd`. */
export function fold(s: string): string {
  const low = s.toLowerCase();
  // most words are plain ASCII: no normalising for them
  return /[^\x00-\x7f]/.test(low) ? low.normalize('NFD').replace(/\p{M}+/gu, '') : low;
}

/** What a chunk adds as a whole: a number in digits by its value, a hyphenated word joined. */
export function chunkForms(chunk: string): { number: string | null; joined: string | null } {
  const number = /[.,]/.test(chunk) ? digitsToken(chunk) : null;
  const joined = !number && /[-‑]/.test(chunk) ? chunk.replace(/[^\p{L}\p{N}]+/gu, '') : null;
  return { number, joined };
}

// A chunk as written → its forms for the index ('' for none, null for a stopword, which the
// index leaves out): news repeats its words, so most chunks are read once (bounded, for an
// archive's whole vocabulary).
const chunkCache = new RegionCache<string | null>(CACHE_SIZE);

/** The forms the index keeps for a chunk as written ('' for none), or null for a stopword. */
export const chunkIndexForms = (raw: string): string | null => (isStopword(raw) ? null : raw.length < 3 ? '' : formsOfChunk(raw));

function formsOfChunk(raw: string): string {
  const chunk = fold(raw);
  const { number, joined } = chunk.length > 2 ? chunkForms(chunk) : { number: null, joined: null };
  if (number) return number;
  const out: string[] = [];
  if (joined) {
    out.push(joined);
    const j = wordForms(joined);
    if (j.alt) out.push(j.alt);
  }
  for (const p of /[^\p{L}\p{N}]/u.test(chunk) ? chunk.match(PIECE)! : [chunk]) {
    if (p.length < 3 || STOPWORDS.has(p)) continue;
    const a = wordForms(p).alt;
    if (a) out.push(a);
  }
  return out.join(' ');
}

/** What the index keeps of a title or body: two texts, searched side by side. */
export interface IndexTexts {
  /** The text without its stopwords (FTS5 reads its words). */
  words: string;
  /**
   * The forms of its words that are not the words themselves: a stem or part matches
   * there, ranked below the word. A word's forms once, however often it is written: its
   * count is in the words (repeated here, they were a seventh of the index's tokens).
   */
  forms: string;
}

/**
 * The index's texts of a title or body, in one pass over its words (this reads every word
 * of an archive). A stopword is left out where it stands between spaces (or at an end):
 * one next to punctuation (`de,`) stays, rare and harmless.
 */
export function indexTexts(text: string): IndexTexts {
  let words = '';
  let forms = '';
  let kept = 0; // the words text is `text` from here on, so far
  const n = text.length;
  const added = new Set<string>(); // the forms of the chunks so far (a chunk's forms are one string, the cache's)
  for (let i = 0; i < n; ) {
    // a space or punctuation starts no chunk: passed over without a call (most of what is not a word)
    if (isAsciiSeparator(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const end = chunkEnd(text, i);
    if (end === i) {
      i++;
      continue;
    }
    const f = chunkCache.get(text, i, end, chunkIndexForms);
    if (f === null) {
      const before = i === 0 ? 0 : text.charCodeAt(i - 1) === 32 ? 1 : -1;
      if (before >= 0 && (end === n || text.charCodeAt(end) === 32)) {
        words += text.slice(kept, i - before);
        kept = end;
      }
    } else if (f && !added.has(f)) {
      added.add(f);
      forms += forms ? ` ${f}` : f;
    }
    i = end;
  }
  return { words: kept === 0 ? text : words + text.slice(kept), forms };
}
