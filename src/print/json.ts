/** `--json`: articles and lists as JSON (schema in the README, "JSON"), safe to show on a terminal as it is. */

import { type Article, articleWords } from '../core/article.js';
import { highlightArticle } from '../core/highlights.js';
import type { Snippet } from '../core/snippet.js';
import type { ListRow } from '../store/store.js';

/** JSON.stringify escapes C0 controls; C1 controls, DEL and bidirectional controls are escaped here too. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
}

export function articleJson(article: Article, path: string) {
  const h = highlightArticle(article);
  return {
    id: article.id,
    path,
    title: article.title,
    date: article.date,
    source: article.source,
    url: article.url,
    words: articleWords(article),
    paragraphs: h.paragraphs.map((p) => ({ kind: p.kind, text: p.text, spans: p.spans })),
    figures: h.figures,
    sources: h.sources.map((s) => ({ name: s.name, mentions: s.mentions })),
    claims: h.claims,
  };
}

export function listJson(rows: ListRow[], snippets?: Snippet[]) {
  return rows.map((r, i) => ({
    id: r.id,
    title: r.title,
    date: r.date,
    source: r.source,
    path: r.path,
    ...(r.read !== undefined ? { read: r.read, saved: !!r.saved } : {}),
    ...(snippets ? { snippet: snippets[i] } : {}),
  }));
}
