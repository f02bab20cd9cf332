/**
 * Where a search's terms are in a text, as spans over the original text: through the same
 * Dutch analysis the index uses (`core/dutch/analyze.ts`), so that what is found is what is
 * marked: `gewonden` marks `gewond` and `zwaargewonden`, `2000` marks `2.000`.
 */

import type { Span } from './article.js';
import { type WordForms, chunkForms, stemIsWordForm, wordForms } from './dutch/analyze.js';
import { CHUNK, PIECE } from './dutch/chunks.js';
import { type Term, fold } from './query.js';
import { STOPWORDS } from './stopwords.js';

interface Folded {
  text: string;
  /** For each index of the folded text, the index in the original it came from. */
  origin: number[];
}

function foldWithMap(s: string): Folded {
  let text = '';
  const origin: number[] = [];
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const f = cp < 0x80 ? ch.toLowerCase() : fold(ch);
    for (let k = 0; k < f.length; k++) origin.push(i);
    text += f;
    i += ch.length;
  }
  origin.push(s.length);
  return { text, origin };
}

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NOT_WORD = '[^\\p{L}\\p{N}]+';
// between a phrase's words: anything but letters and digits, and the stopwords the index leaves out
const BETWEEN = `${NOT_WORD}(?:(?:${[...STOPWORDS].join('|')})${NOT_WORD})*`;

/** A phrase's words in order, each at a word's start (the last a prefix when typed last). */
function phraseRegExp(t: Term): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${t.words.map(escape).join(BETWEEN)}${t.prefix ? '' : '(?![\\p{L}\\p{N}])'}`, 'gu');
}

/** Does a word (its forms `p`) match a one-word term (its forms `q`)? */
function wordMatches(word: string, p: WordForms, term: Term, q: WordForms): boolean {
  const w = term.words[0]!;
  if (term.prefix ? word.startsWith(w) : word === w) return true;
  // the typed word's stem: a form of this word, or this word itself when that is a form of the typed one
  if (p.stem === q.stem && (p.stem !== word || stemIsWordForm(w, q.stem))) return true;
  if (p.parts.includes(q.stem)) return true;
  if (q.number !== null && p.number === q.number) return true;
  // a compound typed finds its parts written apart
  return q.parts.length > 1 && (q.parts.includes(p.stem) || p.parts.some((x) => q.parts.includes(x)));
}

/** Every place a term occurs, by the analysis search uses. */
export function findTerms(text: string, terms: Term[]): Span[] {
  if (terms.length === 0 || text === '') return [];
  const f = foldWithMap(text);
  const spans: Span[] = [];
  const mark = (from: number, to: number) => {
    const start = f.origin[from]!;
    spans.push({ type: 'match', start, end: Math.max(start + 1, f.origin[to]!) });
  };
  for (const t of terms.filter((x) => x.phrase)) {
    const re = phraseRegExp(t);
    for (let m = re.exec(f.text); m; m = re.exec(f.text)) mark(m.index, m.index + m[0].length);
  }
  const words = terms.filter((t) => !t.phrase).map((t) => ({ t, q: wordForms(t.words[0]!) }));
  const joined = terms.flatMap((t) => t.joined.map((j) => ({ j, stem: wordForms(j).stem })));
  const numbers = terms.map((t) => t.number ?? (t.phrase ? null : wordForms(t.words[0]!).number)).filter((n): n is string => !!n);
  for (const c of f.text.matchAll(CHUNK)) {
    const chunk = c[0];
    const at = c.index!;
    const whole = chunkForms(chunk);
    if (whole.number) {
      if (numbers.includes(whole.number)) mark(at, at + chunk.length);
      continue;
    }
    if (whole.joined) {
      const jf = wordForms(whole.joined);
      if (words.some(({ t, q }) => wordMatches(whole.joined!, jf, t, q)) || joined.some((x) => x.j === whole.joined || x.stem === jf.stem)) {
        mark(at, at + chunk.length);
        continue;
      }
    }
    for (const p of chunk.matchAll(PIECE)) {
      const word = p[0];
      if (STOPWORDS.has(word) && !words.some(({ t }) => t.words[0] === word)) continue;
      const pf = wordForms(word);
      if (words.some(({ t, q }) => wordMatches(word, pf, t, q)) || joined.some((x) => x.j === word || x.stem === pf.stem) || (pf.number !== null && numbers.includes(pf.number))) {
        mark(at + p.index!, at + p.index! + word.length);
      }
    }
  }
  return mergeSpans(spans);
}

/** Sorts spans and merges the overlapping ones (of one type). */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
