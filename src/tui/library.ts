/**
 * What the reader needs from the store: the list a page at a time, searches, and
 * an article by row. The unfiltered list is read here, synchronously (an index scan
 * of a page); searches are asynchronous, answered by the index helper process.
 */

import type { Article } from '../core/article.js';
import type { ListRow, Store } from '../store/store.js';

export interface SearchPage {
  count: number;
  rows: ListRow[];
}

export interface Library {
  folder: string;
  /** Articles in the unfiltered list. */
  count(): number;
  /** Rows of the unfiltered list, in list order. */
  page(offset: number, limit: number): ListRow[];
  /** A page of hits and their count; null when a newer search overtook this one. */
  search(query: string, offset: number, limit: number): Promise<SearchPage | null>;
  read(row: ListRow): Article;
  /** Where an article stands in the unfiltered list, or -1. */
  position(id: string): number;
}

/** A library that searches in this process (tests, and an index kept in memory). */
export function storeLibrary(store: Store, folder: string): Library {
  return {
    folder,
    count: () => store.count(),
    page: (offset, limit) => store.page(offset, limit),
    search: async (q, offset, limit) => ({ count: store.searchCount(q), rows: store.search(q, limit, offset) }),
    read: (row) => store.read(row),
    position: (id) => store.position(id),
  };
}
