/**
 * Brings the index in line with the files: compare path, size and mtime, parse only
 * what changed, delete what vanished. See DESIGN.md "Store" for full and quick sync.
 */

import fs from 'node:fs';
import path from 'node:path';
import type { DB } from './db.js';
import { type DocReader, inlineReader, workerReader } from './doc-reader.js';
import type { IndexDoc } from './index-doc.js';
import { type FileEntry, type Warning, listFolder, scanFolder } from './scan.js';

const BATCH = 2000;
// From this many files to parse, a sync is a bulk build.
const BULK = 5000;

export interface SyncProgress {
  done: number;
  total: number;
  startedAt: number;
}

export interface SyncResult {
  added: number;
  changed: number;
  removed: number;
  /** Files read and parsed in this sync. */
  parsed: number;
  warnings: Warning[];
}

interface Row {
  rowid: number;
  id: string;
  path: string;
  size: number;
  mtime: number;
}

class Writer {
  private readonly insert;
  private readonly update;
  private readonly rowidOf;
  private readonly ftsDelete;
  private readonly ftsInsert;
  private readonly deleteRow;
  private readonly skip;
  private readonly unskip;
  constructor(db: DB) {
    // Plain INSERT and UPDATE: an upsert with RETURNING made a bulk build three times slower.
    const columns = 'path = @path, dir = @dir, size = @size, mtime = @mtime, title = @title, date = @date, source = @source';
    this.insert = db.prepare(
      `INSERT OR IGNORE INTO articles (id, path, dir, size, mtime, title, date, source)
       VALUES (@id, @path, @dir, @size, @mtime, @title, @date, @source)`,
    );
    this.update = db.prepare(`UPDATE articles SET ${columns} WHERE rowid = @rowid`);
    this.rowidOf = db.prepare('SELECT rowid FROM articles WHERE id = ?').pluck();
    this.ftsDelete = db.prepare('DELETE FROM fts WHERE rowid = ?');
    this.ftsInsert = db.prepare('INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)');
    this.deleteRow = db.prepare('DELETE FROM articles WHERE rowid = ?');
    this.skip = db.prepare('INSERT OR REPLACE INTO skipped (path, dir, size, mtime, reason) VALUES (?, ?, ?, ?, ?)');
    this.unskip = db.prepare('DELETE FROM skipped WHERE path = ?');
  }

  put(file: FileEntry, doc: IndexDoc, existing: Row | undefined): void {
    const values = {
      id: file.id, path: file.rel, dir: file.dir, size: file.size, mtime: file.mtimeMs,
      title: doc.title, date: doc.date, source: doc.source,
    };
    // The row may exist though the plan did not see it: another krant indexed it meanwhile.
    let rowid = existing?.rowid;
    if (rowid === undefined) {
      const r = this.insert.run(values);
      rowid = r.changes ? Number(r.lastInsertRowid) : (this.rowidOf.get(file.id) as number);
      if (!r.changes) existing = { rowid } as Row;
    }
    if (existing) {
      this.update.run({ ...values, rowid });
      this.ftsDelete.run(rowid);
    }
    this.ftsInsert.run(rowid, doc.titleTerms, doc.body);
    this.unskip.run(file.rel);
  }

  remove(row: Row): void {
    this.ftsDelete.run(row.rowid);
    this.deleteRow.run(row.rowid);
  }

  markSkipped(file: FileEntry, reason: string): void {
    this.skip.run(file.rel, file.dir, file.size, file.mtimeMs, reason);
  }
}

interface Plan {
  todo: Array<{ file: FileEntry; existing: Row | undefined }>;
  gone: Row[];
}

/** What to parse and what to delete, comparing files found with rows indexed. */
function plan(files: FileEntry[], rows: Row[], skippedIn: (f: FileEntry) => boolean): Plan {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const todo: Plan['todo'] = [];
  const keep = new Set<string>();
  for (const f of files) {
    const row = byId.get(f.id);
    keep.add(f.id);
    if (row && row.path === f.rel && row.size === f.size && row.mtime === f.mtimeMs) continue;
    if (!row && skippedIn(f)) continue; // known bad and unchanged: not read again
    todo.push({ file: f, existing: row });
  }
  return { todo, gone: rows.filter((r) => !keep.has(r.id)) };
}

async function apply(db: DB, root: string, p: Plan, onProgress?: (p: SyncProgress) => void): Promise<SyncResult> {
  const w = new Writer(db);
  const result: SyncResult = { added: 0, changed: 0, removed: 0, parsed: 0, warnings: [] };
  const startedAt = Date.now();
  db.transaction(() => {
    for (const row of p.gone) w.remove(row);
  }).immediate();
  result.removed = p.gone.length;
  const bulk = p.todo.length >= BULK;
  // A large build merges the full-text segments once at the end instead of after every batch.
  if (bulk) {
    db.exec("INSERT INTO fts (fts, rank) VALUES ('automerge', 0)");
    // The index is a cache: a build cut short by a crash is rebuilt, so it need not wait for the disk.
    db.pragma('synchronous = OFF');
  }
  // Batches keep a first build of a large archive visible (and interruptible) as it goes;
  // the next batch is read and parsed (on a worker, for a bulk build) while this one is written.
  const reader: DocReader = bulk ? workerReader(root) : inlineReader(root);
  const batchAt = (i: number) => p.todo.slice(i, i + BATCH);
  const pending: Array<Promise<Array<IndexDoc | string>>> = [];
  let asked = 0;
  const askAhead = () => {
    while (asked < p.todo.length && pending.length < reader.parallel + 1) {
      pending.push(reader.read(batchAt(asked).map((t) => t.file)));
      asked += BATCH;
    }
  };
  for (let i = 0; i < p.todo.length; i += BATCH) {
    askAhead();
    const items = batchAt(i);
    const docs = await pending.shift()!;
    askAhead();
    const batch = items.map((t, k) => ({ ...t, parsed: docs[k]! }));
    db.transaction(() => {
      for (const { file, existing, parsed } of batch) {
        result.parsed++;
        if (typeof parsed === 'string') {
          if (existing) {
            w.remove(existing);
            result.removed++;
          }
          w.markSkipped(file, parsed);
          continue;
        }
        w.put(file, parsed, existing);
        if (existing) result.changed++;
        else result.added++;
      }
    }).immediate();
    onProgress?.({ done: Math.min(i + BATCH, p.todo.length), total: p.todo.length, startedAt });
  }
  await reader.close();
  if (bulk) {
    // One merge of the index's segments makes it smaller and faster to search; then give the freed pages back.
    db.exec("INSERT INTO fts (fts) VALUES ('optimize'); INSERT INTO fts (fts, rank) VALUES ('automerge', 4)");
    db.pragma('incremental_vacuum');
    db.pragma('synchronous = NORMAL');
  }
  return result;
}

function saveFolders(db: DB, folders: Map<string, number>, replaceAll: boolean): void {
  const put = db.prepare('INSERT OR REPLACE INTO folders (path, mtime) VALUES (?, ?)');
  db.transaction(() => {
    if (replaceAll) db.prepare('DELETE FROM folders').run();
    for (const [dir, mtime] of folders) put.run(dir, mtime);
  }).immediate();
}

function skippedLookup(db: DB): (f: FileEntry) => boolean {
  const rows = db.prepare('SELECT path, size, mtime FROM skipped').all() as Array<{ path: string; size: number; mtime: number }>;
  const m = new Map(rows.map((r) => [r.path, r]));
  return (f) => {
    const r = m.get(f.rel);
    return !!r && r.size === f.size && r.mtime === f.mtimeMs;
  };
}

function pruneSkipped(db: DB, present: Set<string> | null, dirs?: Set<string>): void {
  const rows = db.prepare('SELECT path, dir FROM skipped').all() as Array<{ path: string; dir: string }>;
  const del = db.prepare('DELETE FROM skipped WHERE path = ?');
  for (const r of rows) {
    if (dirs && !dirs.has(r.dir)) continue;
    if (!present || !present.has(r.path)) del.run(r.path);
  }
}

/** Full sync: a stat of every file. Catches everything, including files edited in place. */
export async function fullSync(db: DB, root: string, onProgress?: (p: SyncProgress) => void): Promise<SyncResult> {
  const scan = scanFolder(root);
  const rows = db.prepare('SELECT rowid, id, path, size, mtime FROM articles').all() as Row[];
  const result = await apply(db, root, plan(scan.files, rows, skippedLookup(db)), onProgress);
  pruneSkipped(db, new Set(scan.files.map((f) => f.rel)));
  saveFolders(db, scan.folders, true);
  result.warnings.push(...scan.warnings);
  return result;
}

/**
 * Quick sync: only folders whose own mtime changed are listed again, which catches
 * every file added, removed or renamed. A file edited in place in an unchanged folder
 * waits for the next full sync.
 */
export async function quickSync(db: DB, root: string, onProgress?: (p: SyncProgress) => void): Promise<SyncResult> {
  const known = new Map((db.prepare('SELECT path, mtime FROM folders').all() as Array<{ path: string; mtime: number }>).map((r) => [r.path, r.mtime]));
  if (known.size === 0) return fullSync(db, root, onProgress);
  const children = new Map<string, string[]>();
  for (const dir of known.keys()) {
    if (dir === '') continue;
    const parent = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
    children.set(parent, [...(children.get(parent) ?? []), dir]);
  }
  const seen = new Map<string, number>();
  const changedDirs = new Set<string>();
  const files: FileEntry[] = [];
  const warnings: Warning[] = [];
  const visited = new Set<string>();
  const walk = (dir: string, st: fs.Stats) => {
    const key = `${st.dev}:${st.ino}`;
    if (visited.has(key)) return;
    visited.add(key);
    seen.set(dir, st.mtimeMs);
    if (known.get(dir) === st.mtimeMs) {
      for (const sub of children.get(dir) ?? []) {
        try {
          const s = fs.statSync(path.join(root, sub));
          if (s.isDirectory()) walk(sub, s);
        } catch {
          // vanished: its rows go below
        }
      }
      return;
    }
    changedDirs.add(dir);
    const listing = listFolder(root, dir);
    files.push(...listing.files);
    warnings.push(...listing.warnings);
    for (const sub of listing.subfolders) walk(sub.rel, sub.stat);
  };
  walk('', fs.statSync(root));
  for (const dir of known.keys()) if (!seen.has(dir)) changedDirs.add(dir);
  const byDir = db.prepare('SELECT rowid, id, path, size, mtime FROM articles WHERE dir = ?');
  const rows = [...changedDirs].flatMap((d) => byDir.all(d) as Row[]);
  const result = await apply(db, root, plan(files, rows, skippedLookup(db)), onProgress);
  pruneSkipped(db, new Set(files.map((f) => f.rel)), changedDirs);
  saveFolders(db, seen, true);
  result.warnings.push(...warnings);
  return result;
}

/** The files skipped as unreadable, with why: warned about on every run until fixed. */
export function skippedFiles(db: DB): Warning[] {
  return (db.prepare('SELECT path, reason FROM skipped ORDER BY path').all() as Array<{ path: string; reason: string }>).map((r) => ({ what: r.reason, path: r.path }));
}
