/**
 * Semantic styles, as data. Renderers ask for `theme.figure`, never for a colour:
 * print/ansi applies them with chalk, the reader with Ink's <Text> props.
 * Colours are the 16 basic ones so that every terminal shows them the same way.
 */

import type { SpanType } from './article.js';

export interface Style {
  color?: string;
  backgroundColor?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
  dimColor?: boolean;
}

export type Role = SpanType | 'current' | 'title' | 'meta' | 'caption' | 'dim' | 'selected' | 'accent' | 'warning' | 'cursor';

export type Theme = Record<Role, Style>;

/** How output is styled, decided once by the command line (`--color`, NO_COLOR, FORCE_COLOR, the terminal). */
export type ColourMode = 'colour' | 'mono' | 'plain';

export const colourTheme: Theme = {
  figure: { color: 'yellow', bold: true },
  source: { color: 'cyan', bold: true },
  quote: { color: 'green', italic: true },
  match: { color: 'black', backgroundColor: 'yellow' },
  current: { color: 'black', backgroundColor: 'magenta', bold: true },
  title: { bold: true },
  meta: { dimColor: true },
  caption: { italic: true, dimColor: true },
  dim: { dimColor: true },
  selected: { inverse: true, bold: true },
  accent: { color: 'blue', bold: true },
  warning: { color: 'red' },
  cursor: { inverse: true },
};

/** Without colour every role stays distinguishable by weight, slant, line and inversion. */
export const monoTheme: Theme = {
  figure: { bold: true, underline: true },
  source: { bold: true },
  quote: { italic: true },
  match: { inverse: true },
  current: { inverse: true, bold: true, underline: true },
  title: { bold: true },
  meta: {},
  caption: { italic: true },
  dim: {},
  selected: { inverse: true },
  accent: { bold: true },
  warning: { bold: true },
  cursor: { inverse: true },
};

// Later roles win where styles of overlapping spans set the same attribute.
const LAYER_ORDER: SpanType[] = ['quote', 'source', 'figure', 'match'];

/** One style for characters covered by several span types (a figure inside a quote is both). */
export function styleFor(theme: Theme, types: readonly SpanType[], current = false): Style {
  let style: Style = {};
  for (const t of LAYER_ORDER) if (types.includes(t)) style = { ...style, ...theme[t] };
  if (current) style = { ...style, ...theme.current };
  return style;
}

/** The reader's theme for a mode: it always styles (a selection must show), so plain draws as mono. */
export const themeFor = (mode: ColourMode): Theme => (mode === 'colour' ? colourTheme : monoTheme);
