/** The reader: one reducer for state, effects that read the store, screens that draw. */

import { useApp, useInput, useStdout } from 'ink';
import React, { useEffect, useReducer, useSyncExternalStore } from 'react';
import type { Theme } from '../core/theme.js';
import { ArticleScreen, HelpOverlay, ListScreen, SourcesPanel } from './components.js';
import type { Library } from './library.js';
import { prepareArticle } from './open-article.js';
import type { SyncFeed } from './sync-feed.js';
import { initialState, reducer } from './state.js';
import { useListRows } from './use-list-rows.js';
import { ThemeProvider } from './theme.js';

export interface AppProps {
  library: Library;
  theme: Theme;
  width: number;
  height: number;
  initialQuery?: string;
  openId?: string;
  /** The background sync: its status line, and a revision bumped whenever the index changed. */
  sync?: SyncFeed;
  /** Ctrl+Z: the owner gives the terminal back and stops the process. */
  onSuspend?: () => void;
  /** For tests of the way out: `draw` throws while drawing an article. */
  fault?: string;
}

// No background sync: one snapshot, always the same object (useSyncExternalStore compares by identity).
const NO_SYNC = { revision: 0, text: '' };
const IDLE: SyncFeed = { subscribe: () => () => {}, get: () => NO_SYNC };

export function App({ library, theme, width, height, initialQuery = '', openId, sync = IDLE, onSuspend, fault }: AppProps) {
  const { exit } = useApp();
  const { stdout } = useStdout();
  const [state, dispatch] = useReducer(reducer, initialState(width, height, initialQuery));
  const { revision, text: syncText } = useSyncExternalStore(sync.subscribe, sync.get);

  // Terminal size
  useEffect(() => {
    const onResize = () => dispatch({ type: 'resize', width: stdout.columns || 80, height: stdout.rows || 24 });
    stdout.on('resize', onResize);
    return () => void stdout.off('resize', onResize);
  }, [stdout]);

  const list = useListRows(library, state, dispatch, revision);

  // Opening an article: find its row, read its file, highlight it
  useEffect(() => {
    if (state.wantOpen === null) return;
    const index = state.wantOpen;
    let live = true;
    list.rowAt(index).then((row) => {
      if (!live) return;
      if (!row) return dispatch({ type: 'openFailed', message: 'that article is gone' });
      try {
        dispatch({ type: 'opened', index, ...prepareArticle(row.id, library.read(row)) });
      } catch (e) {
        dispatch({ type: 'openFailed', message: `cannot open ${row.path}: ${(e as { what?: string }).what ?? (e as Error).message}` });
      }
    });
    return () => {
      live = false;
    };
  }, [state.wantOpen]);

  // `krant ID` opens that article first
  useEffect(() => {
    if (!openId) return;
    const at = library.position(openId);
    if (at < 0) return void dispatch({ type: 'note', text: `no article with id "${openId}"` });
    dispatch({ type: 'move', by: at });
    dispatch({ type: 'open' });
  }, []);

  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit]);

  useEffect(() => {
    if (!state.suspend) return;
    onSuspend?.(); // returns once the reader is continued (`fg`)
    dispatch({ type: 'suspended' });
  }, [state.suspend]);

  useInput((input, key) => dispatch({ type: 'key', input, key }));

  if (fault === 'draw' && state.screen === 'article') throw new Error('fault injected while drawing');
  let screen: React.ReactNode;
  if (state.overlay === 'help') screen = <HelpOverlay state={state} />;
  else if (state.overlay === 'panel' && state.article) screen = <SourcesPanel state={state} />;
  else if (state.screen === 'article' && state.article) screen = <ArticleScreen state={state} />;
  else screen = <ListScreen state={state} rows={list.rows} folder={library.folder} status={syncText} searching={list.searching} />;
  return <ThemeProvider value={theme}>{screen}</ThemeProvider>;
}
