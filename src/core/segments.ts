/** Cuts text at span boundaries into runs that each carry the set of span types over them. */

import type { Span, SpanType } from './article.js';

export interface Segment {
  text: string;
  start: number;
  types: SpanType[];
}

export function segments(text: string, spans: readonly Span[]): Segment[] {
  if (spans.length === 0) return text ? [{ text, start: 0, types: [] }] : [];
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(text.length, s.start)));
    cuts.add(Math.max(0, Math.min(text.length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!, b = points[i + 1]!;
    if (a === b) continue;
    const types: SpanType[] = [];
    for (const s of spans) if (s.start <= a && s.end >= b && !types.includes(s.type)) types.push(s.type);
    out.push({ text: text.slice(a, b), start: a, types });
  }
  return out;
}
