/**
 * A fetched article as an article file: the header the parser reads, and its paragraphs
 * as Markdown (`.md`), so that headings stay headings and links keep their address. Also
 * the file's name: `YYYY/YYYY-MM-DD-slug.md`, safe whatever the title holds.
 */

import type { Paragraph } from '../article.js';
import { sanitize } from '../sanitize.js';

export interface FetchedArticle {
  title: string;
  /** `YYYY-MM-DD[THH:MM+hh:mm]`, or '' */
  date: string;
  source: string;
  url: string;
  author: string;
  guid: string;
  paragraphs: Paragraph[];
  /** Why the text is not the whole article (a summary kept when the page could not be read), or ''. */
  note: string;
}

const oneLine = (s: string) => sanitize(s).replace(/\s+/g, ' ').trim();
const MAX_TITLE = 300;

/** A header value that reads back as itself (the parser takes one pair of quotes off). */
function headerValue(raw: string): string {
  const v = oneLine(raw);
  const q = v[0];
  if (v.length >= 2 && (q === '"' || q === "'") && v[v.length - 1] === q) return q === '"' ? `'${v}'` : `"${v}"`;
  return v;
}

/** Text that Markdown reads back as the same text: every marker escaped, and a line start that would open a block. */
export function escapeMarkdown(text: string): string {
  const t = text.replace(/[\\`*_[\]<>~#|]/g, (c) => '\\' + c);
  // `- `, `+ `, `1. `, `> ` at the start open a list or a quote
  return t.replace(/^([-+])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/** An address as a Markdown link target takes it: no space, parenthesis or angle bracket. */
const linkTarget = (url: string) => url.replace(/[\s()<>]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));

function paragraphMarkdown(p: Paragraph): string {
  let text = '';
  let at = 0;
  for (const l of [...(p.links ?? [])].sort((a, b) => a.start - b.start)) {
    if (l.start < at || l.end > p.text.length) continue;
    text += escapeMarkdown(p.text.slice(at, l.start)) + `[${escapeMarkdown(p.text.slice(l.start, l.end))}](${linkTarget(l.url)})`;
    at = l.end;
  }
  text += escapeMarkdown(p.text.slice(at));
  // escaping is per piece: a piece after a link never starts a line, so only the start needs its block rule
  if (p.kind === 'heading') return `## ${text}`;
  return text;
}

export function articleFileText(a: FetchedArticle): string {
  const header: Array<[string, string]> = [
    ['title', a.title.length > MAX_TITLE ? a.title.slice(0, MAX_TITLE - 1) + '…' : a.title],
    ['date', a.date],
    ['source', a.source],
    ['url', a.url],
    ['author', a.author],
    ['guid', a.guid && a.guid !== a.url ? a.guid : ''],
    ['note', a.note],
  ];
  const head = header.filter(([, v]) => oneLine(v)).map(([k, v]) => `${k}: ${headerValue(v)}`).join('\n');
  const body = a.paragraphs.map((p) => ({ ...p, text: oneLine(p.text) })).filter((p) => p.text).map(paragraphMarkdown).join('\n\n');
  return `${head}\n\n${body}\n`;
}

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** A file or folder name from any text: lower-case ASCII letters, digits and hyphens, at most `max` characters. */
export function slug(text: string, max = 80, fallback = 'artikel'): string {
  let s = oneLine(text).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/['’]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (s.length > max) s = s.slice(0, max).replace(/-[^-]*$/, '') || s.slice(0, max);
  s = s.replace(/-+$/, '');
  if (!s) return fallback;
  return RESERVED.test(s) ? `${s}-${fallback}` : s;
}

/** Where an article goes in its feed's folder: `YYYY/YYYY-MM-DD-slug.md` (the day the article is dated, else `today`). */
export function articleFileName(a: Pick<FetchedArticle, 'date' | 'title'>, today: string): string {
  const day = /^\d{4}-\d{2}-\d{2}/.test(a.date) ? a.date.slice(0, 10) : today;
  return `${day.slice(0, 4)}/${day}-${slug(a.title)}.md`;
}
