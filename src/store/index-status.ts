/**
 * The background sync as the reader sees it: a status line and a revision that
 * changes whenever the index does. The app subscribes to it (useSyncExternalStore).
 */

export interface IndexStatus {
  /** Bumped after every batch written: the list reads its rows again. */
  revision: number;
  /** What the header says while indexing, '' when done. */
  text: string;
}

export interface IndexStatusReader {
  subscribe(listener: () => void): () => void;
  get(): IndexStatus;
}

export interface IndexStatusSource extends IndexStatusReader {
  update(change: Partial<IndexStatus> & { bump?: boolean }): void;
}

export function createIndexStatus(text = ''): IndexStatusSource {
  let status: IndexStatus = { revision: 0, text };
  const listeners = new Set<() => void>();
  return {
    subscribe(l) {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    get: () => status,
    update({ bump, ...change }) {
      status = { ...status, ...change, revision: status.revision + (bump ? 1 : 0) };
      for (const l of listeners) l();
    },
  };
}
