/**
 * Starts the reader: takes the terminal, opens the index, draws the list at once,
 * then loads React and Ink (run.tsx) to take over from that first frame.
 */

import { type ColourMode, themeFor } from '../core/theme.js';
import { ReadingState } from '../store/reading.js';
import type { View } from '../store/views.js';
import { Store } from '../store/store.js';
import { answerEarlyKeys } from './early-keys.js';
import { drawFirstFrame } from './first-frame.js';
import type { State } from './state.js';
import { storeLibrary } from '../store/library.js';
import { takeTerminal } from './terminal.js';
import { createRequire } from 'node:module';
import type { FetchCommand } from '../feeds/fetch-client.js';

declare const KRANT_APP: string | undefined;

export interface ReaderOptions {
  dir: string;
  id?: string;
  search?: string;
  /** The list's first view: `krant --unread` opens on the unread articles. */
  view?: View;
  /** Decided by the command line, as for --print. */
  colour: ColourMode;
  env: NodeJS.ProcessEnv;
  /** For tests of the way out: `draw` throws while drawing an article. */
  fault?: string;
  /** How R runs `krant fetch`. */
  fetch?: FetchCommand;
}

export async function startReader(o: ReaderOptions): Promise<number> {
  const terminal = takeTerminal();
  let store: Store;
  try {
    store = new Store(o.dir);
  } catch (e) {
    terminal.restore(); // first, so that the error is said on the screen the user sees
    throw e;
  }
  // Reading state, the user's own, beside the index: rows carry read and saved, views work
  const state = new ReadingState(store.root, o.env);
  store.attachState(state.file);
  terminal.onExit(() => {
    state.close();
    store.close();
  });
  const theme = themeFor(o.colour);
  const library = storeLibrary(store, o.dir, state);
  const size = { width: process.stdout.columns || 80, height: process.stdout.rows || 24 };
  const status = 'checking the folder for changes…';
  let early: State | undefined;
  if (!o.id && !o.search && (o.view ?? 'all') === 'all') {
    // the list at once; keys typed at it are answered before React and Ink are loaded
    early = await answerEarlyKeys(library, theme, drawFirstFrame(library, theme, size.width, size.height, status), status);
  }
  // Built, React, Ink and the app are a bundle of their own, loaded only now (through the code
  // cache, like the rest): the first frame waits for none of it. From source, the module.
  const { runReader } = (typeof KRANT_APP === 'string'
    ? (createRequire(import.meta.url)('./boot.cjs') as typeof import('../boot.js')).load(KRANT_APP)
    : await import('./run.js')) as typeof import('./run.js');
  // the size now: the terminal may have been resized while the keys above were answered
  const now = { width: process.stdout.columns || 80, height: process.stdout.rows || 24 };
  return runReader({ ...o, ...now, store, library, theme, terminal, status, stateFile: state.file, stateNotice: state.notice, early });
}
