/**
 * The article on a web page, as reader mode finds it: Mozilla's Readability on linkedom
 * (a light DOM: the same text as jsdom, a tenth of the time). What Readability lets
 * through inside the text (`Lees ook:`, video fallbacks, newsletter boxes) is filtered by
 * `html.ts`; a result too short to be an article counts as no article.
 */

import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Paragraph } from '../article.js';
import { feedDate } from './dates.js';
import { htmlToParagraphs, resolveAgainst, withoutTitle } from './html.js';

/** Less text than this is not an article (a cookie wall, an index page, a video page). */
export const MIN_ARTICLE_CHARS = 280;

export interface PageArticle {
  title: string;
  date: string;
  /** The publisher, as the page names it. */
  site: string;
  author: string;
  paragraphs: Paragraph[];
}

/* eslint-disable @typescript-eslint/no-explicit-any -- JSON-LD is any shape */
/** What the page's JSON-LD says of its article: date, publisher, author, headline. */
function jsonLd(doc: any): { date?: string; site?: string; author?: string; title?: string } {
  const found: { date?: string; site?: string; author?: string; title?: string } = {};
  const visit = (v: any) => {
    if (!v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach(visit);
    if (v['@graph']) visit(v['@graph']);
    const type = [].concat(v['@type'] ?? []).join(' ');
    if (/Article|Posting|Report/.test(type)) {
      found.date ??= v.datePublished ?? v.dateCreated;
      found.title ??= typeof v.headline === 'string' ? v.headline : undefined;
      const pub = [].concat(v.publisher ?? [])[0] as any;
      found.site ??= typeof pub === 'string' ? pub : pub?.name;
      const auth = [].concat(v.author ?? []).map((a: any) => (typeof a === 'string' ? a : a?.name)).filter(Boolean);
      if (auth.length) found.author ??= auth.join(', ');
    }
  };
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(s.textContent ?? ''));
    } catch {
      // a broken block says nothing
    }
  }
  return found;
}

function meta(doc: any, ...names: string[]): string {
  for (const n of names) {
    const el = doc.querySelector(`meta[property="${n}"]`) ?? doc.querySelector(`meta[name="${n}"]`);
    const v = el?.getAttribute('content');
    if (v && v.trim()) return v.trim();
  }
  return '';
}

/** The article on a page, or null when there is none worth the name. */
export function extractArticle(html: string, url: string): PageArticle | null {
  // linkedom has no baseURI: a <base> makes relative links resolve
  const withBase = /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (h) => `${h}<base href="${url.replace(/"/g, '%22')}">`) : `<head><base href="${url.replace(/"/g, '%22')}"></head>${html}`;
  const { document } = parseHTML(withBase);
  for (const [k, v] of [['baseURI', url], ['documentURI', url]] as const) {
    try {
      Object.defineProperty(document, k, { value: v, configurable: true });
    } catch {
      // read-only in this DOM: links are resolved below anyway
    }
  }
  const ld = jsonLd(document);
  const published = ld.date || meta(document, 'article:published_time', 'og:published_time', 'date', 'pubdate', 'dcterms.date');
  const site = meta(document, 'og:site_name', 'application-name') || ld.site || '';
  let result: ReturnType<Readability<string>['parse']>;
  try {
    result = new Readability(document as any, { charThreshold: MIN_ARTICLE_CHARS }).parse();
  } catch {
    return null;
  }
  if (!result?.content) return null;
  const title = (ld.title || meta(document, 'og:title') || result.title || '').trim();
  const paragraphs = withoutTitle(htmlToParagraphs(result.content, { resolve: resolveAgainst(url) }), title);
  const chars = paragraphs.filter((p) => p.kind === 'text').reduce((n, p) => n + p.text.length, 0);
  if (chars < MIN_ARTICLE_CHARS) return null;
  return {
    title,
    date: feedDate(published || result.publishedTime),
    site: (site || result.siteName || '').trim(),
    author: (ld.author || result.byline || meta(document, 'author') || '').trim(),
    paragraphs,
  };
}
