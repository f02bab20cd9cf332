/**
 * The list drawn straight to the terminal before React and Ink load (about 100 ms):
 * the same lines Ink then draws over it (list-frame.ts), so the switch is not seen. Keys
 * typed meanwhile are drawn by it too (early-keys.ts).
 */

import { ansiPainter } from '../core/paint.js';
import type { Theme } from '../core/theme.js';
import type { Library } from '../store/library.js';
import { listFrame } from './list-frame.js';
import type { ListRow } from '../store/store.js';
import { type State, initialState, listRows, reducer } from './state.js';

/** The unfiltered list as it first stands: its size, the first article selected. */
export function startState(library: Pick<Library, 'count'>, width: number, height: number): State {
  // the unread count follows once drawn (it reads an index of its own): not here, nor in Ink's first frame
  return reducer(initialState(width, height), { type: 'listCount', count: library.count('all') });
}

/** The list screen of a state with its visible rows, as the bytes to write. */
export function frameText(state: State, rows: ListRow[], folder: string, theme: Theme, status: string): string {
  const { header, body, footer } = listFrame(state, rows, folder, status);
  const paint = ansiPainter(theme);
  const line = (pieces: typeof header) => pieces.map((p) => paint.piece(p.text, p.role, p.types)).join('') + '\x1b[K';
  let out = '\x1b[H' + line(header);
  for (let i = 0; i < listRows(state); i++) out += '\r\n' + (body[i] ? line(body[i]!) : '\x1b[K');
  out += `\x1b[${state.height};1H` + line(footer) + '\x1b[H';
  return out;
}

/** The unfiltered list's first page, as the bytes to write (a search's first frame waits for the search). */
export function firstFrameText(library: Pick<Library, 'count' | 'page' | 'folder'>, theme: Theme, width: number, height: number, status: string): string {
  return frameText(...firstFrame(library, width, height), library.folder, theme, status);
}

/** The first frame's state and the rows it shows. */
function firstFrame(library: Pick<Library, 'count' | 'page'>, width: number, height: number): [State, ListRow[]] {
  const state = startState(library, width, height);
  return [state, state.list.count ? library.page('all', 0, listRows(state)) : []];
}

/** Draws the first frame; the state it shows. */
export function drawFirstFrame(library: Library, theme: Theme, width: number, height: number, status: string): State {
  const [state, rows] = firstFrame(library, width, height);
  process.stdout.write(frameText(state, rows, library.folder, theme, status));
  return state;
}
