/**
 * `krant --print --claims ID`: who gives each figure. Piped, one claim a line,
 * tab-separated (figure, origin, via, the sentence; an empty field where there is
 * none); on a terminal, each claim with its sentence below it, wrapped and styled.
 */

import type { Article, Span } from '../core/article.js';
import { type Claim, sentenceAround } from '../core/highlight/claims.js';
import { analyse } from '../core/highlight/index.js';
import type { Highlighted } from '../core/highlight/article.js';
import type { Line } from '../core/layout.js';
import type { Painter } from '../core/paint.js';
import { sanitize } from '../core/sanitize.js';

export interface ClaimRow {
  claim: Claim;
  /** The sentence that holds the figure, with the figure, its source and via as spans in it. */
  sentence: { text: string; spans: Span[] };
}

export function claimRows(article: Article, h: Highlighted): ClaimRow[] {
  const analyses = new Map<number, ReturnType<typeof analyse>>();
  return h.claims.map((claim) => {
    const p = claim.figure.paragraph;
    const para = article.paragraphs[p]!;
    if (!analyses.has(p)) analyses.set(p, analyse(para.text, para.kind));
    const s = sentenceAround(analyses.get(p)!, claim.figure);
    const inSentence = (x: Claim['source'], type: Span['type']): Span[] =>
      x && x.paragraph === p && x.start >= s.start && x.end <= s.end ? [{ type, start: x.start - s.start, end: x.end - s.start }] : [];
    const spans = [...inSentence(claim.figure, 'figure'), ...inSentence(claim.source, 'source'), ...inSentence(claim.via, 'source')].sort((a, b) => a.start - b.start);
    return { claim, sentence: { text: para.text.slice(s.start, s.end), spans } };
  });
}

/** A field of a tab-separated line: never a tab, newline or control character. */
const field = (s: string | undefined) => sanitize(s ?? '').replace(/[\t\n\r]+/g, ' ');

export function claimsTsv(rows: ClaimRow[]): string {
  return rows.map(({ claim: c, sentence }) => [c.figure.text, c.source?.text, c.via?.text, sentence.text].map(field).join('\t') + '\n').join('');
}

export interface ClaimsTextOptions {
  painter?: Painter;
  wrap?: (text: string, spans: readonly Span[]) => Line[];
}

export function claimsText(rows: ClaimRow[], o: ClaimsTextOptions): string {
  const paint = (text: string, spans: Span[], base?: 'dim') => (o.painter ? o.painter.spans(text, spans, base) : text);
  const out: string[] = [];
  for (const { claim: c, sentence } of rows) {
    if (out.length) out.push('');
    const figure = field(c.figure.text);
    const who = c.source ? field(c.source.text) : 'the article itself';
    const head = `${figure}  ${who}${c.via ? `, via ${field(c.via.text)}` : ''}`;
    const headSpans: Span[] = [{ type: 'figure', start: 0, end: figure.length }];
    if (c.source) headSpans.push({ type: 'source', start: figure.length + 2, end: figure.length + 2 + who.length });
    out.push(paint(head, headSpans));
    const lines = o.wrap ? o.wrap(sentence.text, sentence.spans) : [{ text: sentence.text, start: 0, spans: sentence.spans }];
    for (const l of lines) out.push('    ' + paint(l.text, l.spans, 'dim'));
  }
  return out.length ? out.join('\n') + '\n' : '';
}
