/** A few words around the first place a search matched, for a list of search hits. */

import type { Paragraph, Span } from './article.js';
import { findTerms } from './find.js';
import type { Term } from './query.js';

export interface Snippet {
  text: string;
  spans: Span[];
  /** Where the search matched: the body (a piece of it), only the title (the title, its match marked), or neither shown. */
  where: 'body' | 'title' | 'none';
}

/** The snippet of a hit: around the first match in the body, else the title when the match is only there. */
export function makeSnippet(article: { title: string; paragraphs: Paragraph[] }, terms: Term[], size = 160): Snippet {
  const { paragraphs } = article;
  for (const p of paragraphs) {
    const spans = findTerms(p.text, terms);
    if (spans.length === 0) continue;
    const first = spans[0]!;
    let start = Math.max(0, first.start - Math.floor(size / 3));
    if (start > 0) {
      const sp = p.text.indexOf(' ', start);
      start = sp >= 0 && sp < first.start ? sp + 1 : first.start;
    }
    let end = Math.min(p.text.length, start + size);
    if (end < p.text.length) {
      const sp = p.text.lastIndexOf(' ', end);
      if (sp > first.end) end = sp;
    }
    const prefix = start > 0 ? '…' : '';
    const suffix = end < p.text.length ? '…' : '';
    const shift = prefix.length - start;
    const inside = spans.filter((s) => s.start < end && s.end > start)
      .map((s) => ({ type: s.type, start: Math.max(s.start, start) + shift, end: Math.min(s.end, end) + shift }));
    return { text: prefix + p.text.slice(start, end) + suffix, spans: inside, where: 'body' };
  }
  const inTitle = findTerms(article.title, terms);
  if (inTitle.length) return { text: article.title, spans: inTitle, where: 'title' };
  const p = paragraphs[0];
  if (!p) return { text: '', spans: [], where: 'none' };
  return { text: p.text.length > size ? p.text.slice(0, size) + '…' : p.text, spans: [], where: 'none' };
}
