/** What the reader needs from the store: the list a page at a time, and an article by row. */

import type { Article } from '../core/article.js';
import type { ListRow, Store } from '../store/store.js';

export interface Library {
  folder: string;
  count(query: string): number;
  page(query: string, offset: number, limit: number): ListRow[];
  read(row: ListRow): Article;
  /** Where an article stands in the unfiltered list, or -1. */
  position(id: string): number;
}

export function storeLibrary(store: Store, folder: string): Library {
  return {
    folder,
    count: (q) => (q.trim() ? store.searchCount(q) : store.count()),
    page: (q, offset, limit) => (q.trim() ? store.search(q, limit, offset) : store.page(offset, limit)),
    read: (row) => store.read(row),
    position: (id) => store.position(id),
  };
}
