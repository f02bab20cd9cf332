/**
 * What the reader needs from the store: the list of a view a page at a time, searches,
 * an article by row, and reading state. Pages and counts are read here, synchronously
 * (an index scan of a page); searches are asynchronous, answered by the index helper
 * process.
 */

import type { Article } from '../core/article.js';
import type { ArticleRef, Marks, ReadingState } from './reading.js';
import type { ListRow, Store } from './store.js';
import type { View } from './views.js';

export interface SearchPage {
  count: number;
  rows: ListRow[];
  /** No article has every word: these have some (Store.matchFor). */
  partial?: boolean;
}

export interface Library {
  folder: string;
  /** Articles in a view. */
  count(view: View): number;
  /** Rows of a view, in list order, with their read and saved flags. */
  page(view: View, offset: number, limit: number): ListRow[];
  /** The same rows with their read and saved flags as they are now. */
  withFlags(rows: ListRow[]): ListRow[];
  /** A page of hits in a view and their count; null when a newer search overtook this one. */
  search(view: View, query: string, offset: number, limit: number): Promise<SearchPage | null>;
  read(row: ListRow): Article;
  /** Where an article stands in a view's list, or -1. */
  position(id: string, view?: View): number;
  /** Reading state: read, saved and place, kept apart from the index. */
  marks(id: string): Marks;
  setRead(refs: readonly ArticleRef[], read: boolean): void;
  setSaved(refs: readonly ArticleRef[], saved: boolean): void;
  setPlace(ref: ArticleRef, paragraph: number, offset: number): void;
  /** Marks every article of a view (and search) read; how many. */
  markAllRead(view: View, query: string): number;
}

/** A library that searches in this process (tests, and an index kept in memory). */
export function storeLibrary(store: Store, folder: string, state: ReadingState): Library {
  return {
    folder,
    count: (view) => store.countIn(view),
    page: (view, offset, limit) => store.pageIn(view, offset, limit),
    withFlags: (rows) => store.withFlags(rows.map((r) => ({ ...r }))),
    search: async (view, q, offset, limit) => store.searchIn(view, q, limit, offset),
    read: (row) => store.read(row),
    position: (id, view = 'all') => store.positionIn(view, id),
    marks: (id) => state.get(id),
    setRead: (refs, read) => state.setRead(refs, read),
    setSaved: (refs, saved) => state.setSaved(refs, saved),
    setPlace: (ref, paragraph, offset) => state.setPlace(ref, paragraph, offset),
    markAllRead: (view, query) => {
      const refs = [...store.eachIn(view, query || undefined)].filter((r) => !r.read).map((r) => ({ id: r.id, key: r.key }));
      state.setRead(refs, true);
      return refs.length;
    },
  };
}
