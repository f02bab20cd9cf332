/** An article's highlights, whole: spans per paragraph, and its figures and sources listed. */

import type { Article, Paragraph, Span } from '../article.js';
import { type Claim, findClaims } from './claims.js';
import { analyse, spansOf } from './index.js';

export type { Claim, Place } from './claims.js';

export interface HighlightedParagraph extends Paragraph {
  spans: Span[];
}

export interface FigureMention {
  text: string;
  paragraph: number;
  start: number;
  end: number;
}

export interface SourceSummary {
  name: string;
  mentions: number;
  /** Where it is first mentioned. */
  paragraph: number;
  start: number;
  end: number;
}

export interface Highlighted {
  paragraphs: HighlightedParagraph[];
  figures: FigureMention[];
  sources: SourceSummary[];
  /** One per figure, in text order: who gives it and who relays it. */
  claims: Claim[];
}

export function highlightArticle(article: Article): Highlighted {
  const analyses = article.paragraphs.map((p) => analyse(p.text, p.kind));
  const paragraphs = article.paragraphs.map((p, i) => ({ ...p, spans: spansOf(analyses[i]!) }));
  const figures: FigureMention[] = [];
  const sources = new Map<string, SourceSummary>();
  paragraphs.forEach((p, paragraph) => {
    for (const s of p.spans) {
      const text = p.text.slice(s.start, s.end);
      if (s.type === 'figure') figures.push({ text, paragraph, start: s.start, end: s.end });
      if (s.type === 'source') {
        const key = text.toLowerCase();
        const known = sources.get(key);
        if (known) known.mentions++;
        else sources.set(key, { name: text, mentions: 1, paragraph, start: s.start, end: s.end });
      }
    }
  });
  return { paragraphs, figures, sources: [...sources.values()], claims: findClaims(analyses) };
}
