/** The reader: one reducer for state, effects that read the store, screens that draw. */

import { useApp, useInput, useStdout } from 'ink';
import React, { useEffect, useMemo, useReducer } from 'react';
import { articleWords } from '../core/article.js';
import { highlightArticle } from '../core/highlights.js';
import type { Theme } from '../core/theme.js';
import { ArticleScreen, HelpOverlay, ListScreen, SourcesPanel } from './components.js';
import type { Library } from './library.js';
import { initialState, listRows, reducer } from './state.js';
import { ThemeProvider } from './theme.js';

export interface AppProps {
  library: Library;
  theme: Theme;
  width: number;
  height: number;
  initialQuery?: string;
  openId?: string;
  /** Bumped by the app's owner when the index changed (background sync). */
  revision?: number;
  /** Ctrl+Z: the owner gives the terminal back and stops the process. */
  onSuspend?: () => void;
}

export function App({ library, theme, width, height, initialQuery = '', openId, revision = 0, onSuspend }: AppProps) {
  const { exit } = useApp();
  const { stdout } = useStdout();
  const [state, dispatch] = useReducer(reducer, initialState(width, height, initialQuery));

  // Terminal size
  useEffect(() => {
    const onResize = () => dispatch({ type: 'resize', width: stdout.columns || 80, height: stdout.rows || 24 });
    stdout.on('resize', onResize);
    return () => void stdout.off('resize', onResize);
  }, [stdout]);

  // The list's size follows the search and the index
  const { query } = state.list;
  useEffect(() => {
    dispatch({ type: 'listCount', count: library.count(query) });
  }, [library, query, revision]);

  // Only the visible rows are read from the store
  const rows = useMemo(
    () => (state.screen === 'list' && state.list.count > 0 ? library.page(query, state.list.top, listRows(state)) : []),
    [library, query, state.screen, state.list.top, state.list.count, state.height, revision],
  );

  // Opening an article: read its file, highlight it
  useEffect(() => {
    if (state.wantOpen === null) return;
    const index = state.wantOpen;
    const [row] = library.page(query, index, 1);
    if (!row) return void dispatch({ type: 'openFailed', message: 'that article is gone' });
    try {
      const article = library.read(row);
      dispatch({ type: 'opened', index, head: { id: row.id, title: article.title, date: article.date, source: article.source, words: articleWords(article) }, body: highlightArticle(article) });
    } catch (e) {
      dispatch({ type: 'openFailed', message: `cannot open ${row.path}: ${(e as { what?: string }).what ?? (e as Error).message}` });
    }
  }, [state.wantOpen]);

  // `krant ID` opens that article first
  useEffect(() => {
    if (!openId) return;
    const total = library.count('');
    for (let offset = 0; offset < total; offset += 1000) {
      const i = library.page('', offset, 1000).findIndex((r) => r.id === openId);
      if (i < 0) continue;
      dispatch({ type: 'move', by: offset + i });
      dispatch({ type: 'open' });
      return;
    }
    dispatch({ type: 'note', text: `no article with id "${openId}"` });
  }, []);

  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit]);

  useInput((input, key) => {
    if (key.ctrl && input === 'z') return onSuspend?.();
    dispatch({ type: 'key', input, key });
  });

  let screen: React.ReactNode;
  if (state.overlay === 'help') screen = <HelpOverlay state={state} />;
  else if (state.overlay === 'panel' && state.article) screen = <SourcesPanel state={state} onPick={(mark) => dispatch({ type: 'jump', mark })} />;
  else if (state.screen === 'article' && state.article) screen = <ArticleScreen state={state} />;
  else screen = <ListScreen state={state} rows={rows} folder={library.folder} />;
  return <ThemeProvider value={theme}>{screen}</ThemeProvider>;
}
