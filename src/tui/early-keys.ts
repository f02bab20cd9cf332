/**
 * Keys answered before React and Ink are loaded. Once the first frame is drawn, the
 * reader listens a moment before loading the rest (which blocks for about a tenth of a
 * second): moves in the list (j, k, paging, g, G, v) go through the same key table and
 * reducer, and are drawn by the same frame function as the first frame. The first key
 * that needs more (Enter, /, ?, q, an escape sequence…) is put back in front of the input,
 * and Ink, once loaded, reads it and everything after it, in order.
 */

import type { Theme } from '../core/theme.js';
import type { Library } from '../store/library.js';
import { frameText } from './first-frame.js';
import { charKey } from './keymap.js';
import { type State, listRows, update } from './state.js';

// How long the reader waits for a key before it loads the rest: long enough for a key typed
// at the first frame, short enough that the rest is loaded before a slower hand types.
export const LISTEN_MS = 60;

/** The list as it stands, and nothing more: a state these keys may move in. */
const plainList = (s: State) => s.screen === 'list' && s.overlay === 'none' && !s.prompt && !s.confirm && !s.list.query;

/**
 * Answers keys until none comes for LISTEN_MS, or one needs the reader; resolves with
 * the state they left, for the reader to start from.
 */
export function answerEarlyKeys(library: Library, theme: Theme, start: State, status: string): Promise<State> {
  const stdin = process.stdin;
  return new Promise((resolve) => {
    let state = start;
    let timer = setTimeout(done, LISTEN_MS);
    function done() {
      clearTimeout(timer);
      stdin.off('data', onData);
      stdin.pause();
      resolve(state);
    }
    function onData(chunk: Buffer) {
      clearTimeout(timer);
      const text = chunk.toString('utf8');
      let at = 0;
      for (const c of text) {
        const key = charKey(c);
        // an escape sequence (an arrow, a function key) is Ink's to read, and so is all after it
        if (!key) break;
        const [next, effects] = update(state, { type: 'key', input: key[0], key: key[1] });
        if (effects.length > 0 || !plainList(next)) break;
        state = next;
        at += c.length;
      }
      if (at > 0) {
        const rows = state.list.count ? library.page(state.list.view, state.list.top, listRows(state)) : [];
        process.stdout.write(frameText(state, rows, library.folder, theme, status));
      }
      if (at < text.length) {
        // paused first: in flowing mode the stream would hand what is put back straight to onData again
        done();
        stdin.unshift(Buffer.from(text.slice(at), 'utf8'));
        return;
      }
      timer = setTimeout(done, LISTEN_MS);
    }
    stdin.on('data', onData);
  });
}

