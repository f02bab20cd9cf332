/** Opens (or creates) the SQLite index of a folder; falls back to memory when the cache cannot be written. */

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describeError, makeDir, moveAside } from './fs-util.js';

export type DB = Database.Database;

// Bump when the schema or what is stored changes: an index of another version is rebuilt.
export const SCHEMA_VERSION = 9;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  path TEXT NOT NULL,
  dir TEXT NOT NULL,
  size INTEGER NOT NULL,
  mtime REAL NOT NULL,
  title TEXT NOT NULL,
  date TEXT NOT NULL,
  source TEXT NOT NULL,
  -- who the article is, whatever its file is called: a 47-bit hash of its url, else of its text;
  -- reading state follows a file that is moved or renamed by it
  key INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS articles_order ON articles (date DESC, title, rowid);
CREATE INDEX IF NOT EXISTS articles_key ON articles (key);
CREATE INDEX IF NOT EXISTS articles_dir ON articles (dir);
CREATE TABLE IF NOT EXISTS folders (path TEXT PRIMARY KEY, mtime REAL NOT NULL, sig TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS skipped (path TEXT PRIMARY KEY, dir TEXT NOT NULL, size INTEGER NOT NULL, mtime REAL NOT NULL, reason TEXT NOT NULL);
-- title and body as words (stopwords out), and the other forms of those words the Dutch
-- analysis gives (core/dutch/analyze.ts: stems, compound parts, numbers, joined hyphens)
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5 (
  title, body, title_forms, body_forms,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);
`;

function prepare(db: DB): void {
  db.pragma('auto_vacuum = INCREMENTAL'); // takes effect on a new file only: before any table
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version !== SCHEMA_VERSION && version !== 0) {
    db.exec('DROP TABLE IF EXISTS fts; DROP TABLE IF EXISTS articles; DROP TABLE IF EXISTS folders; DROP TABLE IF EXISTS skipped; DROP TABLE IF EXISTS meta;');
  }
  db.exec(SCHEMA);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
}

export interface Opened {
  db: DB;
  file: string | null;
  /** Why the index is in memory, or why it was rebuilt; said once on stderr by the caller. */
  notice?: string;
}

function openFile(file: string): DB {
  makeDir(path.dirname(file));
  const db = new Database(file);
  try {
    prepare(db); // reads the schema: a file of garbage fails here (SQLITE_NOTADB)
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Is this error a damaged index (the main file, its WAL or SHM)? Then it is moved aside and rebuilt. */
export function isCorrupt(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  return /^SQLITE_(NOTADB|CORRUPT)/.test(code) || /malformed|not a database|vtable constructor failed|file is encrypted/i.test(String((e as Error)?.message ?? e));
}

/** Moves a damaged index and its WAL and SHM out of the way (kept for a look); where it went. */
export const moveIndexAside = (file: string): string => moveAside(file, `broken-${Date.now()}`);

/** Deletes an index and its WAL and SHM: `--reindex` starts from nothing, whatever state the file is in. */
export function removeIndex(file: string): void {
  for (const ext of ['', '-wal', '-shm']) fs.rmSync(file + ext, { force: true });
}

export function openIndex(file: string | null): Opened {
  if (file) {
    try {
      return { db: openFile(file), file };
    } catch (e) {
      if (isCorrupt(e)) {
        try {
          const aside = moveIndexAside(file);
          return { db: openFile(file), file, notice: `index was damaged, moved aside and rebuilt (${aside})` };
        } catch {
          // fall through to memory
        }
      }
      const reason = describeError(e);
      const db = new Database(':memory:');
      prepare(db);
      return { db, file: null, notice: `cannot write the index (${reason}), using one in memory (${file})` };
    }
  }
  const db = new Database(':memory:');
  prepare(db);
  return { db, file: null };
}
