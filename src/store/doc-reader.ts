/**
 * Reads batches of files into index documents: on a worker thread for a large
 * build, so that parsing the next batch overlaps writing this one; in the calling
 * thread otherwise (or when no worker can be started).
 */

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';
import { type FileRef, type IndexDoc, readDoc } from './index-doc.js';

export interface DocReader {
  read(files: FileRef[]): Promise<Array<IndexDoc | string>>;
  close(): Promise<void>;
  /** How many reads it is worth keeping under way at once. */
  parallel: number;
}

export function inlineReader(root: string): DocReader {
  return {
    parallel: 1,
    read: async (files) => files.map((f) => readDoc(root, f)),
    close: async () => {},
  };
}

/** The worker's script: beside this module when run from source, at the bundle's top when built. */
function workerFile(): string | null {
  const here = import.meta.url;
  for (const rel of ['./parse-worker.ts', '../parse-worker.js', './parse-worker.js']) {
    const file = fileURLToPath(new URL(rel, here));
    if (fs.existsSync(file)) return file;
  }
  return null;
}

function startWorker(file: string): Worker | null {
  try {
    // required here, not at start: only a large build uses a worker, and loading it costs milliseconds
    const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
    const w = new Worker(file);
    w.unref();
    return w;
  } catch {
    return null;
  }
}

/** Parsing takes about as long as writing: one worker beside the writing thread keeps two cores busy (measured: a second worker gained nothing). */
export function workerReader(root: string, count = 1): DocReader {
  const file = workerFile();
  const workers = file ? Array.from({ length: count }, () => startWorker(file)).filter((w): w is Worker => !!w) : [];
  if (workers.length === 0) return inlineReader(root);
  // each worker answers its messages in order, so a queue of callbacks per worker pairs them up
  const waiting = workers.map(() => [] as Array<{ resolve: (d: Array<IndexDoc | string>) => void; reject: (e: unknown) => void }>);
  workers.forEach((w, i) => {
    w.on('message', (docs) => waiting[i]!.shift()?.resolve(docs));
    w.on('error', (e) => waiting[i]!.splice(0).forEach((p) => p.reject(e)));
  });
  let turn = 0;
  return {
    parallel: workers.length,
    read: (files) =>
      new Promise((resolve, reject) => {
        const i = turn++ % workers.length;
        waiting[i]!.push({ resolve, reject });
        workers[i]!.postMessage({ root, files: files.map(({ id, rel }) => ({ id, rel })) });
      }),
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
