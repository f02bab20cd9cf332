/**
 * Scores claim attribution on a claims set (`{F>a<b:…}` links, see gold.ts): a hit is a
 * figure whose predicted origin overlaps a gold mention of its origin. Also: how many
 * figures the article states itself are left unattributed, and how many vias are right.
 */

import { findClaims, type Claim } from '../../src/core/highlight/claims.js';
import { type Analysis, analyse } from '../../src/core/highlight/index.js';
import type { GoldParagraph, GoldSpan } from './gold.js';

export interface ClaimsScore {
  precision: number;
  recall: number;
  f1: number;
  /** Gold figures with an origin; predicted origins; right ones. */
  gold: number;
  predicted: number;
  right: number;
  /** Figures the article states itself, and how many of them got no origin. */
  unattributed: number;
  leftAlone: number;
  /** Right origins that also have a gold via, and how many of those vias are right; vias predicted where gold has none. */
  vias: number;
  viasRight: number;
  falseVias: number;
  notes: string[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

type Predict = (analyses: Analysis[]) => Claim[];

/** The obvious rule, for comparison: the nearest source before the figure in its paragraph. */
export const nearestSourceBefore: Predict = (analyses) =>
  analyses.flatMap((a, paragraph) =>
    a.figures.map((f) => {
      const before = a.sources.filter((h) => h.end <= f.start && h.cue !== 'dateline' && h.cue !== 'credit').pop();
      const place = (x: { start: number; end: number }) => ({ paragraph, start: x.start, end: x.end, text: a.text.slice(x.start, x.end) });
      return { figure: place(f), source: before ? place(before) : null, via: null };
    }),
  );

export function scoreClaims(paragraphs: GoldParagraph[], predict: Predict = findClaims): ClaimsScore {
  const s: ClaimsScore = { precision: 0, recall: 0, f1: 0, gold: 0, predicted: 0, right: 0, unattributed: 0, leftAlone: 0, vias: 0, viasRight: 0, falseVias: 0, notes: [] };
  const articles = new Map<number, GoldParagraph[]>();
  for (const p of paragraphs) articles.set(p.article, [...(articles.get(p.article) ?? []), p]);
  for (const paras of articles.values()) {
    const claims = predict(paras.map((p) => analyse(p.text, p.kind)));
    // a label's mentions, as (paragraph, span)
    const mentions = (label: string) => paras.flatMap((p, i) => p.spans.filter((x) => x.type === 'source' && x.label === label).map((x) => ({ i, x })));
    const matches = (place: Claim['source'], label: string | undefined) => !!place && !!label && mentions(label).some(({ i, x }) => i === place.paragraph && overlaps(x, place));
    const used = new Set<Claim>();
    paras.forEach((p, i) => {
      for (const g of p.spans.filter((x): x is GoldSpan => x.type === 'figure')) {
        const c = claims.find((k) => k.figure.paragraph === i && overlaps(k.figure, g));
        if (c) used.add(c);
        const shown = `${JSON.stringify(p.text.slice(g.start, g.end))} in …${p.text.slice(Math.max(0, g.start - 40), g.end + 30)}…`;
        const said = c?.source ? `${c.source.text}${c.via ? ` via ${c.via.text}` : ''}` : 'none';
        const want = g.origin ? `${mentions(g.origin)[0]?.x && p.text ? labelText(paras, g.origin) : g.origin}${g.via ? ` via ${labelText(paras, g.via)}` : ''}` : 'none';
        if (g.origin) {
          s.gold++;
          if (c?.source) s.predicted++;
          if (matches(c?.source ?? null, g.origin)) {
            s.right++;
            if (g.via) {
              s.vias++;
              if (matches(c!.via, g.via)) s.viasRight++;
              else s.notes.push(`via    ${shown}: said ${said}, want ${want}`);
            } else if (c!.via) {
              s.falseVias++;
              s.notes.push(`via    ${shown}: said ${said}, want ${want}`);
            }
          } else s.notes.push(`${c?.source ? 'wrong ' : 'miss  '} ${shown}: said ${said}, want ${want}`);
        } else {
          s.unattributed++;
          if (c?.source) {
            s.predicted++;
            s.notes.push(`false  ${shown}: said ${said}, want none`);
          } else s.leftAlone++;
        }
      }
    });
    // figures the highlighter found that the annotation does not have, given a source
    for (const c of claims) if (!used.has(c) && c.source) { s.predicted++; s.notes.push(`false  ${JSON.stringify(c.figure.text)} (not a gold figure): said ${c.source.text}`); }
  }
  s.precision = s.predicted ? s.right / s.predicted : 1;
  s.recall = s.gold ? s.right / s.gold : 1;
  s.f1 = s.precision + s.recall ? (2 * s.precision * s.recall) / (s.precision + s.recall) : 0;
  return s;
}

function labelText(paras: GoldParagraph[], label: string): string {
  for (const p of paras) for (const x of p.spans) if (x.type === 'source' && x.label === label) return p.text.slice(x.start, x.end);
  return label;
}
