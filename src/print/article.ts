/** `krant --print ID`: title, meta line, blank line, paragraphs — wrapped when a width is given. */

import type { Article } from '../core/article.js';
import { highlightArticle } from '../core/highlights.js';
import { wrap } from '../core/layout.js';
import { sanitize } from '../core/sanitize.js';
import { type Painter, plainPainter } from './paint.js';

export function metaLine(a: Pick<Article, 'date' | 'source' | 'words'>): string {
  return [a.date || '—', a.source || '—', `${a.words} ${a.words === 1 ? 'word' : 'words'}`].join(' · ');
}

function block(text: string, width: number | undefined): string[] {
  return width ? wrap(text, [], width).map((l) => l.text) : [text];
}

export function renderArticle(article: Article, width: number | undefined, painter: Painter = plainPainter): string {
  const out: string[] = [];
  for (const line of block(sanitize(article.title), width)) out.push(painter.role('title', line));
  for (const line of block(metaLine(article), width)) out.push(painter.role('meta', line));
  const coloured = painter !== plainPainter;
  const paragraphs = coloured ? highlightArticle(article).paragraphs : article.paragraphs.map((p) => ({ ...p, spans: [] }));
  for (const p of paragraphs) {
    out.push('');
    const base = p.kind === 'caption' ? 'caption' : undefined;
    const lines = width ? wrap(p.text, p.spans, width) : [{ text: p.text, start: 0, spans: p.spans }];
    for (const l of lines) out.push(painter.spans(l.text, l.spans, base));
  }
  return out.join('\n') + '\n';
}
