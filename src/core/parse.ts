/** Article text (already decoded) to the article model; see the README, "Article files". */

import type { Article, ArticleMeta, Paragraph } from './article.js';
import { normaliseDate } from './date.js';
import { markdownBlock } from './markdown.js';
import { sanitize } from './sanitize.js';

const KNOWN_KEYS = new Set(['title', 'date', 'source', 'url', 'author', 'lang', 'tags']);
// `[^\n]*`, not `.*`: a value may hold U+2028 or U+2029, which `.` stops at (they are cleaned later)
const HEADER_LINE = /^([A-Za-z][A-Za-z0-9_-]{0,40})[ \t]*:[ \t]*([^\n]*)$/;
const SEED_FORM = /^date[ \t]+(\d{4}-\d{2}(?:-\d{2})?)(?:[ \t]+|$)/;
// `text - CREDIT`: a short credit of at most five words that does not end a sentence.
const CAPTION = /\s[-–—]\s+([\p{Lu}\p{N}][\p{L}\p{N}.&/'’ -]{0,39})$/u;
const TITLE_COLUMNS = 80;

/** One line of text: control characters out, white space runs to one space. */
// Only runs of two or more, or white space other than a space, need replacing: most text has neither.
const clean = (s: string) => sanitize(s).replace(/\s{2,}|[^\S ]/g, ' ').trim();

function unquote(v: string): string {
  const t = v.trim();
  return t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0] ? t.slice(1, -1) : t;
}

interface Header {
  fields: Map<string, string>;
  rest: string;
}

/** Reads `key: value` lines as a header when they name at least one known key. */
function readHeaderLines(lines: string[]): Map<string, string> | null {
  const fields = new Map<string, string>();
  let known = false;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const m = HEADER_LINE.exec(line);
    if (!m) return null;
    const key = m[1]!.toLowerCase();
    if (KNOWN_KEYS.has(key)) known = true;
    fields.set(key, unquote(m[2]!));
  }
  return known ? fields : null;
}

function splitHeader(text: string): Header {
  if (/^---[ \t]*\n/.test(text)) {
    const end = text.indexOf('\n---', 3);
    if (end >= 0) {
      const fields = readHeaderLines(text.slice(text.indexOf('\n') + 1, end).split('\n'));
      if (fields) {
        const after = text.indexOf('\n', end + 4);
        return { fields, rest: after < 0 ? '' : text.slice(after + 1) };
      }
    }
  }
  const blank = text.search(/\n[ \t]*\n/);
  const block = blank < 0 ? text : text.slice(0, blank);
  // A header block is short; a long first paragraph with a colon is not one.
  if (block.length < 4000) {
    const fields = readHeaderLines(block.split('\n'));
    if (fields) return { fields, rest: blank < 0 ? '' : text.slice(blank + 1) };
  }
  return { fields: new Map(), rest: text };
}

function isCaption(text: string): boolean {
  if (text.length > 400) return false;
  const m = CAPTION.exec(text);
  if (!m) return false;
  const credit = m[1]!.trim();
  return credit.split(/\s+/).length <= 5 && !/[.]$/.test(credit);
}

/** The first sentence, cut at a word boundary near 80 columns. */
export function fallbackTitle(paragraphs: Paragraph[]): string {
  const first = paragraphs[0]?.text ?? '';
  const m = /^.*?[.!?](?=\s|$)/.exec(first);
  const sentence = m ? m[0] : first;
  if (sentence.length <= TITLE_COLUMNS) return sentence;
  const cut = sentence.lastIndexOf(' ', TITLE_COLUMNS - 1);
  return (cut > 20 ? sentence.slice(0, cut) : sentence.slice(0, TITLE_COLUMNS - 1)).replace(/[\s,;:]+$/, '') + '…';
}

export function splitParagraphs(body: string, markdown = false): Paragraph[] {
  const out: Paragraph[] = [];
  for (const block of body.split(/\n[ \t]*\n/)) {
    if (markdown) {
      for (const p of markdownBlock(block, clean)) out.push(p.kind === 'text' && isCaption(p.text) ? { ...p, kind: 'caption' } : p);
      continue;
    }
    const text = clean(block);
    if (text) out.push({ kind: isCaption(text) ? 'caption' : 'text', text });
  }
  return out;
}

export interface ParseOptions {
  /** A `.md` file: its Markdown read (markdown.ts). */
  markdown?: boolean;
}

/** Parses decoded file text. Never throws: any text is some article. */
export function parseArticle(id: string, raw: string, options: ParseOptions = {}): Article {
  let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n'); // a search for one character is quicker than a replace that finds none
  text = text.replace(/^\s+/, '');
  let date = '';
  const seed = SEED_FORM.exec(text);
  let fields = new Map<string, string>();
  if (seed) {
    date = normaliseDate(seed[1]!);
    text = text.slice(seed[0].length);
  } else {
    const header = splitHeader(text);
    fields = header.fields;
    text = header.rest;
  }
  const paragraphs = splitParagraphs(text, options.markdown);
  const get = (k: string) => clean(fields.get(k) ?? '');
  // Markdown without a title field: its first heading is the title (and is not said twice)
  if (options.markdown && !get('title') && paragraphs[0]?.kind === 'heading') fields.set('title', paragraphs.shift()!.text);
  const extra: Record<string, string> = {};
  for (const [k, v] of fields) if (!KNOWN_KEYS.has(k)) extra[k] = clean(v);
  const meta: ArticleMeta = {
    title: get('title') || fallbackTitle(paragraphs),
    date: date || normaliseDate(get('date')),
    source: get('source'),
    url: get('url'),
    author: get('author'),
    lang: get('lang'),
    tags: get('tags').replace(/^\[|\]$/g, '').split(',').map((t) => unquote(t).trim()).filter(Boolean),
    extra,
  };
  return { id, ...meta, paragraphs };
}
