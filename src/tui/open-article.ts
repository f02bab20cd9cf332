/**
 * An article made ready for the reader: highlighted and measured. A runaway file is
 * cut at READER_MAX_CHARS of text (with a note saying so) so that opening, wrapping
 * and finding stay instant; `krant --print ID` still gives it whole.
 */

import { type Article, articleWords } from '../core/article.js';
import { type Highlighted, highlightArticle } from '../core/highlight/article.js';
import type { ArticleHead } from './state.js';

export const READER_MAX_CHARS = 1_000_000;

export function capArticle(article: Article, max = READER_MAX_CHARS): Article {
  let total = 0;
  let n = 0;
  for (; n < article.paragraphs.length; n++) {
    total += article.paragraphs[n]!.text.length;
    if (total > max) break;
  }
  if (n === article.paragraphs.length) return article;
  const kept = article.paragraphs.slice(0, Math.max(1, n));
  const rest = article.paragraphs.length - kept.length;
  return {
    ...article,
    paragraphs: [...kept, { kind: 'caption', text: `[krant: the article is cut here, ${rest} more paragraphs; krant --print ${article.id} shows it whole]` }],
  };
}

export function prepareArticle(row: { id: string; key: number }, article: Article): { head: ArticleHead; body: Highlighted } {
  const shown = capArticle(article);
  return {
    head: { id: row.id, key: row.key, title: article.title, date: article.date, source: article.source, words: articleWords(article) },
    body: highlightArticle(shown),
  };
}
