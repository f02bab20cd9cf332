/**
 * Scores the highlighter on the hand-annotated sets: precision, recall and F1 per type
 * with overlap matching (test/fixtures/highlights/ and the claims sets), and claim
 * attribution on test/fixtures/claims/; every miss and false hit is listed.
 *   npm run eval:highlights [-- file.txt ...]     EVAL_QUIET=1 for the scores only
 */

import fs from 'node:fs';
import path from 'node:path';
import type { SpanType } from '../src/core/article.js';
import { highlight } from '../src/core/highlight/index.js';
import { nearestSourceBefore, scoreClaims } from './eval/claims.js';
import { type GoldParagraph, parseGoldFile, score } from './eval/gold.js';

const fixtures = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'test', 'fixtures');
const inDir = (d: string) => fs.readdirSync(path.join(fixtures, d)).filter((f) => f.endsWith('.txt')).map((f) => path.join(fixtures, d, f));
const files = process.argv.slice(2).length ? process.argv.slice(2) : [...inDir('highlights'), ...inDir('claims')];
const TYPES: SpanType[] = ['figure', 'source', 'quote'];
const quiet = process.env.EVAL_QUIET === '1';
const f3 = (n: number) => n.toFixed(3);

for (const file of files) {
  const paragraphs: GoldParagraph[] = parseGoldFile(fs.readFileSync(file, 'utf8'));
  const pairs = paragraphs.map((p) => ({ gold: p.spans, predicted: highlight(p.text, p.kind) }));
  console.log(`\n${path.relative(fixtures, file)}: ${paragraphs.length} paragraphs`);
  for (const type of TYPES) {
    const s = score(type, pairs);
    console.log(`  ${type.padEnd(7)} P ${f3(s.precision)}  R ${f3(s.recall)}  F1 ${f3(s.f1)}  (gold ${s.gold}, predicted ${s.predicted})`);
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
  if (!paragraphs.some((p) => p.spans.some((x) => x.origin !== undefined || x.label !== undefined))) continue;
  const c = scoreClaims(paragraphs);
  console.log(`  claims  P ${f3(c.precision)}  R ${f3(c.recall)}  F1 ${f3(c.f1)}  (gold ${c.gold}, predicted ${c.predicted}, right ${c.right})`);
  console.log(`          unattributed left alone ${c.leftAlone}/${c.unattributed} = ${f3(c.unattributed ? c.leftAlone / c.unattributed : 1)}; via right ${c.viasRight}/${c.vias}, false vias ${c.falseVias}`);
  const b = scoreClaims(paragraphs, nearestSourceBefore);
  console.log(`          for comparison, the nearest source before the figure: F1 ${f3(b.f1)} (P ${f3(b.precision)}, R ${f3(b.recall)}), left alone ${b.leftAlone}/${b.unattributed}`);
  if (!quiet) for (const n of c.notes) console.log(`    ${n}`);
}
