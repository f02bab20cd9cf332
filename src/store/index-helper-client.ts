/**
 * Starts the index helper (store/index-helper.ts) for the reader: a child process at
 * low priority that syncs the index and answers searches. Its progress feeds the
 * header, its batches the list. Without it (an index in memory cannot be shared, or
 * the helper cannot start) the same work runs in this process.
 */

import { type ChildProcess, spawn } from 'node:child_process';
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
// The helper starts this long after the reader's first frame (see start below).
const START_AFTER_MS = 150;
// How long typing must pause before a search goes to the helper (see search below).
const SEARCH_PAUSE_MS = 50;

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
    // after the first frame and the first keys (setImmediate runs once input waiting is read)
    setImmediate(() => store.fullSync(onProgress).then(
      (r) => {
        if (r.added + r.removed > 0) store.reconcileState();
        finish(r.added + r.changed + r.removed, r.warnings);
      },
      (e) => finish(0, [{ what: `sync failed: ${(e as Error).message}`, path: store.root }]),
    ));
    return {
      warnings,
      notices,
      search: async (view, q, offset, limit) => store.searchIn(view, q, limit, offset),
      stop: () => {},
    };
  }

  // Each search waits for its own answer; one overtaken by a newer search gets null.
  let seq = 0;
  let pendingRequest: SearchRequest | null = null;
  let sendTimer: NodeJS.Timeout | undefined;
  const waiting = new Map<number, (page: SearchPage | null) => void>();
  const onLine = (line: string) => {
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
        resolve(n === msg.result.seq ? { count: msg.result.count, rows: msg.result.rows, partial: msg.result.partial } : null);
      }
    }
  };

  // Started once the first frame is drawn and keys typed meanwhile are answered (a process
  // starting beside the reader on a two-core machine slows its first key), or at once by a search.
  let child: ChildProcess | null = null;
  let stopped = false;
  const start = (): ChildProcess | null => {
    if (child || stopped) return child;
    child = spawn(process.execPath, [file, ...helperArgs(store.root, stateFile)], { stdio: ['pipe', 'pipe', 'ignore'] });
    try {
      if (child.pid) os.setPriority(child.pid, 10); // the reader's keys come first
    } catch {
      // not allowed here: it runs at normal priority
    }
    child.stdin!.on('error', () => {}); // the helper may be gone already
    readline.createInterface({ input: child.stdout! }).on('line', onLine);
    child.on('error', () => finish(0, []));
    return child;
  };
  // an empty index has nothing to show until the helper has built it: then at once
  const timer = setTimeout(start, store.count() === 0 ? 0 : START_AFTER_MS);
  return {
    warnings,
    notices,
    search: (view, query, offset, limit) =>
      new Promise((resolve) => {
        const n = ++seq;
        waiting.set(n, resolve);
        // Sent once typing pauses: a search cannot be stopped once the helper runs it, and one
        // for a word half typed (`pol`) would hold up the one for the word (`politie`).
        pendingRequest = { seq: n, view, search: query, offset, limit };
        clearTimeout(sendTimer);
        sendTimer = setTimeout(() => {
          const request = pendingRequest;
          pendingRequest = null;
          if (request) start()?.stdin!.write(JSON.stringify(request) + '\n');
        }, SEARCH_PAUSE_MS);
      }),
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(sendTimer);
      if (child && child.exitCode === null) child.kill('SIGTERM'); // what it committed stays; the next start goes on from there
    },
  };
}
