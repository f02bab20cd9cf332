import { type WordForms, chunkForms, fold, stemIsWordForm, wordForms } from './dutch/analyze.js';
import { CHUNK, PIECE } from './dutch/chunks.js';
import { STOPWORDS } from './stopwords.js';

export { fold };

/**
 * What a user types into a search, as terms, each read through the Dutch analysis
 * (`core/dutch/analyze.ts`): a word matches itself, its stem, its number and, when it is
 * a compound, its parts together; a `"…"` keeps a phrase. Nothing typed is ever FTS5
 * syntax: every token reaches the index quoted, letters and digits only.
 */

export interface Term {
  /** The words of the term, folded (lower case, no accents). */
  words: string[];
  phrase: boolean;
  /** The last term of a query: its last word is also a prefix (the word being typed). */
  prefix: boolean;
  /** A number typed in digits (`2.000`), by its value. */
  number?: string;
  /** One-word forms of a phrase: `lpg-prijs` → `lpgprijs`, `"minister van justitie"` → `justitieminister`. */
  joined: string[];
}

const MIN_PREFIX = 3;
const ONE_CHUNK = new RegExp(CHUNK.source, 'u');

/** A phrase of two words as one compound, as Dutch also writes it: head last, with or without a linking `s`. */
function compoundsOf(words: string[]): string[] {
  if (words.length !== 2) return [];
  const [a, b] = words as [string, string];
  return [...new Set([a + b, b + a, `${a}s${b}`, `${b}s${a}`])];
}

export function parseQuery(input: string): Term[] {
  const terms: Term[] = [];
  const re = /"([^"]*)"?|[^\s"]+/g;
  for (let m = re.exec(input); m; m = re.exec(input)) {
    const quoted = m[1] !== undefined;
    const text = fold(quoted ? m[1]! : m[0]);
    // the words as unicode61 reads them: letters and digits (marks are gone with folding)
    const words = text.match(PIECE) ?? [];
    if (words.length === 0) continue;
    const term: Term = { words, phrase: quoted || words.length > 1, prefix: false, joined: [] };
    if (quoted) term.joined = compoundsOf(words.filter((w) => !STOPWORDS.has(w)));
    else {
      // `lpg-prijs` is two tokens to the index: as one term they follow each other, or are written as one
      const chunk = text.match(ONE_CHUNK)?.[0] ?? '';
      const { number, joined } = chunkForms(chunk);
      if (number && chunk === text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')) term.number = number;
      if (joined && words.length > 1) term.joined = [joined];
    }
    terms.push(term);
  }
  return terms;
}

/**
 * The terms a search looks for. Stopwords are not in the index, so they leave the
 * terms too. One rule for a query of stopwords only (`de`, `van de`): its words are
 * kept as typed, each a prefix (`de` is the start of `demonstrant` while it is being
 * typed), so it finds what those prefixes find rather than nothing.
 */
export function searchTerms(terms: Term[]): Term[] {
  const kept = terms
    .map((t) => {
      const words = t.words.filter((w) => !STOPWORDS.has(w));
      return { ...t, words, phrase: t.phrase && words.length > 1 };
    })
    .filter((t) => t.words.length > 0);
  if (kept.length === 0) return terms.flatMap((t) => t.words.map((w): Term => ({ words: [w], phrase: false, prefix: true, joined: [] })));
  // the last word is being typed: a prefix, from three letters (`p`* is thousands of words: slow, and it finds nothing in particular)
  return kept.map((t, i) => (i === kept.length - 1 && t.words[t.words.length - 1]!.length >= MIN_PREFIX ? { ...t, prefix: true } : t));
}

/**
 * Find in an article, as `less` does: what is typed is one phrase, its words in that
 * order, stopwords too (`de politie`); one word is read through the analysis like a search
 * (`gewonden` finds `zwaargewonden`), and the last word is a prefix while it is typed.
 */
export function findQuery(input: string): Term[] {
  const [term] = parseQuery(`"${input.replace(/"/g, ' ')}"`);
  if (!term) return [];
  return [{ ...term, phrase: term.words.length > 1, prefix: true }];
}

/** A search as typed, read once: its terms, the terms marked in text, and the index's MATCH expressions. */
export interface Query {
  text: string;
  terms: Term[];
  /** What is looked for and marked: the terms less stopwords (see searchTerms). */
  marked: Term[];
  /** The FTS5 MATCH expression, every term required; '' when the query holds no word. */
  match: string;
  /** The same with any term enough: what is shown when no article has them all. */
  anyMatch: string;
}

const quote = (s: string) => `"${s}"`;

/** What one word of a query matches in the index: itself (a prefix when typed last), its stem, its number, its parts together. */
function wordAlternatives(w: string, prefix: boolean, f: WordForms): string[] {
  const alts = [prefix && !/^\d+$/.test(w) ? `"${w}"*` : quote(w)];
  // the stem as a form of a word in the text; as a word itself only when it is one of this word's forms
  if (f.stem !== w) alts.push(stemIsWordForm(w, f.stem) ? quote(f.stem) : `{title_forms body_forms} : ${quote(f.stem)}`);
  if (f.number !== null && f.number !== w) alts.push(quote(f.number));
  if (f.parts.length > 1) alts.push(`(${[...new Set(f.parts)].map(quote).join(' AND ')})`);
  return alts;
}

/** The MATCH expression of one term. */
export function termMatch(t: Term): string {
  let alts: string[];
  if (!t.phrase) alts = wordAlternatives(t.words[0]!, t.prefix, wordForms(t.words[0]!));
  else {
    alts = [`"${t.words.join(' ')}"${t.prefix ? '*' : ''}`];
    for (const j of t.joined) {
      alts.push(quote(j));
      const s = wordForms(j).stem;
      if (s !== j) alts.push(quote(s));
    }
  }
  if (t.number && !alts.includes(quote(t.number))) alts.push(quote(t.number));
  return alts.length === 1 ? alts[0]! : `(${alts.join(' OR ')})`;
}

/**
 * A search's hits in two tiers, ranked apart: those with it in the title (its words or their
 * forms) above those with it only in the body, whatever bm25 gives either. Besides being the
 * order asked for, the first page of a word in most articles then ranks only its title hits.
 * (A column filter inside another is cut to the columns both name.)
 */
const TITLE_COLUMNS = '{title title_forms}';
export const rankTiers = (match: string): [title: string, body: string] => [
  `${TITLE_COLUMNS} : (${match})`,
  `(${match}) NOT ${TITLE_COLUMNS} : (${match})`,
];

let last: Query | null = null;

/**
 * The one place a search is read. The last query is kept: the list frame, the store and
 * the reader ask for the same text many times while it is typed.
 */
export function compileQuery(text: string): Query {
  if (last?.text === text) return last;
  const terms = parseQuery(text);
  const marked = searchTerms(terms);
  const each = marked.map(termMatch);
  last = { text, terms, marked, match: each.join(' AND '), anyMatch: each.join(' OR ') };
  return last;
}
