/**
 * A feed, as any of RSS 2.0, RSS 1.0/RDF, Atom 1.0 or JSON Feed, to one list of items.
 *
 * Real feeds are often not well-formed: control characters in CDATA, an unterminated
 * CDATA, a bare `&`. The text is mended before it is parsed, the items kept, the text
 * cleaned later. Links are resolved against `xml:base` and the feed's own address; an
 * HTML-typed title is read as text; dates are read here (`dates.ts`), not by the parser.
 */

import { parseFeed } from 'feedsmith';
import { feedDate } from './dates.js';
import type { Paragraph } from '../article.js';
import { type HtmlOptions, htmlToParagraphs } from './html.js';
import { sanitize } from '../sanitize.js';

export interface FeedItem {
  title: string;
  /** The article's address, absolute; '' when the item has none. */
  link: string;
  guid: string;
  date: string;
  author: string;
  /** The item's content as HTML (content:encoded, Atom content, content_html), or ''. */
  content: string;
  /** The item's summary as HTML (description, Atom summary, summary), or ''. */
  summary: string;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string;
  /** The site the feed belongs to. */
  home: string;
  items: FeedItem[];
}

export class FeedParseError extends Error {}

/** Characters XML cannot hold (after sanitising: U+FFFE/U+FFFF). */
const XML_ILLEGAL = /[\ufffe\uffff]/g;

/** Closes every CDATA section the feed left open, before the end of the element it was opened in. */
export function mendCdata(xml: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const open = xml.indexOf('<![CDATA[', i);
    if (open < 0) return out + xml.slice(i);
    const close = xml.indexOf(']]>', open + 9);
    const next = xml.indexOf('<![CDATA[', open + 9);
    if (close >= 0 && (next < 0 || close < next)) {
      out += xml.slice(i, close + 3);
      i = close + 3;
      continue;
    }
    // unterminated: the element it sits in ends at the next `</name>` of that element
    const tag = /<([\w:.-]+)[^<>]*>\s*$/.exec(xml.slice(Math.max(0, open - 300), open));
    const end = tag ? xml.indexOf(`</${tag[1]}>`, open + 9) : -1;
    const stop = end >= 0 && (next < 0 || end < next) ? end : next >= 0 ? next : xml.length;
    out += xml.slice(i, stop) + ']]>';
    i = stop;
  }
}

/** A bare `&` (not an entity) as `&amp;`, outside CDATA. */
function mendAmpersands(xml: string): string {
  return xml.replace(/(<!\[CDATA\[[\s\S]*?\]\]>)|&(?!(?:[a-zA-Z][\w.-]*|#\d+|#x[\da-fA-F]+);)/g, (m, cdata) => cdata ?? '&amp;');
}

type Text = string | { value?: string; type?: string } | undefined | null;

/** The text of a title: HTML-typed (Atom `type="html"`) or with tags in it, read as HTML. */
function textOf(t: Text, html = false): string {
  const raw = typeof t === 'string' ? t : t?.value ?? '';
  const asHtml = html || (typeof t === 'object' && t !== null && (t.type === 'html' || t.type === 'xhtml')) || /<\/?[a-z][^>]*>|&[a-z#]/i.test(raw);
  return (asHtml ? htmlToParagraphs(raw).map((p) => p.text).join(' ') : raw).replace(/\s+/g, ' ').trim();
}

const htmlOf = (t: Text): string => {
  const raw = typeof t === 'string' ? t : t?.value ?? '';
  if (typeof t === 'object' && t?.type === 'text') return raw.replace(/&/g, '&amp;').replace(/</g, '&lt;').split(/\n\s*\n/).map((p) => `<p>${p}</p>`).join('');
  return raw;
};

function absolute(href: string | undefined, base: string): string {
  if (!href) return '';
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : '';
  } catch {
    return '';
  }
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the parser's types differ by format; each is read by its own shape */
export function parseFeedText(text: string, feedUrl: string): ParsedFeed {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) throw new FeedParseError('empty response, not a feed');
  let parsed: { format: string; feed: any };
  const isJson = /^\s*[{[]/.test(body);
  try {
    // control characters and whole escape sequences out before parsing: XML cannot hold them, and no text should
    const clean = sanitize(body, { keepNewlines: true }).replace(XML_ILLEGAL, '');
    parsed = parseFeed(isJson ? clean : mendAmpersands(mendCdata(clean))) as any;
  } catch (e) {
    if (/^\s*<(!doctype html|html)\b/i.test(body)) throw new FeedParseError('an HTML page, not a feed');
    throw new FeedParseError(isJson ? 'not a JSON Feed' : `not a feed (${(e as Error).message.replace(/\s+/g, ' ').slice(0, 80)})`);
  }
  const { format, feed } = parsed;
  const base = absolute(feed.xml?.base, feedUrl) || feedUrl;
  if (format === 'atom') {
    const home = (feed.links ?? []).find((l: any) => !l.rel || l.rel === 'alternate')?.href;
    return {
      format: 'atom',
      title: textOf(feed.title),
      home: absolute(home, base),
      items: (feed.entries ?? []).map((e: any): FeedItem => {
        const ebase = absolute(e.xml?.base, base) || base;
        const link = (e.links ?? []).find((l: any) => !l.rel || l.rel === 'alternate')?.href ?? e.links?.[0]?.href;
        return {
          title: textOf(e.title),
          link: absolute(link, ebase),
          guid: (e.id ?? '').trim(),
          date: feedDate(e.published ?? e.updated ?? e.dc?.dates?.[0]),
          author: (e.authors ?? []).map((a: any) => a.name).filter(Boolean).join(', ') || (e.dc?.creators ?? []).join(', '),
          content: htmlOf(e.content),
          summary: htmlOf(e.summary),
        };
      }),
    };
  }
  if (format === 'json') {
    return {
      format: 'json',
      title: String(feed.title ?? '').trim(),
      home: absolute(feed.home_page_url, base),
      items: (feed.items ?? []).map((e: any): FeedItem => ({
        title: textOf(e.title ?? ''),
        link: absolute(e.url ?? e.external_url, base),
        guid: String(e.id ?? '').trim(),
        date: feedDate(e.date_published ?? e.date_modified),
        author: [...(e.authors ?? []), ...(e.author ? [e.author] : [])].map((a: any) => a.name).filter(Boolean).join(', '),
        content: e.content_html ?? (e.content_text ? htmlOf({ value: e.content_text, type: 'text' }) : ''),
        summary: e.summary ? htmlOf({ value: e.summary, type: 'text' }) : '',
      })),
    };
  }
  // rss and rdf
  return {
    format: format === 'rdf' ? 'rdf' : 'rss',
    title: textOf(feed.title),
    home: absolute(feed.link, base),
    items: (feed.items ?? []).map((e: any): FeedItem => {
      const guid = typeof e.guid === 'string' ? e.guid : e.guid?.value ?? '';
      const permalink = typeof e.guid === 'object' && e.guid?.isPermaLink !== false && /^https?:/i.test(guid) ? guid : '';
      return {
        title: textOf(e.title ?? e.dc?.titles?.[0]),
        link: absolute(e.link || permalink || e.rdf?.about, base),
        guid: String(guid).trim(),
        date: feedDate(e.pubDate ?? e.dc?.dates?.[0] ?? e.dc?.date),
        author: (e.authors ?? []).join(', ') || (e.dc?.creators ?? []).join(', '),
        content: e.content?.encoded ?? '',
        summary: e.description ?? '',
      };
    }),
  };
}

/** The feeds a web page announces (`<link rel="alternate" type="application/rss+xml" …>`), absolute, with their titles. */
export function feedLinks(html: string, pageUrl: string): Array<{ url: string; title: string }> {
  const out: Array<{ url: string; title: string }> = [];
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((v) => v !== undefined) ?? '';
    if (!/\balternate\b/i.test(attr('rel'))) continue;
    if (!/^application\/(rss\+xml|atom\+xml|rdf\+xml|feed\+json|json)$/i.test(attr('type').trim())) continue;
    const url = absolute(decodeAttr(attr('href')), pageUrl);
    if (url && !out.some((f) => f.url === url)) out.push({ url, title: decodeAttr(attr('title')).trim() });
  }
  return out;
}

const decodeAttr = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/**
 * The item's article as paragraphs when it carries it, else null (a summary: the page is
 * fetched). Content (content:encoded, Atom content, content_html) of two paragraphs or a
 * few sentences is the article; a description only when it holds several paragraphs.
 */
export function fullText(item: FeedItem, options: HtmlOptions = {}): Paragraph[] | null {
  const chars = (ps: Paragraph[]) => ps.filter((p) => p.kind === 'text').reduce((n, p) => n + p.text.length, 0);
  const texts = (ps: Paragraph[]) => ps.filter((p) => p.kind === 'text').length;
  if (item.content) {
    const ps = htmlToParagraphs(item.content, options);
    if (texts(ps) >= 2 || chars(ps) >= 400) return ps;
  }
  if (item.summary) {
    const ps = htmlToParagraphs(item.summary, options);
    if ((texts(ps) >= 3 && chars(ps) >= 200) || chars(ps) >= 1500) return ps;
  }
  return null;
}
