/**
 * The hand-annotation markup of highlight sets: `{F:…}` figure, `{S:…}` source,
 * `{Q:…}` quote, `{X:…}` either answer acceptable. Marks may nest (a figure in a quote).
 * Claims sets add links: `{S#a:…}` a source labelled `a`; `{F>a:…}` a figure given by
 * `a`; `{F>a<b:…}` given by `a`, relayed by `b`. A line `===` starts a new article.
 */

import type { ParagraphKind, Span, SpanType } from '../../src/core/article.js';
import { splitParagraphs } from '../../src/core/parse.js';

export type GoldType = SpanType | 'either';

export interface GoldSpan {
  type: GoldType;
  start: number;
  end: number;
  /** A source's label (`{S#a:…}`). */
  label?: string;
  /** A figure's origin and via labels (`{F>a<b:…}`); both undefined in a set without links. */
  origin?: string;
  via?: string;
}

export interface GoldParagraph {
  text: string;
  kind: ParagraphKind;
  spans: GoldSpan[];
  /** Which article of the file it belongs to (claims sets; 0 elsewhere). */
  article: number;
}

const MARK = /^\{([FSQX])(?:#(\w+)|>(\w+)(?:<(\w+))?)?:/;

const TYPES: Record<string, GoldType> = { F: 'figure', S: 'source', Q: 'quote', X: 'either' };

/** One paragraph of markup to its plain text and spans. Unbalanced marks are kept as text. */
export function parseMarkup(markup: string): { text: string; spans: GoldSpan[] } {
  let text = '';
  const spans: GoldSpan[] = [];
  const open: Array<Omit<GoldSpan, 'end'>> = [];
  for (let i = 0; i < markup.length; i++) {
    const c = markup[i]!;
    const m = c === '{' ? MARK.exec(markup.slice(i, i + 40)) : null;
    if (m) {
      open.push({ type: TYPES[m[1]!]!, start: text.length, ...(m[2] ? { label: m[2] } : {}), ...(m[3] ? { origin: m[3] } : {}), ...(m[4] ? { via: m[4] } : {}) });
      i += m[0].length - 1;
    } else if (c === '}' && open.length) {
      const o = open.pop()!;
      spans.push({ ...o, end: text.length });
    } else text += c;
  }
  return { text, spans };
}

/** A whole annotated file: paragraphs split on blank lines, a seed-form `date …` prefix removed. */
export function parseGoldFile(content: string): GoldParagraph[] {
  const out: GoldParagraph[] = [];
  const blocks = content.replace(/\r\n?/g, '\n').replace(/^\s+/, '').replace(/^date \d{4}-\d{2}(?:-\d{2})? /, '').split(/\n[ \t]*\n/);
  let article = 0;
  for (const block of blocks) {
    if (/^\s*#/.test(block)) continue; // a comment block
    if (/^\s*===\s*$/.test(block)) {
      article++;
      continue;
    }
    const { text, spans } = parseMarkup(block.replace(/\s+/g, ' ').trim());
    if (!text) continue;
    const kind = splitParagraphs(text)[0]?.kind ?? 'text';
    out.push({ text, kind, spans, article });
  }
  return out;
}

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  predicted: number;
  gold: number;
  misses: GoldSpan[];
  falseHits: Span[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Overlap matching: a prediction is right when it overlaps a gold span of its type; one on an `X` span counts neither way. */
export function score(type: SpanType, pairs: Array<{ gold: GoldSpan[]; predicted: Span[] }>): Score & { where: number[] } {
  let tp = 0, fp = 0, found = 0, gold = 0, predicted = 0;
  const misses: GoldSpan[] = [];
  const falseHits: Span[] = [];
  const where: number[] = [];
  pairs.forEach(({ gold: g, predicted: p }, index) => {
    const gt = g.filter((s) => s.type === type);
    const either = g.filter((s) => s.type === 'either');
    const pt = p.filter((s) => s.type === type);
    gold += gt.length;
    for (const s of pt) {
      if (gt.some((x) => overlaps(x, s))) { tp++; predicted++; }
      else if (!either.some((x) => overlaps(x, s))) { fp++; predicted++; falseHits.push(s); where.push(index); }
    }
    for (const s of gt) {
      if (pt.some((x) => overlaps(x, s))) found++;
      else misses.push(s);
    }
  });
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = gold ? found / gold : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, predicted, gold, misses, falseHits, where };
}
