/** The Dutch highlighter: figure, source and quote spans of one paragraph. See ARCHITECTURE.md "Highlights". */

import type { ParagraphKind, Span } from '../article.js';
import { mergeSpans } from '../find.js';
import { findFigures } from './figures.js';
import { findQuotes } from './quotes.js';
import { type SourceHit, findSourceHits } from './sources.js';
import { type Token, tokenize } from './tokens.js';

/** One paragraph read once: what spans and claims are both made from. */
export interface Analysis {
  text: string;
  kind: ParagraphKind;
  tokens: Token[];
  figures: Span[];
  sources: SourceHit[];
  quotes: Span[];
}

export function analyse(text: string, kind: ParagraphKind = 'text'): Analysis {
  const tokens = tokenize(text);
  return { text, kind, tokens, figures: mergeSpans(findFigures(tokens)), sources: findSourceHits(text, tokens, kind), quotes: mergeSpans(findQuotes(text)) };
}

/** An analysis as spans, sorted by start; within one type they never overlap. */
export function spansOf(a: Analysis): Span[] {
  const sources = mergeSpans(a.sources.map((h): Span => ({ type: 'source', start: h.start, end: h.end })));
  return [...a.figures, ...sources, ...a.quotes].sort((x, y) => x.start - y.start || x.end - y.end);
}

export function highlight(text: string, kind: ParagraphKind = 'text'): Span[] {
  return spansOf(analyse(text, kind));
}
