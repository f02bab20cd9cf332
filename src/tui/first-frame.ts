/**
 * The list drawn straight to the terminal while React and Ink load (about 100 ms):
 * the same lines Ink then draws over it (list-frame.ts), so the switch is not seen.
 */

import { ansiPainter } from '../core/paint.js';
import type { Theme } from '../core/theme.js';
import type { Library } from '../store/library.js';
import { listFrame } from './list-frame.js';
import { initialState, listRows, reducer } from './state.js';

/** The unfiltered list's first page, as the bytes to write (a search's first frame waits for the search). */
export function firstFrameText(library: Pick<Library, 'count' | 'page' | 'folder'>, theme: Theme, width: number, height: number, status: string): string {
  // the unread count follows once drawn (it reads an index of its own): not here, nor in Ink's first frame
  const state = reducer(initialState(width, height), { type: 'listCount', count: library.count('all') });
  const rows = state.list.count ? library.page('all', 0, listRows(state)) : [];
  const { header, body, footer } = listFrame(state, rows, library.folder, status);
  const paint = ansiPainter(theme);
  const line = (pieces: typeof header) => pieces.map((p) => paint.piece(p.text, p.role, p.types)).join('') + '\x1b[K';
  let out = '\x1b[H' + line(header);
  for (let i = 0; i < listRows(state); i++) out += '\r\n' + (body[i] ? line(body[i]!) : '\x1b[K');
  out += `\x1b[${height};1H` + line(footer) + '\x1b[H';
  return out;
}

export function drawFirstFrame(library: Library, theme: Theme, width: number, height: number, status: string): void {
  process.stdout.write(firstFrameText(library, theme, width, height, status));
}
