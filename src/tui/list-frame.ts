/**
 * The list screen as lines of styled pieces: a pure function of the state and the
 * visible rows. Ink draws it (components.tsx), and so does the first frame written
 * before Ink has loaded (first-frame.ts), so that the two are the same.
 */

import type { SpanType } from '../core/article.js';
import { findTerms } from '../core/find.js';
import { compileQuery } from '../core/query.js';
import { sanitize } from '../core/sanitize.js';
import { segments } from '../core/segments.js';
import type { Role } from '../core/theme.js';
import { displayWidth, padToWidth, truncate } from '../core/width.js';
import type { ListRow } from '../store/store.js';
import { type Context, hintsFor } from './keymap.js';
import { promptWindow } from './prompt.js';
import { type State, listRows } from './state.js';

/** A piece of a line: text in a role's style, with the styles of any spans over it. */
export interface Piece {
  text: string;
  role?: Role;
  types?: SpanType[];
}

export type FrameLine = Piece[];

/** A number as the reader shows it: in groups of three digits from 10 000 on (`20 001`). */
export const formatCount = (n: number) => (n >= 10000 ? String(n).replace(/\B(?=(\d{3})+$)/g, ' ') : String(n));
export const plural = (n: number, w: string) => `${formatCount(n)} ${w}${n === 1 ? '' : 's'}`;

/** The bottom line: the prompt being typed, a note, or the main keys. */
export function footerLine(state: State, hint: string): FrameLine {
  const w = state.width;
  if (state.prompt) {
    const label = state.screen === 'list' ? 'search: ' : 'find: ';
    const { shown, at } = promptWindow(state.prompt, Math.max(1, w - label.length));
    const chars = [...shown];
    // the cursor on the character it stands before, or a block past the end
    return [
      { text: label, role: 'accent' }, { text: chars.slice(0, at).join('') },
      { text: chars[at] ?? ' ', role: 'cursor' }, { text: chars.slice(at + 1).join('') },
    ];
  }
  if (state.confirm) return [{ text: truncate(state.confirm.text, w), role: 'accent' }];
  if (state.note) return [{ text: truncate(sanitize(state.note), w), role: 'warning' }];
  return [{ text: truncate(hint, w), role: 'dim' }];
}

/**
 * A hint line that fits: as many of the optional hints as the width allows, in their
 * order, and always the essential ones (`? help` and the way back) at the end.
 */
export function fitHints(width: number, optional: readonly string[], essential: readonly string[]): string {
  const sep = ' · ';
  let chosen: string[] = [];
  for (const h of optional) {
    if (displayWidth([...chosen, h, ...essential].join(sep)) > width) break;
    chosen.push(h);
  }
  return truncate([...chosen, ...essential].join(sep), width);
}

/** A footer's hints for a context, from the key table; `back` replaces the table's way back (`q quit` when krant was opened on an article). */
export function hintLine(width: number, context: Context, back?: string): string {
  const { optional, essential } = hintsFor(context);
  return fitHints(width, optional, back ? [...essential.slice(0, -1), back] : essential);
}

export function listHint(width: number): string {
  return hintLine(width, 'list');
}

/** The article's hints; `back` is how to leave it (`q back`, or `q quit` when krant was opened on it). */
export function articleHint(width: number, back: string): string {
  return hintLine(width, 'article', back);
}

/** Header, one line per visible row (fewer when the list is short), footer. */
export function listFrame(state: State, rows: ListRow[], folder: string, status: string, searching = false): { header: FrameLine; body: FrameLine[]; footer: FrameLine } {
  const { width } = state;
  const { count, query, selected, top, view, unread, partial } = state.list;
  const terms = compileQuery(query).marked;
  const dateW = 10;
  const sourceW = width >= 60 ? Math.min(14, Math.floor(width / 6)) : 0;
  const titleW = Math.max(1, width - 3 - dateW - 1 - (sourceW ? sourceW + 1 : 0));
  // where the selection is, then how many: `123/20 001 articles`
  const at = count > 0 ? `${formatCount(selected + 1)}/` : '';
  const size = searching ? 'searching' : `${at}${plural(count, query ? 'hit' : 'article')}`;
  // no article has every word: the best with some, and the header says so
  const shown = `${view === 'all' ? '' : `${view}: `}${size}${query ? `${partial && !searching ? ' with some of the words' : ''} for "${query}"` : ''}`;
  const unreadNote = view === 'all' && !query && unread !== null ? ` · ${unread} unread` : '';
  // the folder last: on a narrow terminal it is what gets cut
  const head = `krant · ${shown}${unreadNote}${status ? ` · ${status}` : ''} · ${sanitize(folder)}`;
  const header: FrameLine = [{ text: truncate(head, width), role: 'title' }];
  const footer = footerLine(state, listHint(width));
  if (searching && rows.length === 0) return { header, body: [], footer };
  if (count === 0) {
    const empty = query ? 'No articles match. Esc clears the search.'
      : view !== 'all' ? `No ${view} articles. v shows the next view.`
      : status ? 'No articles yet: indexing the folder…' : 'No articles in this folder.';
    return { header, body: [[{ text: truncate(empty, width), role: 'dim' }]], footer };
  }
  const body = rows.slice(0, listRows(state)).map((r, i): FrameLine => {
    const isSel = top + i === selected;
    const title = truncate(r.title, titleW);
    // unread: a dot and a bold title; saved: a star (legible without colour, and at 40 columns)
    const isUnread = r.read === false;
    const flag = r.saved ? '★' : isUnread ? '●' : ' ';
    const line: FrameLine = [
      { text: isSel ? '▸' : ' ', role: isSel ? 'title' : undefined },
      { text: `${flag} `, role: r.saved ? 'accent' : isUnread ? 'title' : undefined },
      { text: padToWidth(r.date || '—', dateW), role: isSel ? 'selected' : 'meta' },
      { text: ' ' },
    ];
    if (sourceW) line.push({ text: padToWidth(r.source || '—', sourceW), role: isSel ? 'selected' : 'source' }, { text: ' ' });
    if (isSel) line.push({ text: padToWidth(title, titleW), role: 'selected' });
    else {
      const spans = terms.length ? findTerms(title, terms) : [];
      for (const seg of segments(title, spans)) line.push({ text: seg.text, types: seg.types, ...(isUnread ? { role: 'title' as const } : {}) });
    }
    return line;
  });
  return { header, body, footer };
}
