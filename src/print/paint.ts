/** Applies theme styles as ANSI codes with chalk; with colour off, text passes through untouched. */

import { Chalk, type ChalkInstance } from 'chalk';
import type { Span } from '../core/article.js';
import { segments } from '../core/segments.js';
import { type Role, type Style, type Theme, colourTheme, styleFor } from '../core/theme.js';

export interface Painter {
  role(role: Role, text: string): string;
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

export const plainPainter: Painter = {
  role: (_role, text) => text,
  spans: (text) => text,
};

export function ansiPainter(theme: Theme = colourTheme): Painter {
  const chalk = new Chalk({ level: 1 });
  return {
    role: (role, text) => apply(chalk, theme[role], text),
    spans: (text, spans, base) =>
      segments(text, spans)
        .map((seg) => apply(chalk, { ...(base ? theme[base] : {}), ...styleFor(theme, seg.types) }, seg.text))
        .join(''),
  };
}
