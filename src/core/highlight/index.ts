/** The Dutch highlighter: figure, source and quote spans of one paragraph. See DESIGN.md "Highlights". */

import type { ParagraphKind, Span } from '../article.js';
import { mergeSpans } from '../find.js';
import { findFigures } from './figures.js';
import { findQuotes } from './quotes.js';
import { findSources } from './sources.js';
import { tokenize } from './tokens.js';

/** Spans sorted by start; within one type they never overlap. */
export function highlight(text: string, kind: ParagraphKind = 'text'): Span[] {
  const tokens = tokenize(text);
  const figures = mergeSpans(findFigures(tokens));
  const sources = mergeSpans(findSources(text, tokens, kind));
  const quotes = mergeSpans(findQuotes(text));
  return [...figures, ...sources, ...quotes].sort((a, b) => a.start - b.start || a.end - b.end);
}
