/**
 * Reads batches of files into index documents: on a worker thread for a large
 * build, so that parsing the next batch overlaps writing this one; in the calling
 * thread otherwise (or when no worker can be started).
 */

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';
import { type DocMessage, unpackDocs } from './doc-transfer.js';
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

// Files per message to a worker: it holds what it parsed until it sends it, and the fewer
// such documents outlive its young generation, the less it collects (measured: with 2 000
// per message a fifth of the worker's time went to the collector; with 250, a twentieth).
const MESSAGE = 250;

/**
 * Reads on `count` worker threads, each batch split into messages among them. Parsing a
 * file costs more than writing it: with one worker the writing thread waited for it 40 %
 * of a first build of 200 000 articles, with two that build took 28 s instead of 33 s.
 */
export function workerReader(root: string, count: number): DocReader {
  const file = workerFile();
  const workers = file ? Array.from({ length: count }, () => startWorker(file)).filter((w): w is Worker => !!w) : [];
  if (workers.length === 0) return inlineReader(root);
  // each worker answers its messages in order, so a queue of callbacks per worker pairs them up
  const waiting = workers.map(() => [] as Array<{ resolve: (d: Array<IndexDoc | string>) => void; reject: (e: unknown) => void }>);
  workers.forEach((w, i) => {
    w.on('message', (m: DocMessage) => waiting[i]!.shift()?.resolve(unpackDocs(m)));
    w.on('error', (e) => waiting[i]!.splice(0).forEach((p) => p.reject(e)));
  });
  let turn = 0;
  const ask = (files: FileRef[]) =>
    new Promise<Array<IndexDoc | string>>((resolve, reject) => {
      const i = turn++ % workers.length;
      waiting[i]!.push({ resolve, reject });
      workers[i]!.postMessage({ root, files: files.map(({ id, rel }) => ({ id, rel })) });
    });
  return {
    parallel: workers.length,
    read: async (files) => {
      const parts: Array<Promise<Array<IndexDoc | string>>> = [];
      for (let i = 0; i < files.length; i += MESSAGE) parts.push(ask(files.slice(i, i + MESSAGE)));
      return (await Promise.all(parts)).flat();
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
