/**
 * The help overlay's layout, a pure function of the state: the key table of the screen
 * below in one or two columns, scrolled when it does not fit, so that every key is
 * reachable on the smallest terminal.
 */

import { displayWidth } from '../core/width.js';
import { helpFor } from './keymap.js';
import type { State } from './state.js';

export interface HelpPage {
  /** The visible lines, each one or two [keys, what] cells. */
  lines: Array<Array<[string, string]>>;
  keyWidth: number;
  /** Width of a column (keys and text), and how many lines there are in all. */
  columnWidth: number;
  total: number;
  top: number;
  /** Lines the help can show at once. */
  room: number;
}

const MIN_TEXT = 22;

export function helpPage(state: Pick<State, 'screen' | 'width' | 'height' | 'helpTop'>): HelpPage {
  const rows = helpFor(state.screen);
  const keyWidth = Math.max(...rows.map(([k]) => k.length)) + 2;
  const room = Math.max(1, state.height - 3); // title, blank line, footer
  const twoColumns = rows.length > room && state.width >= 2 * (keyWidth + MIN_TEXT) + 2;
  const columnWidth = twoColumns ? Math.floor((state.width - 2) / 2) : state.width;
  let all: HelpPage['lines'];
  if (twoColumns) {
    const half = Math.ceil(rows.length / 2);
    all = rows.slice(0, half).map((r, i) => (rows[half + i] ? [r, rows[half + i]!] : [r]));
  } else all = rows.map((r) => [r]);
  const top = Math.max(0, Math.min(state.helpTop, all.length - room));
  return { lines: all.slice(top, top + room), keyWidth, columnWidth, total: all.length, top, room };
}

/** The help's bottom line: how to close it and, when it scrolls, where you are; shorter forms on a narrow terminal. */
export function helpFooter(p: HelpPage, width = Infinity): string {
  if (p.total <= p.room) return '? or Esc closes this help';
  const last = Math.min(p.top + p.room, p.total);
  const forms = [`${p.top + 1}–${last} of ${p.total} · j/k more · Esc closes`, `${p.top + 1}–${last}/${p.total} · j/k · Esc closes`, 'j/k · Esc closes'];
  return forms.find((f) => displayWidth(f) <= width) ?? forms[forms.length - 1]!;
}
