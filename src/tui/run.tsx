/** The reader on Ink: renders the app, runs the background sync, suspends on Ctrl+Z. */

import { render } from 'ink';
import { sanitize } from '../core/sanitize.js';
import type { Theme } from '../core/theme.js';
import type { Store } from '../store/store.js';
import { App, type AppProps } from './app.js';
import { startIndexHelper } from '../store/index-helper-client.js';
import type { Library } from '../store/library.js';
import type { State } from './state.js';
import type { ReaderOptions } from './start.js';
import { createIndexStatus } from '../store/index-status.js';
import type { Terminal } from './terminal.js';
import { feedFetcher } from '../feeds/fetch-client.js';
// this bundle's own copy of the search analysis reads the word list too (marks of compounds)
import '../store/lexicon-file.js';

// Ink draws at most this many frames a second: a key that comes right after a frame waits
// at most 1000/MAX_FPS ms for its own (Ink's default, 30, let the first key wait 33 ms).
const MAX_FPS = 60;

interface RunOptions extends ReaderOptions {
  store: Store;
  library: Library;
  theme: Theme;
  terminal: Terminal;
  width: number;
  height: number;
  status: string;
  stateFile: string | null;
  stateNotice?: string;
  /** The state keys typed before Ink was loaded left (early-keys.ts). */
  early?: State;
}

export async function runReader(o: RunOptions): Promise<number> {
  const indexStatus = createIndexStatus(o.status);
  // Ctrl+Z: give the terminal back and stop; on `fg`, take it again and draw everything anew.
  const suspend = () => {
    o.terminal.release();
    process.once('SIGCONT', () => {
      o.terminal.resume();
      redraw();
    });
    process.kill(process.pid, 'SIGSTOP');
  };
  /** Everything drawn anew, at the terminal's size now: it may have changed unseen (no SIGWINCH reaches a stopped process). */
  const redraw = () => {
    const out = process.stdout as NodeJS.WriteStream & { _refreshSize?: () => void };
    if (out._refreshSize) out._refreshSize(); // reads the size again, and says 'resize' when it changed
    else out.emit('resize');
    instance.clear();
    instance.rerender(<App {...props} />);
  };
  // The index helper syncs and searches in a process of its own; the reader asks it.
  const helper = startIndexHelper(o.store, indexStatus, o.stateFile);
  o.terminal.onExit(() => helper.stop());
  // R: `krant fetch` beside the reader; the list is read again as each feed's articles land
  const fetchStatus = createIndexStatus();
  const fetcher = o.fetch ? feedFetcher(o.fetch, fetchStatus, () => indexStatus.update({ bump: true })) : null;
  o.terminal.onExit(() => fetcher?.stop());
  const props: AppProps = {
    library: { ...o.library, search: helper.search }, theme: o.theme, width: o.width, height: o.height,
    initialQuery: o.search ?? '', initialView: o.view, openId: o.id, initial: o.early, onSuspend: suspend, onRedraw: () => redraw(), sync: indexStatus, fault: o.fault,
    onFetch: fetcher ? () => fetcher.start() : undefined, fetchStatus,
  };
  const instance = render(<App {...props} />, { stdout: o.terminal.output, exitOnCtrlC: false, patchConsole: false, maxFps: MAX_FPS });

  try {
    await instance.waitUntilExit();
  } finally {
    o.terminal.restore(); // before any message, or it is lost with the alternate screen
    // Ink may leave stdin read (after an error): stop, so that what is typed next goes to the shell
    process.stdin.destroy();
  }
  for (const notice of [o.store.notice, o.stateNotice, ...helper.notices]) if (notice) process.stderr.write(`krant: ${sanitize(notice)}\n`);
  for (const w of helper.warnings) process.stderr.write(`krant: skipped: ${sanitize(w.what)} (${sanitize(w.path)})\n`);
  return 0;
}
