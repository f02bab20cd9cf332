/** The store of one articles folder: its index, kept in step with the files, and search over it. */

import path from 'node:path';
import { printableName } from '../core/file-name.js';
import type { Article, ArticleSummary } from '../core/article.js';
import { compileQuery, rankTiers } from '../core/query.js';
import { sanitize } from '../core/sanitize.js';
import { indexFileFor } from './cache.js';
import { type DB, openIndex } from './db.js';
import { resolveFolder } from './folder.js';
import './lexicon-file.js'; // the word list compounds are split by, read when first needed
import { ArticleError, readArticleFile } from './read.js';
import type { Warning } from './scan.js';
import { type SyncProgress, type SyncResult, fullSync, mergeStep, quickSync, skippedFiles } from './sync.js';
import { folderNumber, reconcile, stateSchema } from './reading.js';
import type { View } from './views.js';

/** A row of the index: an article's summary, where its file is, and its reading state. */
export interface ListRow extends ArticleSummary {
  rowid: number;
  path: string;
  /** Reading state, where the state is attached (Store.attachState). */
  read?: boolean;
  saved?: boolean;
}

export type { View } from './views.js';

/** A page of hits, their count, and whether they have only some of the terms (none had all). */
export interface SearchResult {
  count: number;
  rows: ListRow[];
  partial: boolean;
}

export interface StoreOptions {
  env?: NodeJS.ProcessEnv;
  /** Keep the index in memory only (tests, or a cache that cannot be written). */
  memory?: boolean;
}

const COLUMNS = 'a.rowid AS rowid, a.id AS id, a.path AS path, a.title AS title, a.date AS date, a.source AS source, a.key AS key';
// A view as a condition on an article row `a`, over the attached state `st`.
const IN_VIEW: Record<View, string> = {
  all: '1',
  unread: 'NOT EXISTS (SELECT 1 FROM st.marks m WHERE m.folder = @folder AND m.id = a.id AND m.read = 1)',
  saved: 'EXISTS (SELECT 1 FROM st.marks m WHERE m.folder = @folder AND m.id = a.id AND m.saved = 1)',
};
const ORDER = 'ORDER BY a.date DESC, a.title, a.rowid';
// Best hit first: those with it in the title above the rest (core/query.ts: rankTiers), each by
// bm25 over the words and their other forms (a stem or a part counts less than the word itself), then the newest.
const BM25 = 'fts, 4.0, 1.0, 2.0, 0.5';
const RANK = `ORDER BY bm25(${BM25}), a.date DESC`;
// Rows before (@date, @title, @rowid) in that order.
const BEFORE = '(a.date > @date OR (a.date = @date AND (a.title < @title OR (a.title = @title AND a.rowid < @rowid))))';

export class Store {
  readonly root: string;
  readonly indexFile: string | null;
  /** Said once by the caller: why the index is in memory, or was rebuilt. */
  readonly notice: string | undefined;
  private readonly db: DB;
  private readonly stmts;
  private state: { folder: number; views: Map<string, import('better-sqlite3').Statement>; flags: import('better-sqlite3').Statement; version: import('better-sqlite3').Statement } | null = null;
  private keyLookup: import('better-sqlite3').Statement | undefined;
  // The last search counted: a page after the first, and the same search asked again (the
  // command decides whether it is partial, then reads its rows), need no second count.
  private counted: { view: View; match: string; stamp: string; n: number } | null = null;

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
      // ranked inside the full-text index first, then only the page's rows joined (a common word
      // has a hit in most articles: joining them all just to cut a page cost a third more);
      // hits of exactly equal score (the same text twice) may swap places across a page's edge
      search: this.db.prepare(
        `SELECT ${COLUMNS} FROM (SELECT rowid, bm25(${BM25}) AS score FROM fts WHERE fts MATCH @match ORDER BY score LIMIT @upto) f
         JOIN articles a ON a.rowid = f.rowid ORDER BY f.score, a.date DESC LIMIT -1 OFFSET @offset`,
      ),
      searchCount: this.db.prepare('SELECT count(*) AS n FROM fts WHERE fts MATCH ?'),
      before: this.db.prepare(`SELECT count(*) FROM articles a WHERE ${BEFORE}`).pluck(),
      changes: this.db.prepare('SELECT total_changes()').pluck(),
      indexVersion: this.db.prepare('PRAGMA main.data_version').pluck(),
    };
  }

  close(): void {
    this.db.close();
  }

  /**
   * Reading state beside the index (attached as `st`): rows carry read and saved, and the
   * unread and saved views work. `file` null: a state kept in memory (nothing is marked).
   */
  attachState(file: string | null): void {
    if (this.state) return;
    this.db.prepare('ATTACH DATABASE ? AS st').run(file ?? ':memory:');
    this.db.pragma('st.cache_size = -256');
    if (!file) this.db.exec(stateSchema('st'));
    this.state = {
      folder: folderNumber(this.db, this.root, 'st'),
      views: new Map(),
      // one statement for any page: the ids as a JSON array
      flags: this.db.prepare('SELECT id, read, saved FROM st.marks WHERE folder = @folder AND id IN (SELECT value FROM json_each(@ids))'),
      version: this.db.prepare('PRAGMA st.data_version').pluck(),
    };
  }

  /** After a sync: reading state follows moved and renamed files, and knows which are gone. */
  reconcileState(): void {
    if (this.state) reconcile(this.db, this.state.folder);
  }

  private viewStmt(name: string, sql: (where: string) => string, view: View) {
    const key = `${name}:${view}`;
    let stmt = this.state!.views.get(key);
    if (!stmt) this.state!.views.set(key, (stmt = this.db.prepare(sql(IN_VIEW[view]))));
    return stmt;
  }

  /** Rows with their read and saved flags, looked up for just these rows. */
  withFlags(rows: ListRow[]): ListRow[] {
    if (!this.state || rows.length === 0) return rows;
    const marks = this.state.flags.all({ folder: this.state.folder, ids: JSON.stringify(rows.map((r) => r.id)) }) as Array<{ id: string; read: number; saved: number }>;
    const byId = new Map(marks.map((m) => [m.id, m]));
    for (const r of rows) {
      const m = byId.get(r.id);
      r.read = !!m?.read;
      r.saved = !!m?.saved;
    }
    return rows;
  }

  /** Articles in a view (all: the whole list). */
  countIn(view: View): number {
    if (view === 'all' || !this.state) return this.count();
    // the partial indexes count these (present, and read or saved) without touching the rest
    const stmt = this.viewStmt('count', () => (view === 'unread'
      ? 'SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM st.marks WHERE folder = @folder AND present = 1 AND read = 1)'
      : 'SELECT count(*) FROM st.marks WHERE folder = @folder AND present = 1 AND saved = 1'), view);
    return Math.max(0, stmt.pluck().get({ folder: this.state!.folder }) as number);
  }

  /**
   * A view's rows in list order, `@limit` from `@offset` (-1: all). Saved: the few saved
   * marks first (their partial index), then their articles sorted; unread: the list in
   * order, skipping what was read (most articles are unread, or soon found).
   */
  private pageStmt(view: View) {
    return this.viewStmt('page', (w) => (view === 'saved'
      ? `SELECT ${COLUMNS} FROM st.marks m CROSS JOIN articles a ON a.id = m.id
          WHERE m.folder = @folder AND m.present = 1 AND m.saved = 1 ${ORDER} LIMIT @limit OFFSET @offset`
      : `SELECT ${COLUMNS} FROM articles a WHERE ${w} ${ORDER} LIMIT @limit OFFSET @offset`), view);
  }

  /** Hits of a search in a view, best first, `@limit` from `@offset` (-1: all). */
  private searchStmt(view: View) {
    return this.viewStmt('search', (w) => `SELECT ${COLUMNS} FROM fts JOIN articles a ON a.rowid = fts.rowid WHERE fts MATCH @match AND ${w}
         ${RANK} LIMIT @limit OFFSET @offset`, view);
  }

  /** A page of a view in list order. */
  pageIn(view: View, offset: number, limit: number): ListRow[] {
    if (view === 'all' || !this.state) return this.withFlags(this.page(offset, limit));
    return this.withFlags(this.pageStmt(view).all({ folder: this.state.folder, limit, offset }) as ListRow[]);
  }

  /** Hits within a view, best first, with their count; `partial` when no article has every term. */
  searchIn(view: View, query: string, limit = -1, offset = 0): SearchResult {
    const { match, partial, count } = this.matchFor(view, query);
    if (!match) return { count: 0, rows: [], partial };
    const rows = view === 'all' || !this.state
      ? this.searchAll(match, limit, offset)
      : this.tiered(match, limit, offset, view, (m, lim, off) => this.searchStmt(view).all({ folder: this.state!.folder, match: m, limit: lim, offset: off }) as ListRow[]);
    return { count: count ?? this.countMatches(view, match), rows: this.withFlags(rows), partial };
  }

  /**
   * `limit` hits from `offset` (-1: all) in rank order: the title tier's, then the body
   * tier's, each ranked by `run`. The title tier is counted only when the page starts past its first row.
   */
  private tiered(match: string, limit: number, offset: number, view: View, run: (match: string, limit: number, offset: number) => ListRow[]): ListRow[] {
    const rows: ListRow[] = [];
    let skip = offset;
    for (const tier of rankTiers(match)) {
      const want = limit < 0 ? -1 : limit - rows.length;
      if (want === 0) break;
      if (skip > 0) {
        const n = this.countRaw(view, tier);
        if (skip >= n) {
          skip -= n;
          continue;
        }
      }
      const got = run(tier, want, skip);
      // a tier that ended before the page did: the next goes on from its first hit
      skip = 0;
      rows.push(...got);
    }
    return rows;
  }

  private countMatches(view: View, match: string): number {
    const stamp = this.changeStamp();
    const c = this.counted;
    if (c && c.view === view && c.match === match && c.stamp === stamp) return c.n;
    const n = this.countRaw(view, match);
    this.counted = { view, match, stamp, n };
    return n;
  }

  private countRaw(view: View, match: string): number {
    return view === 'all' || !this.state
      ? (this.stmts.searchCount.get(match) as { n: number }).n
      : this.viewStmt('searchCount', (w) => `SELECT count(*) FROM fts JOIN articles a ON a.rowid = fts.rowid WHERE fts MATCH @match AND ${w}`, view)
        .pluck().get({ folder: this.state.folder, match }) as number;
  }

  /**
   * Where the index and the reading state are: it changes with every write of this
   * connection (its total of changed rows) and every commit of another (`data_version`).
   */
  private changeStamp(): string {
    const state = this.state ? this.state.version.get() : '';
    return `${this.stmts.changes.get()} ${this.stmts.indexVersion.get()} ${state}`;
  }

  /**
   * The MATCH a search runs: every term required; when no article (of the view) has them
   * all, any of them, ranked (`partial`), so that a search shows its best partial matches
   * rather than nothing.
   */
  matchFor(view: View, query: string): { match: string; partial: boolean; count?: number } {
    const q = compileQuery(query);
    if (!q.match || q.marked.length < 2) return { match: q.match, partial: false };
    // the count of every term required, taken to decide: the hits' count when there are any
    const count = this.countMatches(view, q.match);
    return count > 0 ? { match: q.match, partial: false, count } : { match: q.anyMatch, partial: true };
  }

  /** Every row of a view (and search), one at a time, with its flags: for printing and for marking all. */
  *eachIn(view: View, query?: string): IterableIterator<ListRow> {
    const source = view === 'all' && !this.state ? this.each(query) : this.eachRaw(view, query);
    let batch: ListRow[] = [];
    for (const row of source) {
      batch.push(row);
      if (batch.length === 500) {
        yield* this.withFlags(batch);
        batch = [];
      }
    }
    yield* this.withFlags(batch);
  }

  /** The page and search statements, whole (LIMIT -1). */
  private *eachRaw(view: View, query?: string): IterableIterator<ListRow> {
    const all = { folder: this.state!.folder, limit: -1, offset: 0 };
    if (query === undefined) {
      yield* this.pageStmt(view).iterate(all) as IterableIterator<ListRow>;
      return;
    }
    const { match } = this.matchFor(view, query);
    if (!match) return;
    for (const tier of rankTiers(match)) yield* this.searchStmt(view).iterate({ ...all, match: tier }) as IterableIterator<ListRow>;
  }

  fullSync(onProgress?: (p: SyncProgress) => void): Promise<SyncResult> {
    return fullSync(this.db, this.root, onProgress);
  }

  quickSync(onProgress?: (p: SyncProgress) => void): Promise<SyncResult> {
    return quickSync(this.db, this.root, onProgress);
  }

  /** One short step of merging the full-text index (see sync.ts); whether there is more to do. */
  mergeStep(): boolean {
    return mergeStep(this.db);
  }

  /** Drops everything indexed and builds it again from the files. */
  reindex(onProgress?: (p: SyncProgress) => void): Promise<SyncResult> {
    this.db.exec("DELETE FROM articles; DELETE FROM folders; DELETE FROM skipped; INSERT INTO fts(fts) VALUES('delete-all');");
    return fullSync(this.db, this.root, onProgress);
  }

  skipped(): Warning[] {
    return skippedFiles(this.db);
  }

  /** Is an article with this key (its url's, else its text's) in the folder? */
  hasKey(key: number): boolean {
    this.keyLookup ??= this.db.prepare('SELECT 1 FROM articles WHERE key = ? LIMIT 1');
    return this.keyLookup.get(key) !== undefined;
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
    const { match } = this.matchFor('all', query);
    if (!match) return;
    for (const tier of rankTiers(match)) yield* this.stmts.search.iterate({ match: tier, upto: -1, offset: 0 }) as IterableIterator<ListRow>;
  }

  /** The position of an article in list order, or -1 when there is none with that id. */
  position(id: string): number {
    const row = this.get(id);
    return row ? (this.stmts.before.get(row) as number) : -1;
  }

  /** Where an article stands in a view's list (where it would stand, when the view leaves it out), or -1. */
  positionIn(view: View, id: string): number {
    if (view === 'all' || !this.state) return this.position(id);
    const row = this.get(id);
    if (!row) return -1;
    const stmt = this.viewStmt('before', (w) => `SELECT count(*) FROM articles a WHERE ${BEFORE} AND ${w}`, view);
    return stmt.pluck().get({ date: row.date, title: row.title, rowid: row.rowid, folder: this.state.folder }) as number;
  }

  /**
   * The ids that print as `shown`: an id holding a control character is printed without
   * it (sanitize), and the printed id must still open its article.
   */
  idsPrintedAs(shown: string): string[] {
    const ids: string[] = [];
    for (const id of this.db.prepare('SELECT id FROM articles').pluck().iterate() as IterableIterator<string>) {
      if (id !== shown && (sanitize(id) === shown || printableName(id) === shown)) ids.push(id);
    }
    return ids;
  }

  get(id: string): ListRow | undefined {
    return this.stmts.byId.get(id) as ListRow | undefined;
  }

  /** Best matches first (the title tier, bm25, then date). Text that holds no word matches nothing. */
  search(query: string, limit = -1, offset = 0): ListRow[] {
    const { match } = this.matchFor('all', query);
    return match ? this.searchAll(match, limit, offset) : [];
  }

  private searchAll(match: string, limit: number, offset: number): ListRow[] {
    return this.tiered(match, limit, offset, 'all', (m, lim, off) => this.stmts.search.all({ match: m, upto: lim < 0 ? -1 : off + lim, offset: off }) as ListRow[]);
  }

  searchCount(query: string): number {
    const { match } = this.matchFor('all', query);
    return match ? this.countMatches('all', match) : 0;
  }

  /** The article of a row, read from its file (the files are the truth). */
  read(row: Pick<ListRow, 'id' | 'path'>): Article {
    return readArticleFile(path.join(this.root, row.path), row.id).article;
  }
}

export { ArticleError };

/** The index file of a folder (null: none can be named). */
export function indexFileOf(dir: string, env: NodeJS.ProcessEnv = process.env): string {
  return indexFileFor(resolveFolder(dir), env);
}
export { isCorrupt, moveIndexAside, removeIndex } from './db.js';
export { FolderError } from './folder.js';
