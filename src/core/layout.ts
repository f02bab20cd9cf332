/** Wraps a paragraph to a width in columns, carrying its spans onto the lines. */

import type { Span } from './article.js';
import { displayWidth, splitGraphemes } from './width.js';

export interface Line {
  /** The line's text: a slice of the paragraph. */
  text: string;
  /** Offset of the line's first character in the paragraph. */
  start: number;
  /** Spans clipped to the line, relative to its start. */
  spans: Span[];
}

/** Break points: [start, end) of each line over the paragraph's text. */
function breakLines(text: string, width: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const w = Math.max(1, width);
  let lineStart = -1;
  let lineEnd = 0;
  let lineWidth = 0;
  const push = () => {
    if (lineStart >= 0) out.push([lineStart, lineEnd]);
    lineStart = -1;
    lineWidth = 0;
  };
  const re = /[^ ]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const word = m[0];
    const ws = m.index;
    const ww = displayWidth(word);
    const gap = ws - lineEnd; // the spaces between this word and the last
    if (lineStart >= 0 && lineWidth + gap + ww <= w) {
      lineEnd = ws + word.length;
      lineWidth += gap + ww;
      continue;
    }
    push();
    if (ww <= w) {
      lineStart = ws;
      lineEnd = ws + word.length;
      lineWidth = ww;
      continue;
    }
    // A word wider than the line is split between graphemes.
    let pos = ws;
    for (const g of splitGraphemes(word)) {
      const gw = displayWidth(g);
      if (lineStart >= 0 && lineWidth + gw > w) push();
      if (lineStart < 0) {
        lineStart = pos;
        lineWidth = 0;
      }
      pos += g.length;
      lineEnd = pos;
      lineWidth += gw;
    }
  }
  push();
  return out;
}

export function clipSpans(spans: readonly Span[], start: number, end: number): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    if (s.end <= start || s.start >= end) continue;
    out.push({ type: s.type, start: Math.max(s.start, start) - start, end: Math.min(s.end, end) - start });
  }
  return out;
}

/**
 * Lines of at most `width` columns. Words are never split unless one alone is wider
 * than the line; the single spaces where lines break are the only characters dropped.
 */
export function wrap(text: string, spans: readonly Span[], width: number): Line[] {
  if (text === '') return [];
  return breakLines(text, width).map(([s, e]) => ({ text: text.slice(s, e), start: s, spans: clipSpans(spans, s, e) }));
}
