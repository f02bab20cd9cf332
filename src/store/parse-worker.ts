/** A worker thread that reads and parses files while the main thread writes the index. */

import { parentPort } from 'node:worker_threads';
import { packDocs } from './doc-transfer.js';
import { type FileRef, readDoc } from './index-doc.js';

parentPort?.on('message', (job: { root: string; files: FileRef[] }) => {
  const { message, transfer } = packDocs(job.files.map((f) => readDoc(job.root, f)));
  parentPort!.postMessage(message, transfer);
});
