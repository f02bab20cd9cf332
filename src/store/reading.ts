/**
 * Reading state: what was read, what was saved, and where reading stopped. The user's,
 * never a cache: kept apart from the index in `$XDG_STATE_HOME/krant/state.db` (default
 * `~/.local/state/krant/`), so that `--reindex`, a damaged index or a cleared cache lose
 * none of it. Each change is committed when it is made (WAL: a SIGKILL right after loses
 * nothing; two readers on one folder each commit their own). Marks are keyed by folder
 * and article id, and carry the article's key (its url, else a hash of its text) so that
 * a file moved or renamed in the folder takes its state along. A damaged file is moved
 * aside with one notice, never emptied; marks of articles whose files are gone are kept
 * (the file may come back) but not counted.
 */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DB } from './db.js';
import { isCorrupt } from './db.js';
import { describeError, makeDir, moveAside } from './fs-util.js';

export interface Marks {
  read: boolean;
  saved: boolean;
  /** Where reading stopped: a paragraph and an offset in it (any terminal width lands right). */
  place: { paragraph: number; offset: number } | null;
}

/** An article as the state knows it: its id in the folder, and its key (a hash of its url or text; 0 when not known). */
export interface ArticleRef {
  id: string;
  key: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS folders (folder INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS marks (
  folder INTEGER NOT NULL,
  id TEXT NOT NULL,
  key INTEGER NOT NULL DEFAULT 0,
  read INTEGER NOT NULL DEFAULT 0,
  saved INTEGER NOT NULL DEFAULT 0,
  para INTEGER,
  off INTEGER,
  -- whether the article's file is there: counted only then (kept up to date by each sync)
  present INTEGER NOT NULL DEFAULT 1,
  changed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (folder, id)
) WITHOUT ROWID;
-- partial: only what is counted (a read or saved article that is there), so the file stays small
CREATE INDEX IF NOT EXISTS marks_read ON marks (folder) WHERE present = 1 AND read = 1;
CREATE INDEX IF NOT EXISTS marks_saved ON marks (folder) WHERE present = 1 AND saved = 1;
`;

export function stateDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_STATE_HOME && path.isAbsolute(env.XDG_STATE_HOME) ? env.XDG_STATE_HOME : path.join(os.homedir(), '.local', 'state');
  return path.join(base, 'krant');
}

function openFile(file: string): DB {
  const db = new Database(file, { timeout: 5000 });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = -256'); // small: its rows are few and read a page at a time
    db.exec(SCHEMA); // a file that is not a database, or whose schema is damaged, fails here
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function upsert(db: DB, column: 'read' | 'saved') {
  return db.prepare(
    `INSERT INTO marks (folder, id, key, ${column}, present, changed) VALUES (@folder, @id, @key, @value, 1, @now)
     ON CONFLICT (folder, id) DO UPDATE SET ${column} = @value, key = CASE WHEN @key <> 0 THEN @key ELSE key END, present = 1, changed = @now`,
  );
}

/** The schema in another database's name space, for an index that attaches a state kept in memory. */
export const stateSchema = (prefix: string) => SCHEMA.replace(/(TABLE IF NOT EXISTS|INDEX IF NOT EXISTS) (\w+)/g, `$1 ${prefix}.$2`);

const stamp = () => new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');

export class ReadingState {
  /** The file, or null when the state is held in memory (then it is said why, in `notice`). */
  readonly file: string | null;
  readonly notice: string | undefined;
  private readonly db: DB;
  /** The folder's number in this state (its path is kept once, in \`folders\`). */
  readonly folder: number;
  private readonly stmts;

  /** The state of the articles of `folder` (a resolved path). */
  constructor(folder: string, env: NodeJS.ProcessEnv = process.env, options: { memory?: boolean } = {}) {
    let db: DB | null = null;
    let file: string | null = options.memory ? null : path.join(stateDir(env), 'state.db');
    let notice: string | undefined;
    if (file) {
      try {
        makeDir(path.dirname(file));
        db = openFile(file);
      } catch (e) {
        if (isCorrupt(e) && fs.existsSync(file)) {
          // Damaged: keep it for the user, start afresh beside it.
          try {
            const aside = moveAside(file, `damaged-${stamp()}`);
            db = openFile(file);
            notice = `reading state was damaged; moved aside and started afresh (${aside})`;
          } catch {
            db = null;
          }
        }
        if (!db) {
          notice = `cannot keep reading state (${describeError(e)}); read and saved marks last until krant ends (${file})`;
          file = null;
        }
      }
    }
    if (!db) {
      db = new Database(':memory:');
      db.exec(SCHEMA);
    }
    this.db = db;
    this.file = file;
    this.notice = notice;
    this.folder = folderNumber(db, folder);
    this.stmts = {
      get: db.prepare('SELECT read, saved, para, off FROM marks WHERE folder = @folder AND id = @id'),
      read: upsert(db, 'read'),
      saved: upsert(db, 'saved'),
      place: db.prepare(
        `INSERT INTO marks (folder, id, key, para, off, present, changed) VALUES (@folder, @id, @key, @para, @off, 1, @now)
         ON CONFLICT (folder, id) DO UPDATE SET para = @para, off = @off, key = CASE WHEN @key <> 0 THEN @key ELSE key END, present = 1, changed = @now`,
      ),
    };
  }

  close(): void {
    this.db.close();
  }

  get(id: string): Marks {
    const r = this.stmts.get.get({ folder: this.folder, id }) as { read: number; saved: number; para: number | null; off: number | null } | undefined;
    return { read: !!r?.read, saved: !!r?.saved, place: r && r.para !== null && r.off !== null ? { paragraph: r.para, offset: r.off } : null };
  }

  setRead(refs: readonly ArticleRef[], read: boolean): void {
    this.write('read', refs, read);
  }

  setSaved(refs: readonly ArticleRef[], saved: boolean): void {
    this.write('saved', refs, saved);
  }

  setPlace(ref: ArticleRef, paragraph: number, offset: number): void {
    this.stmts.place.run({ folder: this.folder, id: ref.id, key: ref.key, para: paragraph, off: offset, now: Date.now() });
  }


  private write(column: 'read' | 'saved', refs: readonly ArticleRef[], value: boolean): void {
    const stmt = this.stmts[column];
    const now = Date.now();
    // one transaction: a thousand marks commit at once, or none
    this.db.transaction(() => {
      for (const r of refs) stmt.run({ folder: this.folder, id: r.id, key: r.key, value: value ? 1 : 0, now });
    })();
  }
}

/** The number of a folder in the state, made on first use. */
export function folderNumber(db: DB, folder: string, schema = 'main'): number {
  db.prepare(`INSERT INTO ${schema}.folders (path) VALUES (?) ON CONFLICT (path) DO NOTHING`).run(folder);
  return db.prepare(`SELECT folder FROM ${schema}.folders WHERE path = ?`).pluck().get(folder) as number;
}

/**
 * After a sync: marks whose article was moved or renamed (same key, new id) follow it,
 * and each mark learns whether its article is there. Runs on an index connection with
 * the state attached as `st` (see Store.attachState).
 */
export function reconcile(index: DB, folder: number): void {
  index.transaction(() => {
    index
      .prepare(
        `UPDATE st.marks SET id = (SELECT a.id FROM articles a WHERE a.key = st.marks.key
            AND NOT EXISTS (SELECT 1 FROM st.marks m WHERE m.folder = st.marks.folder AND m.id = a.id) LIMIT 1)
         WHERE folder = ? AND key <> 0 AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = st.marks.id)
           AND EXISTS (SELECT 1 FROM articles a WHERE a.key = st.marks.key
            AND NOT EXISTS (SELECT 1 FROM st.marks m WHERE m.folder = st.marks.folder AND m.id = a.id))`,
      )
      .run(folder);
    // written only where it changes: a sync that changed little writes little
    index.prepare(`UPDATE st.marks SET present = 1 - present WHERE folder = ?
       AND present <> EXISTS (SELECT 1 FROM articles a WHERE a.id = st.marks.id)`).run(folder);
  })();
}
