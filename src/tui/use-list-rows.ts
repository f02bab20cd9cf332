/**
 * The rows the list shows, and its size. Unfiltered, both come straight from the
 * index. While searching they come from the index helper, asynchronously: a window
 * of three pages around the visible one is asked for, and the last answer is shown
 * until the next arrives, so that typing and scrolling never wait for a search.
 */

import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ListRow } from '../store/store.js';
import type { Library } from '../store/library.js';
import type { View } from '../store/views.js';
import { type Action, type State, listRows } from './state.js';

interface Window {
  query: string;
  view: View;
  offset: number;
  count: number;
  rows: ListRow[];
  /** What it was read at (see rowsKey): a newer one asks again. */
  revision: string;
}

export interface ListRowsApi {
  rows: ListRow[];
  /** True while the list shows no answer yet for the current search. */
  searching: boolean;
  /** The row at a position of the current list (read or asked for). */
  rowAt(index: number): Promise<ListRow | undefined>;
  /** Rows of the current list from a position, with their flags as they are now. */
  rowsAt(index: number, limit: number): Promise<ListRow[]>;
}

/**
 * `revision` is bumped when the index changed, `marks` when reading state did: the
 * whole list reads its flags again for the rows it shows, while only a view that
 * filters by read or saved is searched or counted again.
 */
export function useListRows(library: Library, state: State, dispatch: (a: Action) => void, revision: number, marks = 0): ListRowsApi {
  const { query, top, count, view } = state.list;
  const visible = listRows(state);
  const [win, setWin] = useState<Window | null>(null);
  const winRef = useRef<Window | null>(null);
  winRef.current = win;
  // what the rows of this view depend on: the index, and for unread and saved the marks too
  const rowsRevision = view === 'all' ? `${revision}` : `${revision}/${marks}`;

  // Unfiltered: the count from the index at once, before the frame is drawn (the rows of a
  // new revision are read while drawing it: a passive effect let one frame pair them with the old count)
  useLayoutEffect(() => {
    if (!query) dispatch({ type: 'listCount', count: library.count(view) });
  }, [library, query, view, rowsRevision]);

  // Marks changed: the rows held keep their place, with their flags read again (no new search)
  useEffect(() => {
    const w = winRef.current;
    if (!w || marks === 0) return;
    setWin({ ...w, rows: library.withFlags(w.rows) });
  }, [marks]);

  // Searching: ask for a window around the visible page unless the one held covers it
  const covered =
    !!win && win.query === query && win.view === view && win.revision === rowsRevision && top >= win.offset &&
    (top + visible <= win.offset + win.rows.length || win.offset + win.rows.length >= win.count);
  useEffect(() => {
    if (!query || covered) return;
    let live = true;
    const offset = Math.max(0, top - visible);
    library.search(view, query, offset, 3 * visible).then((page) => {
      if (!live || !page) return;
      setWin({ query, view, offset, count: page.count, rows: page.rows, revision: rowsRevision });
      dispatch({ type: 'listCount', count: page.count, partial: page.partial });
    });
    return () => {
      live = false;
    };
  }, [library, query, view, top, visible, rowsRevision, covered]);

  // The page shown, read when it changes (not on every frame: j and k within it read nothing)
  const onList = state.screen === 'list';
  const page = useMemo(
    () => (!query && onList && count > 0 ? library.page(view, top, visible) : []),
    [library, query, onList, count, view, top, visible, revision, marks],
  );
  let rows: ListRow[];
  if (!query) rows = page;
  // the last answer for this search, while it holds the visible page (a newer one is on its way otherwise)
  else rows = win && win.query === query && win.view === view && top >= win.offset ? win.rows.slice(top - win.offset, top - win.offset + visible) : [];

  return {
    rows,
    searching: !!query && (!win || win.query !== query || win.view !== view),
    rowAt: async (index) => {
      if (!query) return library.page(view, index, 1)[0];
      const w = winRef.current;
      if (w && w.query === query && w.view === view && index >= w.offset && index < w.offset + w.rows.length) return w.rows[index - w.offset];
      return (await library.search(view, query, index, 1))?.rows[0];
    },
    rowsAt: async (index, limit) => (query ? ((await library.search(view, query, index, limit))?.rows ?? []) : library.page(view, index, limit)),
  };
}
