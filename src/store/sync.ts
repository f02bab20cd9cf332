/**
 * Brings the index in line with the files: compare path, size and mtime, parse only
 * what changed, delete what vanished. README "The index" says what full and quick sync catch.
 */

import fs from 'node:fs';
import path from 'node:path';
import type { DB } from './db.js';
import { osPath } from './fs-util.js';
import { type DocReader, inlineReader, workerReader } from './doc-reader.js';
import type { IndexDoc } from './index-doc.js';
import { type FileEntry, type FolderListing, type Scan, type Warning, scanTree } from './scan.js';

const BATCH = 2000;
// From this many files to parse, a sync is a bulk build: its files are parsed on two worker
// threads beside the one that writes, in batches of 5 000 (each a transaction, and a segment
// of the full-text index to merge: 2 000 made a build of 200 000 a tenth slower); the first
// batch is small, so that writing starts while the workers warm up.
const BULK = 5000;
const BULK_BATCH = 5000;
const FIRST_BULK_BATCH = 1000;
const WORKERS = 2;

/** The size of the batch that starts at `start`. */
const batchSize = (start: number, bulk: boolean) => (!bulk ? BATCH : start === 0 ? FIRST_BULK_BATCH : BULK_BATCH);

/** The todo list cut into batches: [start, end) ranges. */
function batchRanges(total: number, bulk: boolean): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < total; i += batchSize(i, bulk)) out.push([i, Math.min(i + batchSize(i, bulk), total)]);
  return out;
}

/** How many batches are read ahead of the one being written: one per reader, and one more. */
const underWay = (reader: DocReader) => reader.parallel + 1;

type Docs = Promise<Array<IndexDoc | string>>;

/**
 * The first batches of a first build, read while the scan goes on: with nothing indexed,
 * every file found is read, in the order found, so the workers need not wait for the end
 * of the scan (the first twentieth of a first build of 200 000 articles, with one core
 * idle). Reading starts once the scan has found enough files for a bulk build.
 */
class ReadAhead {
  reader: DocReader | null = null;
  readonly files: FileEntry[] = [];
  readonly pending: Docs[] = [];
  /** The batches asked for, as batchRanges cuts a bulk build. */
  readonly asked: Array<[number, number]> = [];

  constructor(private readonly root: string) {}

  found(listing: FolderListing): void {
    for (const f of listing.files) this.files.push(f); // not push(...files): a folder may hold more than a call takes
    if (this.files.length < BULK) return;
    this.reader ??= workerReader(this.root, WORKERS);
    // as many under way as apply keeps, each a whole batch of what is found so far
    for (;;) {
      const start = this.asked.length ? this.asked[this.asked.length - 1]![1] : 0;
      const end = start + batchSize(start, true);
      if (end > this.files.length || this.pending.length >= underWay(this.reader)) return;
      this.asked.push([start, end]);
      this.pending.push(this.reader.read(this.files.slice(start, end)));
    }
  }

  /** Are these the first files of a bulk build (then what was asked is its first batches, cut by the same sizes)? */
  fits(todo: Plan['todo']): boolean {
    if (!this.reader || this.asked.length === 0) return false;
    const [, end] = this.asked[this.asked.length - 1]!;
    return todo.length >= end && this.files.slice(0, end).every((f, i) => todo[i]!.file === f);
  }

  async discard(): Promise<void> {
    await Promise.allSettled(this.pending);
    await this.reader?.close();
  }
}

import type { SyncProgress } from './progress.js';

export type { SyncProgress };

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
  // No file is skipped yet (a first build): none to take off the list as each is written.
  private readonly noneSkipped: boolean;
  constructor(db: DB) {
    // Plain INSERT and UPDATE: an upsert with RETURNING made a bulk build three times slower;
    // parameters by position: by name cost a bulk build's writing thread a fifth more on these rows.
    const columns = 'path, dir, size, mtime, title, date, source, key';
    this.insert = db.prepare(`INSERT OR IGNORE INTO articles (id, ${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.update = db.prepare(`UPDATE articles SET (${columns}) = (?, ?, ?, ?, ?, ?, ?, ?) WHERE rowid = ?`);
    this.rowidOf = db.prepare('SELECT rowid FROM articles WHERE id = ?').pluck();
    this.ftsDelete = db.prepare('DELETE FROM fts WHERE rowid = ?');
    this.ftsInsert = db.prepare('INSERT INTO fts (rowid, title, body, title_forms, body_forms) VALUES (?, ?, ?, ?, ?)');
    this.deleteRow = db.prepare('DELETE FROM articles WHERE rowid = ?');
    this.skip = db.prepare('INSERT OR REPLACE INTO skipped (path, dir, size, mtime, reason) VALUES (?, ?, ?, ?, ?)');
    this.unskip = db.prepare('DELETE FROM skipped WHERE path = ?');
    this.noneSkipped = !db.prepare('SELECT 1 FROM skipped LIMIT 1').get();
  }

  put(file: FileEntry, doc: IndexDoc, existing: Row | undefined): void {
    const values = [file.rel, file.dir, file.size, file.mtimeMs, doc.title, doc.date, doc.source, doc.key] as const;
    // The row may exist though the plan did not see it: another krant indexed it meanwhile.
    let rowid = existing?.rowid;
    if (rowid === undefined) {
      const r = this.insert.run(file.id, ...values);
      rowid = r.changes ? Number(r.lastInsertRowid) : (this.rowidOf.get(file.id) as number);
      if (!r.changes) existing = { rowid } as Row;
    }
    if (existing) {
      this.update.run(...values, rowid);
      this.ftsDelete.run(rowid);
    }
    this.ftsInsert.run(rowid, ...doc.fts);
    if (!this.noneSkipped) this.unskip.run(file.rel);
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

async function apply(db: DB, root: string, p: Plan, onProgress?: (p: SyncProgress) => void, ahead?: ReadAhead): Promise<SyncResult> {
  const w = new Writer(db);
  const result: SyncResult = { added: 0, changed: 0, removed: 0, parsed: 0, warnings: [] };
  const startedAt = Date.now();
  db.transaction(() => {
    for (const row of p.gone) w.remove(row);
  }).immediate();
  result.removed = p.gone.length;
  const bulk = p.todo.length >= BULK;
  // A bulk build cut short (SIGKILL) leaves automerge off; turn it back on before writing more.
  if (!bulk && p.todo.length && db.prepare("SELECT v FROM fts_config WHERE k = 'automerge'").pluck().get() === 0) {
    db.exec("INSERT INTO fts (fts, rank) VALUES ('automerge', 4)");
  }
  // A large build leaves merging the full-text segments for later (below), not after every batch.
  if (bulk) {
    db.exec("INSERT INTO fts (fts, rank) VALUES ('automerge', 0)");
    // The index is a cache: a build cut short by a crash is rebuilt, so it need not wait for the disk.
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -32000'); // 32 MB while building: the index pages being written stay in memory
  }
  // Batches keep a first build of a large archive visible (and interruptible) as it goes;
  // the next batch is read and parsed (on a worker, for a bulk build) while this one is written.
  const ranges = batchRanges(p.todo.length, bulk);
  const readAhead = bulk && ahead?.fits(p.todo);
  if (ahead && !readAhead) await ahead.discard();
  const reader: DocReader = readAhead ? ahead!.reader! : bulk ? workerReader(root, WORKERS) : inlineReader(root);
  const batchAt = (b: number) => p.todo.slice(ranges[b]![0], ranges[b]![1]);
  const pending: Docs[] = readAhead ? ahead!.pending : [];
  let asked = readAhead ? ahead!.asked.length : 0;
  const askAhead = () => {
    while (asked < ranges.length && pending.length < underWay(reader)) {
      pending.push(reader.read(batchAt(asked++).map((t) => t.file)));
    }
  };
  for (let b = 0; b < ranges.length; b++) {
    askAhead();
    const items = batchAt(b);
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
          // named on the run that reads it and skips it: the first, and after each change
          result.warnings.push({ what: parsed, path: file.rel });
          continue;
        }
        w.put(file, parsed, existing);
        if (existing) result.changed++;
        else result.added++;
      }
    }).immediate();
    onProgress?.({ done: ranges[b]![1], total: p.todo.length, startedAt });
  }
  await reader.close();
  if (bulk) {
    // The segments are not merged into one here (that took a sixth of a build of 200 000, on
    // one core): searching the few a build leaves measured as fast, and `mergeStep` merges
    // them later in small steps, when the reader's index helper has nothing else to do.
    db.exec("INSERT INTO fts (fts, rank) VALUES ('automerge', 4)");
    db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(MERGE_PENDING, '1');
    db.pragma('incremental_vacuum'); // the pages the merges during the build freed, given back
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = -2000'); // SQLite's default again: the reader's memory matters more
  }
  return result;
}

interface KnownFolder {
  mtime: number;
  sig: string;
}

function knownFolders(db: DB): Map<string, KnownFolder> {
  const rows = db.prepare('SELECT path, mtime, sig FROM folders').all() as Array<{ path: string; mtime: number; sig: string }>;
  return new Map(rows.map((r) => [r.path, { mtime: r.mtime, sig: r.sig }]));
}

function skippedLookup(db: DB): (f: FileEntry) => boolean {
  const rows = db.prepare('SELECT path, size, mtime FROM skipped').all() as Array<{ path: string; size: number; mtime: number }>;
  const m = new Map(rows.map((r) => [r.path, r]));
  return (f) => {
    const r = m.get(f.rel);
    return !!r && r.size === f.size && r.mtime === f.mtimeMs;
  };
}

/**
 * Brings the rows of the folders that changed in line with the scan. A folder listed
 * with the signature it had last time changed nothing, and its rows are not read.
 */
async function syncScan(db: DB, root: string, scan: Scan, known: Map<string, KnownFolder>, onProgress?: (p: SyncProgress) => void, ahead?: ReadAhead): Promise<SyncResult> {
  const changed = scan.listed.filter((f) => known.get(f.dir)?.sig !== f.sig);
  const gone = [...known.keys()].filter((dir) => !scan.seen.has(dir));
  const byDir = db.prepare('SELECT rowid, id, path, size, mtime FROM articles WHERE dir = ?');
  const rows = [...changed.map((f) => f.dir), ...gone].flatMap((d) => byDir.all(d) as Row[]);
  const files = changed.flatMap((f) => f.files);
  const p = plan(files, rows, skippedLookup(db));
  // Another sync (a fetch's, beside the reader's) may have indexed a file after this scan
  // listed its folder: its row is read here but its file was not seen. Gone only if gone.
  p.gone = p.gone.filter((r) => !fs.existsSync(osPath(path.join(root, r.path))));
  const result = await apply(db, root, p, onProgress, ahead);

  const present = new Set(files.map((f) => f.rel));
  const dirs = new Set([...changed.map((f) => f.dir), ...gone]);
  const listed = new Map(scan.listed.map((f) => [f.dir, f]));
  const delSkipped = db.prepare('DELETE FROM skipped WHERE path = ?');
  const putFolder = db.prepare('INSERT OR REPLACE INTO folders (path, mtime, sig) VALUES (?, ?, ?)');
  const delFolder = db.prepare('DELETE FROM folders WHERE path = ?');
  db.transaction(() => {
    for (const r of db.prepare('SELECT path, dir FROM skipped').all() as Array<{ path: string; dir: string }>) {
      if (dirs.has(r.dir) && !present.has(r.path)) delSkipped.run(r.path);
    }
    for (const dir of gone) delFolder.run(dir);
    for (const [dir, mtime] of scan.seen) {
      const old = known.get(dir);
      const sig = listed.get(dir)?.sig ?? old?.sig ?? '';
      if (!old || old.mtime !== mtime || old.sig !== sig) putFolder.run(dir, mtime, sig);
    }
  }).immediate();
  result.warnings.push(...scan.warnings);
  return result;
}

/** Full sync: every folder listed, a stat of every file. Catches everything, including files edited in place. */
export async function fullSync(db: DB, root: string, onProgress?: (p: SyncProgress) => void): Promise<SyncResult> {
  const known = knownFolders(db);
  const startedAt = Date.now();
  const ahead = known.size === 0 && !db.prepare('SELECT 1 FROM articles LIMIT 1').get() ? new ReadAhead(root) : undefined;
  let scan: Scan;
  try {
    scan = scanTree(root, { onFound: (n) => onProgress?.({ done: 0, total: 0, found: n, startedAt }), onListed: ahead && ((l) => ahead.found(l)) });
  } catch (e) {
    await ahead?.discard();
    throw e;
  }
  return syncScan(db, root, scan, known, onProgress, ahead);
}

/**
 * Quick sync: only folders whose own mtime changed are listed again, which catches
 * every file added, removed or renamed. A file edited in place in an unchanged folder
 * waits for the next full sync.
 */
export async function quickSync(db: DB, root: string, onProgress?: (p: SyncProgress) => void): Promise<SyncResult> {
  const known = knownFolders(db);
  if (known.size === 0) return fullSync(db, root, onProgress);
  const mtimes = new Map([...known].map(([dir, k]) => [dir, k.mtime]));
  const scan = scanTree(root, { known: mtimes, listIf: (dir, mtime) => mtimes.get(dir) !== mtime });
  return syncScan(db, root, scan, known, onProgress);
}

// Pages of merging per step: about 10 ms (at most 30 ms measured, in an index of 200 000
// articles), short enough that a search waiting for one is not noticed.
const MERGE_PAGES = 100;
// The key in `meta` that says a bulk build's segments are still to be merged.
const MERGE_PENDING = 'merge-pending';

/**
 * One step of merging into one the segments a bulk build left (FTS5's incremental
 * 'merge', which with a negative count merges whatever segments there are, as 'optimize'
 * does at once). Whether there is more to merge. Only after a bulk build: the segments
 * later syncs add are merged as they go (automerge), and merging everything each time
 * would rewrite the whole index for a few new articles.
 */
export function mergeStep(db: DB): boolean {
  if (!db.prepare('SELECT 1 FROM meta WHERE key = ?').get(MERGE_PENDING)) return false;
  const changes = db.prepare('SELECT total_changes()').pluck();
  const before = changes.get() as number;
  db.prepare("INSERT INTO fts (fts, rank) VALUES ('merge', ?)").run(-MERGE_PAGES);
  // a step that changes nothing (FTS5's own record aside): one segment, done
  if ((changes.get() as number) - before >= 2) return true;
  db.prepare('DELETE FROM meta WHERE key = ?').run(MERGE_PENDING);
  return false;
}

/** The files skipped as unreadable, with why (they are named when skipped; see the README, "Skipped files"). */
export function skippedFiles(db: DB): Warning[] {
  return (db.prepare('SELECT path, reason FROM skipped ORDER BY path').all() as Array<{ path: string; reason: string }>).map((r) => ({ what: r.reason, path: r.path }));
}
