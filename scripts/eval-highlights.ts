/**
 * Scores the highlighter on the hand-annotated sets in test/fixtures/highlights/:
 * precision, recall and F1 per type with overlap matching, and every miss and false hit.
 *   npm run eval:highlights [-- file.txt ...]
 */

import fs from 'node:fs';
import path from 'node:path';
import type { SpanType } from '../src/core/article.js';
import { type GoldParagraph, parseGoldFile, score } from '../src/core/gold.js';
import { highlight } from '../src/core/highlight/index.js';

const dir = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'test', 'fixtures', 'highlights');
const files = process.argv.slice(2).length ? process.argv.slice(2) : fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => path.join(dir, f));
const TYPES: SpanType[] = ['figure', 'source', 'quote'];
const quiet = process.env.EVAL_QUIET === '1';

for (const file of files) {
  const paragraphs: GoldParagraph[] = parseGoldFile(fs.readFileSync(file, 'utf8'));
  const pairs = paragraphs.map((p) => ({ gold: p.spans, predicted: highlight(p.text, p.kind) }));
  console.log(`\n${path.basename(file)}: ${paragraphs.length} paragraphs`);
  for (const type of TYPES) {
    const s = score(type, pairs);
    console.log(`  ${type.padEnd(7)} P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  (gold ${s.gold}, predicted ${s.predicted})`);
    if (quiet) continue;
    for (const m of s.misses) {
      const p = paragraphs.find((q) => q.spans.includes(m))!;
      console.log(`    miss   ${JSON.stringify(p.text.slice(m.start, m.end))}  in …${p.text.slice(Math.max(0, m.start - 30), m.end + 30)}…`);
    }
    s.falseHits.forEach((h, k) => {
      const p = paragraphs[s.where[k]!]!;
      console.log(`    false  ${JSON.stringify(p.text.slice(h.start, h.end))}  in …${p.text.slice(Math.max(0, h.start - 30), h.end + 30)}…`);
    });
  }
}
