/** The store of one articles folder: its index, kept in step with the files, and search over it. */

import path from 'node:path';
import type { Article } from '../core/article.js';
import { parseQuery, toFtsQuery } from '../core/query.js';
import { indexFileFor } from './cache.js';
import { type DB, openIndex } from './db.js';
import { resolveFolder } from './folder.js';
import { ArticleError, readArticleFile } from './read.js';
import type { Warning } from './scan.js';
import { type SyncProgress, type SyncResult, fullSync, quickSync, skippedFiles } from './sync.js';

export interface ListRow {
  rowid: number;
  id: string;
  path: string;
  title: string;
  date: string;
  source: string;
}

export interface StoreOptions {
  env?: NodeJS.ProcessEnv;
  /** Keep the index in memory only (tests, or a cache that cannot be written). */
  memory?: boolean;
}

const COLUMNS = 'a.rowid AS rowid, a.id AS id, a.path AS path, a.title AS title, a.date AS date, a.source AS source';
const ORDER = 'ORDER BY a.date DESC, a.title, a.rowid';

export class Store {
  readonly root: string;
  readonly indexFile: string | null;
  /** Said once by the caller: why the index is in memory, or was rebuilt. */
  readonly notice: string | undefined;
  private readonly db: DB;
  private readonly stmts;

  constructor(dir: string, options: StoreOptions = {}) {
    this.root = resolveFolder(dir);
    const opened = openIndex(options.memory ? null : indexFileFor(this.root, options.env ?? process.env));
    this.db = opened.db;
    this.indexFile = opened.file;
    this.notice = opened.notice;
    this.stmts = {
      count: this.db.prepare('SELECT count(*) AS n FROM articles'),
      page: this.db.prepare(`SELECT ${COLUMNS} FROM articles a ${ORDER} LIMIT ? OFFSET ?`),
      byId: this.db.prepare(`SELECT ${COLUMNS} FROM articles a WHERE a.id = ?`),
      search: this.db.prepare(
        `SELECT ${COLUMNS} FROM fts JOIN articles a ON a.rowid = fts.rowid WHERE fts MATCH ?
         ORDER BY bm25(fts, 4.0, 1.0), a.date DESC LIMIT ? OFFSET ?`,
      ),
      searchCount: this.db.prepare('SELECT count(*) AS n FROM fts WHERE fts MATCH ?'),
      // rows before (date, title, rowid) in list order: date DESC, title, rowid
      before: this.db.prepare(
        `SELECT count(*) FROM articles a WHERE a.date > @date OR (a.date = @date AND (a.title < @title OR (a.title = @title AND a.rowid < @rowid)))`,
      ).pluck(),
    };
  }

  close(): void {
    this.db.close();
  }

  fullSync(onProgress?: (p: SyncProgress) => void): Promise<SyncResult> {
    return fullSync(this.db, this.root, onProgress);
  }

  quickSync(onProgress?: (p: SyncProgress) => void): Promise<SyncResult> {
    return quickSync(this.db, this.root, onProgress);
  }

  /** Drops everything indexed and builds it again from the files. */
  reindex(onProgress?: (p: SyncProgress) => void): Promise<SyncResult> {
    this.db.exec("DELETE FROM articles; DELETE FROM folders; DELETE FROM skipped; INSERT INTO fts(fts) VALUES('delete-all');");
    return fullSync(this.db, this.root, onProgress);
  }

  skipped(): Warning[] {
    return skippedFiles(this.db);
  }

  count(): number {
    return (this.stmts.count.get() as { n: number }).n;
  }

  /** Rows in list order (date, newest first, then title), `limit` from `offset`. */
  page(offset: number, limit: number): ListRow[] {
    return this.stmts.page.all(limit, offset) as ListRow[];
  }

  all(): ListRow[] {
    return this.page(0, -1);
  }

  /** Every row in list order, or every hit best first, one at a time (for printing long lists). */
  *each(query?: string): IterableIterator<ListRow> {
    if (query === undefined) {
      yield* this.stmts.page.iterate(-1, 0) as IterableIterator<ListRow>;
      return;
    }
    const match = toFtsQuery(parseQuery(query));
    if (match) yield* this.stmts.search.iterate(match, -1, 0) as IterableIterator<ListRow>;
  }

  /** The position of an article in list order, or -1 when there is none with that id. */
  position(id: string): number {
    const row = this.get(id);
    return row ? (this.stmts.before.get(row) as number) : -1;
  }

  get(id: string): ListRow | undefined {
    return this.stmts.byId.get(id) as ListRow | undefined;
  }

  /** Best matches first (bm25, then date). Text that holds no word matches nothing. */
  search(query: string, limit = -1, offset = 0): ListRow[] {
    const match = toFtsQuery(parseQuery(query));
    return match ? (this.stmts.search.all(match, limit, offset) as ListRow[]) : [];
  }

  searchCount(query: string): number {
    const match = toFtsQuery(parseQuery(query));
    return match ? (this.stmts.searchCount.get(match) as { n: number }).n : 0;
  }

  /** The article of a row, read from its file (the files are the truth). */
  read(row: Pick<ListRow, 'id' | 'path'>): Article {
    return readArticleFile(path.join(this.root, row.path), row.id).article;
  }
}

export { ArticleError };
export { FolderError } from './folder.js';
