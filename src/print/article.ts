/**
 * `krant --print ID`: title, meta line, blank line, paragraphs. What it needs beyond
 * that is passed in, so that the plain piped case loads no wrapping, highlighting or
 * colour code at all.
 */

import { type Article, type Span, articleWords } from '../core/article.js';
import type { Line } from '../core/layout.js';
import { sanitize } from '../core/sanitize.js';
import type { Painter } from '../core/paint.js';

export function metaLine(a: Pick<Article, 'date' | 'source' | 'paragraphs'>): string {
  const words = articleWords(a);
  return [a.date || '—', a.source || '—', `${words} ${words === 1 ? 'word' : 'words'}`].join(' · ');
}

export interface RenderOptions {
  /** Wraps a paragraph to the width; without it, a paragraph is one line. */
  wrap?: (text: string, spans: readonly Span[]) => Line[];
  /** Styles and the spans of each paragraph to style; without them, plain text. */
  painter?: Painter;
  spans?: Span[][];
}

export function renderArticle(article: Article, o: RenderOptions = {}): string {
  const lines = (text: string, spans: readonly Span[]) => (o.wrap ? o.wrap(text, spans) : [{ text, start: 0, spans: [...spans] }]);
  const role = (r: 'title' | 'meta', text: string) => (o.painter ? o.painter.role(r, text) : text);
  const out: string[] = [];
  for (const l of lines(sanitize(article.title), [])) out.push(role('title', l.text));
  for (const l of lines(metaLine(article), [])) out.push(role('meta', l.text));
  article.paragraphs.forEach((p, i) => {
    out.push('');
    const base = p.kind === 'caption' ? 'caption' : p.kind === 'heading' ? 'title' : undefined;
    for (const l of lines(p.text, o.spans?.[i] ?? [])) out.push(o.painter ? o.painter.spans(l.text, l.spans, base) : l.text);
  });
  return out.join('\n') + '\n';
}
