/**
 * Each feed's last fetch, kept in the cache: its HTTP validators (ETag, Last-Modified),
 * when it was fetched, how it went, how many articles it brought. A cache: unreadable or
 * lost, it is started again, which costs one full fetch and never a duplicate (articles
 * are known by their url in the index).
 */

import { readIfThere, replaceFile } from './files.js';

export interface FeedState {
  etag?: string;
  lastModified?: string;
  /** ISO time of the last fetch. */
  fetched?: string;
  /** `ok`, `not modified`, or why it failed. */
  status?: string;
  /** Articles written from this feed, all fetches together. */
  written?: number;
  /** The feed's own title, from its last fetch. */
  title?: string;
}

export class FetchState {
  private feeds: Record<string, FeedState> = {};
  constructor(private file: string) {
    try {
      const parsed = JSON.parse(readIfThere(file) || '{}');
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) this.feeds = parsed;
    } catch {
      // damaged: a cache, started again
    }
  }

  get(url: string): FeedState {
    return this.feeds[url] ?? {};
  }

  set(url: string, change: FeedState): void {
    this.feeds[url] = { ...this.feeds[url], ...change };
  }

  /** Written as a whole; a cache that cannot be written is only a slower next fetch. */
  save(): void {
    try {
      replaceFile(this.file, JSON.stringify(this.feeds, null, 1) + '\n');
    } catch {
      // no cache: the next fetch asks for everything again
    }
  }
}
