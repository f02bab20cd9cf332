/**
 * HTML (a feed item's content, or the article Readability found on a page) to the
 * article's paragraphs: text, headings (`h1`-`h6`), captions with their credit
 * (`… - ANP`, so that the credit reads as a source), list items as paragraphs, links kept
 * on their text. Scripts, styles, navigation, forms, share and cookie boxes, "lees ook"
 * blocks and advertisement labels are left out.
 */

import { Parser } from 'htmlparser2';
import type { Link, Paragraph } from '../article.js';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'nav', 'footer', 'aside', 'form', 'button', 'select', 'textarea', 'iframe', 'svg', 'math', 'object', 'embed', 'video', 'audio', 'canvas', 'head', 'title', 'menu', 'dialog']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param']);
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'figure', 'figcaption', 'table', 'tr', 'td', 'th', 'pre', 'dl', 'dt', 'dd', 'hr', 'address', 'details', 'summary', 'center']);
// class, id or role of a box that is not the article
const BOILERPLATE = /\b(cookie|consent|share|sharing|social|newsletter|nieuwsbrief|lees-?ook|read-?more|related|gerelateerd|advert|advertentie|ad-?slot|banner|promo|paywall|subscribe|abonneer|comments?|reacties|breadcrumb|tags?-?list|sidebar|navigation|navbar|menu|print-only|visually-hidden|sr-only)\b/i;
const CREDIT_BOX = /\b(credit|copyright|byline-photo|photo-?credit|caption-?credit|bron|source|fotograaf|photographer|author)\b/i;
// a paragraph of boilerplate inside the article text
const BOILER_TEXT = /^(lees ook|lees meer|lees verder|bekijk ook|bekijk hier|kijk ook|luister ook|meer over|advertentie|advertisement|deel dit artikel|deel dit|volg ons|volg de|meld je aan|schrijf je in|abonneer|download de app|je browser ondersteunt|dit is een ingesloten|deze video kan niet worden afgespeeld|video afspelen|cookies?\b|accepteer|naar de homepage)/i;

/** A credit as a caption ends with it: `Foto: ANP`, `© ANP`, `(ANP)`, `Beeld ANP` all become `ANP`. */
export function creditOf(raw: string): string {
  return raw.replace(/^[\s(©]*(?:(?:foto|beeld|photo|image|bron|credit)s?\s*:?\s*)?(?:©\s*)?/i, '').replace(/[\s)]+$/, '').trim();
}

/** A caption with its credit as `text - CREDIT` (a credit written inside the text as `Foto: ANP` or `© ANP` too). */
export function captionText(text: string, credit: string): string {
  let t = text.trim();
  let c = creditOf(credit);
  if (!c) {
    const inside = /[\s(]*(?:(?:foto|beeld)\s*:\s*|©\s*)([^()]{1,40}?)\)?\s*$/i.exec(t);
    if (inside && inside.index > 0) {
      c = inside[1]!.trim();
      t = t.slice(0, inside.index).trim();
    }
  }
  if (!c) return t;
  if (t.endsWith(c)) return t;
  return t ? `${t.replace(/[\s|–—-]+$/, '')} - ${c}` : c;
}

/** Resolves an href against a page's address ('' when it cannot be). */
export const resolveAgainst = (base: string) => (href: string): string => {
  try {
    return new URL(href, base).href;
  } catch {
    return '';
  }
};

/** Paragraphs without a first heading that only repeats the title. */
export function withoutTitle(ps: Paragraph[], title: string): Paragraph[] {
  if (ps[0]?.kind === 'heading' && ps[0].text.trim() === title.trim()) ps.shift();
  return ps;
}

export interface HtmlOptions {
  /** Resolves a link's href to an absolute address ('' drops it). */
  resolve?: (href: string) => string;
}

/** HTML to paragraphs. Never throws: any HTML is some text. */
export function htmlToParagraphs(html: string, options: HtmlOptions = {}): Paragraph[] {
  const out: Paragraph[] = [];
  let buf = '';
  let links: Link[] = [];
  let kind: Paragraph['kind'] = 'text';
  let skip = 0; // depth inside a left-out element
  const open: Array<{ name: string; href?: string; at?: number; credit?: boolean }> = [];
  let caption: { text: string; credit: string } | null = null;
  let creditDepth = 0;
  let bullet = false;

  const flush = (as: Paragraph['kind'] = kind) => {
    const text = buf.replace(/\s+$/, '');
    const kept = links.filter((l) => l.end <= text.length && l.start < l.end);
    buf = '';
    links = [];
    kind = 'text';
    if (caption) {
      caption.text += (caption.text && text ? ' ' : '') + text;
      return;
    }
    if (!text.trim() || BOILER_TEXT.test(text.trim())) return;
    out.push({ kind: as, text: (bullet ? '• ' : '') + text.trimStart(), ...(kept.length && !bullet ? { links: kept } : {}) });
    bullet = false;
  };
  const append = (s: string) => {
    let t = s.replace(/\s+/g, ' ');
    if (buf === '' || buf.endsWith(' ')) t = t.replace(/^ /, '');
    buf += t;
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (skip) {
          if (!VOID.has(name)) skip++;
          return;
        }
        const box = `${attrs.class ?? ''} ${attrs.id ?? ''} ${attrs.role ?? ''}`;
        if (SKIP.has(name) || 'hidden' in attrs || attrs['aria-hidden'] === 'true' || (name !== 'a' && name !== 'p' && BOILERPLATE.test(box))) {
          if (!VOID.has(name)) skip = 1;
          return;
        }
        if (caption && CREDIT_BOX.test(box) && !VOID.has(name)) {
          if (creditDepth === 0) flush();
          creditDepth++;
          open.push({ name, credit: true });
          return;
        }
        if (creditDepth && !VOID.has(name)) creditDepth++;
        if (name === 'br') {
          append(' ');
          return;
        }
        if (BLOCK.has(name)) {
          if (name !== 'li' || buf.trim()) flush();
          if (/^h[1-6]$/.test(name)) kind = 'heading';
          if (name === 'li') bullet = true;
          if (name === 'figcaption') caption = { text: '', credit: '' };
        }
        if (name === 'a' && attrs.href) open.push({ name, href: attrs.href, at: buf.length });
        else if (!VOID.has(name)) open.push({ name });
      },
      ontext(text) {
        if (skip) return;
        if (creditDepth && caption) caption.credit += text;
        else append(text);
      },
      onclosetag(name, implied) {
        if (skip) {
          skip--;
          return;
        }
        if (VOID.has(name)) return;
        const top = open.pop();
        if (top?.credit) {
          creditDepth = Math.max(0, creditDepth - 1);
          return;
        }
        if (creditDepth) creditDepth--;
        if (top?.href !== undefined && top.at !== undefined) {
          const start = top.at + (buf[top.at] === ' ' ? 1 : 0);
          const end = buf.replace(/\s+$/, '').length;
          const url = options.resolve ? options.resolve(top.href) : top.href;
          if (url && end > start && /^https?:/i.test(url)) links.push({ start, end, url });
        }
        if (name === 'figcaption' && caption) {
          flush();
          const text = captionText(caption.text, caption.credit);
          caption = null;
          if (text && !BOILER_TEXT.test(text)) out.push({ kind: 'caption', text });
          return;
        }
        if (BLOCK.has(name)) flush(kind);
        void implied;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return out;
}
