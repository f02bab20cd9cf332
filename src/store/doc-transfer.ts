/**
 * How parsed documents cross from a parse worker to the thread that writes the index: the
 * texts of their full-text rows as UTF-8 in one buffer that is moved, not copied, so that
 * the writing thread neither rebuilds them as strings nor encodes them again for SQLite
 * (which reads UTF-8, and takes the bytes as they are).
 */

import type { IndexDoc } from './index-doc.js';

/** A worker's answer: each document without its texts (or why it was skipped), and the texts. */
export interface DocMessage {
  docs: Array<Omit<IndexDoc, 'fts'> | string>;
  /** The texts of the documents' rows, one after another. */
  bytes: ArrayBuffer;
  /** Where each text ends in `bytes`: four per document (a skipped one's are empty). */
  ends: Int32Array;
}

const TEXTS = 4;
const encoder = new TextEncoder();
// where a worker encodes, grown as needed; each message gets a copy of just what it holds
let scratch = new Uint8Array(1 << 20);

/** Documents as a message, and what to move with it. */
export function packDocs(docs: Array<IndexDoc | string>): { message: DocMessage; transfer: ArrayBuffer[] } {
  const ends = new Int32Array(docs.length * TEXTS);
  let at = 0;
  docs.forEach((d, i) => {
    for (let k = 0; k < TEXTS; k++) {
      if (typeof d !== 'string') {
        const text = d.fts[k] as string;
        if (scratch.length - at < text.length * 3) {
          // UTF-8 takes at most three bytes per UTF-16 unit
          const more = new Uint8Array(Math.max(scratch.length * 2, at + text.length * 3));
          more.set(scratch.subarray(0, at));
          scratch = more;
        }
        at += encoder.encodeInto(text, scratch.subarray(at)).written;
      }
      ends[i * TEXTS + k] = at;
    }
  });
  const bytes = scratch.slice(0, at).buffer;
  const meta = docs.map((d) => {
    if (typeof d === 'string') return d;
    const { fts: _texts, ...rest } = d;
    return rest;
  });
  return { message: { docs: meta, bytes, ends }, transfer: [bytes] };
}

/** The documents of a message, their texts as views of its bytes. */
export function unpackDocs(m: DocMessage): Array<IndexDoc | string> {
  return m.docs.map((d, i) => {
    if (typeof d === 'string') return d;
    const view = (k: number) => {
      const start = i * TEXTS + k === 0 ? 0 : m.ends[i * TEXTS + k - 1]!;
      return new Uint8Array(m.bytes, start, m.ends[i * TEXTS + k]! - start);
    };
    return Object.assign(d, { fts: [view(0), view(1), view(2), view(3)] as IndexDoc['fts'] });
  });
}
