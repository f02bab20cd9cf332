/**
 * The reader's helper process for one folder: brings the index up to date (a full
 * sync), and answers searches, so that neither the time nor the memory of either
 * lands on the reader. JSON lines: searches come in on stdin as
 * `{seq, search, offset, limit}`; out on stdout go `{progress}` after every batch
 * written, `{done}`, and `{result: {seq, count, rows}}`. Then, when idle, it merges the
 * index's segments. Ends when stdin closes and the sync is done.
 */

import readline from 'node:readline';
import type { HelperMessage, SearchRequest } from './helper-protocol.js';
import { Store } from './store.js';

const emit = (msg: HelperMessage) => process.stdout.write(JSON.stringify(msg) + '\n');

const [dir, stateFile] = process.argv.slice(2);
if (!dir) process.exit(2);

let store: Store;
try {
  store = new Store(dir);
} catch (e) {
  emit({ failed: (e as Error).message });
  process.exit(1);
}
if (store.notice) emit({ notice: store.notice });
// Reading state beside the index: searches within a view, and marks that follow renamed files after the sync.
if (stateFile) {
  try {
    store.attachState(stateFile);
  } catch {
    // the reader said why it has no state; searches here show every view whole
  }
}

// Only the newest search is answered: while one ran, the user typed on.
let pending: SearchRequest | null = null;
let scheduled = false;
const answer = () => {
  scheduled = false;
  const req = pending;
  pending = null;
  if (!req) return;
  try {
    emit({ result: { seq: req.seq, ...store.searchIn(req.view ?? 'all', req.search, req.limit, req.offset) } });
  } catch (e) {
    emit({ result: { seq: req.seq, count: 0, rows: [], error: (e as Error).message } });
  }
};

let inputClosed = false;
let syncDone = false;
const maybeExit = () => {
  if (inputClosed && syncDone) {
    store.close();
    process.exit(0);
  }
};

readline
  .createInterface({ input: process.stdin })
  .on('line', (line) => {
    try {
      pending = JSON.parse(line) as SearchRequest;
    } catch {
      return;
    }
    if (!scheduled) {
      scheduled = true;
      setImmediate(answer);
    }
  })
  .on('close', () => {
    inputClosed = true;
    maybeExit();
  });

// When idle, the index's segments are merged in short steps (a first build leaves several):
// a search that comes in is answered first, and the helper stops merging when it exits.
const mergeWhenIdle = () => {
  if (pending || scheduled) return setTimeout(mergeWhenIdle, 50).unref();
  let more = false;
  try {
    more = store.mergeStep();
  } catch {
    // busy (another krant writing) or read-only: merged another time
  }
  if (more) setImmediate(mergeWhenIdle);
};

const started = performance.now();
store.fullSync((progress) => emit({ progress })).then(
  (r) => {
    try {
      // marks follow renamed files and learn which are gone: only when files came or went
      if (r.added + r.removed > 0) store.reconcileState();
    } catch {
      // the state is busy or gone: its marks follow renamed files on the next sync
    }
    const ms = Math.round(performance.now() - started);
    emit({ done: { added: r.added, changed: r.changed, removed: r.removed, ms, warnings: r.warnings } });
    syncDone = true;
    maybeExit();
    mergeWhenIdle();
  },
  (e) => {
    emit({ failed: (e as Error).message });
    syncDone = true;
    maybeExit();
  },
);
