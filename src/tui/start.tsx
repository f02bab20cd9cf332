/**
 * Starts the reader full screen and gives the terminal back on every way out:
 * q, Ctrl+C, SIGTERM, SIGHUP, an uncaught error. Ctrl+Z suspends, `fg` redraws.
 */

import { render } from 'ink';
import React from 'react';
import { colourTheme, monoTheme } from '../core/theme.js';
import { Store } from '../store/store.js';
import { App } from './app.js';
import { storeLibrary } from './library.js';

export interface ReaderOptions {
  dir: string;
  id?: string;
  search?: string;
  env: NodeJS.ProcessEnv;
}

const ENTER = '\x1b[?1049h\x1b[?25l\x1b[H\x1b[2J';
const LEAVE = '\x1b[?25h\x1b[?1049l';

export async function startReader(o: ReaderOptions): Promise<number> {
  const store = new Store(o.dir);
  const notices: string[] = store.notice ? [store.notice] : [];
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    try {
      if (process.stdin.isTTY) process.stdin.setRawMode(false);
    } catch {
      // stdin already gone (the SSH link dropped)
    }
    try {
      process.stdout.write(LEAVE);
    } catch {
      // nothing left to restore to
    }
  };
  const die = (code: number, message?: string) => {
    restore();
    if (message) process.stderr.write(`krant: ${message}\n`);
    process.exit(code);
  };
  process.on('exit', restore);
  process.on('SIGTERM', () => die(143));
  process.on('SIGHUP', () => die(129));
  process.on('uncaughtException', (e) => die(70, e.message));
  process.on('unhandledRejection', (e) => die(70, String((e as Error)?.message ?? e)));

  // First start on a folder: build the index before the first frame so the list is not empty.
  if (store.count() === 0) await store.quickSync();

  const env = o.env;
  const mono = !!env.NO_COLOR && env.FORCE_COLOR === undefined || env.TERM === 'dumb';
  process.stdout.write(ENTER);
  const library = storeLibrary(store, o.dir);
  // Suspend on Ctrl+Z: give the terminal back, stop; on `fg`, take it again and redraw.
  const suspend = () => {
    process.stdout.write(LEAVE);
    process.stdin.setRawMode(false);
    process.once('SIGCONT', () => {
      process.stdin.setRawMode(true);
      process.stdout.write(ENTER);
      instance.clear();
      instance.rerender(<App {...props} revision={Date.now()} />);
    });
    process.kill(process.pid, 'SIGSTOP');
  };
  const props = {
    library, theme: mono ? monoTheme : colourTheme, width: process.stdout.columns || 80, height: process.stdout.rows || 24,
    initialQuery: o.search ?? '', openId: o.id, onSuspend: suspend,
  };
  const instance = render(<App {...props} />, { exitOnCtrlC: false, patchConsole: false });

  // The first frame came from the index as it was; now catch up with the files, then redraw.
  setTimeout(() => {
    store.fullSync().then(
      (r) => {
        if (r.added + r.changed + r.removed > 0) instance.rerender(<App {...props} revision={Date.now()} />);
      },
      (e) => notices.push(`sync failed: ${(e as Error).message}`),
    );
  }, 50);

  await instance.waitUntilExit();
  restore();
  store.close();
  for (const n of notices) process.stderr.write(`krant: ${n}\n`);
  return 0;
}
