/** The reader: one update function for state, one runner for its effects, screens that draw. */

import { useApp, useInput, useStdout } from 'ink';
import React, { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Theme } from '../core/theme.js';
import { ArticleScreen, HelpOverlay, ListScreen, SourcesPanel } from './components.js';
import type { Library } from '../store/library.js';
import { prepareArticle } from './open-article.js';
import type { IndexStatusReader } from '../store/index-status.js';
import { splitKeys } from './keymap.js';
import { type Action, type Effect, type State, initialState, update } from './state.js';
import { type ListRowsApi, useListRows } from './use-list-rows.js';
import { PainterProvider } from './theme.js';
import { ansiPainter } from '../core/paint.js';
import type { View } from '../store/views.js';

export interface AppProps {
  library: Library;
  theme: Theme;
  width: number;
  height: number;
  initialQuery?: string;
  initialView?: View;
  openId?: string;
  /** Where keys typed before Ink was loaded left the reader (early-keys.ts); it starts from there. */
  initial?: State;
  /** The background sync: its status line, and a revision bumped whenever the index changed. */
  sync?: IndexStatusReader;
  /** Ctrl+Z: the owner gives the terminal back and stops the process; returns once continued. */
  onSuspend?: () => void;
  /** Ctrl+L: the owner clears the screen and has everything drawn again. */
  onRedraw?: () => void;
  /** R: fetch the subscriptions in the background; says whether it started, or why not. */
  onFetch?: () => string;
  /** The background fetch: its status line (progress, then `12 new`); the index status's revision shows its articles. */
  fetchStatus?: IndexStatusReader;
  /** For tests of the way out: `draw` throws while drawing an article. */
  fault?: string;
}

const COUNT_AFTER_MS = 100;

// No background sync: one snapshot, always the same object (useSyncExternalStore compares by identity).
const NO_SYNC = { revision: 0, text: '' };
const IDLE: IndexStatusReader = { subscribe: () => () => {}, get: () => NO_SYNC };

/** State by update(): each action gives the next state and its effects, which `run` carries out in order. */
function useUpdate(init: () => State, run: (e: Effect, dispatch: (a: Action) => void) => void): [State, (a: Action) => void] {
  const [state, setState] = useState(init);
  const current = useRef(state);
  const runner = useRef(run);
  runner.current = run;
  const dispatch = useCallback((action: Action) => {
    const [next, effects] = update(current.current, action);
    current.current = next;
    setState(next);
    for (const e of effects) runner.current(e, dispatch);
  }, []);
  return [state, dispatch];
}

export function App({ library, theme, width, height, initialQuery = '', initialView = 'all', openId, initial, sync = IDLE, onSuspend, onRedraw, onFetch, fetchStatus = IDLE, fault }: AppProps) {
  const { exit } = useApp();
  const { stdout } = useStdout();
  // styles as ANSI codes on a terminal; a test's stream gets the text alone
  const painter = useMemo(() => ansiPainter(theme, (stdout as { isTTY?: boolean }).isTTY ? 1 : 0), [theme, stdout]);
  const { revision, text: indexText } = useSyncExternalStore(sync.subscribe, sync.get);
  const { text: fetchText } = useSyncExternalStore(fetchStatus.subscribe, fetchStatus.get);
  const syncText = [fetchText, indexText].filter(Boolean).join(' · ');
  // bumped on every change of reading state: rows and counts are read again
  const [marksRevision, setMarksRevision] = useState(0);
  const listRef = useRef<ListRowsApi | null>(null);
  const stateRef = useRef<State | null>(null);

  const run = (e: Effect, dispatch: (a: Action) => void) => {
    const list = listRef.current!;
    const changed = () => setMarksRevision((r) => r + 1);
    switch (e.type) {
      case 'exit': return exit();
      case 'suspend': return onSuspend?.();
      case 'redraw': return onRedraw?.();
      case 'fetchFeeds': {
        const said = onFetch ? onFetch() : 'fetching is not available here';
        return said ? dispatch({ type: 'note', text: said }) : undefined;
      }
      case 'open': return void openAt(e.index, list, dispatch);
      case 'setRead':
        library.setRead([e.ref], e.read);
        return changed();
      case 'savePlace': return library.setPlace(e.ref, e.paragraph, e.offset);
      case 'toggle':
        return void list.rowAt(e.index).then((row) => {
          if (!row) return;
          const m = library.marks(row.id);
          const ref = { id: row.id, key: row.key };
          if (e.mark === 'read') library.setRead([ref], !m.read);
          else library.setSaved([ref], !m.saved);
          dispatch({ type: 'note', text: e.mark === 'read' ? (m.read ? 'marked unread' : 'marked read') : m.saved ? 'no longer saved' : 'saved' });
          changed();
        });
      case 'markAllRead': {
        const n = library.markAllRead(e.view, e.query);
        dispatch({ type: 'note', text: `${n === 1 ? '1 article' : `${n} articles`} marked read` });
        return changed();
      }
      case 'reselect':
        return void list.rowAt(e.index).then((row) => {
          const { view } = stateRef.current!.list;
          const at = row ? library.position(row.id, view) : -1;
          if (at < 0) return;
          // the whole list's size first, or the position would be clamped to the search's
          dispatch({ type: 'listCount', count: library.count(view) });
          dispatch({ type: 'select', index: at });
        });
      case 'nextUnread':
        return void nextUnread(e.after, list).then((found) => {
          if (!found) return dispatch({ type: 'note', text: 'no unread article in this list' });
          void openAt(found.index, list, dispatch);
          if (found.wrapped) dispatch({ type: 'note', text: 'no unread article below: continuing at the top' });
        });
    }
  };

  // the first frame as the one drawn before Ink loaded: the list and its size, or where early keys left it
  // (at the terminal's size now); the unread count follows
  const [state, dispatch] = useUpdate(() => (initial
    ? update(initial, { type: 'resize', width, height })[0]
    : update(initialState(width, height, initialQuery, initialView, !!openId), { type: 'listCount', count: initialQuery ? 0 : library.count(initialView) })[0]), run);
  stateRef.current = state;

  /** Finds an article of the list and opens it: its file read and highlighted, at the place reading stopped. */
  const openAt = async (index: number, list: ListRowsApi, d: (a: Action) => void) => {
    const row = await list.rowAt(index);
    if (!row) return d({ type: 'openFailed', message: 'that article is gone' });
    try {
      const place = library.marks(row.id).place;
      d({ type: 'opened', index, place, ...prepareArticle(row, library.read(row)) });
    } catch (err) {
      d({ type: 'openFailed', message: `cannot open ${row.path}: ${(err as { what?: string }).what ?? (err as Error).message}` });
    }
  };

  /** The next unread article after a list position, else the first from the top; null when there is none. */
  const nextUnread = async (after: number, list: ListRowsApi): Promise<{ index: number; wrapped: boolean } | null> => {
    const count = stateRef.current!.list.count;
    for (const [from, to, wrapped] of [[after + 1, count, false], [0, after + 1, true]] as const) {
      for (let i = from; i < to; i += 200) {
        const rows = await list.rowsAt(i, Math.min(200, to - i));
        const k = rows.findIndex((r) => !r.read);
        if (k >= 0) return { index: i + k, wrapped };
        if (rows.length === 0) break;
      }
    }
    return null;
  };

  // Terminal size
  useEffect(() => {
    const onResize = () => dispatch({ type: 'resize', width: stdout.columns || 80, height: stdout.rows || 24 });
    stdout.on('resize', onResize);
    return () => void stdout.off('resize', onResize);
  }, [stdout]);

  const list = useListRows(library, state, dispatch, revision, marksRevision);
  listRef.current = list;

  // The index changed under the list (a first build adds rows above the selection): the
  // selection stays on the article it was on, on the same screen line. `anchor` is the
  // article selected before this change; it is read before it is updated (effects run in order).
  // A key that moved the selection in the same batch as the change wins: the anchor holds
  // only while the selection is still where it was when the anchor was taken.
  const anchor = useRef<{ id: string; index: number } | null>(null);
  const selectedId = list.rows[state.list.selected - state.list.top]?.id ?? null;
  useEffect(() => {
    const a = anchor.current;
    if (!a || a.index !== state.list.selected || state.list.query || state.screen !== 'list') return;
    const at = library.position(a.id, state.list.view);
    if (at >= 0 && at !== state.list.selected) dispatch({ type: 'select', index: at, keepLine: true });
  }, [revision]);
  useEffect(() => {
    if (selectedId) anchor.current = { id: selectedId, index: state.list.selected };
  }, [selectedId, state.list.selected]);

  // How many are unread, for the header: again when the index or the state changed; the
  // first time a little after the first frame, so that keys typed during the start are
  // answered first (it scans the marks)
  const counted = useRef(false);
  useEffect(() => {
    const count = () => dispatch({ type: 'counts', unread: library.count('unread') });
    if (counted.current) return count();
    counted.current = true;
    const later = setTimeout(count, COUNT_AFTER_MS);
    return () => clearTimeout(later);
  }, [revision, marksRevision]);

  // `krant ID` opens that article first
  useEffect(() => {
    if (!openId) return;
    const at = library.position(openId);
    if (at < 0) return void dispatch({ type: 'note', text: `no article with id "${openId}"` });
    dispatch({ type: 'move', by: at });
    dispatch({ type: 'open' });
  }, []);

  useInput((input, key) => {
    for (const [i, k] of splitKeys(input, key)) dispatch({ type: 'key', input: i, key: k });
  });

  if (fault === 'draw' && state.screen === 'article') throw new Error('fault injected while drawing');
  let screen: React.ReactNode;
  if (state.overlay === 'help') screen = <HelpOverlay state={state} />;
  else if (state.overlay === 'panel' && state.article) screen = <SourcesPanel state={state} />;
  else if (state.screen === 'article' && state.article) screen = <ArticleScreen state={state} />;
  else screen = <ListScreen state={state} rows={list.rows} folder={library.folder} status={syncText} searching={list.searching} />;
  return <PainterProvider value={painter}>{screen}</PainterProvider>;
}
