/**
 * The Markdown of a `.md` article read as text, as a glow user expects at least: `#`
 * and underlined headings as heading paragraphs, emphasis and code without their
 * markers, links as their text (the address kept beside it), list items with a bullet,
 * quotes and rules without their signs. Pure: one block of the body in, paragraphs out.
 */

import type { Link, Paragraph } from './article.js';

const ATX = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^ {0,3}(```|~~~)/;
const ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+/;

/** Inline Markdown to text: markers out, links to their text, with where each link's text landed. */
export function inlineText(md: string): { text: string; links: Link[] } {
  const links: Link[] = [];
  let out = '';
  let i = 0;
  while (i < md.length) {
    const c = md[i]!;
    if (c === '\\' && i + 1 < md.length && /[\\`*_{}[\]()#+\-.!~<>|]/.test(md[i + 1]!)) {
      out += md[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const run = /^`+/.exec(md.slice(i))![0];
      const end = md.indexOf(run, i + run.length);
      if (end > 0) {
        out += md.slice(i + run.length, end).trim();
        i = end + run.length;
        continue;
      }
    }
    // [text](url "title") and ![alt](url)
    // (only where one can start: slicing at every character made long paragraphs slow)
    const link = c === '[' || (c === '!' && md[i + 1] === '[') ? /^(!?)\[((?:[^\][]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+["'(][^)]*["')])?\s*\)/.exec(md.slice(i)) : null;
    if (link) {
      const inner = inlineText(link[2]!);
      const start = out.length;
      out += inner.text;
      for (const l of inner.links) links.push({ ...l, start: l.start + start, end: l.end + start });
      if (link[3]) links.push({ start, end: out.length, url: link[3] });
      i += link[0].length;
      continue;
    }
    const auto = c === '<' ? /^<((?:https?|mailto):[^>\s]+)>/.exec(md.slice(i)) : null;
    if (auto) {
      const start = out.length;
      out += auto[1];
      links.push({ start, end: out.length, url: auto[1]! });
      i += auto[0].length;
      continue;
    }
    // emphasis markers: `*`, `_` (at a word's edge, so that snake_case and 2*3 stay) and `~~`
    if (c === '*' || c === '~' || c === '_') {
      const run = new RegExp(`^\\${c}+`).exec(md.slice(i))![0];
      const before = md[i - 1] ?? ' ';
      const after = md[i + run.length] ?? ' ';
      const opens = /\s|[([{"'“‘]/.test(before) || i === 0 ? !/\s/.test(after) : false;
      const closes = !/\s/.test(before) && (/\s|[)\]}.,;:!?"'”’]/.test(after) || i + run.length === md.length);
      if ((c !== '~' || run.length === 2) && (opens || closes) && !(c === '_' && /\w/.test(before) && /\w/.test(after))) {
        i += run.length;
        continue;
      }
      out += run;
      i += run.length;
      continue;
    }
    out += c;
    i++;
  }
  return { text: out, links };
}

/** Paragraphs of one Markdown block (a run of lines between blank lines). `clean` makes a line of it. */
export function markdownBlock(block: string, clean: (s: string) => string): Paragraph[] {
  const out: Paragraph[] = [];
  let text: string[] = [];
  const flush = (kind: Paragraph['kind'] = 'text') => {
    if (text.length === 0) return;
    const { text: t, links } = inlineText(text.join('\n'));
    const line = clean(t);
    text = [];
    if (!line) return;
    // cleaning collapses white space: a link's place is found again in the cleaned text
    const kept = links.flatMap((l) => {
      const shown = clean(t.slice(l.start, l.end));
      const at = shown ? line.indexOf(shown) : -1;
      return at < 0 ? [] : [{ start: at, end: at + shown.length, url: l.url }];
    });
    out.push({ kind, text: line, ...(kept.length ? { links: kept } : {}) });
  };
  const lines = block.split('\n');
  // a fenced block is text as it stands (no markers read in it), one paragraph
  let fence: string[] | null = null;
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!;
    if (FENCE.test(raw)) {
      flush();
      if (fence) {
        const code = clean(fence.join(' '));
        if (code) out.push({ kind: 'text', text: code });
      }
      fence = fence ? null : [];
      continue;
    }
    if (fence) {
      fence.push(raw);
      continue;
    }
    // a blank line before any text (left by the split between blocks) underlines nothing
    if (text.length === 0 && raw.trim() === '') continue;
    const atx = ATX.exec(raw);
    if (atx) {
      flush();
      text = [atx[2]!];
      flush('heading');
      continue;
    }
    if (text.length && SETEXT.test(raw) && !ITEM.test(raw)) {
      flush('heading');
      continue;
    }
    if (RULE.test(raw)) {
      flush();
      continue;
    }
    const item = ITEM.exec(raw);
    if (item) {
      flush();
      text = ['• ' + raw.slice(item[0].length)];
      continue;
    }
    text.push(raw.replace(/^ {0,3}>[ \t]?/, ''));
  }
  flush();
  return out.filter((p) => p.text.trim());
}
