/** Applies theme styles as ANSI codes with chalk: for `--print` in colour and the reader's first frame. */

import { Chalk, type ChalkInstance } from 'chalk';
import type { Span, SpanType } from './article.js';
import { segments } from './segments.js';
import { type Role, type Style, type Theme, colourTheme, styleFor } from './theme.js';

export interface Painter {
  role(role: Role, text: string): string;
  /** Text in a role's style (if any) with the styles of the span types over it. */
  piece(text: string, role?: Role, types?: readonly SpanType[]): string;
  spans(text: string, spans: readonly Span[], base?: Role): string;
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

export function ansiPainter(theme: Theme = colourTheme): Painter {
  const chalk = new Chalk({ level: 1 });
  const piece = (text: string, role?: Role, types?: readonly SpanType[]) =>
    apply(chalk, { ...(role ? theme[role] : {}), ...(types?.length ? styleFor(theme, types) : {}) }, text);
  return {
    role: (role, text) => apply(chalk, theme[role], text),
    piece,
    spans: (text, spans, base) => segments(text, spans).map((seg) => piece(seg.text, base, seg.types)).join(''),
  };
}
