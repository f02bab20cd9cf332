/**
 * What the Dutch analysis costs in the index: the share of its tokens that are the forms
 * (core/dutch/analyze.ts) rather than the words, read from the built index itself, and
 * those forms by kind (stems, compound parts, numbers, joined hyphens), counted over a
 * sample of the articles.
 */

import Database from 'better-sqlite3';
import { chunkForms, fold, wordForms } from '../src/core/dutch/analyze.js';
import { CHUNK, PIECE } from '../src/core/dutch/chunks.js';
import { STOPWORDS } from '../src/core/stopwords.js';

/** Tokens in the words columns and in the forms columns of an index file. */
export function formsShare(dbFile: string): { words: number; forms: number } {
  const db = new Database(dbFile);
  try {
    db.exec("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, 'fts', 'col')");
    const rows = db.prepare('SELECT col, sum(cnt) AS n FROM temp.vocab GROUP BY col').all() as Array<{ col: string; n: number }>;
    const n = (cols: string[]) => rows.filter((r) => cols.includes(r.col)).reduce((s, r) => s + r.n, 0);
    return { words: n(['title', 'body']), forms: n(['title_forms', 'body_forms']) };
  } finally {
    db.close();
  }
}

export interface FormKinds { stems: number; parts: number; numbers: number; joined: number }

/** How many forms of each kind texts give (as `indexTexts` adds them). */
export function formKinds(texts: string[]): FormKinds {
  const k: FormKinds = { stems: 0, parts: 0, numbers: 0, joined: 0 };
  for (const text of texts) {
    for (const m of text.matchAll(CHUNK)) {
      if (m[0].length < 3) continue;
      const chunk = fold(m[0]);
      const whole = chunkForms(chunk);
      if (whole.number) {
        k.numbers++;
        continue;
      }
      if (whole.joined) k.joined++;
      for (const p of chunk.match(PIECE)!) {
        if (p.length < 3 || STOPWORDS.has(p)) continue;
        const f = wordForms(p);
        if (f.stem !== p) k.stems++;
        if (f.number !== null && f.number !== p) k.numbers++;
        k.parts += f.parts.filter((x) => x !== p && x !== f.stem).length;
      }
    }
  }
  return k;
}
