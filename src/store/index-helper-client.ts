/**
 * Starts the index helper (store/index-helper.ts) for the reader: a child process at
 * low priority that syncs the index and answers searches. Its progress feeds the
 * header, its batches the list. Without it (an index in memory cannot be shared, or
 * the helper cannot start) the same work runs in this process.
 */

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type SyncProgress, progressText } from './progress.js';
import type { Warning } from './scan.js';
import type { Store } from './store.js';
import type { SearchPage } from './library.js';
import type { IndexStatusSource } from './index-status.js';
import { type HelperMessage, type SearchRequest, helperArgs } from './helper-protocol.js';
import type { View } from './views.js';

export interface IndexHelper {
  /** Skipped files, to name once the reader has given the terminal back. */
  warnings: Warning[];
  /** Notices of the helper (an index rebuilt), likewise. */
  notices: string[];
  /** The page, or null when a newer search overtook this one before it was answered. */
  search(view: View, query: string, offset: number, limit: number): Promise<SearchPage | null>;
  stop(): void;
}

// Redraw the list at most this often while a large build goes on.
const REFRESH_MS = 250;

function helperFile(): string | null {
  for (const rel of ['../index-helper.js', './index-helper.js', './index-helper.ts']) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    if (fs.existsSync(file)) return file;
  }
  return null;
}

export function startIndexHelper(store: Store, status: IndexStatusSource, stateFile: string | null): IndexHelper {
  const warnings: Warning[] = [];
  const notices: string[] = [];
  let last = 0;
  const onProgress = (p: SyncProgress) => {
    const now = Date.now();
    if (now - last < REFRESH_MS && p.found === undefined) return;
    last = now;
    status.update({ text: progressText(p, now), bump: p.found === undefined });
  };
  const finish = (changes: number, more: Warning[]) => {
    warnings.push(...more);
    status.update({ text: '', bump: changes > 0 });
  };

  const file = store.indexFile ? helperFile() : null;
  if (!file) {
    store.fullSync(onProgress).then(
      (r) => {
        if (r.added + r.removed > 0) store.reconcileState();
        finish(r.added + r.changed + r.removed, r.warnings);
      },
      (e) => finish(0, [{ what: `sync failed: ${(e as Error).message}`, path: store.root }]),
    );
    return {
      warnings,
      notices,
      search: async (view, q, offset, limit) => store.searchIn(view, q, limit, offset),
      stop: () => {},
    };
  }

  const child = spawn(process.execPath, [file, ...helperArgs(store.root, stateFile)], { stdio: ['pipe', 'pipe', 'ignore'] });
  try {
    if (child.pid) os.setPriority(child.pid, 10); // the reader's keys come first
  } catch {
    // not allowed here: it runs at normal priority
  }
  child.stdin.on('error', () => {}); // the helper may be gone already
  // Each search waits for its own answer; one overtaken by a newer search gets null.
  let seq = 0;
  const waiting = new Map<number, (page: SearchPage | null) => void>();
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    let msg: HelperMessage;
    try {
      msg = JSON.parse(line);
    } catch {
      return;
    }
    if (msg.progress) onProgress(msg.progress);
    if (msg.done) finish(msg.done.added + msg.done.changed + msg.done.removed, msg.done.warnings);
    if (msg.failed) finish(0, [{ what: `index helper: ${msg.failed}`, path: store.root }]);
    if (msg.notice) notices.push(msg.notice);
    if (msg.result) {
      for (const [n, resolve] of waiting) {
        if (n > msg.result.seq) continue;
        waiting.delete(n);
        resolve(n === msg.result.seq ? { count: msg.result.count, rows: msg.result.rows } : null);
      }
    }
  });
  child.on('error', () => finish(0, []));
  return {
    warnings,
    notices,
    search: (view, query, offset, limit) =>
      new Promise((resolve) => {
        const n = ++seq;
        waiting.set(n, resolve);
        const request: SearchRequest = { seq: n, view, search: query, offset, limit };
        child.stdin.write(JSON.stringify(request) + '\n');
      }),
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM'); // what it committed stays; the next start goes on from there
    },
  };
}
