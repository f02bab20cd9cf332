/** The theme in React context: components ask for a role (`figure`), never for a colour. */

import { Text } from 'ink';
import React, { createContext, useContext } from 'react';
import type { Span } from '../core/article.js';
import { segments } from '../core/segments.js';
import { type Role, type Theme, colourTheme, styleFor } from '../core/theme.js';
import type { FrameLine } from './list-frame.js';

const ThemeContext = createContext<Theme>(colourTheme);
export const ThemeProvider = ThemeContext.Provider;
export const useTheme = () => useContext(ThemeContext);

/** Text in one role's style. */
export function Styled({ role, children }: { role: Role; children: React.ReactNode }) {
  const theme = useTheme();
  return <Text {...theme[role]}>{children}</Text>;
}

/** A line of the frame: each piece in its role's style, with the styles of its spans over it. */
export function FrameText({ line }: { line: FrameLine }) {
  const theme = useTheme();
  return (
    <Text wrap="truncate">
      {line.map((p, i) => (
        <Text key={i} {...(p.role ? theme[p.role] : {})} {...(p.types?.length ? styleFor(theme, p.types) : {})}>
          {p.text}
        </Text>
      ))}
    </Text>
  );
}

/** A line of text with its spans drawn in their styles; `current` are the focused places (a match, or a figure and its source). */
export function SpanText({ text, spans, base, current = [] }: { text: string; spans: readonly Span[]; base?: Role; current?: ReadonlyArray<{ start: number; end: number }> }) {
  const theme = useTheme();
  const all = [...spans, ...current.map((c) => ({ type: 'match' as const, start: c.start, end: c.end }))];
  return (
    <Text wrap="truncate" {...(base ? theme[base] : {})}>
      {segments(text, all).map((seg, i) => {
        const isCurrent = current.some((c) => seg.start >= c.start && seg.start < c.end);
        return (
          <Text key={i} {...styleFor(theme, seg.types, isCurrent)}>
            {seg.text}
          </Text>
        );
      })}
    </Text>
  );
}
