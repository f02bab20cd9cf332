/**
 * Fetches subscriptions into the articles folder: each feed (conditionally), each new
 * item as an article file with its full text — from the item when it carries the article,
 * else from the linked page (reader mode), else the summary with a note. An article is
 * new when the index knows no article with its url (or, without one, its text): losing
 * the fetch state never brings a duplicate. One feed failing never stops the others.
 */

import { type FetchedArticle, articleFileName, articleFileText } from '../core/feed/article-file.js';
import { decodeDocument } from '../core/feed/charset.js';
import { isoInAmsterdam } from '../core/feed/dates.js';
import { extractArticle } from '../core/feed/extract.js';
import { type FeedItem, FeedParseError, type ParsedFeed, fullText, parseFeedText } from '../core/feed/feed-items.js';
import { htmlToParagraphs, resolveAgainst, withoutTitle } from '../core/feed/html.js';
import { type Subscription, feedFolder, feedName } from '../core/feed/subscriptions.js';
import { parseArticle } from '../core/parse.js';
import { articleKey, keyOfArticle } from '../store/index-doc.js';
import type { FetchState } from './fetch-state.js';
import { describeError } from '../store/fs-util.js';
import { writeNewArticle } from './files.js';
import { HttpError, type Limiter, get } from './http.js';

export const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';
export const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

/** The articles the folder has, by key; and those written in this run. */
export interface KnownArticles {
  has(key: number): boolean;
  add(key: number): void;
}

export interface FetchContext {
  root: string;
  userAgent: string;
  state: FetchState;
  known: KnownArticles;
  limiter: Limiter;
  /** ms since 1970 (tests set the clock). */
  now: () => number;
  timeoutMs?: number;
  maxBytes?: number;
  /** After each feed: its report (written articles already on disk). */
  onFeed?: (report: FeedReport) => void;
}

export interface FeedReport {
  name: string;
  url: string;
  /** New articles written. */
  written: number;
  status: 'ok' | 'not modified' | 'failed';
  /** Why it failed, one phrase. */
  error?: string;
  /** Articles kept as their summary: the page could not be read. */
  summaries: number;
}

const paragraphsOf = (html: string, base: string, title: string) => withoutTitle(htmlToParagraphs(html, { resolve: resolveAgainst(base) }), title);

/** Fetches a page and reads its article; null and why when there is none. */
export async function fetchPage(url: string, ctx: FetchContext) {
  try {
    const res = await ctx.limiter.run(url, () => get(url, { accept: PAGE_ACCEPT, userAgent: ctx.userAgent, timeoutMs: ctx.timeoutMs, maxBytes: ctx.maxBytes }));
    if (res.status !== 'ok') return { page: null, why: 'not modified' };
    const page = extractArticle(decodeDocument(res.bytes, res.contentType), res.url);
    return { page, why: page ? '' : 'the page holds no article that could be read' };
  } catch (e) {
    return { page: null, why: e instanceof HttpError ? e.what : (e as Error).message };
  }
}

/** An item as an article: its own text, the page's, or its summary with a note. */
async function articleOf(item: FeedItem, source: string, feedUrl: string, ctx: FetchContext): Promise<{ article: FetchedArticle; summary: boolean }> {
  const base = item.link || feedUrl;
  const article: FetchedArticle = { title: item.title, date: item.date, source, url: item.link, author: item.author, guid: item.guid, paragraphs: [], note: '' };
  const own = fullText(item, { resolve: resolveAgainst(base) });
  let summary = false;
  if (own) article.paragraphs = withoutTitle(own, item.title);
  else if (item.link) {
    const { page, why } = await fetchPage(item.link, ctx);
    if (page) {
      article.paragraphs = page.paragraphs;
      article.title ||= page.title;
      article.date ||= page.date;
      article.author ||= page.author;
    } else {
      article.note = `summary only: ${why}`;
      // said in the text too, where the reader and --print show it
      article.paragraphs = [...paragraphsOf(item.content || item.summary, base, item.title), { kind: 'text', text: `(krant: ${article.note}; the whole article is at its url)` }];
      summary = true;
    }
  } else article.paragraphs = paragraphsOf(item.content || item.summary, base, item.title);
  // no date in the feed or on the page: the time it was first fetched
  article.date ||= isoInAmsterdam(ctx.now());
  return { article, summary };
}

/** Who an item is before anything is fetched for it: its url's key; without a url, the key of the text it will be written with. */
const keyOfUrl = (url: string) => articleKey(url, '');

export async function fetchFeed(sub: Subscription, ctx: FetchContext): Promise<FeedReport> {
  const report: FeedReport = { name: feedName(sub), url: sub.url, written: 0, status: 'ok', summaries: 0 };
  const prev = ctx.state.get(sub.url);
  const fetched = new Date(ctx.now()).toISOString();
  const fail = (what: string) => {
    report.status = 'failed';
    report.error = what;
    ctx.state.set(sub.url, { fetched, status: what });
    return report;
  };
  let feed: ParsedFeed;
  try {
    const res = await ctx.limiter.run(sub.url, () => get(sub.url, { accept: FEED_ACCEPT, userAgent: ctx.userAgent, etag: prev.etag, lastModified: prev.lastModified, timeoutMs: ctx.timeoutMs, maxBytes: ctx.maxBytes }));
    if (res.status === 'not-modified') {
      report.status = 'not modified';
      ctx.state.set(sub.url, { fetched, status: 'not modified' });
      return report;
    }
    feed = parseFeedText(decodeDocument(res.bytes, res.contentType), res.url);
    ctx.state.set(sub.url, { etag: res.etag || undefined, lastModified: res.lastModified || undefined, title: feed.title || prev.title });
  } catch (e) {
    if (e instanceof HttpError || e instanceof FeedParseError) return fail(e.message);
    throw e;
  }
  report.name = sub.name || feed.title || report.name;
  const folder = feedFolder({ ...sub, name: report.name });
  const today = isoInAmsterdam(ctx.now()).slice(0, 10);
  await Promise.all(feed.items.map(async (item) => {
    if (!item.link && !item.title && !item.content && !item.summary) return;
    let key = item.link ? keyOfUrl(item.link) : 0;
    if (key) {
      if (ctx.known.has(key)) return;
      ctx.known.add(key); // before the page is fetched: the same link twice in a feed is fetched once
    }
    const { article, summary } = await articleOf(item, report.name, sub.url, ctx);
    const text = articleFileText(article);
    if (!key) {
      key = keyOfArticle(parseArticle('', text, { markdown: true }));
      if (ctx.known.has(key)) return;
      ctx.known.add(key);
    }
    writeNewArticle(ctx.root, `${folder}/${articleFileName(article, today)}`, text);
    report.written++;
    if (summary) report.summaries++;
  }));
  ctx.state.set(sub.url, { fetched, status: 'ok', written: (prev.written ?? 0) + report.written });
  return report;
}

/** Every subscription, side by side (the limiter keeps requests to 4 at once, 2 per host). */
export async function fetchFeeds(subs: Subscription[], ctx: FetchContext): Promise<FeedReport[]> {
  return Promise.all(subs.map(async (sub) => {
    const r = await fetchFeed(sub, ctx).catch((e: Error) => ({ name: feedName(sub), url: sub.url, written: 0, status: 'failed' as const, error: describeError(e), summaries: 0 }));
    ctx.onFeed?.(r);
    return r;
  }));
}
