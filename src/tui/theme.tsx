/**
 * The theme in React context, as a painter: components ask for a role (`figure`), never
 * for a colour. Each line is painted into one styled string and drawn as one <Text>, so
 * that Ink lays out lines, not pieces: a frame of a full list is a few dozen nodes.
 */

import { Text } from 'ink';
import { createContext, useContext } from 'react';
import type { Span } from '../core/article.js';
import { type Painter, ansiPainter } from '../core/paint.js';
import type { Role } from '../core/theme.js';
import type { FrameLine } from './list-frame.js';

const PainterContext = createContext<Painter>(ansiPainter(undefined, 0));
export const PainterProvider = PainterContext.Provider;
export const usePainter = () => useContext(PainterContext);

/** A line of the frame as one styled string: each piece in its role's style, with the styles of its spans over it. */
export const paintLine = (painter: Painter, line: FrameLine) => line.map((p) => painter.piece(p.text, p.role, p.types)).join('');

/** Text in one role's style. */
export function Styled({ role, children }: { role: Role; children: string }) {
  return <Text wrap="truncate">{usePainter().role(role, children)}</Text>;
}

export function FrameText({ line }: { line: FrameLine }) {
  return <Text wrap="truncate">{paintLine(usePainter(), line)}</Text>;
}

/** A line of text (after `pad`) with its spans drawn in their styles; `current` are the focused places (a match, or a figure and its source). */
export function SpanText({ pad = '', text, spans, base, current = [] }: { pad?: string; text: string; spans: readonly Span[]; base?: Role; current?: ReadonlyArray<{ start: number; end: number }> }) {
  return <Text wrap="truncate">{pad + usePainter().spans(text, spans, base, current)}</Text>;
}
