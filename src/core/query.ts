import { STOPWORDS } from './stopwords.js';

/**
 * What a user types into a search, as terms. Words are matched as prefixes, a
 * `"…"` keeps a phrase; nothing typed is ever FTS5 syntax.
 */

export interface Term {
  /** The words of the term, folded (lower case, no accents). */
  words: string[];
  phrase: boolean;
}

/** Lower case without accents: `Geëlimineerd` → `geelimineerd`. Keeps length per character where it can. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

// What unicode61 counts as part of a token: letters, digits (and marks, removed by folding).
const WORD = /[\p{L}\p{N}]+/gu;

export function parseQuery(input: string): Term[] {
  const terms: Term[] = [];
  const re = /"([^"]*)"?|[^\s"]+/g;
  for (let m = re.exec(input); m; m = re.exec(input)) {
    const phrase = m[1] !== undefined;
    const words = fold(phrase ? m[1]! : m[0]).match(WORD) ?? [];
    if (words.length === 0) continue;
    if (phrase) terms.push({ words, phrase: true });
    // `lpg-prijs` is two tokens to the index; as one term they must follow each other.
    else terms.push({ words, phrase: words.length > 1 });
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
    .map((t) => ({ ...t, words: t.words.filter((w) => !STOPWORDS.has(w)) }))
    .filter((t) => t.words.length > 0);
  if (kept.length > 0) return kept;
  return terms.flatMap((t) => t.words.map((w) => ({ words: [w], phrase: false })));
}


/** Find in an article, as `less` does: what is typed is one phrase, its words in that order. */
export function phraseQuery(input: string): Term[] {
  const words = fold(input.replace(/"/g, ' ')).match(WORD) ?? [];
  return words.length ? [{ words, phrase: true }] : [];
}

/** A search as typed, read once: its terms, the terms marked in text, and the index's MATCH expression. */
export interface Query {
  text: string;
  terms: Term[];
  /** What is looked for and marked: the terms less stopwords (see searchTerms). */
  marked: Term[];
  /** The FTS5 MATCH expression; '' when the query holds no word. */
  match: string;
}

let last: Query | null = null;

/**
 * The one place a search is read. The last query is kept: the list frame, the store and
 * the reader ask for the same text many times while it is typed.
 */
export function compileQuery(text: string): Query {
  if (last?.text === text) return last;
  const terms = parseQuery(text);
  const marked = searchTerms(terms);
  // every term quoted (nothing typed is syntax), its last word a prefix, all ANDed
  last = { text, terms, marked, match: marked.map((t) => `"${t.words.join(' ')}"*`).join(' AND ') };
  return last;
}
