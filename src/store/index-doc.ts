/** What the index keeps of an article, and reading a file into it (with why it could not be read). */

import { createRequire } from 'node:module';
import path from 'node:path';
import type { Article, ArticleSummary } from '../core/article.js';
import { type IndexTexts, indexTexts } from '../core/dutch/analyze.js';
import './lexicon-file.js'; // the word list compounds are split by, read when first needed
import { ArticleError, readArticleFile } from './read.js';

// The body text indexed per article: enough for any real article, bounded for a runaway file.
const MAX_INDEXED_CHARS = 2_000_000;

/** A text of the full-text index: a string, or its UTF-8 bytes (as a parse worker sends it). */
export type FtsText = string | Uint8Array;

/** An article's summary as indexed (its id is its file's), and its words. */
export interface IndexDoc extends Omit<ArticleSummary, 'id'> {
  /**
   * The full-text row, in the index's column order: title and body words (without
   * stopwords), then the other forms of the title's and the body's words.
   */
  fts: [FtsText, FtsText, FtsText, FtsText];
}

/** The full-text row of a title and a body. */
export const ftsRow = (title: IndexTexts, body: IndexTexts): IndexDoc['fts'] => [title.words, body.words, title.forms, body.forms];

export interface FileRef {
  id: string;
  rel: string;
}

/** The document for a file, or the reason it is skipped. */
export function readDoc(root: string, file: FileRef): IndexDoc | string {
  try {
    const a = readArticleFile(path.join(root, file.rel), file.id).article;
    const body = indexedBody(a);
    return {
      title: a.title, date: a.date, source: a.source, key: articleKey(a.url, body),
      fts: ftsRow(indexTexts(a.title), indexTexts(body)),
    };
  } catch (e) {
    if (e instanceof ArticleError) return e.what;
    return `cannot read (${(e as Error).message})`;
  }
}

/** The body text the index reads of an article (and an article without a url is known by). */
export function indexedBody(a: Article): string {
  const body = a.paragraphs.map((p) => p.text).join(' ');
  return body.length > MAX_INDEXED_CHARS ? body.slice(0, MAX_INDEXED_CHARS) : body;
}

/** Who an article is, as the index knows it (its `key` column). */
export const keyOfArticle = (a: Article): number => articleKey(a.url, indexedBody(a));

let crypto: typeof import('node:crypto') | undefined;

/**
 * An article's identity apart from its file name: a 47-bit hash of its url, else of its
 * text. A number SQLite stores in 6 bytes (the text was 23 or more), with a chance of two
 * articles of one folder sharing it below one in ten thousand at 200 000 articles.
 */
export function articleKey(url: string, text: string): number {
  // node:crypto required when first used: the reader's start never hashes an article
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  const data = url ? `url:${url}` : `text:${text}`;
  // one call, not a Hash object per article: the same digest, in about half the time for a url (Node before 20.12 has no `hash`)
  const digest = crypto.hash?.('sha1', data, 'buffer') ?? crypto.createHash('sha1').update(data).digest();
  // never 0, which means "none"
  return (digest.readUInt32BE(0) & 0x7fff) * 2 ** 32 + digest.readUInt32BE(4) || 1;
}
