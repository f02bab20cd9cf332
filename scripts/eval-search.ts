/**
 * Scores search on the Dutch relevance set (test/fixtures/search/: articles, and queries
 * with graded judgments, a dev part tuned on and a test part never tuned on): recall@10,
 * MRR and nDCG@10 by split and by kind of query, through the store as `krant --print
 * --search` runs it (a real SQLite index of the articles).
 *   npm run eval:search            EVAL_QUIET=1 for the scores only
 */

import fs from 'node:fs';
import path from 'node:path';
import { Store } from '../src/store/store.js';

const here = path.dirname(new URL(import.meta.url).pathname);
const set = path.join(here, '..', 'test', 'fixtures', 'search');
const quiet = process.env.EVAL_QUIET === '1';
const TARGET = { recall: 0.9, ndcg: 0.9 };

interface Judged {
  id: string;
  split: string;
  kind: string;
  query: string;
  grades: Map<string, number>;
}

function readQueries(text: string): Judged[] {
  return text.split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => {
    const [id, split, kind, query, judged] = l.split('\t') as [string, string, string, string, string];
    const grades = new Map(judged.trim().split(/\s+/).map((j) => {
      const [a, g] = j.split(':') as [string, string];
      return [a, Number(g)] as [string, number];
    }));
    return { id, split, kind, query, grades };
  });
}

interface Scores { recall: number; mrr: number; ndcg: number }

/** recall@10, reciprocal rank of the first relevant hit, nDCG@10 with gains 2^grade − 1. */
export function scoreRun(ranked: string[], grades: Map<string, number>): Scores {
  const top = ranked.slice(0, 10);
  const relevant = [...grades.values()].filter((g) => g > 0).length;
  const found = top.filter((id) => (grades.get(id) ?? 0) > 0).length;
  const first = top.findIndex((id) => (grades.get(id) ?? 0) > 0);
  const dcg = (gs: number[]) => gs.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = dcg([...grades.values()].sort((a, b) => b - a).slice(0, 10));
  return {
    recall: relevant ? found / relevant : 1,
    mrr: first >= 0 ? 1 / (first + 1) : 0,
    ndcg: ideal ? dcg(top.map((id) => grades.get(id) ?? 0)) / ideal : 1,
  };
}

const mean = (xs: Scores[]): Scores => ({
  recall: xs.reduce((s, x) => s + x.recall, 0) / xs.length,
  mrr: xs.reduce((s, x) => s + x.mrr, 0) / xs.length,
  ndcg: xs.reduce((s, x) => s + x.ndcg, 0) / xs.length,
});
const f3 = (n: number) => n.toFixed(3);
const line = (label: string, s: Scores, n: number) =>
  `${label.padEnd(22)} recall@10 ${f3(s.recall)}  MRR ${f3(s.mrr)}  nDCG@10 ${f3(s.ndcg)}  (${n} ${n === 1 ? 'query' : 'queries'})`;

const queries = readQueries(fs.readFileSync(path.join(set, 'queries.tsv'), 'utf8'));
const store = new Store(path.join(set, 'articles'), { memory: true });
await store.quickSync();
const runs = queries.map((q) => {
  const ranked = store.search(q.query, 10).map((r) => r.id);
  return { q, ranked, scores: scoreRun(ranked, q.grades) };
});
store.close();

let met = true;
for (const split of ['dev', 'test']) {
  const mine = runs.filter((r) => r.q.split === split);
  const all = mean(mine.map((r) => r.scores));
  console.log(`\n${line(`${split} (all)`, all, mine.length)}`);
  for (const kind of [...new Set(mine.map((r) => r.q.kind))]) {
    const k = mine.filter((r) => r.q.kind === kind);
    console.log(line(`  ${kind}`, mean(k.map((r) => r.scores)), k.length));
  }
  if (split === 'test') {
    const ok = all.recall >= TARGET.recall && all.ndcg >= TARGET.ndcg;
    met = ok;
    console.log(`target on test: recall@10 ≥ ${TARGET.recall} and nDCG@10 ≥ ${TARGET.ndcg}: ${ok ? 'met' : 'NOT met'}`);
  }
  if (quiet) continue;
  for (const r of mine) {
    if (r.scores.recall === 1 && r.scores.ndcg > 0.99) continue;
    const missed = [...r.q.grades].filter(([a, g]) => g > 0 && !r.ranked.includes(a)).map(([a]) => a);
    console.log(`  ${r.q.id} ${JSON.stringify(r.q.query)}: nDCG ${f3(r.scores.ndcg)} got [${r.ranked.map((a) => `${a}:${r.q.grades.get(a) ?? 0}`).join(' ')}]${missed.length ? ` missed ${missed.join(' ')}` : ''}`);
  }
}
process.exitCode = met ? 0 : 1;
