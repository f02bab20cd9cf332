/** Finds terms in text regardless of case and accents, as spans over the original text. */

import type { Span } from './article.js';
import { type Term, fold } from './query.js';

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

const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);

export interface FindOptions {
  /** Only matches that start a word (how the index matches); otherwise anywhere, like `less`. */
  wordStart?: boolean;
}

/** Every place a term occurs: a term's words in order, separated by anything but letters and digits. */
export function findTerms(text: string, terms: Term[], options: FindOptions = {}): Span[] {
  if (terms.length === 0 || text === '') return [];
  const f = foldWithMap(text);
  const spans: Span[] = [];
  for (const term of terms) {
    const pattern = term.words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^\\p{L}\\p{N}]+');
    const re = new RegExp(pattern, 'gu');
    for (let m = re.exec(f.text); m; m = re.exec(f.text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (options.wordStart && isWordChar(f.text[m.index - 1])) continue;
      const start = f.origin[m.index]!;
      let end = f.origin[m.index + m[0].length]!;
      if (end <= start) end = start + 1;
      spans.push({ type: 'match', start, end });
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
