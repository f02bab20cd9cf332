/**
 * Applies theme styles as ANSI codes with chalk: for `--print` in colour, the reader's
 * first frame and every line the reader draws (one styled string per line: Ink then lays
 * out a line, not each piece of it).
 */

import { Chalk, type ChalkInstance } from 'chalk';
import type { Span, SpanType } from './article.js';
import { segments } from './segments.js';
import { type Role, type Style, type Theme, colourTheme, styleFor } from './theme.js';

export interface Painter {
  role(role: Role, text: string): string;
  /** Text in a role's style (if any) with the styles of the span types over it. */
  piece(text: string, role?: Role, types?: readonly SpanType[]): string;
  /** `current`: ranges drawn as the focused place (the current match, a picked figure). */
  spans(text: string, spans: readonly Span[], base?: Role, current?: ReadonlyArray<{ start: number; end: number }>): string;
}

function apply(chalk: ChalkInstance, style: Style, text: string): string {
  let c: ChalkInstance = chalk;
  if (style.color) c = c[style.color as 'yellow'] ?? c;
  if (style.backgroundColor) {
    const bg = `bg${style.backgroundColor[0]!.toUpperCase()}${style.backgroundColor.slice(1)}` as 'bgYellow';
    c = c[bg] ?? c;
  }
  if (style.bold) c = c.bold;
  if (style.italic) c = c.italic;
  if (style.underline) c = c.underline;
  if (style.inverse) c = c.inverse;
  if (style.dimColor) c = c.dim;
  return c(text);
}

/** `level` 0 paints nothing (a test's frames, or text without any styling). */
export function ansiPainter(theme: Theme = colourTheme, level: 0 | 1 = 1): Painter {
  const chalk = new Chalk({ level });
  const piece = (text: string, role?: Role, types?: readonly SpanType[], current = false) =>
    apply(chalk, { ...(role ? theme[role] : {}), ...(types?.length || current ? styleFor(theme, types ?? [], current) : {}) }, text);
  return {
    role: (role, text) => apply(chalk, theme[role], text),
    piece: (text, role, types) => piece(text, role, types),
    spans: (text, spans, base, current = []) => {
      // the current ranges are cut out as segments of their own, then drawn in the current style
      const all = current.length ? [...spans, ...current.map((c) => ({ type: 'match' as const, start: c.start, end: c.end }))] : spans;
      return segments(text, all).map((seg) => piece(seg.text, base, seg.types, current.some((c) => seg.start >= c.start && seg.start < c.end))).join('');
    },
  };
}
