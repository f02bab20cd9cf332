/** `--json`: articles and lists as JSON (schema in the README, "JSON"), safe to show on a terminal as it is. */

import { type Article, articleWords } from '../core/article.js';
import { highlightArticle } from '../core/highlight/article.js';
import { printableName } from '../core/file-name.js';
import { unsafeChars } from '../core/sanitize.js';
import type { Snippet } from '../core/snippet.js';
import type { ListRow } from '../store/store.js';

/** JSON.stringify escapes C0 controls; every other character sanitize would drop is escaped here too (`\u2028`, …). */
export function toJson(value: unknown): string {
  const escape = (c: string) => [...Array(c.length).keys()].map((i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');
  return JSON.stringify(value, null, 2).replace(unsafeChars(), escape) + '\n';
}

export function articleJson(article: Article, path: string) {
  const h = highlightArticle(article);
  return {
    id: printableName(article.id),
    path: printableName(path),
    title: article.title,
    date: article.date,
    source: article.source,
    url: article.url,
    words: articleWords(article),
    paragraphs: h.paragraphs.map((p) => ({ kind: p.kind, text: p.text, spans: p.spans, ...(p.links ? { links: p.links } : {}) })),
    figures: h.figures,
    sources: h.sources.map((s) => ({ name: s.name, mentions: s.mentions })),
    claims: h.claims,
  };
}

/** A list, or a search's hits: each with its snippet, and `partial` when no article had every word (these have some). */
export function listJson(rows: ListRow[], hits?: { snippets: Snippet[]; partial: boolean }) {
  return rows.map((r, i) => ({
    id: printableName(r.id),
    title: r.title,
    date: r.date,
    source: r.source,
    path: printableName(r.path),
    ...(r.read !== undefined ? { read: r.read, saved: !!r.saved } : {}),
    ...(hits ? { snippet: hits.snippets[i], partial: hits.partial } : {}),
  }));
}
