/**
 * Runs the reader's full sync in a child process at low priority, feeding its
 * progress to the header and its batches to the list. Falls back to syncing in
 * this process when the index lives in memory (a child could not share it).
 */

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type SyncProgress, progressText } from '../store/progress.js';
import type { Warning } from '../store/scan.js';
import type { Store } from '../store/store.js';
import type { SyncFeedSource } from './sync-feed.js';

export interface BackgroundSync {
  /** Warnings to print once the reader has given the terminal back. */
  warnings: Warning[];
  stop(): void;
}

// Redraw the list at most this often while a large build goes on.
const REFRESH_MS = 250;

function childFile(): string | null {
  for (const rel of ['../sync-child.js', './sync-child.js', '../store/sync-child.ts']) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    if (fs.existsSync(file)) return file;
  }
  return null;
}

export function startBackgroundSync(store: Store, feed: SyncFeedSource): BackgroundSync {
  const out: BackgroundSync = { warnings: [], stop: () => {} };
  let last = 0;
  const onProgress = (p: SyncProgress) => {
    const now = Date.now();
    if (now - last < REFRESH_MS && p.found === undefined) return;
    last = now;
    feed.update({ text: progressText(p, now), bump: p.found === undefined });
  };
  const finish = (changes: number, warnings: Warning[]) => {
    out.warnings.push(...warnings);
    feed.update({ text: '', bump: changes > 0 });
  };

  const file = store.indexFile ? childFile() : null;
  if (!file) {
    store.fullSync(onProgress).then(
      (r) => finish(r.added + r.changed + r.removed, [...r.warnings, ...store.skipped()]),
      (e) => finish(0, [{ what: `sync failed: ${(e as Error).message}`, path: store.root }]),
    );
    return out;
  }
  const child = spawn(process.execPath, [file, store.root], { stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    if (child.pid) os.setPriority(child.pid, 10); // the reader's keys come first
  } catch {
    // not allowed here: it runs at normal priority
  }
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    let msg: { progress?: SyncProgress; done?: { added: number; changed: number; removed: number; warnings: Warning[] }; failed?: string; notice?: string };
    try {
      msg = JSON.parse(line);
    } catch {
      return;
    }
    if (msg.progress) onProgress(msg.progress);
    if (msg.done) finish(msg.done.added + msg.done.changed + msg.done.removed, msg.done.warnings);
    if (msg.failed) finish(0, [{ what: `sync failed: ${msg.failed}`, path: store.root }]);
    if (msg.notice) out.warnings.push({ what: msg.notice, path: store.root });
  });
  child.on('error', () => finish(0, []));
  out.stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM'); // what it committed stays; the next start goes on from there
  };
  return out;
}
